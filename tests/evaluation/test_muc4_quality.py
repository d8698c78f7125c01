"""Quality gate: sitrep on 100 MUC-4 development reports (DEV-MUC3-0001..0100) must not fall below its
recorded CEAF-REE floors. Figures recorded with the real pipeline (sitrep.pipeline.extract_document at
ea2cd8e plus the role filler of 80ab98e): strict micro P/R/F1 = 0.294 / 0.369 / 0.327, head-noun F1 = 0.393
(before: 0.229 / 0.309 / 0.263, head 0.345, with a side script); with the pipeline work in progress at the
same time 0.292 / 0.346 / 0.316, head 0.384. After the event recall / relevance round (figurative and
infinitive triggers, shooting verbs, follow-up victim lists, combat between armed forces left out):
0.342 / 0.369 / 0.355, head 0.448. With the learned role model (extract/role_model.py, trained on DEV
0101-1300 only, so these 100 reports stay held out): 0.429 / 0.484 / 0.455, head 0.519; with weapon words
that modify a noun and phrases without their adjectives as candidates: 0.423 / 0.484 / 0.452, head 0.516;
retrained with C=0.5 (chosen by cross-validation on DEV 0101-1300): 0.447 / 0.484 / 0.465, head 0.531. The
floors sit just below. Raise them when extraction improves; never lower them to make a change pass. Runs in about 15 s."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.evaluation import muc4

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
MUC = SHARED / "data" / "muc4"

FLOOR_STRICT_F1 = 0.45
FLOOR_HEAD_F1 = 0.51
FLOOR_RECALL = 0.46


@pytest.mark.shared
@pytest.mark.slow
def test_muc4_dev_subset_floor():
    docs_path, keys_path = MUC / "docs" / "dev-muc3-0001-0100", MUC / "keys" / "key-dev-0001.muc4"
    if not docs_path.exists() or not keys_path.exists():
        pytest.skip("needs ../shared/data (MUC-4 dev-muc3-0001-0100 and key-dev-0001.muc4)")
    docs = muc4.read_docs(docs_path)
    by = muc4.templates_by_doc(muc4.read_keys(keys_path))
    docs = [d for d in docs if d.id in by]
    assert len(docs) == 100
    golds = {d.id: muc4.gold_entities(by[d.id], d.text) for d in docs}
    preds, _incidents, _seconds = muc4.predict(docs)
    strict = muc4.ceaf_ree(preds, golds, "strict")
    head = muc4.ceaf_ree(preds, golds, "head")
    print(strict.line(), "| head", head.line())
    assert strict.micro.f1 >= FLOOR_STRICT_F1, strict.line()
    assert strict.micro.recall >= FLOOR_RECALL, strict.line()
    assert head.micro.f1 >= FLOOR_HEAD_F1, head.line()
