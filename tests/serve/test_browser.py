"""The map page in real headless Chromium (Playwright, sync API) against uvicorn on a free port.

Skips when /usr/bin/chromium is missing (CI installs it)."""
from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import AIN_AL_ASAD, BAGHDAD_EMBASSY, make_doc, make_mention
from sitrep.model import Place, Span

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser: needs /usr/bin/chromium (CI installs it)"),
]

TOWER_22 = Place("Tower 22", 33.3240, 38.6940, country="Jordan", country_code="JO", admin1="Mafraq",
                 feature="base", geo_precision=1)

EMB = ("Rockets hit US Embassy in Baghdad\nFILE: Several rockets hit the US Embassy in Baghdad on Friday. "
       "No group has claimed responsibility.")
ASAD = ("Missiles fired at Ain al-Asad\nFILE: Ballistic missiles struck Ain al-Asad air base in western Iraq "
        "on Saturday. The Islamic Resistance in Iraq claimed the attack.")
TOWER = ("Three US soldiers killed in Jordan\nFILE: A drone struck Tower 22 in northeastern Jordan on Sunday, "
         "killing three US soldiers. The Islamic Resistance in Iraq claimed it.")
EVIL = ('<script>window.__pwned = 1; alert("x")</script> Blast <img src=x onerror="window.__pwned = 2"> hits'
        '\nFILE: A bomb <script>window.__pwned = 3</script> exploded at the US Embassy '
        '<img src=y onerror="window.__pwned = 9;alert(9)"> <i>in</i> Baghdad '
        '<img src=x onerror="window.__pwned = 4;alert(4)"> on 30 November 2023, killing <b>two</b> guards. '
        '<a href="javascript:window.__pwned=5">More</a>')


def _span(doc, words: str) -> Span:
    i = doc.text.index(words)
    return Span(i, i + len(words), words)


def fill(store) -> None:
    emb = make_doc("emb", EMB, published=date(2023, 12, 8))
    asad = make_doc("asad", ASAD, published=date(2024, 1, 21))
    tower = make_doc("tower", TOWER, published=date(2024, 1, 29))
    evil = make_doc("evil", EVIL, published=date(2023, 12, 1), url="javascript:window.__pwned=6")
    m_emb = make_mention(emb, "rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy in Baghdad",
                         claimed=False, when=date(2023, 12, 8))
    m_asad = make_mention(asad, "Ballistic missiles struck", place=AIN_AL_ASAD, target="Ain al-Asad Air Base",
                          claimed=True, claimant="Islamic Resistance in Iraq", when=date(2024, 1, 20),
                          weapons=("missile",))
    m_tower = make_mention(tower, "drone struck", place=TOWER_22, target="Tower 22", fatalities=3, claimed=True,
                           claimant="Islamic Resistance in Iraq", actor1="Islamic Resistance in Iraq",
                           when=date(2024, 1, 28), sub_event_type="Air/drone strike", weapons=("drone",))
    m_tower.evidence.append(_span(tower, "killing three US soldiers"))
    m_tower.add_span("fatalities", _span(tower, "killing three US soldiers"))
    m_evil = make_mention(evil, "A bomb <script>window.__pwned = 3</script> exploded",
                          place=Place("Green Zone", 33.30, 44.38, country="Iraq", country_code="IQ"),
                          target="<img src=x onerror=alert(7)>", actor1="<script>alert(8)</script>",
                          fatalities=2, when=date(2023, 11, 30), sub_event_type="Remote explosive/landmine/IED",
                          weapons=("bomb",))
    for words, name in (('killing <b>two</b> guards', "fatalities"),
                        ('<img src=x onerror="window.__pwned = 4;alert(4)">', "target")):
        m_evil.evidence.append(_span(evil, words))
        m_evil.add_span(name, _span(evil, words))
    for doc, ms in ((emb, [m_emb]), (asad, [m_asad]), (tower, [m_tower]), (evil, [m_evil])):
        store.ingest(doc, ms)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread, on 127.0.0.1 and a free port."""

    def __init__(self, app):
        import uvicorn

        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def browser_page():
    sync = pytest.importorskip("playwright.sync_api", reason="browser: needs playwright")
    with sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        # bypass_csp: the page's Content-Security-Policy would block injected scripts on its own; with it
        # off, the injection test checks the escaping itself (and Playwright may evaluate its waits)
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, bypass_csp=True)
        errors: list[str] = []
        dialogs: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.errors, page.dialogs = errors, dialogs
        yield page
        browser.close()


@pytest.fixture
def base_url(tmp_path, monkeypatch):
    from sitrep.serve import create_app
    from sitrep.store import open_store

    monkeypatch.delenv("SITREP_TILES", raising=False)
    store = open_store(str(tmp_path / "browser.sqlite"))
    fill(store)
    app = create_app(None, token=None, store=store)
    with Server(app) as url:
        yield url
    store.close()


def wait_loaded(page, n_rows: int | None = None):
    page.wait_for_selector("body[data-loaded]")
    if n_rows is not None:
        page.wait_for_function(f"document.querySelectorAll('#incidents-table tbody tr').length === {n_rows}")


def test_map_timeline_filter_and_incident_evidence(browser_page, base_url):
    page = browser_page
    page.goto(base_url + "/")
    wait_loaded(page, 4)
    assert page.locator("#map circle.marker").count() == 4
    assert page.locator("#map path.country").count() > 10  # outlines shipped as data, no network
    assert page.locator("#timeline rect.bar").count() >= 4

    # filter by date with the form: January 2024 only
    page.fill("#f-date-from", "2024-01-01")
    page.fill("#f-date-to", "2024-01-31")
    page.dispatch_event("#filters", "change")
    wait_loaded(page, 2)
    page.wait_for_function("document.querySelectorAll('#map circle.marker').length === 2")
    rows = page.locator("#incidents-table tbody tr").all_inner_texts()
    assert all("2024-01" in r for r in rows)

    # the timeline filters too: click the bar that holds 2023-12-08
    page.click("#tl-clear")
    wait_loaded(page, 4)
    bar = page.locator("#timeline rect.bar[data-from='2023-12-08']")
    if bar.count() == 0:  # weekly bins
        bar = page.locator("#timeline rect.bar").filter(has=page.locator("title", has_text="2023-12-0"))
    box = bar.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 1)
    page.wait_for_function("document.getElementById('f-date-from').value !== ''")
    wait_loaded(page, 1)
    assert "2023-12-08" in page.locator("#incidents-table tbody tr").first.inner_text()

    # open the Tower 22 incident from the map and find its evidence highlighted
    page.click("#tl-clear")
    wait_loaded(page, 4)
    page.locator("#map circle.marker", has=page.locator("title", has_text="Tower 22")).click()
    page.wait_for_selector("#incident-view:not([hidden]) mark.evidence")
    marks = page.locator("#incident-view mark.evidence").all_inner_texts()
    assert "drone struck" in marks and "killing three US soldiers" in marks
    sentence = page.locator("#incident-view .sentence").first.inner_text()
    assert "A drone struck Tower 22 in northeastern Jordan on Sunday" in sentence
    assert "Islamic Resistance in Iraq" in page.locator("#incident-view dl").inner_text()
    page.click("text=back to the map")
    page.wait_for_selector("#main-view:not([hidden])")
    assert page.errors == []


def test_script_in_an_article_does_not_run(browser_page, base_url):
    page = browser_page
    page.goto(base_url + "/")
    wait_loaded(page, 4)
    row = page.locator("#incidents-table tbody tr", has_text="2023-11-30")
    assert "<script>alert(8)</script>" in row.inner_text()  # shown as text in the table
    row.click()
    page.wait_for_selector("#incident-view:not([hidden]) mark.evidence")
    view = page.locator("#incident-view")
    text = view.inner_text()
    assert "<script>window.__pwned = 1;" in text  # the title, as text
    assert '<img src=x onerror="window.__pwned = 4;alert(4)">' in page.locator("#incident-view mark.evidence").all_inner_texts()
    assert "killing <b>two</b> guards" in page.locator("#incident-view mark.evidence").all_inner_texts()
    assert '<img src=y onerror="window.__pwned = 9;alert(9)"> <i>in</i> Baghdad' in text  # not highlighted
    page.click("#incident-view button.fullbtn")
    page.wait_for_selector("#incident-view .fulltext")
    assert "<a href=\"javascript:window.__pwned=5\">More</a>" in page.locator("#incident-view .fulltext").inner_text()
    page.wait_for_timeout(300)
    # nothing from the article became markup, and nothing ran
    assert view.locator("script, img, b, i, a[href^='javascript']").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []


def test_demo_reports_in_the_browser(browser_page, tmp_path, monkeypatch):
    """`sitrep demo --no-serve` (bundled reports -> real extraction -> SQLite -> summary table), then the
    page on that database: filter by date, open the Tower 22 incident, find its evidence highlighted."""
    import subprocess
    import sys

    from sitrep.serve import create_app
    from sitrep.store import open_store

    db = tmp_path / "demo.sqlite"
    code = "import sys; from sitrep.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, "demo", "--no-serve", "--db", str(db)],
                          capture_output=True, text=True, timeout=300)  # a stuck extraction fails, not hangs
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "incidents" in proc.stdout and "Jordan" in proc.stdout  # the summary table
    monkeypatch.delenv("SITREP_TILES", raising=False)
    store = open_store(str(db))
    total = store.count_incidents()
    assert total >= 8
    jan = store.count_incidents(date_from=date(2024, 1, 1), date_to=date(2024, 1, 31))
    assert 0 < jan < total
    assert store.count_incidents(country="Jordan") >= 1
    page = browser_page
    with Server(create_app(None, store=store)) as url:
        page.goto(url + "/")
        page.wait_for_selector("body[data-loaded]")
        page.wait_for_function(f"document.querySelectorAll('#incidents-table tbody tr').length === {min(total, 50)}")
        page.fill("#f-date-from", "2024-01-01")
        page.fill("#f-date-to", "2024-01-31")
        page.dispatch_event("#filters", "change")
        page.wait_for_function(f"document.querySelectorAll('#incidents-table tbody tr').length === {jan}")
        rows = page.locator("#incidents-table tbody tr").all_inner_texts()
        assert all("2024-01" in r for r in rows)
        page.locator("#incidents-table tbody tr", has_text="Jordan").first.click()
        page.wait_for_selector("#incident-view:not([hidden]) mark.evidence")
        assert page.locator("#incident-view .source").count() >= 1
        sentences = " ".join(page.locator("#incident-view .sentence").all_inner_texts())
        assert "Jordan" in sentences or "Tower 22" in sentences
        assert page.locator("#incident-view mark.evidence").count() >= 1
        assert page.errors == []
    store.close()


# ---- the world map, the zooming timeline, a plain-text report's headline (issue: a newcomer's first hour) ----
WORLD = [  # (id, place, lat, lon, country, day): three continents, one week of March 2024, far-off outliers
    ("paris", "Paris", 48.857, 2.352, "France", date(2024, 3, 4)),
    ("kramatorsk", "Kramatorsk", 48.723, 37.556, "Ukraine", date(2024, 3, 5)),
    ("maiduguri", "Maiduguri", 11.846, 13.160, "Nigeria", date(2024, 3, 6)),
    ("medellin", "Medellin", 6.244, -75.581, "Colombia", date(2024, 3, 7)),
    ("kabul", "Kabul", 34.528, 69.172, "Afghanistan", date(2024, 3, 8)),
    ("mosul", "Mosul", 36.340, 43.130, "Iraq", date(2024, 3, 6)),
    ("lima", "Lima", -12.046, -77.043, "Peru", date(2024, 2, 20)),
    ("nairobi", "Nairobi", -1.286, 36.817, "Kenya", date(1998, 8, 7)),
]
LAND = (0xF4, 0xF1, 0xE8)  # #map .country fill in style.css
SEA = (0xDB, 0xE7, 0xF0)  # .mapbox background


def fill_world(store) -> None:
    for doc_id, name, lat, lon, country, day in WORLD:
        doc = make_doc(doc_id, f"Blast in {name}\nFILE: A bomb exploded in {name} on the day, police said.",
                       published=day)
        place = Place(name, lat, lon, country=country, feature="city", geo_precision=1)
        store.ingest(doc, [make_mention(doc, "A bomb exploded", place=place, when=day,
                                        sub_event_type="Remote explosive/landmine/IED", weapons=("bomb",))])


@pytest.fixture
def world_url(tmp_path, monkeypatch):
    from sitrep.serve import create_app
    from sitrep.store import open_store

    monkeypatch.delenv("SITREP_TILES", raising=False)
    store = open_store(str(tmp_path / "world.sqlite"))
    fill_world(store)
    with Server(create_app(None, store=store)) as url:
        yield url
    store.close()


PIXELS = """async ([png, points]) => {
  const img = new Image();
  img.src = "data:image/png;base64," + png;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  return points.map(([x, y]) => Array.from(ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)));
}"""


def _near(rgb, ref) -> int:
    return sum(abs(a - b) for a, b in zip(rgb, ref, strict=True))


def test_incidents_on_three_continents_are_drawn_over_land(browser_page, world_url, tmp_path):
    import base64

    page = browser_page
    page.goto(world_url + "/")
    wait_loaded(page, len(WORLD))
    page.click("#zoom-fit")  # every incident in view
    page.wait_for_function(f"document.querySelectorAll('#map circle.marker').length === {len(WORLD)}")
    assert page.locator("#map path.country").count() >= 170  # the world's outlines, shipped offline
    centres = page.evaluate("""() => [...document.querySelectorAll('#map circle.marker')].map((c) => {
        const r = c.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const under = document.elementsFromPoint(x, y).filter((e) => e.matches('path.country'));
        return {id: c.dataset.id, x, y, country: under.length ? under[0].querySelector('title').textContent : null};
    })""")
    assert len(centres) == len(WORLD)
    countries = {c["country"] for c in centres}
    assert {"France", "Ukraine", "Nigeria", "Colombia", "Afghanistan", "Peru", "Kenya", "Iraq"} <= countries
    # the screenshot itself: with the markers hidden, the pixel under each marker is land, not sea
    page.add_style_tag(content="#map .markers { visibility: hidden; }")
    png = page.screenshot(path=str(tmp_path / "world.png"))
    pixels = page.evaluate(PIXELS, [base64.b64encode(png).decode(), [[c["x"], c["y"]] for c in centres]])
    for c, rgb in zip(centres, pixels, strict=True):
        assert _near(rgb, LAND) < _near(rgb, SEA), (c, rgb)
    assert page.errors == []


def _timeline(page) -> dict:
    return page.evaluate("""() => { const t = document.getElementById('timeline');
        return {unit: t.dataset.unit, from: t.dataset.from, to: t.dataset.to,
                bars: [...t.querySelectorAll('rect.bar')].map((b) => [b.dataset.from, b.dataset.to])}; }""")


def test_timeline_opens_on_the_dense_part_and_zooms_to_one_bar_per_day(browser_page, world_url):
    page = browser_page
    page.goto(world_url + "/")
    wait_loaded(page, len(WORLD))
    tl = _timeline(page)
    # opens on 2024, not on a 26-year axis squeezed by the 1998 outlier, which is one click away
    assert tl["from"] >= "2024-01-01" and tl["unit"] in ("day", "week")
    assert page.locator("#timeline text.edge.before").text_content() == "← 1 earlier"
    page.click("#tl-all")
    tl = _timeline(page)
    assert tl["from"] <= "1998-08-07" and tl["unit"] == "year" and ["1998-01-01", "1998-12-31"] in tl["bars"]
    page.click("#tl-dense")
    # zoom with the wheel over the week of 4-8 March until about a week is in view
    bar = page.locator("#timeline rect.bar").filter(has=page.locator("title", has_text="2024-03-06")).first
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(30):
        tl = _timeline(page)
        if date.fromisoformat(tl["to"]) - date.fromisoformat(tl["from"]) <= date(2024, 1, 8) - date(2024, 1, 1):
            break
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(30)
    tl = _timeline(page)
    assert tl["unit"] == "day"
    assert date.fromisoformat(tl["to"]) - date.fromisoformat(tl["from"]) <= date(2024, 1, 8) - date(2024, 1, 1)
    assert all(a == b for a, b in tl["bars"])  # one bar per day
    days = {a for a, _ in tl["bars"]}
    assert "2024-03-06" in days and len(days) >= 3
    mar6 = page.locator("#timeline rect.bar[data-from='2024-03-06'] title").text_content()
    assert "2 incident(s)" in mar6  # Maiduguri and Mosul
    # a click on that day's bar filters the table to it
    box = page.locator("#timeline rect.bar[data-from='2024-03-06']").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 1)
    wait_loaded(page, 2)
    assert page.input_value("#f-date-from") == "2024-03-06" == page.input_value("#f-date-to")
    # the keyboard pans and zooms too
    before = _timeline(page)
    page.focus("#timeline")
    page.keyboard.press("ArrowLeft")
    assert _timeline(page)["from"] < before["from"]
    page.keyboard.press("-")
    assert _timeline(page)["to"] > before["to"]
    # zooming out again coarsens the bins
    for _ in range(12):
        page.mouse.wheel(0, 100)
        page.wait_for_timeout(30)
    assert _timeline(page)["unit"] in ("week", "month", "year")
    assert page.errors == []


def test_plain_text_report_shows_its_headline_and_date(browser_page, tmp_path, monkeypatch):
    """A plain-text file (headline line, then a dated dateline) through the real reader and extraction."""
    from sitrep.ingest.text import read_paths
    from sitrep.pipeline import extract_document
    from sitrep.serve import create_app
    from sitrep.store import open_store

    f = tmp_path / "sloviansk_school.txt"
    f.write_text("Shelling damages a school in Sloviansk\n\n"
                 "SLOVIANSK, Ukraine, 14 May 2024 (Reuters) - Artillery shells struck a school in Sloviansk "
                 "overnight, killing two guards, the mayor said. Sgt. Ivan Petrenko, a police officer, said "
                 "the shells were fired from the east.\n", encoding="utf-8")
    (doc,) = read_paths([str(f)])
    monkeypatch.delenv("SITREP_TILES", raising=False)
    store = open_store(str(tmp_path / "plain.sqlite"))
    store.ingest(doc, extract_document(doc))
    assert store.count_incidents() >= 1
    page = browser_page
    with Server(create_app(None, store=store)) as url:
        page.goto(url + "/")
        wait_loaded(page)
        page.locator("#incidents-table tbody tr").first.click()
        page.wait_for_selector("#incident-view:not([hidden]) mark.evidence")
        source = page.locator("#incident-view .source").first
        assert source.locator("h4").inner_text() == "Shelling damages a school in Sloviansk"
        assert "published 2024-05-14" in source.locator(".meta").inner_text()
        source.locator("button.fullbtn").click()
        page.wait_for_selector("#incident-view .fulltext")
        full = source.locator(".fulltext").inner_text()
        assert full.startswith("SLOVIANSK, Ukraine, 14 May 2024") and "Shelling damages" not in full
        assert page.errors == []
    store.close()


def test_full_report_of_the_seed_layout_has_no_file_prefix(browser_page, base_url):
    page = browser_page
    page.goto(base_url + "/")
    wait_loaded(page, 4)
    page.locator("#incidents-table tbody tr", has_text="2023-12-08").click()
    page.wait_for_selector("#incident-view:not([hidden]) button.fullbtn")
    page.click("#incident-view button.fullbtn")
    full = page.locator("#incident-view .fulltext").inner_text()
    assert full.startswith("Several rockets hit the US Embassy") and "FILE:" not in full
