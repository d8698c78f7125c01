"""RSS / Atom / JSON Feed items -> documents."""
from __future__ import annotations

import time

import pytest

from conftest import SHARED
from sitrep import errors
from sitrep.ingest.feeds import item_id, looks_like_feed, parse_feed, read_feed
from sitrep.ingest.sources import read_any
from sitrep.ingest.text import ReadFailure
from sitrep.model import Document

INGESTION = SHARED / "data" / "ingestion"


def _need(path):
    if not path.exists():
        pytest.skip(f"needs ../shared/data ({path.name})")
    return path


def test_atom_rss_and_json_feed_fixtures():
    base = _need(INGESTION / "trafilatura")
    atom = list(read_feed((base / "feed1.atom").read_bytes(), "feed1.atom"))
    assert [d.title for d in atom] == ["Atom-Powered Robots Run Amok", "Self-referenced link"]
    assert atom[0].url == "http://example.org/2003/12/13/atom03"
    assert str(atom[0].published) == "2003-12-13"
    assert atom[0].text[atom[0].body_start:] == "Some text."
    rss = list(read_feed((base / "feed2.rss").read_bytes(), "feed2.rss"))
    assert len(rss) == 1 and str(rss[0].published) == "2009-09-06"
    assert rss[0].text.endswith("interesting description.")
    npr = list(read_feed((base / "feed_npr.json").read_bytes(), "feed_npr.json"))
    assert len(npr) >= 5 and all(isinstance(d, Document) for d in npr)
    assert all(d.url.startswith("https://www.npr.org/") for d in npr)
    assert all("<" not in d.text for d in npr)
    assert len({d.id for d in npr}) == len(npr)


def test_feed_needing_css_sanitisation_is_fast_clean_and_screened_as_russian():
    path = _need(INGESTION / "feedparser" / "large_atom_feed_that_needs_css_sanitisation.xml")
    data = path.read_bytes()
    t0 = time.perf_counter()
    feed = parse_feed(data, path.name)
    elapsed = time.perf_counter() - t0
    print(f"css-sanitisation feed: {len(feed.items)} items in {elapsed:.2f}s")
    assert len(feed.items) == 15
    for item in feed.items:
        assert "style=" not in item.text and "<div" not in item.text and "text-align" not in item.text
    # every item is Russian: skipped with a reason, not extracted
    results = list(read_any([str(path)]))
    assert len(results) == 15
    assert all(isinstance(r, ReadFailure) and r.code == errors.E108_NOT_ENGLISH and "'ru'" in r.message
               for r in results), results[:2]
    kept = list(read_any([str(path)], languages=None))
    assert all(isinstance(d, Document) for d in kept)


def test_same_link_same_id_across_feeds():
    a = (b'<rss version="2.0"><channel><title>A</title><item><title>Blast in town</title>'
         b"<link>http://x.org/1</link><description>A car bomb exploded.</description></item></channel></rss>")
    b = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title><entry><title>Blast in town</title>'
         b'<link href="http://x.org/1"/><id>urn:1</id><summary>A car bomb exploded.</summary></entry></feed>')
    (da,), (db,) = list(read_feed(a, "a.xml")), list(read_feed(b, "b.xml"))
    assert da.id == db.id == item_id("http://x.org/1")


def test_item_html_is_sanitised_to_text():
    rss = (b'<rss version="2.0"><channel><title>T</title><item><title>Attack</title><link>http://x/2</link>'
           b"<description>&lt;p style='color:red'&gt;Gunmen &lt;b&gt;attacked&lt;/b&gt; a convoy.&lt;/p&gt;"
           b"&lt;script&gt;alert(1)&lt;/script&gt;</description></item></channel></rss>")
    (doc,) = list(read_feed(rss, "t.rss"))
    assert doc.text == "Attack\n\nGunmen attacked a convoy."


def test_truncated_feed_keeps_what_parsed():
    rss = (b'<rss version="2.0"><channel><title>T</title><item><title>First</title><link>http://x/1</link>'
           b"<description>One report.</description></item><item><title>Sec")
    results = list(read_feed(rss, "t.rss"))
    assert results and isinstance(results[0], Document) and results[0].title == "First"


@pytest.mark.parametrize("data", [b"not a feed at all", b"<html><body>hi</body></html>", b"{}",
                                  b'{"version": "https://jsonfeed.org/version/1", "items": 3}', b"[1,2]"])
def test_not_a_feed_is_a_coded_failure(data):
    results = list(read_feed(data, "x.xml"))
    assert len(results) == 1 and isinstance(results[0], ReadFailure)
    assert results[0].code in (errors.E109_BAD_FEED, errors.E101_EMPTY)


def test_feed_data_is_never_treated_as_a_path_or_url(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("<rss version='2.0'><channel><item><title>LEAK</title></item></channel></rss>")
    results = list(read_feed(str(secret).encode(), "x.xml"))
    assert not any(isinstance(r, Document) and "LEAK" in r.text for r in results)


def test_sniffing():
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert not looks_like_feed(b"<html><body>")
    assert not looks_like_feed(b'{"id": "x", "text": "a report"}')
