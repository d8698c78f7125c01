"""Quality gate on LGL (given gold spans): accuracy@161 km must stay above its recorded floor."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT / ".." / "shared")
LGL = SHARED / "data" / "geoparsing" / "lgl.xml"

# measured 88.0% accuracy@161 km, AUC 0.143, mean 336 km on all 4,462 gazetteered LGL toponyms (see benchmarks/geoparse.py)
FLOOR_ACC161 = 0.878  # 0.883 measured (tune 0.897, check 0.869); 0.865 was the floor before world regions and divisions
CEILING_AUC = 0.160  # an abstention counts as the largest error (0.157 measured)


@pytest.mark.slow
@pytest.mark.shared
def test_lgl_accuracy_at_161km_floor():
    if not LGL.is_file():
        pytest.skip("needs ../shared/data (geoparsing/lgl.xml)")
    spec = importlib.util.spec_from_file_location("geoparse_bench", ROOT / "benchmarks" / "geoparse.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    r = bench.resolution(bench.read_corpus(LGL))
    assert r["toponyms"] > 4000
    assert r["acc161"] >= FLOOR_ACC161, f"accuracy@161 {r['acc161']:.3f} fell below the floor {FLOOR_ACC161}"
    assert r["auc"] <= CEILING_AUC, f"AUC {r['auc']:.3f} rose above {CEILING_AUC}"
