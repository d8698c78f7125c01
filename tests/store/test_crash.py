"""A batch ``sitrep ingest`` killed with SIGKILL mid-way, then run again, ends with every document
exactly once and the same incidents as an uninterrupted run (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

N_DOCS = 600


def _corpus(folder: Path) -> Path:
    """N_DOCS reports of N_DOCS // 3 incidents (three outlets each), with their events as FORMAT.md records."""
    folder.mkdir()
    events = []
    for i in range(N_DOCS):
        k = i // 3
        place = f"Town{k}"
        text = (f"Report {i} on incident {k}\nFILE: Rockets struck a checkpoint near {place} on the morning of "
                f"day {k}, outlet {i % 3} reported, killing {i % 3 + 1} people.")
        (folder / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
        start = text.index("Rockets struck")
        events.append({
            "document": f"r{i:04d}", "date": f"2023-{1 + k // 28 % 12:02d}-{1 + k % 28:02d}",
            "date_precision": "day", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "weapons": ["rocket"],
            "actor1": None, "target": f"checkpoint near {place}",
            "location": {"name": place, "country": "Iraq", "country_code": "IQ", "admin1": None,
                         "latitude": 30.0 + (k % 40) * 0.5, "longitude": 40.0 + (k // 40) * 0.5, "geo_precision": 1},
            "fatalities": i % 3 + 1, "claimed": None,
            "evidence": [{"start": start, "end": start + 14, "text": "Rockets struck"}],
        })
    ev = folder.parent / "events.jsonl"
    ev.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return ev


def _ingest_cmd(folder: Path, events: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "sitrep.cli", "ingest", str(folder), "--events", str(events), "--db", db]


def _env() -> dict:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_stores_every_document_once(store_url, tmp_path):
    from sitrep.store import open_store

    folder = tmp_path / "reports"
    events = _corpus(folder)
    proc = subprocess.Popen(_ingest_cmd(folder, events, store_url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env())
    seen = 0
    for line in proc.stdout:
        if line.startswith("new "):
            seen += 1
        if seen >= 50:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()

    store = open_store(store_url)
    stored = store.count_documents()
    assert 50 <= stored < N_DOCS, "the kill must land mid-batch"
    # nothing half-written: each stored document has all its mentions, each mention an incident
    c = store.conn
    assert c.scalar("SELECT count(*) FROM mentions") == stored
    assert c.scalar("SELECT count(*) FROM mentions WHERE incident_id IS NULL") == 0
    assert c.scalar("SELECT count(*) FROM incident_sources") == stored
    store.close()

    rerun = subprocess.run(_ingest_cmd(folder, events, store_url), capture_output=True, text=True, env=_env(),
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    statuses = [ln.split(" ", 1)[0] for ln in rerun.stdout.splitlines() if " -> " in ln]
    assert statuses.count("duplicate") == stored and statuses.count("new") == N_DOCS - stored

    store = open_store(store_url)
    c = store.conn
    assert store.count_documents() == N_DOCS
    assert c.scalar("SELECT count(DISTINCT sha256) FROM documents") == N_DOCS
    assert c.scalar("SELECT count(*) FROM mentions") == N_DOCS
    assert c.scalar("SELECT count(*) FROM incidents WHERE n_sources = 0") == 0
    crashed = {r["id"]: r["n_sources"] for r in c.all("SELECT id, n_sources FROM incidents")}
    store.close()

    # the same incidents, with the same ids, as one uninterrupted run
    clean_db = str(tmp_path / "clean.sqlite")
    subprocess.run(_ingest_cmd(folder, events, clean_db), check=True, capture_output=True, env=_env(), timeout=600)
    clean = open_store(clean_db)
    assert {r["id"]: r["n_sources"] for r in clean.conn.all("SELECT id, n_sources FROM incidents")} == crashed
    assert len(crashed) == N_DOCS // 3 and set(crashed.values()) == {3}
    clean.close()
