"""Counties named without the word, and a local paper's register as evidence of the story's country."""
from __future__ import annotations

from geo_spans import spans_of as _spans

from sitrep.resolve import Mention, county_mentions, get_gazetteer, reading_context, resolve_spans


def test_a_list_ending_in_counties_names_counties_of_the_state_holding_all():
    text = "Flooding is affecting the following areas in Becker, Clay, Mahnomen, Otter Tail and Wilkin counties."
    places = resolve_spans(text, _spans(text, "Becker", "Clay", "Mahnomen", "Otter Tail", "Wilkin"))
    assert all(p is not None and p.feature == "ADM2" for p in places)
    assert {p.admin1 for p in places} == {"Minnesota"}


def test_a_state_before_counties_is_the_state_not_a_county_of_its_name():
    # Indiana County is in Pennsylvania; "Ohio counties" are the state's, as is "Iowa" here
    text = "Its jobless rate was near the middle of Iowa counties, the state agency of Iowa said."
    first = text.index("Iowa")
    [p] = resolve_spans(text, [(first, first + 4)])
    assert p is not None and p.feature == "ADM1" and p.name == "Iowa"


def test_a_bare_name_is_the_county_when_the_text_writes_it_with_county():
    text = "DeKalb County commissioners met on Tuesday. DeKalb will raise the fee, the county manager said."
    second = text.index("DeKalb will")
    [p] = resolve_spans(text, [(second, second + 6)])
    assert p.feature == "ADM2"


def test_a_list_stops_at_a_name_that_is_no_county():
    gz = get_gazetteer()
    text = "Volunteers from Xqzzyville and Cherokee counties."
    ms = [Mention(text.index("Xqzzyville"), text.index("Xqzzyville") + 10, "Xqzzyville", "given"),
          Mention(text.index("Cherokee"), text.index("Cherokee") + 8, "Cherokee", "given")]
    got = county_mentions(gz, text, ms, [[], []])
    assert 0 not in got and 1 in got


def test_register_cues_support_the_country_of_a_local_paper():
    gz = get_gazetteer()
    local = ("Councilwoman Amy Salay said the township trustees and the Sheriff's Office agreed to spend "
             "$40,000 on the high school parking lot.")
    ctx = reading_context(gz, local, [], [])
    assert ctx.cc.get("US", 0) >= 1.5 and ctx.home == "US"
    plain = "The council met on Monday to discuss the parking lot."
    assert not reading_context(gz, plain, [], []).cc.get("US")


def test_register_cues_make_a_town_of_that_country_win_over_a_capital_abroad():
    text = ("Dublin City Council met Monday. Councilman Tim Lecklider asked the school board to spend $2 million "
            "on the high school, the sheriff's deputies said traffic on I-270 slowed to 20 mph.")
    s = text.index("Dublin")
    [p] = resolve_spans(text, [(s, s + 6)])
    assert p.country_code == "US"


def test_a_county_and_a_town_near_its_point_read_each_other():
    # Walker County lies in Alabama, Georgia and Texas; only Texas' holds a Huntsville (the big one is Alabama's)
    text = ("Volunteers in Walker County planted trees on Saturday. The fire chief of Huntsville thanked the county "
            "judge for the help.")
    county, town = resolve_spans(text, _spans(text, "Walker County", "Huntsville"))
    assert county.admin1 == "Texas" and town.admin1 == "Texas"
    text = "Students from Paris toured the old theatre, and Henry County leaders praised the arts school."
    town, county = resolve_spans(text, _spans(text, "Paris", "Henry County"))
    assert county.admin1 == "Tennessee" and town.admin1 == "Tennessee"


def test_a_bare_county_name_of_the_state_the_text_names_is_the_county_when_its_towns_lie_elsewhere():
    # Greenbrier County is West Virginia's; the towns called Greenbrier lie in Tennessee and Arkansas
    text = ("Anglers in West Virginia say trout stocking on the rivers of Greenbrier will start in April, the "
            "Division of Natural Resources said.")
    s = text.index("Greenbrier")
    [p] = resolve_spans(text, [(s, s + 10)])
    assert p is not None and p.feature == "ADM2" and p.admin1 == "West Virginia"


def test_a_big_town_elsewhere_keeps_a_name_that_is_also_a_county_of_the_named_state():
    # Michigan has an Ottawa County; "Ottawa" with Canada's capital among its readings stays the town
    text = "Growers in Michigan shipped apples to Ottawa last week, the state agriculture office said on Monday."
    s = text.index("Ottawa")
    [p] = resolve_spans(text, [(s, s + 6)])
    assert p is not None and p.feature != "ADM2"


def test_a_name_only_one_states_county_bears_is_that_county_in_a_text_that_points_to_the_us():
    # no home country (one other place), but that place is American and only Florida has a Broward County
    text = "Deputies in Broward arrested two men after a chase that ended near Miami Beach, a spokesman said."
    s, b = text.index("Broward"), text.index("Miami Beach")
    p, _ = resolve_spans(text, [(s, s + 7), (b, b + 11)])
    assert p is not None and p.feature == "ADM2" and p.admin1 == "Florida"


def test_a_two_word_state_abbreviation_after_a_county_names_its_state():
    # "W. Va." is written with a space; the gazetteer lists it as "wva". Ohio is named too, and Jackson County is
    # a county of both states
    text = ("A man of Jackson County, W. Va., was arrested after a chase that began near Columbus, Ohio, and ended "
            "on a bridge over the river.")
    [p] = resolve_spans(text, _spans(text, "Jackson County"))
    assert p is not None and p.admin1 == "West Virginia"
