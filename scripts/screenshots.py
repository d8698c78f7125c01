"""Screenshots for the README, made from the demo, not drawn by hand:

    python3 scripts/screenshots.py [--out docs/screenshots] [--db PATH]

Fills a demo database (``sitrep demo --no-serve``, the bundled reports), serves it on a free port and takes,
in headless Chromium (Playwright, ``$CHROMIUM_PATH`` or /usr/bin/chromium), the map page (``map.png``) and
the detail page of the incident with the most sources (``incident.png``)."""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store):
    import uvicorn

    from sitrep.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(None, store=store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def shoot(db: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from sitrep.store import open_store

    store = open_store(str(db))
    busiest = max(store.incidents(limit=500), key=lambda r: (r.get("n_sources") or 0, r.get("date") or ""))
    server, url = _serve(store)
    out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "/")
            page.wait_for_selector("body[data-loaded]")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "map.png"))
            page.goto(f"{url}/#/incident/{busiest['id']}")
            page.wait_for_selector("#incident-view:not([hidden]) mark.evidence")
            page.screenshot(path=str(out / "incident.png"), full_page=False)
            browser.close()
    finally:
        server.should_exit = True
        store.close()
    return [out / "map.png", out / "incident.png"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--db", type=Path, default=None, help="an existing demo database (default: a fresh one)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.sqlite"
        if args.db is None:
            subprocess.run([sys.executable, "-m", "sitrep.cli", "demo", "--no-serve", "--db", str(db)], check=True,
                           stdout=subprocess.DEVNULL)
        for p in shoot(db, args.out):
            print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
