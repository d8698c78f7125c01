"""One knowledge object: every table built from the knowledge files lives on it, so a table built from another
(the screen's words from the lexicon) is never stale, and a service or test can run on files of its own."""
from __future__ import annotations

import shutil

import pytest

from sitrep.extract import load_lexicon
from sitrep.knowledge import PACKAGED, Knowledge, current_knowledge, reset_knowledge, use_knowledge
from sitrep.nlp.screen import screen, screen_words


def _with_extra_trigger(tmp_path, word: str):
    events = (PACKAGED / "events.toml").read_text(encoding="utf-8")
    events += f'\n[[trigger]]\nlemmas = ["{word}"]\npos = ["NOUN", "VERB"]\nkind = "attack"\n'
    (tmp_path / "events.toml").write_text(events, encoding="utf-8")
    shutil.copy(PACKAGED / "weapons.toml", tmp_path / "weapons.toml")


def test_a_knowledge_object_of_other_files_changes_the_lexicon_and_the_tables_built_from_it(tmp_path):
    _with_extra_trigger(tmp_path, "zorch")
    assert "zorch" not in load_lexicon().triggers
    assert not screen("The militia zorched the village.")
    with use_knowledge(Knowledge(tmp_path)):
        assert "zorch" in load_lexicon().triggers
        assert "zorched" in screen_words()  # derived from this object's lexicon, not a stale copy
        assert screen("The militia zorched the village.")
    assert "zorch" not in load_lexicon().triggers  # the default knowledge again
    assert "zorched" not in screen_words()


def test_reset_rereads_the_override_directory(tmp_path, monkeypatch):
    _with_extra_trigger(tmp_path, "blorp")
    monkeypatch.setenv("SITREP_KNOWLEDGE", str(tmp_path))
    reset_knowledge()
    try:
        assert current_knowledge().path("events.toml") == tmp_path / "events.toml"
        assert current_knowledge().path("actors.csv") == PACKAGED / "actors.csv"  # file by file
        assert "blorp" in load_lexicon().triggers and "blorped" in screen_words()
    finally:
        monkeypatch.delenv("SITREP_KNOWLEDGE")
        reset_knowledge()
    assert "blorp" not in load_lexicon().triggers and "blorped" not in screen_words()


def test_tables_are_built_once():
    kb = current_knowledge()
    assert load_lexicon() is load_lexicon()
    assert any("load_lexicon" in name for name in kb.loaded())


def test_read_toml_names_the_file_and_the_line_of_an_error(tmp_path):
    from sitrep.errors import KnowledgeError
    from sitrep.knowledge import read_toml

    good = tmp_path / "ok.toml"
    good.write_text("[a]\nb = 1\n", encoding="utf-8")
    assert read_toml(good) == ("[a]\nb = 1\n", {"a": {"b": 1}})
    bad = tmp_path / "bad.toml"
    bad.write_text("[a]\nb = 1\nc = = 2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        read_toml(bad)
    assert err.value.code == "E402" and f"{bad}:3:" in str(err.value)
    with pytest.raises(KnowledgeError) as err:
        read_toml(tmp_path / "missing.toml")
    assert err.value.code == "E401" and "missing.toml" in str(err.value)


def test_role_probabilities_do_not_hang_on_the_order_of_the_features():
    # Weights whose plain left-to-right sum depends on their order (1e16 + 1.0 rounds back to 1e16): the exact sum
    # is 1.0 whatever order the feature set iterates in, which string hashing changes from process to process.
    import math

    from sitrep.knowledge import role_probabilities

    table = {"big": [1e16], "one": [1.0], "minus_big": [-1e16]}
    want = 1.0 / (1.0 + math.exp(-1.0))
    for order in (["big", "one", "minus_big"], ["minus_big", "big", "one"], ["one", "minus_big", "big"]):
        assert role_probabilities(table, {"r": 0.0}, ("r",), order)["r"] == pytest.approx(want, abs=1e-12)


def test_the_clause_models_probability_does_not_hang_on_the_order_of_the_features():
    import math

    from sitrep.extract.clause_model import ClauseModel

    model = ClauseModel({"big": 1e16, "one": 1.0, "minus_big": -1e16}, 0.0, 0.5, {})
    for order in (["big", "one", "minus_big"], ["minus_big", "big", "one"], ["one", "minus_big", "big"]):
        assert model.probability(order) == pytest.approx(1.0 / (1.0 + math.exp(-1.0)), abs=1e-12)


def test_tables_are_frozen_out_of_the_cycle_collector_only_when_asked():
    import gc

    from sitrep.knowledge import freeze_tables

    knowledge = Knowledge(PACKAGED)
    gc.unfreeze()
    knowledge.table(("plain",), lambda: [1])
    assert gc.get_freeze_count() == 0  # a library import leaves the process's collector alone
    try:
        freeze_tables()
        knowledge.table(("frozen",), lambda: [2])
        assert gc.get_freeze_count() > 0
    finally:
        freeze_tables(False)
        gc.unfreeze()


def test_a_command_run_in_process_puts_the_freeze_setting_back(tmp_path, capsys):
    import sitrep.knowledge as knowledge_module
    from sitrep.cli import main

    report = tmp_path / "report.txt"
    report.write_text("A bakery was closed on Monday for repairs.\n", encoding="utf-8")
    assert knowledge_module._FREEZE_TABLES is False
    assert main(["extract", str(report)]) == 0
    assert knowledge_module._FREEZE_TABLES is False
