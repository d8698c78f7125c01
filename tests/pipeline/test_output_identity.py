"""The pipeline's full JSON output on the bundled, seed-variant, dev and 100 MUC-4 reports is what
``scripts/golden_outputs.py --write`` recorded. A refactor must keep it; a change meant to alter output records it
anew (and says why in its commit)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _golden():
    spec = importlib.util.spec_from_file_location("golden_outputs", ROOT / "scripts" / "golden_outputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_output_is_identical_to_the_recorded_output():
    golden = _golden()
    own, muc = golden.current()
    if not muc:
        pytest.skip("shared: ../shared/data/muc4 is absent; checking our own reports only")  # pragma: no cover
    changed = golden.compare(own, muc)
    assert changed == [], f"output changed for {changed}: run scripts/golden_outputs.py to see, --write if meant"


def test_own_reports_are_identical_without_shared_data():
    golden = _golden()
    own = golden.outputs(list(golden.own_documents()))
    assert golden.compare(own, {}) == []
