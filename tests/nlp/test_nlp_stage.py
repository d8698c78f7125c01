from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.nlp.screen import screen
from sitrep.nlp.sentences import split_sentences
from sitrep.nlp.truecase import is_mostly_caps, truecase


def test_split_keeps_offsets_and_abbreviations():
    text = 'U.S. forces said Gen. Smith arrived. "Take cover," he said.\nA rocket hit the base on Dec. 8. Nobody died.'
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "U.S. forces said Gen. Smith arrived.", '"Take cover," he said.', "A rocket hit the base on Dec. 8.",
        "Nobody died."]
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_the_word_before_a_break_is_read_from_the_sentence_start_when_it_is_long():
    from sitrep.nlp.sentences import _LAST_WORD, _last_word

    long_word = "x" * 70 + "." + "y" * 30  # longer than the window the last word is first looked for in
    for text in ("Troops left " + long_word + ". Then", "Hello there, Mr. Then", "a" * 90 + "!? Then",
                 "Sentences end. " + "b" * 63 + ". Next", "No. 5 Then"):
        for end in range(1, len(text) + 1):
            for start in (0, 3, max(0, end - 70)):
                want, got = _LAST_WORD.search(text, start, end), _last_word(text, start, end)
                assert (want and want.span(1)) == (got and got.span(1)), (text, start, end)


def test_wrapped_wire_lines_are_not_sentences():
    text = "   SAN SALVADOR, 12 JAN 90 -- [TEXT] GUERRILLAS ATTACKED THE\nPOWER STATION LAST NIGHT.\n\n   NO ONE DIED."
    sents = split_sentences(truecase(text))
    assert len(sents) == 2


def test_screen_is_cheap_and_selective():
    assert screen("Five fighters were killed in a US strike in Kirkuk.")
    assert screen("A rocket landed near the embassy.")
    assert not screen("The minister met the ambassador to discuss trade.")
    assert not screen("Sirens blared and people were told to take cover.")


def test_screen_reads_a_phrase_written_with_a_hyphen():
    # "car-bomb" is one token: only its first part can open the phrase "car bomb"
    assert screen("Police found a car-bomb near the market.")
    assert not screen("The car-park was full on Sunday.")


def test_screen_finds_a_phrase_by_its_first_word_anywhere_in_a_word():
    # no word of these is an event word alone: only the phrase ("set fire", "opened fire", "air strike") lets
    # them through, searched for the first words a sentence holds, also after a hyphen ("self-set fire")
    assert screen("Protesters set fire to two buses.")
    assert screen("Gunmen opened fire on the crowd.")
    assert screen("They were hit by an air-strike.")
    assert screen("A self-set fire gutted the depot.")
    assert not screen("They set the table and lit a fire in the hearth.")
    assert screen("Protesters \u017fet fire to two buses.")  # beyond ASCII: the long s folds to s, as before


def test_truecase_same_length_and_names():
    text = "GUERRILLAS OF THE FMLN ATTACKED SAN SALVADOR ON MONDAY. THE ARMY REPLIED."
    out = truecase(text)
    assert len(out) == len(text)
    assert "FMLN" in out and "San Salvador" in out and "Monday" in out
    assert out.startswith("Guerrillas of the") and "The army replied." in out
    assert is_mostly_caps(text) and not is_mostly_caps(out)


def test_analyze_parses_only_screened_sentences():
    text = "The weather was mild. A car bomb exploded in Kabul, killing three people. Markets were open."
    a = analyze(Document(id="t", text=text))
    assert [s.screened for s in a.sentences] == [False, True, False]
    assert set(a.parses) == {1}


def _annotations(parsed) -> list:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

    return parsed.to_array([ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_TYPE, ENT_IOB]).tolist()


def test_a_report_without_a_trigger_is_parsed_without_entities_until_asked():
    from sitrep.nlp import analyze_many

    # both sentences pass the screen (weapon words) but neither holds a trigger: no event, no entities needed
    quiet = ("Police in Abuja showed the rifles to reporters from Reuters. The museum in Lagos keeps an old machine gun "
             "from 1914.")
    # a trigger in one sentence: the report's entities are all given with the parse
    loud = "Gunmen shot dead two guards outside a bank in Lagos on Tuesday. " + quiet
    docs = [Document(id="q", text=quiet), Document(id="l", text=loud)]
    full = list(analyze_many(docs))
    lazy = list(analyze_many(docs, entities="triggers"))
    assert set(full[0].parses) == {0, 1} and set(full[1].parses) == {0, 1, 2}
    assert not lazy[0].parses and set(lazy[0].unnamed) == {0, 1} and not lazy[0].unnamed[0].ents
    assert set(lazy[1].parses) == {0, 1, 2} and not lazy[1].unnamed
    for a in lazy:
        a.name_entities()
    for a, b in zip(full, lazy, strict=True):
        assert not b.unnamed and list(b.parses) == list(a.parses)
        assert [_annotations(p) for p in b.parses.values()] == [_annotations(p) for p in a.parses.values()]
        assert b.entities() == a.entities() and {e.label_ for e in b.entities()} >= {"GPE"}


def test_token_at_finds_the_token_that_holds_an_offset_as_a_walk_does():
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.nlp.tokens import token_at

    parsed = load_spacy()("Two  mortar rounds hit the U.S. base, officials said.\\n")
    halves = (parsed, parsed[3:7])
    for sent in halves:
        for pos in range(-2, len(parsed.text) + 3):
            walked = next((t for t in sent if t.idx <= pos < t.idx + len(t.text)), None)
            found = token_at(sent, pos)
            assert (walked.i if walked is not None else None) == (found.i if found is not None else None), (sent, pos)
