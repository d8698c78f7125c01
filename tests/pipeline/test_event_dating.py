"""Which date a whole report gives each event: the day a source spoke for a deed it reports in the past perfect,
a cause's date kept off the event answering it, and a yearless dateline's year near the years the text tells.
Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document
from sitrep.resolve.timex.dateline import infer_report_date

SUNDAY = date(2019, 6, 9)


def run(text: str, published: date | None = SUNDAY):
    return extract_document(document_from_text(text, "t", published=published))


def test_a_deed_reported_in_the_past_perfect_takes_the_day_it_was_said():
    events = run("Mortar fire wrecked a clinic in Port Alder on Saturday, killing six people. The Red Brigades "
                 "said on June 2 that they had bombed a fuel depot near Kessel Bay.")
    depot = [m for m in events if m.target and "depot" in m.target]
    assert depot, [(m.target, m.date) for m in events]
    assert depot[0].date == date(2019, 6, 2), depot[0].notes


def test_a_deed_in_the_simple_past_with_the_day_said_keeps_the_reports_rule():
    """Only the past perfect: "said on June 2 that they bombed" is left to the rule for speech days."""
    events = run("The Red Brigades said on June 2 they bombed a fuel depot near Kessel Bay.")
    assert all("a deed told in the past perfect" not in " ".join(m.notes) for m in events)


def test_a_day_before_the_reporting_verb_of_a_past_perfect_deed_is_noted_as_the_day_said():
    """ "On Friday a faction said its men had shelled the depot": the day stays (no other is told), noted as the day
    said, which merging across reports reads as "on or before" (merge/across.date_from_report)."""
    events = run("Mortar fire wrecked a clinic in Port Alder on Saturday, killing six people. On Friday a little-known "
                 "faction said in a statement that its men had bombed a fuel depot near Kessel Bay.")
    depot = [m for m in events if m.target and "depot" in m.target]
    assert depot and depot[0].date == date(2019, 6, 7), [(m.target, m.date, m.notes) for m in events]
    assert any("the day its source said it" in n for n in depot[0].notes), depot[0].notes


def test_a_date_of_the_attack_answered_does_not_date_the_answer():
    (m,) = run("The army has fired 20 missiles at a rebel air base in response to a suspected chemical weapons "
               "attack on a government-held village earlier this week.")
    assert (m.date, m.date_precision) == (SUNDAY, "day"), m.notes


def test_a_date_past_a_comma_after_in_response_to_still_dates_the_event():
    events = run("In response to the ambush, the army fired 20 rockets at a rebel camp near Kessel Bay on Friday.")
    assert any(m.date == date(2019, 6, 7) for m in events), [(m.date, m.notes) for m in events]


def test_a_yearless_dateline_takes_a_year_near_the_latest_year_told():
    """27 August fell on a Monday in 1973, 1979, 1984, 1990 ...: the nearest year after 1969 wins."""
    got, why = infer_report_date("PORTVILLE, Aug 27 (AP) - A bomb went off at the harbour on Monday, the worst "
                                 "attack since troops were sent to the province in 1969.")
    assert got == date(1973, 8, 27), why


def test_a_yearless_dateline_takes_a_year_told_with_no_tense_cue_before_the_latest_year_rule():
    """The tense cue of "in 1992" is out of the clause's reach ("to topple the king in 1992"), yet the year is
    background: 18 November fell on a Tuesday in 1986, 1997, 2003 ...: the nearest year after 1992, not the latest
    year (2025)."""
    got, why = infer_report_date("PORTVILLE, Nov 18 (AP) - Gunmen fired on a tourist bus on Tuesday, killing nine, "
                                 "police said. Rebels have fought the army since they began their campaign to topple the "
                                 "king in 1992.",
                                 today=date(2026, 1, 1))
    assert got == date(1997, 11, 18), why


def test_a_yearless_dateline_with_no_year_told_is_a_live_report_or_none():
    """The latest year in which its day fell on the weekday named, when that day is a live report's (a month at
    most before today); an archive's report that tells no year gets no date rather than a wrong year."""
    text = "PORTVILLE, Aug 27 (AP) - A bomb went off at the harbour on Monday."
    got, why = infer_report_date(text, today=date(2018, 9, 3))
    assert got == date(2018, 8, 27), why
    got, why = infer_report_date(text, today=date(2026, 1, 1))
    assert got is None and "no live report" in why, why


def test_a_weekday_hung_on_a_relative_clause_in_the_present_takes_the_main_clause_tense():
    """ "the building that houses the ministry on Friday": the day of the blast (past), not the next Friday; a
    comma-set relative clause of a person may tell a plan ("Kallas, who flies to Riga on Friday")."""
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.resolve.time import DocumentTimes

    nlp = load_spacy()
    saturday = date(2019, 6, 8)
    for text, want in (("A car bomb exploded outside the building that houses the ministry on Friday afternoon.",
                        "2019-06-07TAF"),
                       ("Kallas, who flies to Riga on Friday, said the talks were useful.", "2019-06-14")):
        (t,) = DocumentTimes(text, saturday).find(0, len(text), parse=nlp(text))
        assert t.value == want, (text, t.value)


def test_a_place_after_an_apposition_that_shares_out_the_victims_is_the_event_s():
    """ "killed 11 people, eight of them Dutch tourists, outside the hotel ... in Sousse": the parser hangs the
    place on the apposition; it is still the killing's, not the dateline's (Tunis)."""
    events = run("TUNIS (Reuters) - On Friday, gunmen killed 11 people, eight of them Dutch tourists, outside the "
                 "Marhaba hotel near the beach in Sousse.")
    assert [m.place.name for m in events if m.place] == ["Sousse"], [(m.place, m.notes) for m in events]


def test_a_day_right_after_a_reporting_verb_is_the_day_said_wherever_the_parse_hangs_it():
    """The parser hangs "on Saturday" on "detained"; the day is still the one the police spoke, not the attacks'."""
    events = run("Harbour police said on Saturday they had detained four suspects over the two waves of bomb attacks "
                 "that have hit Port Alder within a week.")
    assert all(m.date != date(2019, 6, 8) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_days_possessive_on_the_trigger_dates_it_after_from():
    """ "from Thursday's blasts": the "from <day>" of a span start does not apply to a day's possessive."""
    events = run("Doctors said 300 people were treated for wounds from Thursday's car bomb at the harbour in Port Alder.")
    assert any(m.date == date(2019, 6, 6) for m in events), [(m.trigger.text, m.date, m.notes) for m in events]


def test_a_summary_done_in_the_past_perfect_through_a_support_verb_takes_the_day_said():
    """ "said on Monday they had carried out two bomb attacks": the summary is dated as the deed it reports, so it
    is told apart from the two bombs of Sunday and leaves them their own claims."""
    events = run("The Red Brigades said on Monday they had carried out two bomb attacks in Port Alder, which police "
                 "said killed 40 people.\n\nThe first bomb went off late on Sunday at a cafe near the harbour.\n\n"
                 "Less than an hour later, a second bomb exploded at the ferry terminal.",
                 published=date(2019, 6, 10))
    cafe = [m for m in events if m.target and "cafe" in m.target]
    assert cafe and cafe[0].fatalities.best is None, [(m.trigger.text, m.target, m.fatalities) for m in events]


def test_a_lede_that_refers_to_the_attack_joins_its_dated_telling():
    """The lede names the shooting only as what a group claimed; the next paragraph tells it with its day."""
    events = run("The Red Brigades claimed responsibility on Sunday for the shooting at a hotel near Sousse in which "
                 "a gunman killed 20 people.\n\nWitnesses said a gunman opened fire on holidaymakers on the sand in "
                 "Port El Kantaoui on Friday before police shot him dead.")
    assert len(events) == 1, [(m.trigger.text, m.date, m.notes) for m in events]
    assert events[0].date == date(2019, 6, 7) and events[0].fatalities.best == 20, events[0].notes


def test_a_title_line_joins_the_dated_telling_that_follows():
    """The title line has no day of its own (the report came out the day after); the body tells the same bombing
    with its day, in a district of the title's town."""
    events = run("Car bomb hits police station in Istanbul\n\nA car bomb exploded outside a police station in "
                 "Istanbul's Fatih district on Saturday, wounding three policemen.\n\nNo one said they had carried "
                 "out the attack.")
    assert len(events) == 1 and events[0].date == date(2019, 6, 8), [(m.trigger.text, m.date, m.notes)
                                                                        for m in events]


def test_no_one_saying_they_did_it_dates_no_deed():
    events = run("Gunmen attacked a police checkpoint in Mardin on Friday, wounding two officers.\n\nNo group said on "
                 "Sunday that it had carried out the attack.")
    assert len(events) == 1 and events[0].date == date(2019, 6, 7), [(m.trigger.text, m.date, m.notes)
                                                                        for m in events]


def test_a_time_of_day_with_no_day_is_the_day_of_the_story_told():
    """ "were killed around midday": the day of the event told before, not the report's day; an "a day after"
    clause's earlier event does not set that day."""
    events = run("Gunmen shot dead three nurses at a clinic in Port Alder on Friday, a day after soldiers killed "
                 "two raiders near Kessel Bay. The nurses were killed around midday in the clinic's yard.")
    by_day = {m.date: m for m in events}
    assert set(by_day) == {date(2019, 6, 7), date(2019, 6, 6)}, [(m.date, m.notes) for m in events]
    assert len(events) == 2  # the midday clause is the Friday killing, told again


def test_a_time_of_day_in_a_report_with_no_earlier_day_is_the_reports_day():
    events = run("A bomb exploded at a market in Port Alder at 8 a.m., killing four people.")
    assert [m.date for m in events] == [SUNDAY]
