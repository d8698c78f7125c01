"""Test helpers shared by the geo tests: the (start, end) spans of names, found in order in a text; whether a name
resolves near a point; a toponym set's accuracy as benchmarks/geoparse.py measures it."""
import importlib.util
from pathlib import Path

from sitrep.model import haversine_km
from sitrep.resolve import resolve_spans

ROOT = Path(__file__).resolve().parents[2]


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for n in names:
        s = text.index(n, pos)
        out.append((s, s + len(n)))
        pos = s + len(n)
    return out


def near(text: str, name: str, lat: float, lon: float) -> bool:
    """``name`` (its first occurrence), resolved as a given span, lies within 161 km of (lat, lon)."""
    [p] = resolve_spans(text, spans_of(text, name))
    return p is not None and haversine_km(p.latitude, p.longitude, lat, lon) <= 161


def set_resolution(path: Path) -> dict:
    """benchmarks/geoparse.py's resolution figures (toponyms, acc161, ...) on a toponym set."""
    spec = importlib.util.spec_from_file_location("geoparse_bench", ROOT / "benchmarks" / "geoparse.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.resolution(bench.read_corpus(path))


def check_set_floor(path: Path, floor: float, *, toponyms: int) -> None:
    """A toponym set of ours holds at least ``toponyms`` toponyms and resolves at or above ``floor`` acc@161 km."""
    r = set_resolution(path)
    assert r["toponyms"] >= toponyms
    assert r["acc161"] >= floor, f"accuracy@161 {r['acc161']:.3f} fell below {floor}"
