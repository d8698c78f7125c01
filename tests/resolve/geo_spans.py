"""Test helper shared by the geo tests: the (start, end) spans of names, found in order in a text."""


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for n in names:
        s = text.index(n, pos)
        out.append((s, s + len(n)))
        pos = s + len(n)
    return out
