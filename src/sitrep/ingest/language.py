"""Language screening: sitrep's extractors read English, so other languages are skipped with a
recorded reason (E108) instead of producing nonsense events.

langdetect is probabilistic; the seed is fixed so the same text always gets the same answer.
Very short texts are not judged (too little evidence): they pass through.
"""
from __future__ import annotations

import threading

from sitrep import errors
from sitrep.ingest.text import ReadFailure
from sitrep.model import Document

MIN_CHARS = 60  # below this, langdetect guesses; do not skip a report on a guess
SAMPLE_CHARS = 4000  # enough evidence, bounded cost
MIN_PROB = 0.80  # skip only when the detector is this sure the text is not English

_lock = threading.RLock()
_ready = False


def _factory():
    global _ready
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    with _lock:
        if not _ready:
            DetectorFactory.seed = 0
            init_factory()
            _ready = True
    from langdetect import detector_factory

    return detector_factory._factory


def detect_language(text: str) -> tuple[str | None, float]:
    """Return ``(language code, probability)``, or ``(None, 0.0)`` when the text is too short or has
    no letters to judge. Deterministic (fixed seed)."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None, 0.0
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    try:
        with _lock:  # langdetect reseeds the global ``random``: one detection at a time
            detector = factory.create()
            detector.append(sample)
            probs = detector.get_probabilities()
    except LangDetectException:
        return _script_guess(sample)
    if not probs:
        return _script_guess(sample)
    best = probs[0]
    return best.lang, float(best.prob)


def _script_guess(sample: str) -> tuple[str | None, float]:
    """When langdetect has no profile for the script (Burmese, Khmer ...): text whose letters are
    mostly outside the Latin alphabet is not English ("und", undetermined), else unknown."""
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_CHARS:
        return None, 0.0
    latin = sum(1 for ch in letters if ch < "\u0250")
    if latin / len(letters) < 0.3:
        return "und", 1.0 - latin / len(letters)
    return None, 0.0


def screen_language(doc: Document, *, accept: tuple[str, ...] = ("en",), min_prob: float = MIN_PROB,
                    ) -> Document | ReadFailure:
    """The document itself (with ``meta["language"]`` set when known), or a ``ReadFailure`` E108
    naming the detected language when the detector is sure it is not one of ``accept``."""
    lang, prob = detect_language(doc.text[doc.body_start:] or doc.text)
    if lang is not None:
        doc.meta["language"] = lang
        doc.meta["language_prob"] = round(prob, 3)
    if lang is None or lang in accept or prob < min_prob:
        return doc
    return ReadFailure(
        doc.path or doc.url or doc.id,
        errors.E108_NOT_ENGLISH,
        f"skipped: detected language {lang!r} (p={prob:.2f}); sitrep reads {', '.join(accept)}",
    )
