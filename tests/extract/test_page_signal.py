"""A page with no sign of violence (no armed actor, no weapon, no one harming anyone, no killing by someone) has no
events whatever its attack words; a page with one sign keeps its events (extract/page_signal.py)."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.model import Document
from sitrep.pipeline import extract_document

DAY = date(2025, 6, 2)


def _events(text: str) -> list:
    return extract_document(document_from_text(text, "t", published=DAY))


def test_a_knitting_column_with_attack_words_has_no_event():
    # "bombing the railings" is the clause model's bombing (0.8), and nothing else on the page is violence
    text = ("Knit one, purl one: the autumn patterns\n\n"
            "Knitters were out again on Saturday, bombing the railings of Ashby park with bright woollen covers. "
            "The pattern for the covers is worked in four pieces and sewn together at the end. "
            "Block each piece under a damp towel before you join them. "
            "Use a double-knit wool in two colours that contrast. "
            "Cast on 40 stitches and work in rib for ten rows. "
            "Change to the second colour and knit the body in stocking stitch. "
            "Our readers' favourite yarn shop in Ashby has a sale this week. "
            "Next month: mittens for beginners.")
    assert not _events(text)


def test_a_natural_death_alone_is_no_event():
    text = ("Retired teacher who ran the village choir for 40 years\n\n"
            "Margaret Holm, who led the Ashby village choir from 1961 until 2001, died on Sunday in her sleep. "
            "She was 92. Former pupils remembered her as strict but kind, and the choir will sing at her funeral.")
    assert not _events(text)


def test_a_report_with_a_weapon_keeps_its_event():
    text = ("Bomb at market kills six\n\n"
            "A bomb hidden in a vegetable cart exploded at a crowded market in the town of Kerala Wells on Sunday, "
            "killing six shoppers and wounding 20, officials said. No group said it had planted it.")
    assert _events(text)


def test_a_murder_keeps_its_event_with_no_weapon_named():
    text = ("Man charged after woman killed at her home\n\n"
            "A 41-year-old man was charged on Monday with the murder of his neighbour, who was found dead at her "
            "home in Harlow on Sunday, police said. He will appear before magistrates on Tuesday.")
    from sitrep.extract import document as report
    from sitrep.extract.clause_model import keep_violent
    from sitrep.extract.page_signal import tells_violence
    from sitrep.nlp import analyze

    cands = keep_violent(report.candidates(analyze(Document(id="t", text=text, published=DAY))))
    assert cands and tells_violence(cands, text, 9)


def _boiler_page(cause: str) -> str:
    return ("Boiler blast kills two at Ashby laundry\n\n"
            "A boiler exploded at the Ashby Road laundry on Monday morning, killing two workers and injuring four, "
            "the fire service said. "
            "The blast blew out the back wall of the building and set fire to a van parked outside. "
            "A bomb disposal team checked the van and found nothing. "
            f"{cause} "
            "Two workers were killed when a boiler exploded at a dairy in Hilton on May 9, 2021. "
            "The laundry had passed a safety inspection in March. "
            "Its owner said the firm would help the families of the dead men. "
            "Health and safety inspectors will visit the site on Wednesday. "
            "The road will stay closed until the wall is made safe.")


def test_a_page_that_tells_of_an_accident_has_no_event_from_its_weapon_words_or_victims():
    # a weapon word ("bomb disposal team") and a kept clause with victims ("killing two workers") are the
    # accident's when the page says it was one
    assert not _events(_boiler_page("Police said it was a tragic accident and that there was no sign of foul play."))


def test_the_same_page_without_an_accident_word_keeps_its_event():
    assert _events(_boiler_page("Police said they were still trying to find out what had happened."))


def test_a_page_with_an_armed_actor_keeps_its_event_though_it_names_an_accident():
    text = ("Gunmen kill two at Ashby checkpoint\n\n"
            "Militants opened fire on a police checkpoint outside Ashby on Monday morning, killing two officers, "
            "the army said. "
            "The attackers escaped in a van that later crashed into a wall on the edge of the town. "
            "Soldiers searched the van and found rifles and ammunition. "
            "The army said the crash was an accident and that no one else was hurt. "
            "The checkpoint had been attacked twice this year. "
            "The road will stay closed until Wednesday. "
            "A curfew was declared in the district. "
            "Funerals for the officers will be held on Tuesday.")
    assert _events(text)


def test_an_armed_word_that_only_describes_a_person_is_no_armed_actor():
    from sitrep.extract.page_signal import _armed_named

    assert not _armed_named("Our coach, a retired army surveyor called Ann, keeps the swimmers in line. We train hard.")
    assert not _armed_named("The talk was given by a military historian from Leeds. Tea was served after it.")


def test_an_armed_actor_on_the_page_is_still_one():
    from sitrep.extract.page_signal import _armed_named

    assert _armed_named("Army troops entered the valley on Friday. Shops stayed shut.")
    assert _armed_named("The rebels crossed the river at dawn. Nobody saw them.")
    assert _armed_named("A retired army cook watched as the soldiers marched past.")


def _storm_page(cause: str) -> str:
    return ("Storm tears roofs off homes along the Ashby coast\n\n"
            "A storm swept across the Ashby coast overnight on Monday, tearing roofs off homes and injuring "
            "dozens of residents, the county council said. "
            f"{cause} "
            "Winds of up to 140 km/h brought down power lines in six villages. "
            "About 2,000 homes were still without electricity on Tuesday morning. "
            "The coast road was closed by fallen trees between Ashby and Carrow. "
            "Schools in the district will stay shut until Thursday. "
            "Forecasters expect the wind to drop by Wednesday evening. "
            "The council has opened a hall in Carrow for families who cannot return home.")


def test_a_page_whose_only_victims_are_injured_with_no_doer_has_no_event():
    # "injuring dozens of residents" is a clause the model keeps with its victims (sign 6), and nothing else on the
    # page is violence: the storm did it
    assert not _events(_storm_page("Hospitals treated 40 people, most of them injured by flying glass."))


def test_the_injured_of_a_page_with_a_weapon_keep_their_event():
    assert _events(_storm_page("Hours later a bomb exploded outside the council offices in Ashby, injuring "
                               "three guards."))
