"""The English word list of ``truecase`` (lemmatizer tables and stop words of the spaCy model) is kept in a cache
file, so a process that needs only the words (given-span geocoding) does not load spaCy: the file gives the same
words as the model."""
from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

truecase = importlib.import_module("sitrep.nlp.truecase")


def _clear() -> None:
    truecase._english.cache_clear()
    truecase._english_cache_path.cache_clear()


def test_cache_file_gives_the_model_words(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    _clear()
    try:
        path = truecase._english_cache_path()
        if path is None:
            pytest.skip("no spaCy model installed")
        assert not path.is_file()
        from_model = truecase._english()
        assert path.is_file() and path.parent == tmp_path
        _clear()
        assert truecase._english() == from_model == truecase._english_from_model()
        assert "car" in from_model and "gwoza" not in from_model
    finally:
        _clear()


def test_words_from_the_cache_without_spacy(tmp_path):
    env_cache = str(tmp_path)
    code = ("import importlib, sys; t = importlib.import_module('sitrep.nlp.truecase'); "
            "w = t._english(); print(len(w), 'spacy' in sys.modules)")
    import os

    env = {**os.environ, "SITREP_CACHE": env_cache}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    if first[0] == "0":
        pytest.skip("no spaCy model installed")
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert again == [first[0], "False"]  # the same number of words, and spaCy never imported
