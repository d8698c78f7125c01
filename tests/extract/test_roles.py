"""extract_roles on short reports written for these tests, parsed by the real spaCy model."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import KnowledgeError
from sitrep.extract import roles as R

spacy = pytest.importorskip("spacy")


def run(nlp, text: str, trigger: str, *, parse_text: str | None = None):
    """Parse ``parse_text`` (a same-length truecased copy, when given) and read roles against ``text``."""
    doc = nlp(parse_text or text)
    trig = next(t for t in doc if t.lower_ == trigger.lower())
    out = R.extract_roles(doc[:], trig, text)
    for fillers in out.values():
        for f in fillers:
            assert text[f.start:f.end] == f.text  # offsets point into the original text
    return {k: [f.text for f in v] for k, v in out.items()}


def test_armed_attack(nlp):
    r = run(nlp, "Urban guerrillas attacked a police station in Soyapango with rifles.", "attacked")
    assert r["perpetrator_individuals"] == ["Urban guerrillas"]
    assert r["targets"] == ["police station"]
    assert r["weapons"] == ["rifles"]


def test_bombing_intransitive_explosion(nlp):
    r = run(nlp, "A car bomb exploded at the headquarters of the Salvadoran Workers Federation.", "exploded")
    assert r["weapons"] == ["car bomb"]
    assert r["targets"] == ["headquarters of the Salvadoran Workers Federation"]


def test_assassination_victim_name_after_title(nlp):
    r = run(nlp, "Gunmen assassinated presidential candidate Luis Carlos Galan on Friday.", "assassinated")
    assert r["perpetrator_individuals"] == ["Gunmen"]
    assert r["victims"] == ["Luis Carlos Galan"]
    assert R.is_person_name("Luis Carlos Galan")


def test_kidnapping_passive_with_agent(nlp):
    r = run(nlp, "Three peasants were kidnapped by members of the ELN in Arauca.", "kidnapped")
    assert r["victims"] == ["peasants"]
    assert r["perpetrator_individuals"] == ["members of the ELN"]
    assert r["perpetrator_organizations"] == ["ELN"]
    assert not R.is_person_name("peasants")


def test_arson(nlp):
    r = run(nlp, "The rebels burned two buses and a truck on the highway.", "burned")
    assert r["perpetrator_individuals"] == ["rebels"]
    assert r["targets"] == ["buses", "truck"]


def test_denial_still_names_who_and_what(nlp):
    r = run(nlp, "The army denied that guerrillas attacked the Santo Tomas farm.", "attacked")
    assert r["perpetrator_individuals"] == ["guerrillas"]
    assert r["targets"] == ["Santo Tomas farm"]
    assert r["perpetrator_organizations"] == []  # the denying army is not the doer


def test_claim_of_responsibility(nlp):
    r = run(nlp, "The FMLN claimed responsibility for the dynamite attack on the power plant.", "attack")
    assert r["perpetrator_organizations"] == ["FMLN"]
    assert r["weapons"] == ["dynamite"]
    assert r["targets"] == ["power plant"]


def test_attempted_attack(nlp):
    r = run(nlp, "Terrorists tried to blow up the bridge with 50 kg of dynamite.", "blow")
    assert "Terrorists" in r["perpetrator_individuals"]
    assert r["targets"] == ["bridge"]
    assert "dynamite" in " ".join(r["weapons"])


def test_all_capitals_report_keeps_original_text(nlp):
    from sitrep.nlp.truecase import truecase

    text = "URBAN GUERRILLAS OF THE FMLN ATTACKED THE EMBASSY WITH DYNAMITE."
    r = run(nlp, text, "attacked", parse_text=truecase(text))
    assert "FMLN" in r["perpetrator_organizations"]
    assert any(p.startswith("URBAN GUERRILLAS") for p in r["perpetrator_individuals"])
    assert r["targets"] == ["EMBASSY"]
    assert r["weapons"] == ["DYNAMITE"]


def test_offsets_into_a_longer_text(nlp):
    head = "Report from the capital.\n"
    sent = "Rebels killed the mayor of the town with a grenade."
    doc = nlp(sent)
    trig = next(t for t in doc if t.lower_ == "killed")
    out = R.extract_roles(doc[:], trig, head + sent, offset=len(head))
    w = out["weapons"][0]
    assert (head + sent)[w.start:w.end] == "grenade" == w.text
    assert [f.text for f in out["victims"]] == ["mayor of the town"]


def test_lexicon_errors_name_file_and_line(tmp_path: Path):
    lex = tmp_path / "roles_lexicon.csv"
    orgs = tmp_path / "roles_organizations.csv"
    orgs.write_text("canonical,kind,aliases\nFMLN,insurgent,FMLN\n")
    lex.write_text("# comment\nkind,words\nweapon,bomb\nvillain,joker\n")
    with pytest.raises(KnowledgeError, match=r"roles_lexicon\.csv:4: unknown kind 'villain'"):
        R.parse_role_lexicon(lex, orgs)
    lex.write_text("kind,words\nweapon,bomb||mine\n")
    with pytest.raises(KnowledgeError, match=r"roles_lexicon\.csv:2: empty entry"):
        R.parse_role_lexicon(lex, orgs)
    lex.write_text("kind,words\nweapon,bomb\n")
    orgs.write_text("canonical,kind,aliases\nA,insurgent,ABC\nB,state,abc\n")
    with pytest.raises(KnowledgeError, match=r"roles_organizations\.csv:3: alias 'abc' already belongs to 'A'"):
        R.parse_role_lexicon(lex, orgs)


def test_packaged_lexicon_loads():
    lex = R.load_role_lexicon()
    assert lex.is_("weapon", "dynamite") and lex.is_("perpetrator", "guerrilla")
    assert lex.org_re.search("attack by the Shining Path")


def test_targets_of_a_damage_word_elsewhere_in_the_sentence(nlp):
    text = ("A military source added that a telecommunications office was destroyed and five houses "
            "damaged by explosives in Aguilares.")
    r = run(nlp, text, "explosives")
    assert "telecommunications office" in r["targets"]
    assert "houses" in r["targets"]


def test_target_in_front_of(nlp):
    text = "The first bomb attack occurred at 2230 in front of the planning ministry, in La Paz."
    r = run(nlp, text, "attack")
    assert r["targets"] == ["planning ministry"]


def test_victim_name_loses_every_title_before_it(nlp):
    text = "A dynamite attack killed Salvadoran Attorney General Roberto Garcia Alvarado today."
    r = run(nlp, text, "killed")
    assert r["victims"] == ["Roberto Garcia Alvarado"]


def test_perpetrator_noun_modifying_the_trigger_is_not_a_perpetrator(nlp):
    r = run(nlp, "The terrorist attack on the bank caused heavy damage in Lima.", "attack")
    assert r["perpetrator_individuals"] == []
    assert r["targets"] == ["bank"]


def test_organization_of_reads_aliases():
    assert R.organization_of("THE FMLN") == R.organization_of("Farabundo Marti National Liberation Front")
    assert R.organization_of("the FMLN") is not None
    assert R.organization_of("the peasants' union") is None


def test_the_phrases_of_the_verb_a_noun_trigger_is_the_object_of_are_the_triggers(nlp):
    # "opened fire on X with Y": the parser hangs "on" and "with" on "opened", not on the trigger "fire"
    r = run(nlp, "Gunmen opened fire on worshippers with AK-47s outside a mosque on Friday.", "fire")
    assert r["perpetrator_individuals"] == ["Gunmen"]
    assert r["victims"] == ["worshippers"]
    assert r["weapons"] == ["AK-47s"]  # a plural no lemmatiser makes singular is still a weapon
    r = run(nlp, "Rebels launched an attack against a border post with mortars late on Sunday.", "attack")
    assert r["perpetrator_individuals"] == ["Rebels"]
    assert r["targets"] == ["border post"]
    assert r["weapons"] == ["mortars"]


def test_the_people_a_participle_clause_kills_or_wounds_are_victims_of_the_trigger(nlp):
    r = run(nlp, "Two bombs went off near the crowded bus stop, killing four people and wounding nine others.",
            "went")
    assert r["victims"] == ["people", "others"]


# ---- what the act went into, through or among (issue 11)

def test_participle_harm_clause_reads_what_the_act_went_into(nlp):
    r = run(nlp, "A bomber drove a van loaded with fuel drums into the provincial council headquarters in Tikrit on "
                 "Sunday, killing nine people.", "killing")
    assert r["targets"] == ["provincial council headquarters"]
    assert "people" in r["victims"]


def test_weapon_subject_tore_through_a_building(nlp):
    r = run(nlp, "Three bombs tore through the Blue Lagoon disco and a nearby cafe late on Friday.", "bombs")
    assert "Blue Lagoon disco" in r["targets"]


def test_explosion_among_the_stalls_of_a_market_hits_the_market(nlp):
    r = run(nlp, "A rocket exploded among the stalls of the busy vegetable market in the old town.", "exploded")
    assert r["targets"] == ["busy vegetable market"]


def test_a_person_after_through_is_not_a_target(nlp):
    r = run(nlp, "A grenade tore through the crowd of mourners outside the mosque.", "grenade")
    assert "crowd" not in " ".join(r["targets"])


def test_acronym_of_an_armed_group_before_a_noun_trigger_is_the_attacker(nlp):
    r = run(nlp, "Eleven soldiers died in IS raids near the border last week.", "raids")
    assert r["perpetrator_organizations"] == ["IS"]
    r = run(nlp, "Eleven soldiers died in US raids near the border last week.", "raids")
    assert r["perpetrator_organizations"] == []  # a state is not read off an acronym



def test_doer_of_a_support_verb_with_a_noun_trigger(nlp):
    r = run(nlp, "The raid on the depot was carried out by three brothers from Sabha, officials said.", "raid")
    assert r["perpetrator_individuals"] == ["brothers"]


def test_blame_verb_names_the_doer(nlp):
    r = run(nlp, "Officials blamed the Pakistani Taliban for the bombing of the bus depot in Quetta.", "bombing")
    assert r["perpetrator_organizations"] == ["Pakistani Taliban"]
    r = run(nlp, "The ambush near the river was blamed on Lashkar-e-Taiba by the army.", "ambush")
    assert "Lashkar-e-Taiba" in r["perpetrator_individuals"] + r["perpetrator_organizations"]


def test_listed_actor_as_subject_is_the_doer(nlp):
    r = run(nlp, "The Taliban killed four policemen at a checkpoint in Helmand.", "killed")
    assert r["perpetrator_organizations"] == ["Taliban"]
    r = run(nlp, "The clinic was bombed by the Saudi-led coalition on Tuesday.", "bombed")
    assert r["perpetrator_organizations"] == ["Saudi-led coalition"]


def test_listed_actor_as_object_is_not_a_doer(nlp):
    r = run(nlp, "Kurdish fighters attacked the Taliban near the dam.", "attacked")
    assert "Taliban" not in r["perpetrator_organizations"]


def test_bomber_is_a_doer_with_the_group_that_sent_him(nlp):
    r = run(nlp, "An Islamic State suicide bomber killed 14 guests at a wedding hall in Kunduz.", "killed")
    assert r["perpetrator_individuals"] == ["Islamic State suicide bomber"]


def test_clash_between_two_sides(nlp):
    r = run(nlp, "Four people died in a gun battle between police and smugglers near the port.", "battle")
    assert r["perpetrator_organizations"] + r["perpetrator_individuals"] == ["police"]
    assert r["victims"] == ["smugglers"]
    r = run(nlp, "The army reported heavy fighting between midnight and dawn near the pass.", "fighting")
    assert not r["victims"]


def test_what_a_relative_clause_says_the_act_aimed_at(nlp):
    r = run(nlp, "Rebels admitted the raids, which were aimed at traders on the highway.", "raids")
    assert r["victims"] == ["traders"]
    r = run(nlp, "The shelling, which targeted the grain depot, lasted two hours.", "shelling")
    assert r["targets"] == ["grain depot"]


def test_participles_joined_by_and_share_the_by_agent(nlp):
    r = run(nlp, "A Kurdish fighter killed and then beheaded by Islamic State militants near Kobani was buried.",
            "killed")
    assert r["victims"] == ["Kurdish fighter"]
    assert r["perpetrator_individuals"] == ["Islamic State militants"]
    r = run(nlp, "Two drivers were shot and wounded by masked men outside the depot.", "shot")
    assert r["victims"] == ["drivers"]
    assert r["perpetrator_individuals"] == ["masked men"]


def test_an_active_verb_joined_to_a_passive_keeps_its_doer(nlp):
    r = run(nlp, "The militants shelled the barracks at dawn and were attacked by helicopters an hour later.",
            "shelled")
    assert r["perpetrator_individuals"] == ["militants"]
    assert r["targets"] == ["barracks"]


def test_sides_of_the_clash_a_harm_verb_happened_in(nlp):
    text = "One man was killed and two were hurt in a gun battle between police and smugglers near the bridge."
    r = run(nlp, text, "killed")
    assert "police" in r["perpetrator_individuals"] + r["perpetrator_organizations"]
    assert "smugglers" in r["victims"]


def test_an_organisation_before_the_head_of_what_was_hit_is_not_the_doer(nlp):
    r = run(nlp, "Insurgents ambushed an army convoy and a police checkpoint outside Gardez.", "ambushed")
    assert r["perpetrator_organizations"] == []
    assert r["perpetrator_individuals"] == ["Insurgents"]
    assert "army convoy" in r["targets"]
    r = run(nlp, "She buried her brother, a navy lieutenant who was shot by a sniper in Mosul in 2016.", "shot")
    assert r["perpetrator_organizations"] == []
    assert r["victims"] == ["navy lieutenant"]



@pytest.mark.parametrize("sentence,trigger,doer", [
    ("The mayor of the town survived an attack on his convoy on Monday.", "attack", "mayor"),
    ("Soldiers of the garrison repelled the attack before dawn.", "attack", "Soldiers"),
    ("The government condemned the bombing of the market.", "bombing", "government"),
    ("Police investigated the shooting at the depot.", "shooting", "Police"),
])
def test_subject_of_a_reaction_verb_is_not_the_doer(nlp, sentence, trigger, doer):
    """The subject of a verb that reacts to the act that is its object (lexicon kind "reaction") did not do it."""
    r = run(nlp, sentence, trigger)
    perps = r.get("perpetrator_individuals", []) + r.get("perpetrator_organizations", [])
    assert not any(doer in p for p in perps)


def test_subject_of_a_verb_of_doing_stays_the_doer(nlp):
    r = run(nlp, "Rebels detonated a bomb near the bridge.", "bomb")
    assert any("Rebels" in p for p in r.get("perpetrator_individuals", []))


@pytest.mark.parametrize("sentence,trigger,doer", [
    ("A prosecutor charged the farmhand Pedro Alvarado with the murder of his neighbour.", "murder", "Alvarado"),
    ("Deputy Marcus Hale was indicted for the fatal shooting of a driver last spring.", "shooting", "Hale"),
    ("Two former guards were convicted of the torture of prisoners in Lima.", "torture", "guards"),
])
def test_the_one_accused_of_the_act_is_its_doer(nlp, sentence, trigger, doer):
    """A verb of justice (lexicon kind "charge") names the one it accuses of the act in its for / of / with phrase."""
    r = run(nlp, sentence, trigger)
    perps = r["perpetrator_individuals"] + r["perpetrator_organizations"]
    assert any(doer in p for p in perps)


def test_caught_in_the_act_is_not_accused_of_it(nlp):
    """ "in" on the verb says where they were caught: the soldiers' raid was not done by those arrested."""
    r = run(nlp, "Four traders were arrested in the raid on the market by soldiers.", "raid")
    assert not any("traders" in p for p in r["perpetrator_individuals"] + r["perpetrator_organizations"])


def test_a_by_phrase_the_parser_hung_on_the_place_names_the_doer(nlp):
    r = run(nlp, "Five men were shot at a checkpoint by soldiers of the Third Brigade.", "shot")
    assert r["perpetrator_individuals"] == ["soldiers of the Third Brigade"]


@pytest.mark.parametrize("sentence", [
    "Two of the hostages died in the raid on the farm.",
    "The shopkeeper died of his wounds on Sunday.",
])
def test_the_subject_of_die_is_never_the_doer(nlp, sentence):
    r = run(nlp, sentence, "died")
    assert not r["perpetrator_individuals"] and not r["perpetrator_organizations"]


@pytest.mark.parametrize("sentence, trigger", [
    ("One of the grenades hit a crowded bus stop downtown.", "hit"),
    ("One of the rockets struck the clinic near the port.", "struck"),
])
def test_one_of_several_weapons_as_subject_is_no_doer(nlp, sentence, trigger):
    r = run(nlp, sentence, trigger)
    assert not r["perpetrator_individuals"] and not r["perpetrator_organizations"]


def test_one_of_several_people_as_subject_stays_the_doer(nlp):
    r = run(nlp, "One of the gunmen shot the driver outside the bank.", "shot")
    assert r["perpetrator_individuals"] == ["One of the gunmen"]


def test_a_possessive_doer_word_owning_a_thing_beside_the_act_is_no_doer(nlp):
    r = run(nlp, "The senator blamed the bombing on lax borders and not the militant's access to cheap explosives.",
            "bombing")
    assert not any("militant" in v for v in r["perpetrator_individuals"])


@pytest.mark.parametrize("sentence, trigger", [
    ("Officials said nothing about the insurgents' plans to bomb the bridge.", "bomb"),
    ("Two trucks were hit by the guerrillas' mortar fire.", "hit"),
])
def test_a_possessive_doer_word_owning_the_act_or_its_means_is_the_doer(nlp, sentence, trigger):
    r = run(nlp, sentence, trigger)
    assert any("insurgents" in v or "guerrillas" in v for v in r["perpetrator_individuals"])


@pytest.mark.parametrize(("sentence", "trigger", "victims"), [
    ("Gunmen raided the village market, killing four traders and wounding 17.", "raided", ["traders", "17"]),
    ("The blast at the depot killed two guards and injured more than 40.", "killed", ["guards", "40"]),
])
def test_a_number_in_figures_killed_or_wounded_counts_victims(nlp, sentence, trigger, victims):
    assert run(nlp, sentence, trigger)["victims"] == victims


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The rebels attacked 12 of the outposts overnight.", "attacked"),
    ("Soldiers shelled the hills for 3 hours.", "shelled"),
])
def test_a_number_in_figures_not_killed_or_wounded_is_no_victim(nlp, sentence, trigger):
    assert run(nlp, sentence, trigger)["victims"] == []
