"""Every shipped learned file is what its script in the repo writes: its meta names the exact command that
reproduces it, and the recipes cheap enough for CI are re-run here and compared with the shipped file."""
from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from sitrep.knowledge import PACKAGED

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT / ".." / "shared")


def _script(name: str):
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_caps_aliases_meta_names_its_command():
    data = json.loads((PACKAGED / "caps_aliases.json").read_text(encoding="utf-8"))
    assert data["trainer"] == "python3 scripts/caps_alias_context.py"


@pytest.mark.skipif(not (SHARED / "data" / "realnews" / "rams").is_dir(), reason="needs ../shared")
def test_caps_aliases_is_what_its_script_counts():
    shipped = json.loads((PACKAGED / "caps_aliases.json").read_text(encoding="utf-8"))
    assert _script("caps_alias_context").count() == shipped  # ~1 s of counting over the mixed-case corpora


def test_clause_model_meta_names_the_command_that_reproduces_it():
    # today's recipe gives another model; --shipped runs the recipe of the commit that wrote the weights (~7 min, so
    # not re-run here: checked by hand, weights, bias and thresholds equal to the last digit)
    data = json.loads((PACKAGED / "clause_model.json").read_text(encoding="utf-8"))
    trainer = _script("train_clause_model")
    assert data["meta"]["trainer"] == trainer.SHIPPED_TRAINER and "--shipped" in trainer.SHIPPED_TRAINER
    assert trainer.SHIPPED in trainer.SHIPPED_TRAINER
    assert data["meta"]["trained_on"] == trainer.SHIPPED_TRAINED_ON
    assert data["headline_threshold"] == trainer.HEADLINE_THRESHOLD


def test_person_nouns_header_names_the_command_that_reproduces_it():
    # the list was learned from events.toml's human_heads at 25fde8f (214; the file lists more since); re-running
    # takes ~40 s of CPU and en_core_web_md's vectors (a dev dependency), so it is checked by hand, not here
    head = [line for line in (PACKAGED / "person_nouns.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")]
    assert head[-1].endswith(": python3 scripts/train_person_nouns.py --positives-at 25fde8f")
    assert "--positives-at" in _script("train_person_nouns").__doc__
