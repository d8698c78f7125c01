"""MUC-4 readers and the CEAF-REE scorer: gold-as-prediction is 1.0, small cases score what they
score by hand, and the key reader copes with the files' quirks."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from sitrep.evaluation import muc4

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
MUC = SHARED / "data" / "muc4"

KEY = '''\
;;; a comment line
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 04 FEB 90
3.  INCIDENT: LOCATION              GUATEMALA: PETEN (DEPARTMENT): FLORES (CITY)
4.  INCIDENT: TYPE                  ATTACK
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         ?"EXPLOSIVES"
7.  INCIDENT: INSTRUMENT TYPE       -
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             "GUERRILLA COLUMN" / "GUERRILLAS"
10. PERP: ORGANIZATION ID           ? "URNG" / "GUATEMALAN NATIONAL REVOLUTIONARY UNITY"
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT: "URNG"
12. PHYS TGT: ID                    "\\"SANTO TOMAS\\" PRESIDENTIAL FARM" / "PRESIDENTIAL FARM"
                                    "TANK TRUCK"
13. PHYS TGT: TYPE                  -
14. PHYS TGT: NUMBER                -
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    -
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   "CEREZO"
                                    "NOT IN TEXT"
19. HUM TGT: DESCRIPTION            "PRESIDENT": "CEREZO"
                                    "PEASANT"
20. HUM TGT: TYPE                   -
21. HUM TGT: NUMBER                 -
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     -
24. HUM TGT: TOTAL NUMBER           -

;; an annotator's note with two semicolons
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
2.  INCIDENT: DATE                  02 FEB 90 - 03 FEB 90
4.  INCIDENT: TYPE                  BOMBING / ATTACK
6.  INCIDENT: INSTRUMENT ID         *
9.  PERP: INDIVIDUAL ID             "GUERRILLAS"
12. PHYS TGT: ID                    "FARM"
18. HUM TGT: NAME                   -

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
9.  PERP: INDIVIDUAL ID             *
'''

DOCS = '''\
TST9-MUC4-0001

   GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] A GUERRILLA COLUMN
ATTACKED THE "SANTO TOMAS" PRESIDENTIAL FARM WITH EXPLOSIVES, WHERE
PRESIDENT CEREZO WAS STAYING.  THE GUERRILLAS OF THE URNG ALSO BURNED A
TANK TRUCK.


TST9-MUC4-0002 (NOSC)

   SAN SALVADOR, NO DATE (FBIS) -- [TEXT] NOTHING HAPPENED.
'''


def test_key_reader_quirks():
    temps = muc4.parse_keys(KEY, "k")
    assert [t.doc_id for t in temps] == ["TST9-MUC4-0001", "TST9-MUC4-0001", "TST9-MUC4-0002"]
    t1, t2, t3 = temps
    assert (t1.number, t1.optional, t2.number, t2.optional, t3.number) == (1, False, 2, True, None)
    assert not t3.relevant
    assert t1.fillers("PHYS TGT: ID") == [['"SANTO TOMAS" PRESIDENTIAL FARM', "PRESIDENTIAL FARM"], ["TANK TRUCK"]]
    assert t1.fillers("INCIDENT: INSTRUMENT ID") == [["EXPLOSIVES"]]  # "?" stripped
    assert t1.fillers("PERP: ORGANIZATION ID") == [["URNG", "GUATEMALAN NATIONAL REVOLUTIONARY UNITY"]]
    assert t1.fillers("HUM TGT: NAME") == [["CEREZO"], ["NOT IN TEXT"]]
    assert t2.fillers("INCIDENT: INSTRUMENT ID") == [] and t2.fillers("HUM TGT: NAME") == []
    assert t1.date_range == (None, date(1990, 2, 4))
    assert t2.date_range == (date(1990, 2, 2), date(1990, 2, 3))
    assert t2.incident_types == ["BOMBING", "ATTACK"]
    assert t1.location_names == ["FLORES", "PETEN", "GUATEMALA"]


def test_key_reader_names_file_and_line():
    bad = "0.  MESSAGE: ID   TST9-MUC4-0003\n1.  MESSAGE: TEMPLATE   1\nGARBAGE HERE\n"
    with pytest.raises(muc4.MucFormatError, match=r"k\.muc4:3"):
        muc4.parse_keys(bad, "k.muc4")
    with pytest.raises(muc4.MucFormatError, match=r"k\.muc4:2: unknown slot"):
        muc4.parse_keys("0.  MESSAGE: ID   X-MUC4-0001\n7.  NO SUCH SLOT   1\n", "k.muc4")


def test_doc_reader_and_dateline():
    docs = muc4.parse_docs(DOCS, "d")
    assert [d.id for d in docs] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    d1, d2 = docs
    assert d1.report_date == date(1990, 2, 4) and d1.dateline_place == "GUATEMALA CITY" and d1.source == "ACAN-EFE"
    assert d1.text[d1.body_start:].startswith("A GUERRILLA COLUMN")
    assert d2.report_date is None and d2.dateline_place == "SAN SALVADOR"
    assert d2.text[d2.body_start:].startswith("NOTHING HAPPENED")
    with pytest.raises(muc4.MucFormatError):
        muc4.parse_docs("just some text\n", "d")


def _gold():
    docs = {d.id: d for d in muc4.parse_docs(DOCS, "d")}
    by = muc4.templates_by_doc(muc4.parse_keys(KEY, "k"))
    return {i: muc4.gold_entities(by[i], docs[i].text) for i in by}


def test_gold_built_as_grit_built_it():
    g = _gold()["TST9-MUC4-0001"]
    # optional template merged; "GUERRILLAS" is a subset of the first entity, "FARM" is not
    assert g["PerpInd"] == [["guerrilla column", "guerrillas"]]
    assert g["PerpOrg"] == [["urng"]]  # the long name does not occur in the text: dropped
    assert g["Target"] == [['"santo tomas" presidential farm', "presidential farm"], ["farm"], ["tank truck"]]
    assert g["Victim"] == [["cerezo"]]  # HUM TGT: NAME only, "NOT IN TEXT" dropped
    assert g["Weapon"] == [["explosives"]]
    assert all(v == [] for v in _gold()["TST9-MUC4-0002"].values())


def test_gold_as_prediction_scores_one():
    golds = _gold()
    for phi in ("strict", "head"):
        s = muc4.ceaf_ree(golds, golds, phi)
        assert (s.micro.precision, s.micro.recall, s.micro.f1) == (1.0, 1.0, 1.0)


def test_small_case_by_hand():
    gold = {"d": {"PerpInd": [["guerrilla column", "guerrillas"]], "Target": [["farm"], ["tank truck"]],
                  "Victim": [["cerezo"]]}}
    pred = {"d": {
        "PerpInd": [["THE GUERRILLAS"], ["terrorists"]],  # 1 of 2 right ("the" and case normalised)
        "Target": [["Farm."], ["farm"]],  # both match "farm" but one-to-one: 1
        "Victim": [],  # recall 0 of 1
        "Weapon": [["dynamite"]],  # false alarm
    }}
    s = muc4.ceaf_ree(pred, gold)
    assert (s.roles["PerpInd"].p_num, s.roles["PerpInd"].p_den, s.roles["PerpInd"].r_den) == (1, 2, 1)
    assert (s.roles["Target"].p_num, s.roles["Target"].p_den, s.roles["Target"].r_den) == (1, 2, 2)
    assert (s.roles["Victim"].p_den, s.roles["Victim"].r_den) == (0, 1)
    assert (s.roles["Weapon"].p_num, s.roles["Weapon"].p_den) == (0, 1)
    # micro: matched 2, predicted 5, gold 4
    assert s.micro.precision == pytest.approx(2 / 5)
    assert s.micro.recall == pytest.approx(2 / 4)
    assert s.micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert s.line() == "micro P=0.400 R=0.500 F1=0.444"


def test_strict_needs_all_mentions_and_head_variant_is_looser():
    gold = {"d": {"Target": [["presidential farm", "farm"]]}}
    two = {"d": {"Target": [["farm", "house"]]}}  # one mention not in the entity: strict 0
    assert muc4.ceaf_ree(two, gold).roles["Target"].p_num == 0
    longer = {"d": {"Target": [["santo tomas presidential farm"]]}}
    assert muc4.ceaf_ree(longer, gold).roles["Target"].p_num == 0
    assert muc4.ceaf_ree(longer, gold, "head").roles["Target"].p_num == 1
    assert muc4.head_noun("members of fmln") == "members"


def test_normalize_mention():
    assert muc4.normalize_mention('THE "SANTO TOMAS" Farm.') == "santo tomas farm"
    assert muc4.normalize_mention("An  ARMY-patrol") == "armypatrol"


def test_predictions_fold_contained_strings_with_same_head():
    p = muc4.predictions_from_fillers({"PerpInd": ["GUERRILLAS", "URBAN GUERRILLAS", "the guerrillas"],
                                       "Target": ["FARM", "TRUCK"]})
    assert p["PerpInd"] == [["URBAN GUERRILLAS"]]
    assert p["Target"] == [["FARM"], ["TRUCK"]]


def test_incident_accuracy_by_hand():
    temps = muc4.templates_by_doc(muc4.parse_keys(KEY, "k"))
    pred = {"TST9-MUC4-0001": [muc4.PredictedIncident(date(1990, 2, 3), "ATTACK", "Flores")]}
    acc = muc4.incident_accuracy(pred, temps)
    assert acc == {"templates": 1, "date": 1.0, "type": 1.0, "location": 1.0}  # optional template not counted
    pred = {"TST9-MUC4-0001": [muc4.PredictedIncident(date(1990, 2, 5), "BOMBING", "Lima")]}
    assert muc4.incident_accuracy(pred, temps) == {"templates": 1, "date": 0.0, "type": 0.0, "location": 0.0}
    assert muc4.muc_incident_type("Violence against civilians", "Abduction/forced disappearance") == "KIDNAPPING"
    assert muc4.muc_incident_type("Explosions/Remote violence", "Remote explosive/landmine/IED") == "BOMBING"


@pytest.mark.shared
def test_real_keys_and_docs_gold_scores_one():
    if not MUC.exists():
        pytest.skip("needs ../shared/data (MUC-4)")
    docs = {d.id: d for d in muc4.read_docs(MUC / "docs" / "tst1-muc3")}
    by = muc4.templates_by_doc(muc4.read_keys(MUC / "keys" / "key-tst1.v7"))
    assert len(docs) == 100 and set(by) == set(docs)
    golds = {i: muc4.gold_entities(by[i], docs[i].text) for i in by}
    assert sum(len(e) for g in golds.values() for e in g.values()) > 150
    assert muc4.ceaf_ree(golds, golds).micro.f1 == 1.0
    for path in sorted((MUC / "keys").iterdir()):  # every key file parses
        assert muc4.read_keys(path)


def test_predictions_fold_aliases_of_one_organisation():
    from sitrep.extract.roles import organization_of

    fillers = {"PerpOrg": ["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN", "ELN"]}
    plain = muc4.predictions_from_fillers(fillers)
    folded = muc4.predictions_from_fillers(fillers, organization_of)
    assert len(plain["PerpOrg"]) == 3
    assert folded["PerpOrg"] == [["FMLN"], ["ELN"]]
