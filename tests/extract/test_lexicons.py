import pytest

from sitrep.errors import KnowledgeError
from sitrep.extract import lexicon
from sitrep.resolve import actor


def test_packaged_lexicons_load():
    lex = lexicon.load_lexicon()
    assert lex.weapons["katyusha"].category == "rocket"
    assert lex.weapons["roadside bomb"].sub_event_type == "Remote explosive/landmine/IED"
    assert "strike" in lex.triggers


def test_bad_acled_type_names_file(tmp_path, monkeypatch):
    (tmp_path / "weapons.toml").write_text(
        '[[weapon]]\ncategory = "rocket"\nwords = ["rocket"]\nevent_type = "Explosions"\nsub_event_type = "Boom"\n')
    monkeypatch.setenv("SITREP_KNOWLEDGE", str(tmp_path))
    lexicon.load_lexicon.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as err:
            lexicon.load_lexicon()
        assert "weapons.toml" in str(err.value) and "not an ACLED" in str(err.value)
    finally:
        lexicon.load_lexicon.cache_clear()


def test_broken_actor_row_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "actors.csv").write_text("canonical,type,aliases,source\nHamas,armed group,Hamas,src\n,state,,\n")
    monkeypatch.setenv("SITREP_KNOWLEDGE", str(tmp_path))
    actor.load_actors.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as err:
            actor.load_actors()
        assert "actors.csv:3" in str(err.value)
    finally:
        actor.load_actors.cache_clear()


def test_actor_aliases():
    assert actor.resolve_actor("the Islamic Resistance of Iraq").canonical == "Islamic Resistance in Iraq"
    assert actor.resolve_actor("a U.S. strike").canonical == "United States"
    assert actor.resolve_actor("THE FMLN").canonical.startswith("Farabundo")
    assert actor.resolve_actor("us and them") is None  # case-sensitive short aliases
    assert actor.resolve_actor("the Mjahideen of the Islamic Resistance in Iraq").canonical == "Islamic Resistance in Iraq"
