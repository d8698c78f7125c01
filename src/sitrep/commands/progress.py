"""Feedback on long work, on stderr only: a note before the one-time place-name cache is built, and a
progress bar over the documents of ``extract``, ``ingest`` and ``demo``. The bar is drawn only when stderr is
a terminal (never into a pipe or a log file) and not with ``--quiet``."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

# inputs that hold one report each, so that the number of paths is the number of documents
_ONE_REPORT = (".txt", ".text", ".html", ".htm")


def enabled(quiet: bool = False) -> bool:
    return not quiet and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


def _err_console():
    from rich.console import Console

    return Console(stderr=True)


def prepare_places(prog: str, quiet: bool = False) -> None:
    """Load the gazetteer now; on the first run, when its cache does not exist yet (15-50 s, once), say so."""
    from sitrep.resolve import gazetteer

    cache_path = getattr(gazetteer, "_cities_cache_path", None)  # private: guarded so a rename only loses the note
    if cache_path is None or (cache_path() / "done").is_file():
        return
    note = (f"sitrep {prog}: first run: building the place-name cache in {cache_path().parent} "
            "(once, 15-50 s; later runs load it in about a second)")
    if enabled(quiet):
        with _err_console().status(note):
            gazetteer.get_gazetteer()
        print(f"sitrep {prog}: place-name cache built", file=sys.stderr, flush=True)
        return
    if not quiet:
        print(note, file=sys.stderr, flush=True)
    gazetteer.get_gazetteer()


def count_inputs(paths: Iterable[str]) -> int | None:
    """The number of documents ``paths`` hold when each is a plain file of one report, else None (unknown)."""
    paths = list(paths)
    if not paths or any(p == "-" or not p.lower().endswith(_ONE_REPORT) or not os.path.isfile(p) for p in paths):
        return None
    return len(paths)


class DocumentProgress:
    """``with DocumentProgress("extracting", total) as bar: for doc in bar.track(docs): ...``; a no-op when
    :func:`enabled` is false. Lines printed to stdout while the bar runs appear above it when stdout is the
    terminal too, and go to stdout untouched when it is redirected."""

    def __init__(self, what: str, total: int | None = None, *, quiet: bool = False):
        self.what, self.total, self.on = what, total, enabled(quiet)
        self._progress = None
        self._task = None

    def __enter__(self) -> DocumentProgress:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> DocumentProgress:
        if self.on and self._progress is None:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            count = "{task.completed}/{task.total}" if self.total else "{task.completed}"
            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn(count + " documents"),
                TimeElapsedColumn(), console=_err_console(), transient=True,
                redirect_stdout=sys.stdout.isatty(), redirect_stderr=True)
            self._progress.start()
            self._task = self._progress.add_task(self.what, total=self.total)
        return self

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def track(self, items: Iterable) -> Iterator:
        for item in items:
            yield item
            self.advance()
