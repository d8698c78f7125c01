"""Subcommands of the ``sitrep`` CLI, one module each (imported only when invoked)."""


def place_label(location: dict | None) -> str:
    """ "Kirkuk, Iraq"; a country-level place is named once ("Iraq", not "Iraq, Iraq")."""
    loc = location or {}
    parts: list[str] = []
    for x in (loc.get("name"), loc.get("country")):
        if x and x not in parts:
            parts.append(x)
    return ", ".join(parts)


def existing_store(url: str | None) -> str:
    """``url`` when it names a database that exists (any ``postgresql://`` URL, or an existing SQLite file);
    a reading command refuses a mistyped path instead of creating an empty database there (StoreError E605)."""
    from pathlib import Path

    from sitrep import errors

    url = url or "sitrep.sqlite"
    if url.startswith(("postgresql://", "postgres://")):
        return url
    path = Path(url[len("sqlite:///"):] if url.startswith("sqlite:///") else url)
    if not path.is_file():
        raise errors.StoreError(f"no database at {str(path)!r}: check --db, or create one with 'sitrep ingest' "
                                "or 'sitrep demo'", code=errors.E605_NO_STORE)
    return url
