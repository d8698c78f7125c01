"""Training the role model end to end on a small slice of the MUC-4 development reports: the file it writes
loads, scores, and says how it was made. (The shipped model is trained on DEV 0101-1300; see README.)"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
MUC = SHARED / "data" / "muc4"


@pytest.mark.shared
@pytest.mark.slow
def test_train_on_a_slice_writes_a_usable_model(tmp_path, capsys):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (pip install -e '.[dev]')")
    docs, keys = MUC / "docs" / "dev-muc3-0101-0200", MUC / "keys" / "key-dev-0101.muc4"
    if not docs.exists() or not keys.exists():
        pytest.skip("needs ../shared/data (MUC-4 dev-muc3-0101-0200 and key-dev-0101.muc4)")
    from sitrep.evaluation import train_roles
    from sitrep.extract.role_model import ROLE_KEYS, RoleCandidate, RoleModel

    out, cache = tmp_path / "model.json", tmp_path / "cache.jsonl"
    assert train_roles.main(["--docs", str(docs), "--keys", str(keys), "--out", str(out), "--cache", str(cache),
                             "--folds", "2"]) == 0
    printed = capsys.readouterr().out
    assert "2-fold CV on the training reports: micro P=" in printed
    model = RoleModel.load(out)
    assert set(model.weights) == set(ROLE_KEYS) and all(model.weights[r] for r in ROLE_KEYS)
    assert "100 MUC-4 reports" in model.meta["trained_on"]
    # a perpetrator-looking phrase outranks a date for the perpetrator role
    perp = RoleCandidate(0, 10, "GUERRILLAS", 0, 0, ["h=guerrilla", "lex=perpetrator", "dep=nsubj"])
    date = RoleCandidate(0, 5, "TODAY", 0, 0, ["h=today", "dep=npadvmod"])
    assert model.score(perp)["perpetrator_individuals"] > model.score(date)["perpetrator_individuals"]
    # the cache is reused: a second run reads it instead of parsing again
    records = [json.loads(line) for line in cache.read_text().splitlines()]
    assert len(records) == 100 and all({"id", "gold", "events", "cands"} <= set(r) for r in records)
    with pytest.raises(SystemExit):
        train_roles.main(["--docs", str(docs), "--keys", str(keys), "--folds", "1"])


def test_news_labels_map_arguments_onto_the_muc4_roles():
    from sitrep.evaluation.train_roles import news_labels

    args = [("Attacker", 0, 12), ("Victim", 20, 35), ("Instrument", 40, 45), ("Place", 50, 60)]
    assert news_labels(4, ["h=gunman"], args) == ["PerpOrg"]
    assert news_labels(4, ["h=smith", "person_name"], args) == ["PerpInd"]
    assert news_labels(22, [], args) == ["Victim"] and news_labels(41, [], args) == ["Weapon"]
    assert news_labels(55, [], args) == [] and news_labels(12, [], args) == []  # no place role; end excluded


def test_domain_features_copy_only_the_news_candidates():
    from sitrep.evaluation.train_roles import add_domain

    recs = [{"caps": True, "cands": [["X", 0, ["h=x"], []]]}, {"caps": False, "cands": [["y", 0, ["h=y"], []]]}]
    add_domain(recs, "copy")
    assert recs[0]["cands"][0][2] == ["h=x", "caps=True"]
    assert recs[1]["cands"][0][2] == ["h=y", "caps=False", "n|h=y", "n|caps=False"]
    add_domain(recs, "none")
    assert recs[0]["cands"][0][2] == ["h=x"] and recs[1]["cands"][0][2] == ["h=y"]
