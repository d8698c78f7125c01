"""Data files analysts edit: actors, facilities, weapon / event / discourse lexicons, and the learned models.

One ``Knowledge`` object holds everything read from them: each table is built on first use and kept on that
object, so a table built from another (the screen's word list from the lexicon) lives and dies with it.

    knowledge_path(name) -> Path         a file of the current knowledge (``SITREP_KNOWLEDGE``, a directory,
                                         overrides the packaged copies file by file)
    current_knowledge() -> Knowledge     the object the stages read from
    use_knowledge(kb)                    a context manager: the stages read ``kb`` inside it (a test's or a
                                         service's own files), the previous one after
    reset_knowledge()                    forget every table (after editing a file, or changing SITREP_KNOWLEDGE)
    @knowledge_cached                    a loader whose result is kept on the current knowledge object
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import gc
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

PACKAGED = Path(__file__).resolve().parent

T = TypeVar("T")


_FREEZE_TABLES = False


def freeze_tables(on: bool = True) -> bool:
    """Whether each knowledge table, once built, is taken out of the cycle collector's full passes (``gc.freeze``).
    A table lives as long as its knowledge, and a full pass walks every loaded table (the gazetteer's indexes, the
    models' weights) again and again: one such pass cost 0.12 s CPU in 300 LGL articles (6 % of
    ``benchmarks/extract_throughput.py``'s LGL run). ``gc.freeze`` moves every object alive at that moment into the
    permanent generation: they are still freed by reference counting, but cyclic garbage alive then is kept for
    good, and it acts on the whole process. So a library import leaves it off; the ``sitrep`` command (one process
    per batch or server) and the throughput benchmark turn it on. Returns the setting it replaces."""
    global _FREEZE_TABLES
    before, _FREEZE_TABLES = _FREEZE_TABLES, on
    return before


class Knowledge:
    """The knowledge files of one directory over the packaged ones, with every table built from them."""

    def __init__(self, override: str | os.PathLike | None = None):
        self.override = Path(override) if override else None
        self._tables: dict[tuple, Any] = {}

    @classmethod
    def from_environment(cls) -> Knowledge:
        return cls(os.environ.get("SITREP_KNOWLEDGE") or None)

    def path(self, name: str) -> Path:
        if self.override is not None and (self.override / name).exists():
            return self.override / name
        return PACKAGED / name

    def table(self, key: tuple, build: Callable[[], T]) -> T:
        """The table under ``key``, built by ``build`` the first time it is asked for."""
        try:
            return self._tables[key]
        except KeyError:
            value = self._tables[key] = build()
            if _FREEZE_TABLES:
                gc.freeze()  # see ``freeze_tables``
            return value

    def loaded(self) -> list[str]:
        """Names of the tables built so far (for diagnostics)."""
        return sorted(".".join(str(k) for k in key if k is not None) for key in self._tables)


_default: Knowledge | None = None
_current: contextvars.ContextVar[Knowledge | None] = contextvars.ContextVar("sitrep_knowledge", default=None)


def current_knowledge() -> Knowledge:
    global _default
    kb = _current.get()
    if kb is not None:
        return kb
    if _default is None:
        _default = Knowledge.from_environment()
    return _default


@contextlib.contextmanager
def use_knowledge(kb: Knowledge) -> Iterator[Knowledge]:
    token = _current.set(kb)
    try:
        yield kb
    finally:
        _current.reset(token)


def reset_knowledge() -> None:
    """Forget every table: the next use reads the files again (``SITREP_KNOWLEDGE`` as it is set now)."""
    global _default
    _default = None


def knowledge_path(name: str) -> Path:
    return current_knowledge().path(name)


def logistic(z: float) -> float:
    """The learned models' link: a linear score to a probability (clamped so that exp never overflows)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def weight_table(weights: dict[str, dict[str, float]], roles: tuple[str, ...]) -> dict[str, list[float]]:
    """The learned per-role models' weights as one row per feature, a column per role (0.0 where a role lacks the
    feature, which adds nothing): one lookup per feature scores every role (``role_probabilities``)."""
    table: dict[str, list[float]] = {}
    for k, r in enumerate(roles):
        for f, w in weights[r].items():
            table.setdefault(f, [0.0] * len(roles))[k] = w
    return table


def role_probabilities(table: dict[str, list[float]], bias: dict[str, float], roles: tuple[str, ...],
                       features) -> dict[str, float]:
    """Each role's probability: its bias plus the weights of the distinct ``features``. The weights are summed by
    ``math.fsum`` (exactly rounded), so the result does not hang on the set's order, which string hashing
    randomises per process: a plain ``sum`` could differ in the last bit between runs and flip a tie."""
    get = table.get
    rows = [w for w in map(get, set(features)) if w is not None]
    cols = zip(*rows, strict=True) if rows else ((),) * len(roles)
    exp, fsum = math.exp, math.fsum  # ``logistic`` inlined: the role model asks this of every candidate phrase
    return {r: 1.0 / (1.0 + exp(-max(-30.0, min(30.0, bias[r] + fsum(col)))))
            for r, col in zip(roles, cols, strict=True)}


def read_model_json(path: Path, what: str, code: str) -> Any:
    """A learned model's JSON file: missing, unreadable or broken JSON is a KnowledgeError with ``code`` naming the
    file (and the line of a syntax error)."""
    import json

    from sitrep.errors import KnowledgeError

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: {what} missing", code=code) from exc
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{path}:{exc.lineno}: not JSON ({exc.msg})", code=code) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read the {what} ({exc})", code=code) from exc


def read_words(path: Path, word: str, rule: str) -> frozenset[str]:
    """A knowledge file of one word a line ('#' starts a comment): every word must match the regular expression
    ``word`` in full; an unreadable file is a KnowledgeError E401, a line that does not match one E403 naming the
    file, the line and ``rule``."""
    import re

    from sitrep.errors import E401_KNOWLEDGE_UNREADABLE, E403_KNOWLEDGE_ENTRY, KnowledgeError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc.strerror or exc}", code=E401_KNOWLEDGE_UNREADABLE) from exc
    pattern = re.compile(word)
    words = set()
    for lineno, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if not pattern.fullmatch(line):
            raise KnowledgeError(f"{path}:{lineno}: {rule}: {raw!r}", code=E403_KNOWLEDGE_ENTRY)
        words.add(line)
    return frozenset(words)


def read_kinded_rules(path: Path, kinds: tuple[str, ...],
                      compile_rule: Callable[[str, str], Any]) -> dict[str, tuple[Any, ...]]:
    """A knowledge file of one rule a line, ``KIND REGEX`` ('#' starts a comment line): ``compile_rule(kind, regex)``
    builds each rule, gathered by kind in file order. An unreadable file is a KnowledgeError E401; a line whose kind is
    not one of ``kinds``, with no expression, or whose expression does not compile, one E403 naming the file and
    the line."""
    import re

    from sitrep.errors import E401_KNOWLEDGE_UNREADABLE, E403_KNOWLEDGE_ENTRY, KnowledgeError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc.strerror or exc}", code=E401_KNOWLEDGE_UNREADABLE) from exc
    rules: dict[str, list[Any]] = {kind: [] for kind in kinds}
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, rx = line.partition(" ")
        try:
            if kind not in rules or not rx:
                raise ValueError("a rule is " + " or ".join(f"'{k} REGEX'" for k in kinds))
            rules[kind].append(compile_rule(kind, rx))
        except (re.error, ValueError) as exc:
            raise KnowledgeError(f"{path}:{lineno}: {exc}: {raw!r}", code=E403_KNOWLEDGE_ENTRY) from exc
    return {kind: tuple(found) for kind, found in rules.items()}


def read_toml(path: Path) -> tuple[str, dict]:
    """A knowledge TOML file's text and table: a missing or unreadable file is a KnowledgeError E401, broken TOML
    one E402 naming the file and line, so that an analyst who edits a file is told where it went wrong."""
    import tomllib

    from sitrep.errors import E401_KNOWLEDGE_UNREADABLE, E402_KNOWLEDGE_SYNTAX, KnowledgeError

    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: knowledge file missing", code=E401_KNOWLEDGE_UNREADABLE) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}",
                             code=E401_KNOWLEDGE_UNREADABLE) from exc
    try:
        return raw, tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        import re

        found = re.search(r"\bline (\d+)", str(exc))  # Python < 3.14 gives the line only in the message
        line = getattr(exc, "lineno", None) or (found.group(1) if found else None)
        raise KnowledgeError(f"{path}{f':{line}' if line else ''}: not valid TOML: {exc}",
                             code=E402_KNOWLEDGE_SYNTAX) from exc


_MISSING = object()


def knowledge_cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Keep a loader's result on the current ``Knowledge`` object (instead of a process-wide ``lru_cache``), keyed
    by the loader and its arguments. ``fn.cache_clear()`` forgets every table of the current knowledge."""
    key = (fn.__module__, fn.__qualname__)
    plain = (*key, (), ())  # the key of a call without arguments, the common one (made once)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        k = plain if not args and not kwargs else (*key, args, tuple(sorted(kwargs.items())))
        kb = current_knowledge()
        found = kb._tables.get(k, _MISSING)  # built already: the common case, asked for in inner loops
        return kb.table(k, lambda: fn(*args, **kwargs)) if found is _MISSING else found

    @contextlib.contextmanager
    def overridden(value: T) -> Iterator[None]:
        """Within the block the loader, called without arguments, gives ``value`` on the current knowledge (a
        benchmark's model fitted without the texts it scores); the table it held before comes back after."""
        tables = current_knowledge()._tables
        old = tables.get(plain, _MISSING)
        tables[plain] = value
        try:
            yield
        finally:
            if old is _MISSING:
                tables.pop(plain, None)
            else:
                tables[plain] = old

    wrapper.cache_clear = reset_knowledge  # type: ignore[attr-defined]
    wrapper.overridden = overridden  # type: ignore[attr-defined]
    return wrapper


A = TypeVar("A")


def knowledge_memo(limit: int) -> Callable[[Callable[[A], T]], Callable[[A], T]]:
    """A one-argument function's answers for the last ``limit`` arguments asked about (the oldest forgotten
    first), kept on the current ``Knowledge`` object, since they depend on its tables: the phrases and texts the
    pipeline asks about again and again (actor names, person names, datelines)."""
    def decorate(fn: Callable[[A], T]) -> Callable[[A], T]:
        key = ("memo", fn.__module__, fn.__qualname__)

        @functools.wraps(fn)
        def wrapper(arg: A) -> T:
            memo: dict = current_knowledge().table(key, dict)
            found = memo.get(arg, _MISSING)
            if found is _MISSING:
                if len(memo) >= limit:
                    del memo[next(iter(memo))]
                found = memo[arg] = fn(arg)
            return found

        return wrapper
    return decorate
