"""Short reports of our own writing, from other places, decades and wire styles: the pipeline is not tuned to
the seed. Each asserts the fields a reader would code."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import event_record, extract_document


def run(text: str, published: date | None = None) -> list[dict]:
    return [event_record(e) for e in extract_document(document_from_text(text, "t", published=published))]


def test_suicide_bombing_with_claim_and_a_second_event():
    events = run("KABUL, March 4 (Reuters) - A suicide bomber killed at least 12 people and wounded 30 others at a "
                 "Shi'ite mosque in Kabul on Friday, police said. The Islamic State claimed responsibility for the "
                 "bombing in a statement.\nSeparately, Taliban fighters ambushed a police convoy in Kandahar province "
                 "on Thursday, killing four officers.", date(2022, 3, 4))
    assert len(events) == 2
    bomb, ambush = sorted(events, key=lambda e: e["date"], reverse=True)
    assert bomb["date"] == "2022-03-04" and bomb["sub_event_type"] == "Suicide bomb"
    assert bomb["location"]["name"] == "Kabul" and bomb["fatalities"] == 12 and bomb["injured"] == 30
    assert bomb["claimed"] is True and bomb["claimant"] == "Islamic State" and bomb["actor1"] == "Islamic State"
    assert ambush["date"] == "2022-03-03" and (ambush["event_type"], ambush["sub_event_type"]) == ("Battles", "Armed clash")
    assert ambush["actor1"] == "Taliban" and ambush["fatalities"] == 4
    assert ambush["location"]["country"] == "Afghanistan" and ambush["location"]["name"] != "Kabul"


def test_abduction_unclaimed_and_a_clash():
    events = run("Gunmen abduct students in northern Nigeria\nFILE: Gunmen kidnapped 20 students from a school in "
                 "Kaduna, Nigeria, on Tuesday, police said. No group has claimed the abduction. The army said troops "
                 "clashed with the kidnappers near the town of Zaria on Wednesday and killed three of them.",
                 date(2021, 3, 11))
    kidnap = next(e for e in events if e["sub_event_type"] == "Abduction/forced disappearance")
    assert kidnap["date"] == "2021-03-09" and kidnap["claimed"] is False and kidnap["location"]["name"] == "Kaduna"
    clash = next(e for e in events if e["sub_event_type"] == "Armed clash")
    assert clash["date"] == "2021-03-10" and clash["fatalities"] == 3 and clash["location"]["name"] == "Zaria"


def test_retaliation_for_an_earlier_attack_is_not_that_attack():
    events = run("US forces struck more than 85 targets in Iraq and Syria on 2 February 2024 in retaliation for the "
                 "drone attack in Jordan that killed three American soldiers, the US military said.", date(2024, 2, 3))
    assert len(events) == 1
    (e,) = events
    assert e["date"] == "2024-02-02" and e["actor1"] == "United States" and e["fatalities"] is None
    assert e["weapons"] == ["airstrike"]


def test_all_capitals_wire_with_dateline_and_denial():
    text = ("SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] URBAN GUERRILLAS OF THE FMLN ATTACKED THE POWER "
            "STATION IN SANTA ANA WITH DYNAMITE LAST NIGHT, KILLING TWO GUARDS.\n\n   THE ARMED FORCES DENIED "
            "THAT THE REBELS CONTROLLED THE CITY.")
    events = run(text)
    assert len(events) == 1
    (e,) = events
    assert e["date"] == "1990-01-11"
    assert e["actor1"] == "Farabundo Marti National Liberation Front"
    assert e["fatalities"] == 2 and "ied" in e["weapons"]
    assert e["location"]["country"] == "El Salvador"
    for span in e["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_no_events_in_ordinary_news():
    assert run("The city council approved a new budget for road repairs on Monday. The mayor said schools would "
               "reopen next week after the holiday.", date(2020, 5, 4)) == []


def test_an_after_clause_event_is_counted_back_from_the_day_it_is_timed_against():
    from datetime import date

    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    text = ("Troops searched homes in the district on Thursday, three days after a car bomb killed 12 people at a "
            "checkpoint in Hamar.")
    (event,) = extract_document(document_from_text(text, "t", published=date(2022, 6, 17)))
    assert event.date == date(2022, 6, 13)  # Thursday the 16th, three days before


def test_years_counted_back_keep_the_calendar_day_across_leap_years():
    from datetime import date

    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    text = ("Veterans laid wreaths at the memorial on Friday, thirty years after a bomb killed 9 people at a "
            "market in Hamar.")
    (event,) = extract_document(document_from_text(text, "t", published=date(2019, 4, 13)))
    assert event.date == date(1989, 4, 12)  # Friday the 12th; the 30 years after it hold 8 leap days, before 7
