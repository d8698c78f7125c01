"""Incidents in the store as reports arrive: ids that do not depend on arrival order, late information
logged with its reason. Real SQLite and PostgreSQL (the ``store`` fixtures of tests/conftest.py)."""
from __future__ import annotations

import itertools
from datetime import date

from conftest import make_doc, make_mention
from sitrep.model import Place

DEPOT = Place("Fuel depot at Qayyarah", 35.80, 43.29, country="Iraq", country_code="IQ", admin1="Nineveh",
              feature="depot", geo_precision=1)
MOSUL = Place("Mosul", 36.335, 43.119, country="Iraq", country_code="IQ", admin1="Nineveh", geo_precision=1)


def _reports():
    """Three outlets on one depot attack (the toll rises, a claim comes days later) and one unrelated strike."""
    a = make_doc("wire-a", "Depot hit\nFILE: Rockets hit the fuel depot at Qayyarah on Monday, killing two guards.",
                 published=date(2024, 3, 4))
    b = make_doc("paper-b", "Toll rises\nFILE: The toll from Monday's rocket attack on the depot rose to five.",
                 published=date(2024, 3, 5))
    c = make_doc("site-c", "Claim\nFILE: A group calling itself the Depot Brigade claimed the rocket attack.",
                 published=date(2024, 3, 8))
    d = make_doc("wire-d", "Other strike\nFILE: A drone struck a car in Mosul on Monday.", published=date(2024, 3, 4))
    day = date(2024, 3, 4)
    return [
        (a, [make_mention(a, "Rockets hit", place=DEPOT, when=day, target="fuel depot", fatalities=2)]),
        (b, [make_mention(b, "rocket attack", place=DEPOT, when=day, target="the depot", fatalities=5)]),
        (c, [make_mention(c, "rocket attack", place=DEPOT, when=day, claimed=True, claimant="Depot Brigade")]),
        (d, [make_mention(d, "drone struck", place=MOSUL, when=day, target="a car", weapons=("drone",),
                          sub_event_type="Air/drone strike")]),
    ]


def _partition(store) -> dict[frozenset, str]:
    parts: dict[str, set] = {}
    for r in store.conn.all("SELECT id, incident_id FROM mentions"):
        parts.setdefault(r["incident_id"], set()).add(r["id"])
    return {frozenset(v): k for k, v in parts.items()}


def _store_with(store_url, reports):
    """An emptied store at ``store_url`` holding ``reports`` ingested in that order."""
    from sitrep.store import open_store

    s = open_store(store_url)
    s.conn.execute("DELETE FROM changes")
    for table in ("claims", "incident_sources", "mentions", "incidents", "documents"):
        s.conn.execute(f"DELETE FROM {table}")
    for doc, ms in reports:
        s.ingest(doc, ms)
    return s


def test_any_arrival_order_gives_the_same_incidents_and_ids(store_url):
    seen = None
    for order in itertools.permutations(_reports()):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert len(got) == 2
        assert seen is None or got == seen, order
        seen = got


def test_a_renamed_incident_is_found_by_its_old_id(store):
    reports = _reports()
    late_first = store.ingest(*reports[2]).incidents[0]  # the claim arrives before the first report
    now = store.ingest(*reports[0]).incidents[0]
    assert now != late_first
    assert store.incident(late_first)["id"] == now
    renamed = [c for c in store.incident(now)["changes"] if c["kind"] == "renamed"]
    assert renamed and renamed[0]["detail"]["from"] == late_first


def test_late_information_updates_the_incident_with_reasons(store):
    for doc, ms in _reports()[:3]:
        store.ingest(doc, ms)
    (inc,) = [i for i in store.incidents() if i["location"]["name"] == DEPOT.name]
    full = store.incident(inc["id"])
    assert (full["fatalities_low"], full["fatalities_best"], full["fatalities_high"]) == (2, 5, 5)
    assert full["claimed"] is True and full["claimant"] == "Depot Brigade"
    updates = {c["field"]: c for c in full["changes"] if c["kind"] == "updated"}
    assert updates["fatalities_best"]["document_id"] == "paper-b"
    assert "toll" in updates["fatalities_best"]["detail"]["why"]
    assert updates["claimed"]["document_id"] == "site-c" and "claimed" in updates["claimed"]["detail"]["why"]


def _bridging_reports():
    """A vague report ('last week') that fits two precise ones a few days apart, which do not fit each other:
    whichever precise report it met first used to keep it. Plus one unrelated report."""
    kw = dict(place=MOSUL, target="a car", weapons=("drone",), sub_event_type="Air/drone strike")
    x = make_doc("weekly-x", "Roundup\nA drone struck a car in Mosul last week.", published=date(2024, 3, 11))
    y = make_doc("wire-y", "Strike\nA drone struck a car in Mosul on Monday.", published=date(2024, 3, 5))
    z = make_doc("paper-z", "Strike\nA drone struck a car in Mosul on Saturday.", published=date(2024, 3, 10))
    a = make_doc("wire-a", "Depot hit\nRockets hit the fuel depot at Qayyarah on Monday.", published=date(2024, 3, 4))
    return [
        (x, [make_mention(x, "drone struck", when=date(2024, 3, 4), precision="week", **kw)]),
        (y, [make_mention(y, "drone struck", when=date(2024, 3, 4), **kw)]),
        (z, [make_mention(z, "drone struck", when=date(2024, 3, 9), **kw)]),
        (a, [make_mention(a, "Rockets hit", place=DEPOT, when=date(2024, 3, 4), target="fuel depot")]),
    ]


def test_every_order_of_a_bridging_report_gives_the_same_incidents(store_url):
    seen, regrouped = None, False
    for order in itertools.permutations(_bridging_reports()):
        s = _store_with(store_url, order)
        got = _partition(s)
        regrouped |= any("report order" in c["detail"]["why"] for c in s.changes(limit=1000) if c["kind"] == "regrouped")
        s.close()
        assert len(got) == 3
        assert seen is None or got == seen, [d.id for d, _ in order]
        seen = got
    assert regrouped  # some orders had to be grouped again, and the move was logged with its reason


def test_an_undated_report_joins_the_dated_incident_it_describes(store):
    """A report with no date line and no publication date ('on Sunday' then has no date) is still compared with
    dated incidents, in either arrival order, when ``date.unknown_one`` is on; an unrelated strike stays apart."""
    from test_across import undated_rules

    store.rules = undated_rules()
    dated = make_doc("wire-a", "Depot hit\nFILE: Rockets hit the fuel depot at Qayyarah on Sunday.",
                     published=date(2024, 3, 4))
    undated = make_doc("blog-u", "Depot\nFILE: Rockets slammed into the fuel depot at Qayyarah on Sunday.",
                       published=None)
    other = make_doc("wire-d", "Other strike\nFILE: A drone struck a car in Mosul.", published=None)
    reports = [
        (dated, [make_mention(dated, "Rockets hit", place=DEPOT, when=date(2024, 3, 3), target="fuel depot")]),
        (undated, [make_mention(undated, "Rockets slammed", place=DEPOT, when=None, target="the fuel depot")]),
        (other, [make_mention(other, "drone struck", place=MOSUL, when=None, target="a car", weapons=("drone",),
                              sub_event_type="Air/drone strike")]),
    ]
    for doc, ms in reversed(reports):
        store.ingest(doc, ms)
    got = sorted(sorted(p) for p in _partition(store))
    assert got == [["blog-u#0", "wire-a#0"], ["wire-d#0"]]
    (depot,) = [i for i in store.incidents() if i["location"]["name"] == DEPOT.name]
    assert store.incident(depot["id"])["n_sources"] == 2 and depot["date"] == "2024-03-03"


def test_two_events_of_one_report_keep_their_followers_in_any_order(store_url):
    """A report tells of two blasts in one town the same day, the second at a police station; two later reports
    tell only of the police station. In any arrival order the later reports join the second blast (as in report
    order), even when they arrived first and the first blast was assigned to them before its sibling was stored."""
    x = make_doc("wire-x", "Two blasts\nFILE: A rocket hit Mosul on Monday. Another rocket hit a police station.",
                 published=date(2024, 3, 4))
    y = make_doc("paper-y", "Station\nFILE: Rockets struck the police station in Mosul on Monday.",
                 published=date(2024, 3, 5))
    z = make_doc("site-z", "Station again\nFILE: The rocket strike on the police station in Mosul.",
                 published=date(2024, 3, 6))
    day = date(2024, 3, 4)
    reports = [
        (x, [make_mention(x, "A rocket hit", place=MOSUL, when=day),
             make_mention(x, "Another rocket hit", place=MOSUL, when=day, target="a police station")]),
        (y, [make_mention(y, "Rockets struck", place=MOSUL, when=day, target="the police station")]),
        (z, [make_mention(z, "rocket strike", place=MOSUL, when=day, target="police station")]),
    ]
    seen = None
    for order in itertools.permutations(reports):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert sorted(map(sorted, got)) == [["paper-y#0", "site-z#0", "wire-x#1"], ["wire-x#0"]], [d.id for d, _ in order]
        assert seen is None or got == seen
        seen = got


def test_a_report_that_fits_two_incidents_equally_joins_the_earlier_reported(store_url):
    """Two strikes in one town on one day at two different facilities, and a third report naming neither: it fits
    both equally and joins the one reported first, in any arrival order (the store and its regrouping break the
    tie the same way)."""
    a = make_doc("alpha", "Station\nFILE: A rocket hit the police station in Mosul.", published=date(2024, 3, 4))
    b = make_doc("kilo", "Checkpoint\nFILE: A rocket hit the checkpoint in Mosul.", published=date(2024, 3, 5))
    c = make_doc("mike", "Rocket\nFILE: A rocket hit Mosul on Monday.", published=date(2024, 3, 6))
    day = date(2024, 3, 4)
    reports = [
        (a, [make_mention(a, "A rocket hit", place=MOSUL, when=day, target="the police station")]),
        (b, [make_mention(b, "A rocket hit", place=MOSUL, when=day, target="the checkpoint")]),
        (c, [make_mention(c, "A rocket hit", place=MOSUL, when=day)]),
    ]
    for order in itertools.permutations(reports):
        s = _store_with(store_url, order)
        got = sorted(map(sorted, _partition(s)))
        s.close()
        assert got == [["alpha#0", "mike#0"], ["kilo#0"]], [d.id for d, _ in order]


def test_an_undated_report_at_the_town_of_two_dated_events_groups_alike_in_any_order(store_url):
    """Two killings of one named deputy's story at one town, two years apart (the killing, the trial), and an
    undated report naming the deputy there: it could join either; in every arrival order it joins the one that
    comes first in report order, though the later event's report dates that incident out of the date window."""
    from sitrep.merge import across
    from sitrep.store import open_store

    town = Place("Linden Vale", 34.10, -118.20, country="United States", country_code="US", geo_precision=1)
    kind = dict(event_type="Violence against civilians", sub_event_type="Attack", weapons=(), place=town)
    a = make_doc("a-killing", "Deputy shot\nFILE: Deputy Mara Quill was shot dead in Linden Vale.", published=None)
    b = make_doc("b-undated", "Deputy\nFILE: Quill was shot near her patrol car in Linden Vale.", published=None)
    c = make_doc("c-trial", "Trial\nFILE: The man who shot Mara Quill was convicted.", published=None)
    reports = [
        (a, [make_mention(a, "shot dead", when=date(2019, 6, 1), target="Deputy Mara Quill", **kind)]),
        (b, [make_mention(b, "was shot", when=None, target="Quill", **kind)]),
        (c, [make_mention(c, "shot", when=date(2021, 2, 15), target="Mara Quill", **kind)]),
    ]
    rules = across.load_rules(weights={"date.unknown_one": 0.0})
    for order in itertools.permutations(reports):
        s = open_store(store_url)
        s.conn.execute("DELETE FROM changes")
        for table in ("claims", "incident_sources", "mentions", "incidents", "documents"):
            s.conn.execute(f"DELETE FROM {table}")
        s.rules = rules
        for doc, ms in order:
            s.ingest(doc, ms)
        got = sorted(sorted(p) for p in _partition(s))
        s.close()
        assert got == [["a-killing#0", "b-undated#0"], ["c-trial#0"]], [d.id for d, _ in order]


def test_a_report_that_matches_one_member_joins_the_incident_in_any_order(store_url):
    """Single link: the incident's place is its finest one (a hamlet a second outlet named); a third report
    places the shooting fifteen kilometres from the town, too far from the hamlet for a town-level match, but it
    matches the first report, which placed it at that town. One incident in every arrival order."""
    kind = dict(event_type="Violence against civilians", sub_event_type="Attack", weapons=())
    town = Place("Linden Vale", 34.100, -118.200, country="United States", country_code="US", geo_precision=2)
    hamlet = Place("Oak Hollow", 34.298, -118.200, country="United States", country_code="US", geo_precision=1)
    west = Place("Cedar Flat", 34.100, -118.352, country="United States", country_code="US", geo_precision=1)
    day = date(2019, 6, 1)
    a = make_doc("a-wire", "Deputy shot\nFILE: Deputy Rowan Pike was shot dead near Linden Vale.", published=day)
    b = make_doc("b-paper", "Deputy\nFILE: Pike was shot at Oak Hollow.", published=date(2019, 6, 2))
    c = make_doc("c-site", "Shooting\nFILE: Pike was shot at Cedar Flat.", published=date(2019, 6, 3))
    reports = [
        (a, [make_mention(a, "shot dead", when=day, target="Deputy Rowan Pike", place=town, **kind)]),
        (b, [make_mention(b, "was shot", when=day, target="Pike", place=hamlet, **kind)]),
        (c, [make_mention(c, "was shot", when=day, target="Pike", place=west, **kind)]),
    ]
    for order in itertools.permutations(reports):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert sorted(map(sorted, got)) == [["a-wire#0", "b-paper#0", "c-site#0"]], [d.id for d, _ in order]


def test_one_victim_named_two_ways_in_one_report_is_one_incident_once_a_report_bridges_them(store_url):
    """A report tells 'Zara Quill was shot' and, paragraphs later, 'the Linden Vale mother was killed' as two
    events (nothing in the report ties them); a second report of the shooting that names no victim matches both:
    they become one incident, in every arrival order. (A rocket on a town and another on its police station,
    one without a target, stay two: test_two_events_of_one_report_keep_their_followers_in_any_order.)"""
    kind = dict(event_type="Violence against civilians", sub_event_type="Attack", weapons=())
    town = Place("Linden Vale", 34.10, -118.20, country="United States", country_code="US", geo_precision=1)
    day = date(2019, 6, 3)
    x = make_doc("x-paper", "Mother shot\nFILE: Zara Quill was shot on Monday. The Linden Vale mother was killed.",
                 published=day)
    y = make_doc("y-wire", "Shooting\nFILE: A woman was shot dead in Linden Vale on Monday.", published=day)
    reports = [
        (x, [make_mention(x, "was shot", when=day, target="Zara Quill", place=town, **kind),
             make_mention(x, "was killed", when=day, target="the Linden Vale mother", place=town, **kind)]),
        (y, [make_mention(y, "shot dead", when=day, place=town, **kind)]),
    ]
    for order in itertools.permutations(reports):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert sorted(map(sorted, got)) == [["x-paper#0", "x-paper#1", "y-wire#0"]], [d.id for d, _ in order]


def _wire_copies():
    """One shooting told by three outlets in one wire story's words, undated; a roundup places it only by its
    report's main place, the town of a bank bombing it tells after it, in another country."""
    from conftest import Span

    gdansk = Place("Gdansk", 54.35, 18.65, country="Poland", country_code="PL", geo_precision=1)
    malmo = Place("Malmo", 55.61, 13.0, country="Sweden", country_code="SE", geo_precision=1)
    a = make_doc("wire-a", "Depot shooting\nFILE: A sacked warehouse clerk opened fire at the staff Christmas lunch "
                 "in a depot near the harbour in Gdansk, killing the manager, officers said.")
    b = make_doc("roundup-b", "Roundup\nFILE: A warehouse clerk who had been sacked opened fire at the staff "
                 "Christmas lunch in a depot near the harbour, killing the manager.\nA bomb damaged a bank in Malmo.")
    c = make_doc("paper-c", "Clerk held\nFILE: The sacked warehouse clerk who opened fire at the staff Christmas "
                 "lunch in the harbour depot, killing the manager, was held, officers said.")
    out = []
    for doc, place in ((a, gdansk), (b, malmo), (c, None)):
        m = make_mention(doc, "opened fire", event_type="Violence against civilians", sub_event_type="Attack",
                         when=None, place=place, target="the manager", weapons=())
        start = doc.text.index("FILE: ") + 6
        end = doc.text.find("\n", start) % (len(doc.text) + 1)
        m.evidence = [Span(start, end, doc.text[start:end])]
        if doc is b:
            m.notes.append("place: document's main place (Malmo), no place in the event's sentences")
        ms = [m]
        if doc is b:
            ms.append(make_mention(doc, "bomb damaged", when=None, place=malmo, target="a bank", weapons=("ied",),
                                   sub_event_type="Remote explosive/landmine/IED"))
        out.append((doc, ms))
    return out


def test_a_roundup_placed_only_by_another_story_joins_the_wire_copies_in_any_order(store_url):
    seen = None
    for order in itertools.permutations(_wire_copies()):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert frozenset({"wire-a#0", "roundup-b#0", "paper-c#0"}) in got, got
        assert frozenset({"roundup-b#1"}) in got
        assert seen is None or got == seen, order
        seen = got


MILLBROOK = Place("Millbrook", 41.78, -73.69, country="United States", country_code="US", admin1="New York",
                  geo_precision=1)


def _verdict_reports():
    """A killing told on its day by two outlets, and a verdict report that tells the court's act (dated by the
    jury's Tuesday) and the deed (its month) as two events."""
    from sitrep.model import Span

    kw = dict(place=MILLBROOK, event_type="Violence against civilians", sub_event_type="Attack", weapons=())
    a = make_doc("wire-a", "Nurse killed\nFILE: A gunman shot and killed Dora Vance, a nurse, outside the Millbrook "
                 "library on Friday, police said.", published=date(2021, 10, 23))
    c = make_doc("site-c", "Nurse shot\nFILE: Dora Vance, a nurse, was shot dead outside the Millbrook library on "
                 "Friday as she walked her dog.", published=date(2021, 10, 23))
    court = "A jury on Tuesday convicted Ray Dunn of the murder of Dora Vance, a nurse, outside the Millbrook library."
    deed = "Dunn shot Vance as she walked her dog in October 2021."
    b = make_doc("paper-b", f"Verdict\nFILE: {court} {deed}", published=date(2023, 4, 19))
    verdict = make_mention(b, "murder", when=date(2023, 4, 18), target="Dora Vance", **kw)
    start = b.text.index(court)
    verdict.evidence = [Span(start, start + len(court), court)]
    verdict.add_span("date", Span(b.text.index("Tuesday"), b.text.index("Tuesday") + 7, "Tuesday"))
    return [
        (a, [make_mention(a, "shot and killed", when=date(2021, 10, 22), target="Dora Vance", **kw)]),
        (b, [verdict, make_mention(b, "shot Vance", when=date(2021, 10, 1), precision="month", target="Vance", **kw)]),
        (c, [make_mention(c, "shot dead", when=date(2021, 10, 22), target="Dora Vance", **kw)]),
    ]


def test_a_verdict_and_the_deed_one_report_tells_are_one_incident(store_url):
    """The court's act on a killing and the killing, told by one report as two events, join the killing's incident
    (ECB+ keeps 'the murder' of a verdict report in the killing's chain), in any arrival order; with
    ``[regroup] court_and_deed`` off the report's two events stay in two incidents."""
    from dataclasses import replace

    for order in itertools.permutations(_verdict_reports()):
        s = _store_with(store_url, order)
        got = _partition(s)
        s.close()
        assert sorted(map(sorted, got)) == [["paper-b#0", "paper-b#1", "site-c#0", "wire-a#0"]], [d.id for d, _ in order]
    s = _store_with(store_url, [])
    s.rules = replace(s.rules, court_deed_join=False)
    for doc, ms in _verdict_reports():
        s.ingest(doc, ms)
    assert len(_partition(s)) == 2
    s.close()
