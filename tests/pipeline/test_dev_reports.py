"""Quality gate on short reports of our own writing about real events from other places and decades
(tests/data/dev_reports, gold in tests/data/dev_reports_gold.json), scored by the evaluation kit's score.py."""
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCORE = REPO.parent / "shared" / "eval" / "score.py"
FLOOR_F1, FLOOR_FIELDS = 1.0, 0.95


@pytest.mark.skipif(not SCORE.exists(), reason="needs ../shared/eval/score.py")
def test_dev_reports_floor(tmp_path):
    out = tmp_path / "dev.json"
    reports = sorted(str(p) for p in (REPO / "tests" / "data" / "dev_reports").glob("*.txt"))
    with open(out, "w") as fh:
        subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", *reports, "--format", "json"], stdout=fh, check=True)
    res = subprocess.run([sys.executable, str(SCORE), "--gold", str(REPO / "tests" / "data" / "dev_reports_gold.json"),
                          "--system", str(out), "--verbose", "--min-f1", str(FLOOR_F1), "--min-fields", str(FLOOR_FIELDS)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
