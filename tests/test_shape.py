"""The code's shape, as the maintainers' guide asks: no function over 80 lines in src/ (split where the concerns
split), and error codes defined in errors.py only."""
from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "sitrep"
MAX_LINES = 80


def _functions():
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield path.relative_to(SRC.parent), node


def test_no_function_is_longer_than_80_lines():
    long = [f"{path}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for path, node in _functions() if node.end_lineno - node.lineno + 1 > MAX_LINES]
    assert long == [], "split these where their concerns split:\n" + "\n".join(long)


def test_error_codes_are_defined_in_errors_py_only():
    inline = re.compile(r"""code\s*=\s*["']E\d{3}["']|^\s*E\d{3}\w* = ["']E\d{3}|\[E\d{3}\]""")
    found = [f"{p.relative_to(SRC.parent)}:{i}" for p in sorted(SRC.rglob("*.py")) if p.name != "errors.py"
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if inline.search(line)]
    assert found == [], "use a constant from sitrep/errors.py:\n" + "\n".join(found)


def test_each_error_code_has_one_meaning():
    text = (SRC / "errors.py").read_text(encoding="utf-8")
    codes = re.findall(r'^(E\d{3})\w* = "(E\d{3})"', text, re.M)
    assert all(a == b for a, b in codes)
    values = [b for _, b in codes]
    assert len(values) == len(set(values)), "a code defined twice"
