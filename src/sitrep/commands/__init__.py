"""Subcommands of the ``sitrep`` CLI, one module each (imported only when invoked)."""


def place_label(location: dict | None) -> str:
    """ "Kirkuk, Iraq"; a country-level place is named once ("Iraq", not "Iraq, Iraq")."""
    loc = location or {}
    parts: list[str] = []
    for x in (loc.get("name"), loc.get("country")):
        if x and x not in parts:
            parts.append(x)
    return ", ".join(parts)
