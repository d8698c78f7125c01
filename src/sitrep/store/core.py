"""The incident store: documents, mentions, incidents, sources, claims and a change log.

One transaction per document. Ingest is idempotent by content hash. Each new mention joins the
incident ``sitrep.merge.across`` finds for it (blocked by date window and country in SQL, compared
in Python) or starts one; the incident's fields are then recomputed from all its mentions and every
field that changed is written to ``changes`` with the document that changed it.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from sitrep import errors
from sitrep.merge import across
from sitrep.model import REPORT_PLACE_NOTE, Document, EventMention
from sitrep.store import schema
from sitrep.store.dialect import Connection
from sitrep.store.records import INCIDENT_FIELDS, MENTION_COLUMNS, content_hash, mention_row, source_key


@dataclass
class IngestResult:
    document_id: str
    status: str  # "new" | "duplicate" | "updated"
    incidents: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(v, default):
    if v is None:
        return default
    return json.loads(v) if isinstance(v, str) else v


def _bool(v):
    return None if v is None else bool(v)


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_LIST_COLUMNS = (
    "id, date, date_precision, event_type, sub_event_type, weapons, actor1, actor2, target, location_name, "
    "country, country_code, admin1, latitude, longitude, geo_precision, fatalities_low, fatalities_best, "
    "fatalities_high, injured_low, injured_best, injured_high, claimed, claimant, n_sources, first_reported, "
    "last_updated"
)


class _ReadCache:
    """Answers of the read queries (pages, counts, stats, timelines) kept until the data changes: the key holds
    the database's data version (SQLite ``PRAGMA data_version``: any commit by any process changes it) and this
    store's own write count; where the database cannot say (PostgreSQL), answers live ``TTL_S`` at most."""

    TTL_S = 1.0
    MAX_ENTRIES = 512

    def __init__(self, conn: Connection):
        self.conn = conn
        self.writes = 0  # ingests in progress or done through this store
        self._lock = threading.Lock()
        self._data: dict = {}
        self._computing: dict = {}

    def version(self):
        """(this process's writes, the database's version): a write of this process invalidates at once; one
        of another process as soon as the database says so (``stale_s`` aside)."""
        v = self.conn.data_version()
        return (self.writes, self.conn.commits), v if v is not None else int(time.monotonic() / self.TTL_S)

    def get(self, key, compute, *, stale_s: float = 0.0):
        """The cached answer for ``key`` when the data has not changed since it was computed (or, with
        ``stale_s``, when it is younger than that: totals and statistics need not be recomputed for every
        commit of a running ingest); else ``compute()``, cached."""
        version = self.version()
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
        if hit is not None and (hit[0] == version or now - hit[2] < stale_s):
            return hit[1]
        with self._lock:
            key_lock = self._computing.setdefault(key, threading.Lock())
        # one thread computes a missing or outdated answer; meanwhile the others wait for it, except that a total
        # allowed to be ``stale_s`` old is answered from the outdated one (a reader never waits for a recount)
        if not key_lock.acquire(blocking=hit is None or not stale_s):
            return hit[1]
        try:
            with self._lock:
                fresh = self._data.get(key)
            if fresh is not None and (fresh[0] == version or now - fresh[2] < stale_s):
                return fresh[1]
            value = compute()
            with self._lock:
                if len(self._data) >= self.MAX_ENTRIES:
                    self._data.clear()
                    self._computing.clear()
                self._data[key] = (version, value, now)
        finally:
            key_lock.release()
        return value


def _key(kind: str, **kw) -> tuple:
    return (kind, *sorted((k, tuple(v) if isinstance(v, list | tuple) else v) for k, v in kw.items()))


class Store:
    """Open with ``sitrep.store.open_store(url)``. Thread-safe: writes go through one connection under a lock;
    reads run on a connection per thread (``dialect.Connection``) and are cached until the data changes."""

    CACHED_PAGE_ROWS = 200  # pages up to this size are cached (exports page through 1,000 rows: not cached)

    def __init__(self, conn: Connection, rules: across.Rules | None = None):
        self.conn = conn
        self.rules = rules or across.default_rules()
        self.version = schema.migrate(conn)
        self.cache = _ReadCache(conn)
        self._seen: dict[str, list[across.Features]] = {}  # per ingest: each mention's candidates
        self._joined: set[str] = set()  # per ingest: the incidents its mentions joined (ids before a rename)

    @property
    def dialect(self) -> str:
        return self.conn.dialect

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------- writing
    def stored(self, doc: Document) -> IngestResult | None:
        """The stored document with the same content (``ingest`` would answer "duplicate"), else None: lets a
        caller skip extracting a report that is already stored."""
        dup = self.conn.one("SELECT id FROM documents WHERE sha256 = ?", (content_hash(doc),))
        if not dup:
            return None
        incs = [r["incident_id"] for r in self.conn.all(
            "SELECT DISTINCT incident_id FROM mentions WHERE document_id = ? AND incident_id IS NOT NULL "
            "ORDER BY incident_id", (dup["id"],))]
        return IngestResult(dup["id"], "duplicate", incs)

    def _stored_id(self, doc: Document, key: str) -> tuple[str, bool]:
        """(the id to store ``doc`` under, whether it replaces an earlier version of the same source). A
        document id another source already holds gets a suffix from the source: never a silent overwrite."""
        c = self.conn
        same = c.one("SELECT id FROM documents WHERE source_key = ? OR source_key = ? ORDER BY id",
                     (key, f"legacy:{doc.id}"))
        if same:
            return same["id"], True
        doc_id, n = doc.id, 1
        while c.one("SELECT id FROM documents WHERE id = ?", (doc_id,)):
            n += 1
            tag = hashlib.sha256(f"{key}~{n}".encode()).hexdigest()[:8]
            doc_id = f"{doc.id}~{tag}"
        return doc_id, False

    def ingest(self, doc: Document, mentions: list[EventMention]) -> IngestResult:
        """Store one document and its mentions in ONE transaction (all or nothing). Identical content is a
        duplicate; a new version of a stored source (``records.source_key``) replaces it; another source whose
        file name gives the same id is stored beside it under ``id~<hash>``."""
        sha = content_hash(doc)
        for m in mentions:
            if m.document_id != doc.id:
                raise errors.StoreError(
                    f"mention of document {m.document_id!r} passed with document {doc.id!r}", code=errors.E604_FOREIGN_MENTION)
        key = source_key(doc)
        self.cache.writes += 1  # before and after: no answer computed during the write outlives it
        try:
            return self._ingest(doc, mentions, sha, key)
        finally:
            self.cache.writes += 1

    def _ingest(self, doc: Document, mentions: list[EventMention], sha: str, key: str) -> IngestResult:
        with self.conn.transaction() as c:
            dup = self.stored(doc)
            if dup:
                return dup
            now = _now()
            doc_id, replaces = self._stored_id(doc, key)
            status, touched = ("updated", self._remove_document(doc_id, now)) if replaces else ("new", set())
            if doc_id != doc.id:
                doc = replace(doc, id=doc_id)
            published = doc.published.isoformat() if doc.published else None
            c.execute(
                "INSERT INTO documents (id, sha256, title, url, published, source, path, body_start, text, meta, "
                "n_mentions, ingested_at, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, sha, doc.title, doc.url, published, doc.source, doc.path, doc.body_start, doc.text,
                 json.dumps(doc.meta, default=str), len(mentions), now, key))
            self._insert_totals(doc, published)
            linked: list[str] = []
            self._seen, self._joined = {}, set()
            placeholders = ", ".join("?" for _ in MENTION_COLUMNS)
            for i, m in enumerate(mentions):
                row = mention_row(doc, m, i)
                c.execute(f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({placeholders})",
                          [row[k] for k in MENTION_COLUMNS])
                inc = self._assign(row, doc.id, published, now)
                if inc not in linked:
                    linked.append(inc)
            for inc in sorted(touched - set(linked)):
                self._recompute(inc, doc.id, now)
            if self._regroup(doc.id, now, stale=touched | set(linked) | self._joined):
                linked = list(dict.fromkeys(r["incident_id"] for r in c.all(
                    "SELECT incident_id FROM mentions WHERE document_id = ? ORDER BY idx", (doc.id,))))
            return IngestResult(doc.id, status, linked)

    def _insert_totals(self, doc: Document, published: str | None) -> None:
        """The report's reported totals (``doc.meta["reported_totals"]``, written by the pipeline) as rows of
        their own: counts over a span or a war, kept apart from incidents."""
        for i, t in enumerate(doc.meta.get("reported_totals") or []):
            count = t.get("count") or {}
            self.conn.execute(
                "INSERT INTO reported_totals (document_id, idx, casualty, count_low, count_best, count_high, "
                "span_text, area_text, reported_by, evidence, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, i, t.get("casualty") or "killed", count.get("low"), count.get("best"), count.get("high"),
                 (t.get("span") or {}).get("text"), (t.get("area") or {}).get("text"),
                 json.dumps(t.get("reported_by") or []), json.dumps(t.get("evidence") or []), published))

    def reported_totals(self, limit: int = 100, offset: int = 0, document_id: str | None = None) -> list[dict]:
        """Reported totals ("more than 28,000 killed since 2015"), newest report first: what a report says was
        the toll over a span or an area, by whose account, with its evidence spans. Never incidents."""
        where, params = _of_document(document_id)
        return [_total_dict(r) for r in self.conn.all(
            f"SELECT * FROM reported_totals {where}ORDER BY published DESC, document_id, idx LIMIT ? OFFSET ?",
            [*params, max(0, int(limit)), max(0, int(offset))])]

    def count_reported_totals(self, document_id: str | None = None) -> int:
        where, params = _of_document(document_id)
        return int(self.conn.scalar(f"SELECT count(*) FROM reported_totals {where}", params) or 0)

    # ------------------------------------------------------------------------------- regrouping
    def _block(self, rows: list[dict], stale: set[str] | None = None) -> set[str]:
        """The incidents whose grouping may depend on the order reports arrived in, around these mentions:
        each mention's incident and every other incident it could have joined, when there is such another or
        when the mention's report precedes one already in its incident. With ``stale`` (the incidents this
        report changed), the candidates seen when the mention was assigned stand for the others."""
        block: set[str] = set()
        # the other incidents this report changed, as they stand now (the mention may have been assigned before
        # another of its report's mentions joined one of them)
        fresh: dict[str, across.Features | None] = {}
        for row in rows:
            inc, doc_id = row["incident_id"], row["document_id"]
            f = across.features_from_row(row)
            seen = self._seen.get(row["id"]) if stale is not None else None
            if seen is None:
                cands = self._candidates(f)
            else:
                for k in sorted((stale or set()) - {inc} - fresh.keys()):
                    ms = self._members(k)
                    fresh[k] = across.incident_features(k, ms) if ms else None
                cands = [c for c in seen if c.key not in stale] + [
                    c for k, c in sorted(fresh.items()) if c is not None and k != inc]
            near = {c.key for c in cands if c.key != inc and across.compare(f, c, self.rules).merge}
            near |= self._linked_by_member(f, sorted({c.key for c in cands} - near - {inc}), doc_id)
            near |= self._undated_members_near(f, row, inc, doc_id, {c.key for c in cands})
            if near or self._later_members(inc, row, doc_id):
                block |= near | {inc}
        return block

    def _undated_members_near(self, f: across.Features, row: dict, inc: str, doc_id: str, seen: set[str]) -> set[str]:
        """Incidents at the town of dated mention ``row`` that another member dates out of its window but that
        hold an undated mention it could have joined, had it arrived first: the date blocking of ``_candidates``
        never shows them (ECB+ check topic 16: an undated report of a deputy's killing sat with a later
        report's trial, or with the killing's reports, as they arrived)."""
        box = across.undated_box(f, self.rules)
        if f.date is None or box is None:
            return set()
        rows = self.conn.all(
            "SELECT DISTINCT m.incident_id FROM incidents i JOIN mentions m ON m.incident_id = i.id "
            "WHERE i.date IS NOT NULL AND i.latitude >= ? AND i.latitude <= ? AND i.longitude >= ? "
            "AND i.longitude <= ? AND m.date IS NULL ORDER BY m.incident_id", box)
        return {r["incident_id"] for r in rows if r["incident_id"] != inc and r["incident_id"] not in seen
                and self._joins_earlier(f, row, r["incident_id"], doc_id)}

    def _later_members(self, inc: str, row: dict, doc_id: str) -> list[dict]:
        """Members of ``inc`` from other reports that sort after mention ``row`` (``across.sort_key``)."""
        published, mid = across.sort_key(row)
        return self.conn.all(
            "SELECT m.*, d.published AS published FROM mentions m JOIN documents d ON d.id = m.document_id "
            "WHERE m.incident_id = ? AND m.document_id <> ? AND (COALESCE(d.published, '9999-12-31') > ? OR "
            "(COALESCE(d.published, '9999-12-31') = ? AND m.id > ?))", (inc, doc_id, published, published, mid))

    def _linked_by_member(self, f: across.Features, incs: list[str], doc_id: str) -> set[str]:
        """The incidents of ``incs`` with a member from another report that mention ``f`` matches (single link:
        ``across.regroup``); members dated out of ``f``'s window are not read (they cannot match)."""
        out: set[str] = set()
        window = across.block_window(f, self.rules)
        for chunk in range(0, len(incs), 500):
            part = incs[chunk:chunk + 500]
            sql = ("SELECT m.*, d.published AS published FROM mentions m JOIN documents d ON d.id = m.document_id "
                   f"WHERE m.incident_id IN ({', '.join('?' for _ in part)}) AND m.document_id <> ?")
            params: list = [*part, doc_id]
            if window is not None:
                sql += " AND (m.date IS NULL OR (m.date >= ? AND m.date <= ?))"
                params += [window[0].isoformat(), window[1].isoformat()]
            for m in self.conn.all(sql + " ORDER BY m.id", params):
                if m["incident_id"] not in out and across.compare(f, across.features_from_row(m), self.rules).merge:
                    out.add(m["incident_id"])
        return out

    def _joins_earlier(self, f: across.Features, row: dict, inc: str, doc_id: str) -> bool:
        """Had mention ``row`` arrived in report order, could it have been grouped with a member of ``inc``
        that it precedes (the incident as it stands no longer matches it, an early part of it might)?"""
        later = self._later_members(inc, row, doc_id)
        if not later:
            return False
        return any(across.compare(f, across.features_from_row(m), self.rules).merge for m in self._members(inc))

    def _regroup(self, doc_id: str, now: str, stale: set[str], rounds: int = 5) -> bool:
        """Re-group the block this document touches as if its reports had arrived in order (report date, then
        mention id), so any arrival order gives the same incidents; mentions that moved are looked at again
        (a few rounds at most: the work stays bounded by the blocks touched)."""
        rows = self.conn.all("SELECT m.*, d.published AS published FROM mentions m JOIN documents d "
                             "ON d.id = m.document_id WHERE m.document_id = ? ORDER BY m.id", (doc_id,))
        changed = False
        for _ in range(rounds):
            moved = self._regroup_block(self._block(rows, stale), doc_id, now)
            stale = None  # later rounds: mentions of other reports, their candidates read afresh
            if not moved:
                break
            changed = True
            q = ", ".join("?" for _ in moved)
            rows = self.conn.all("SELECT m.*, d.published AS published FROM mentions m JOIN documents d "
                                 f"ON d.id = m.document_id WHERE m.id IN ({q}) ORDER BY m.id", sorted(moved))
        return changed

    def _regroup_block(self, block: set[str], doc_id: str, now: str) -> set[str]:
        """Group the block's mentions with ``across.regroup``; move, log and recompute what changed. The
        mentions that moved."""
        if not block:
            return set()
        rows = [r for inc in sorted(block) for r in self._members(inc)]
        groups = across.regroup(rows, self.rules)
        if {frozenset(r["id"] for r in g) for g in groups} == {
                frozenset(r["id"] for r in rows if r["incident_id"] == inc) for inc in block}:
            return set()
        c = self.conn
        targets: list[str] = []
        moved: set[str] = set()
        for g in groups:
            ids = [r["id"] for r in g]
            target, n = across.incident_id(ids[0]), 1
            while target not in block and c.one("SELECT id FROM incidents WHERE id = ?", (target,)):
                n += 1
                target = across.incident_id(f"{ids[0]}~{n}")
            targets.append(target)
            if all(r["incident_id"] == target for r in g):
                continue
            moved |= {r["id"] for r in g if r["incident_id"] != target}
            if not c.one("SELECT id FROM incidents WHERE id = ?", (target,)):
                c.execute("INSERT INTO incidents (id, last_updated) VALUES (?, ?)", (target, now))
            q = ", ".join("?" for _ in ids)
            for table, col in (("mentions", "id"), ("incident_sources", "mention_id"), ("claims", "mention_id")):
                c.execute(f"UPDATE {table} SET incident_id = ? WHERE {col} IN ({q})", (target, *ids))
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (target, doc_id, now, "regrouped", json.dumps({
                          "mentions": ids, "from": sorted({r["incident_id"] for r in g}),
                          "why": "an earlier or bridging report arrived: its incidents grouped again in report order"})))
        for inc in sorted(block | set(targets)):
            self._recompute(inc, doc_id, now)
        return moved

    def _remove_document(self, doc_id: str, now: str) -> set[str]:
        """A corrected version of a stored document replaces it: unlink its mentions, log it."""
        c = self.conn
        incs = {r["incident_id"] for r in c.all(
            "SELECT DISTINCT incident_id FROM mentions WHERE document_id = ? AND incident_id IS NOT NULL", (doc_id,))}
        for inc in incs:
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (inc, doc_id, now, "unlinked", json.dumps({"why": "document replaced by a new version"})))
        c.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
        c.execute("DELETE FROM reported_totals WHERE document_id = ?", (doc_id,))
        c.execute("DELETE FROM incident_sources WHERE document_id = ?", (doc_id,))
        c.execute("DELETE FROM mentions WHERE document_id = ?", (doc_id,))
        c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return incs

    def _candidates(self, f: across.Features) -> list[across.Features]:
        window = across.block_window(f, self.rules)
        sql = ("SELECT id, date, date_precision, event_type, sub_event_type, weapons, actor1, target, "
               "location_name, country, country_code, admin1, latitude, longitude, geo_precision, fatalities_low, "
               "fatalities_best, fatalities_high FROM incidents ")
        # a date on one side only: the other side at the same town (an unknown date is no evidence either way)
        box = across.undated_box(f, self.rules)
        near = " OR ({} AND latitude >= ? AND latitude <= ? AND longitude >= ? AND longitude <= ?)"
        params: list = []
        if window is None:  # undated incidents, and dated ones at its town
            sql += "WHERE (date IS NULL" + (near.format("date IS NOT NULL") if box else "") + ")"
        else:  # an incident dated out of the window may hold a member dated in it (single link: across.regroup)
            sql += ("WHERE (date >= ? AND date <= ? OR id IN (SELECT incident_id FROM mentions WHERE date >= ? AND "
                    "date <= ?)" + (near.format("date IS NULL") if box else "") + ")")
            params = [window[0].isoformat(), window[1].isoformat()] * 2
        params += list(box or ())
        if f.country_code and not f.place_weak:
            # or another country's incident with an unplaced member, or one placed only by its report, it may
            # match (single link; a report's main place may be another event's)
            unplaced = "date IS NULL" if window is None else "date >= ? AND date <= ?"
            sql += (" AND (country_code = ? OR country_code IS NULL OR id IN (SELECT incident_id FROM mentions "
                    f"WHERE (country_code IS NULL OR notes LIKE ?) AND {unplaced}))")
            params += [f.country_code.upper(), f"%{REPORT_PLACE_NOTE}%"]
            params += [] if window is None else [window[0].isoformat(), window[1].isoformat()]
        rows = self.conn.all(sql + " ORDER BY id", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        docs: dict[str, set[str]] = {i: set() for i in ids}
        feats: dict[str, str | None] = {}
        bound: dict[str, bool] = {}
        weak: dict[str, bool] = {}
        anchor: dict[str, tuple[str, str]] = {}  # the incident's first mention in report order
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            q = ", ".join("?" for _ in part)
            for r in self.conn.all(
                    "SELECT m.incident_id, m.id, m.document_id, m.place_feature, m.date, m.notes, m.latitude, "
                    "m.location_name, d.published FROM mentions m JOIN documents d ON d.id = m.document_id "
                    f"WHERE m.incident_id IN ({q}) ORDER BY m.id", part):
                docs[r["incident_id"]].add(r["document_id"])
                key = across.sort_key(r)
                anchor[r["incident_id"]] = min(anchor.get(r["incident_id"], key), key)
                if r["place_feature"]:
                    feats.setdefault(r["incident_id"], r["place_feature"])
                if r["date"]:  # the incident's date is only a report's when all its dates are
                    own = not across.date_from_report(r["notes"])
                    bound[r["incident_id"]] = bound.get(r["incident_id"], True) and not own
                if r["latitude"] is not None or r["location_name"]:  # and its place, when all its places are
                    weak[r["incident_id"]] = weak.get(r["incident_id"], True) and across.place_from_report(r["notes"])
        out = []
        for r in rows:
            fr = across.features_from_row(r, documents=docs[r["id"]])
            fr.feature = feats.get(r["id"])
            fr.date_bound = bound.get(r["id"], False)
            fr.place_weak = weak.get(r["id"], False)
            out.append(fr)
        # in the order regrouping meets them (report order of their first mentions): a tie goes the same way
        out.sort(key=lambda fr: anchor.get(fr.key, ("9999-12-31", fr.key)))
        return out

    def _assign(self, row: dict, doc_id: str, published: str | None, now: str) -> str:
        c = self.conn
        f = across.features_from_row(row)
        cands = self._candidates(f)
        best = across.best_match(f, cands, self.rules)
        self._seen[row["id"]] = cands  # _block looks at them again once the report is in
        if best is not None:
            self._joined.add(best[0].key)
        if best is None:
            inc = across.incident_id(row["id"])
            n = 1
            while c.one("SELECT id FROM incidents WHERE id = ?", (inc,)):
                n += 1
                inc = across.incident_id(f"{row['id']}~{n}")
            c.execute("INSERT INTO incidents (id, last_updated) VALUES (?, ?)", (inc, now))
            score, reasons = None, ["new incident: no stored incident matches"]
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (inc, doc_id, now, "created", json.dumps({"mention": row["id"]})))
        else:
            inc = best[0].key
            score, reasons = best[1].score, best[1].reasons
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (inc, doc_id, now, "linked", json.dumps({"mention": row["id"], **best[1].to_dict()})))
        c.execute("UPDATE mentions SET incident_id = ? WHERE id = ?", (inc, row["id"]))
        c.execute("INSERT INTO incident_sources (incident_id, mention_id, document_id, linked_at, score, reasons) "
                  "VALUES (?, ?, ?, ?, ?, ?)", (inc, row["id"], doc_id, now, score, json.dumps(reasons)))
        status = None
        if row["denied"]:
            status = "denied"
        elif row["claimed"] == 1:
            status = "claimed"
        elif row["claimed"] == 0:
            status = "unclaimed"  # the report says no group has claimed it
        if status:
            c.execute("INSERT INTO claims (incident_id, mention_id, document_id, status, claimant, published, evidence) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (inc, row["id"], doc_id, status, row["claimant"], published,
                       json.dumps(_json(row["field_spans"], {}).get("claimed") or [])))
        return self._recompute(inc, doc_id, now)

    def _members(self, inc: str) -> list[dict]:
        return self.conn.all(
            "SELECT m.*, d.published AS published FROM mentions m JOIN documents d ON d.id = m.document_id "
            "WHERE m.incident_id = ? ORDER BY m.id", (inc,))

    def _rename(self, inc: str, members: list[dict], doc_id: str, now: str) -> str:
        """An incident's id follows its earliest report (publication date, then mention id), so the same
        reports give the same ids in whatever order they arrive; a rename is logged, the old id kept there."""
        anchor = min(members, key=lambda r: (r.get("published") or "9999-12-31", r["id"]))
        new = across.incident_id(anchor["id"])
        c = self.conn
        if new == inc or c.one("SELECT id FROM incidents WHERE id = ?", (new,)):
            return inc
        cols = ", ".join((*INCIDENT_FIELDS, "last_updated", "search"))
        c.execute(f"INSERT INTO incidents (id, {cols}) SELECT ?, {cols} FROM incidents WHERE id = ?", (new, inc))
        for table in ("mentions", "incident_sources", "claims", "changes"):
            c.execute(f"UPDATE {table} SET incident_id = ? WHERE incident_id = ?", (new, inc))
        c.execute("DELETE FROM incidents WHERE id = ?", (inc,))
        c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                  (new, doc_id, now, "renamed", json.dumps({
                      "from": inc, "why": f"an earlier report joined: the id follows mention {anchor['id']}"})))
        return new

    def renamed_to(self, old_id: str) -> str | None:
        """The id an incident has now, if ``old_id`` was one of its earlier ids."""
        pattern = f'%"from": "{_escape_like(old_id)}"%'
        row = self.conn.one("SELECT incident_id FROM changes WHERE kind = 'renamed' AND detail LIKE ? ESCAPE '\\' "
                            "ORDER BY id DESC LIMIT 1", (pattern,))
        return row["incident_id"] if row else None

    def _recompute(self, inc: str, doc_id: str, now: str) -> str:
        c = self.conn
        members = self._members(inc)
        if not members:
            c.execute("DELETE FROM claims WHERE incident_id = ?", (inc,))
            c.execute("DELETE FROM incident_sources WHERE incident_id = ?", (inc,))
            c.execute("DELETE FROM incidents WHERE id = ?", (inc,))
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                      (inc, doc_id, now, "deleted", json.dumps({"why": "no report describes it any more"})))
            return inc
        inc = self._rename(inc, members, doc_id, now)
        old = c.one(f"SELECT {', '.join(INCIDENT_FIELDS)} FROM incidents WHERE id = ?", (inc,)) or {}
        new = across.consolidate(members)
        values = {k: new[k] for k in INCIDENT_FIELDS}
        values["weapons"] = json.dumps(values["weapons"])
        values["claimed"] = None if values["claimed"] is None else int(values["claimed"])
        created = old.get("n_sources") in (None, 0)
        for k in INCIDENT_FIELDS:
            if k == "n_sources" or created:
                continue
            if _same(old.get(k), values[k]):
                continue
            c.execute("INSERT INTO changes (incident_id, document_id, at, kind, field, old, new, detail) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      (inc, doc_id, now, "updated", k, _text(old.get(k)), _text(values[k]),
                       json.dumps({"why": _why(k, doc_id)})))
        titles = [r["title"] for r in c.all(
            "SELECT DISTINCT d.title FROM documents d JOIN mentions m ON m.document_id = d.id "
            "WHERE m.incident_id = ? AND d.title IS NOT NULL", (inc,))]
        search = " | ".join(str(x) for x in (
            values["event_type"], values["sub_event_type"], values["actor1"], values["actor2"], values["target"],
            values["location_name"], values["country"], values["admin1"], values["claimant"],
            " ".join(new["weapons"]), *titles) if x).lower()
        sets = ", ".join(f"{k} = ?" for k in INCIDENT_FIELDS)
        c.execute(f"UPDATE incidents SET {sets}, last_updated = ?, search = ? WHERE id = ?",
                  [values[k] for k in INCIDENT_FIELDS] + [now, search, inc])
        return inc

    # ------------------------------------------------------------------------------- reading
    def _where(self, date_from=None, date_to=None, bbox=None, country=None, event_type=None, actor=None,
               claimed=None, q=None, updated_since=None, after=None) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        if updated_since:  # ISO timestamps in UTC compare as text
            clauses.append("last_updated >= ?")
            params.append(str(updated_since))
        if after:  # keyset paging in id order
            clauses.append("id > ?")
            params.append(str(after))
        if date_from:
            clauses.append("date >= ?")
            params.append(_iso(date_from))
        if date_to:
            clauses.append("date <= ?")
            params.append(_iso(date_to))
        if bbox:
            min_lon, min_lat, max_lon, max_lat = (float(x) for x in bbox)
            clauses.append("longitude >= ? AND longitude <= ? AND latitude >= ? AND latitude <= ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if country:  # an ISO code (uses the index) or a country name
            if len(country) == 2:
                clauses.append("country_code = ?")
                params.append(country.upper())
            else:
                clauses.append("lower(country) = ?")
                params.append(country.lower())
        if event_type:
            clauses.append("(lower(event_type) = ? OR lower(sub_event_type) = ?)")
            params += [event_type.lower(), event_type.lower()]
        if actor:
            clauses.append("lower(coalesce(actor1, '') || ' | ' || coalesce(actor2, '') || ' | ' || "
                           "coalesce(claimant, '')) LIKE ? ESCAPE '\\'")
            params.append(f"%{_escape_like(actor.lower())}%")
        if claimed is True:
            clauses.append("claimed = 1")
        elif claimed is False:  # a report says no group claimed it
            clauses.append("claimed = 0")
        elif claimed == "unknown":  # the reports are silent
            clauses.append("claimed IS NULL")
        if q:
            for word in q.lower().split():
                clauses.append("search LIKE ? ESCAPE '\\'")
                params.append(f"%{_escape_like(word)}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def incidents(self, *, date_from: date | None = None, date_to: date | None = None,
                  bbox: tuple[float, float, float, float] | None = None, country: str | None = None,
                  event_type: str | None = None, actor: str | None = None, claimed: bool | str | None = None,
                  q: str | None = None, limit: int = 100, offset: int = 0, updated_since: str | None = None,
                  after: str | None = None, order: str = "date") -> list[dict]:
        """Incidents matching all the filters, newest first (date, then id); ``order="id"`` (or an
        ``after`` id: keyset paging) in id order. ``claimed``: True, False or "unknown". Pages of up to
        ``CACHED_PAGE_ROWS`` are cached until the data changes."""
        args = dict(date_from=date_from, date_to=date_to, bbox=bbox, country=country, event_type=event_type,
                    actor=actor, claimed=claimed, q=q, updated_since=updated_since, after=after, order=order)
        if int(limit) <= self.CACHED_PAGE_ROWS:
            return self.cache.get(_key("incidents", limit=int(limit), offset=int(offset), **args),
                                  lambda: self._incidents(args, limit, offset))
        return self._incidents(args, limit, offset)

    def _incidents(self, args: dict, limit: int, offset: int) -> list[dict]:
        where, params = self._where(args["date_from"], args["date_to"], args["bbox"], args["country"],
                                    args["event_type"], args["actor"], args["claimed"], args["q"],
                                    args["updated_since"], args["after"])
        by = "id" if (args["after"] is not None or args["order"] == "id") else "date DESC, id"
        rows = self.conn.all(
            f"SELECT {_LIST_COLUMNS} FROM incidents{where} ORDER BY {by} LIMIT ? OFFSET ?",
            params + [max(0, int(limit)), max(0, int(offset))])
        if not rows:
            return []
        first = self._first_documents([r["id"] for r in rows])
        return [_incident_dict(r, first.get(r["id"])) for r in rows]

    def count_incidents(self, *, max_age_s: float = 0.0, **filters) -> int:
        """How many incidents match; ``max_age_s``: a count that old may be answered even if the data changed
        since (the API's totals, while reports are being stored)."""
        where, params = self._where(**filters)
        return self.cache.get(_key("count", **filters), lambda: int(
            self.conn.scalar(f"SELECT count(*) FROM incidents{where}", params) or 0), stale_s=max_age_s)

    def _first_documents(self, ids: list[str]) -> dict[str, str]:
        q = ", ".join("?" for _ in ids)
        out: dict[str, str] = {}
        for r in self.conn.all(f"SELECT incident_id, min(mention_id) AS m FROM incident_sources "
                               f"WHERE incident_id IN ({q}) GROUP BY incident_id", ids):
            out[r["incident_id"]] = r["m"].rsplit("#", 1)[0]
        return out

    def incident(self, incident_id: str) -> dict | None:
        c = self.conn
        row = c.one(f"SELECT {_LIST_COLUMNS} FROM incidents WHERE id = ?", (incident_id,))
        if row is None:
            now_id = self.renamed_to(incident_id)
            return self.incident(now_id) if now_id and now_id != incident_id else None
        members = self._members(incident_id)
        full = across.consolidate(members) if members else {}
        out = _incident_dict(row, members[0]["document_id"] if members else None)
        out["fatalities"] = {"low": row["fatalities_low"], "best": row["fatalities_best"],
                             "high": row["fatalities_high"], "sources": full.get("fatalities_sources", [])}
        out["injured"] = {"low": row["injured_low"], "best": row["injured_best"], "high": row["injured_high"],
                          "sources": full.get("injured_sources", [])}
        docs = {d["id"]: d for d in c.all(
            "SELECT DISTINCT d.id, d.title, d.url, d.published, d.source FROM documents d "
            "JOIN mentions m ON m.document_id = d.id WHERE m.incident_id = ?", (incident_id,))}
        links = {r["mention_id"]: r for r in c.all(
            "SELECT mention_id, score, reasons, linked_at FROM incident_sources WHERE incident_id = ?", (incident_id,))}
        sources: dict[str, dict] = {}
        evidence: list[dict] = []
        for m in members:
            d = docs.get(m["document_id"], {"id": m["document_id"]})
            src = sources.setdefault(m["document_id"], {
                "document_id": m["document_id"], "title": d.get("title"), "url": d.get("url"),
                "published": d.get("published"), "source": d.get("source"), "mentions": []})
            ev = _json(m["evidence"], [])
            evidence += [{**e, "document": m["document_id"]} for e in ev]
            src["mentions"].append({
                "id": m["id"], "evidence": ev, "sentence": _json(m["sentence"], None),
                "trigger": _json(m["trigger_span"], None), "field_spans": _json(m["field_spans"], {}),
                "event_type": m["event_type"], "sub_event_type": m["sub_event_type"], "date": m["date"],
                "location": m["location_name"],
                "fatalities": {"low": m["fatalities_low"], "best": m["fatalities_best"], "high": m["fatalities_high"]},
                "claimed": _bool(m["claimed"]), "claimant": m["claimant"], "denied": bool(m["denied"]),
            })
        out["sources"] = sorted(sources.values(), key=lambda s: (s["published"] or "", s["document_id"]))
        out["evidence"] = evidence
        out["claims"] = [
            {"document_id": r["document_id"], "mention_id": r["mention_id"], "status": r["status"],
             "claimant": r["claimant"], "published": r["published"], "evidence": _json(r["evidence"], [])}
            for r in c.all("SELECT * FROM claims WHERE incident_id = ? ORDER BY published, id", (incident_id,))]
        out["subevents"] = across.subevents(members, self.rules)
        out["merge_reasons"] = [
            {"mention_id": mid, "document_id": mid.rsplit("#", 1)[0], "score": link["score"],
             "reasons": _json(link["reasons"], []), "linked_at": link["linked_at"]}
            for mid, link in sorted(links.items())]
        out["changes"] = [
            {"at": r["at"], "kind": r["kind"], "document_id": r["document_id"], "field": r["field"],
             "old": _json(r["old"], None), "new": _json(r["new"], None), "detail": _json(r["detail"], None)}
            for r in c.all("SELECT * FROM changes WHERE incident_id = ? ORDER BY id", (incident_id,))]
        return out

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict]:
        rows = self.conn.all(
            "SELECT id, title, url, published, source, path, sha256, n_mentions, ingested_at FROM documents "
            "ORDER BY published DESC, id LIMIT ? OFFSET ?", (max(0, int(limit)), max(0, int(offset))))
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        q = ", ".join("?" for _ in ids)
        incs: dict[str, list[str]] = {}
        for r in self.conn.all(f"SELECT DISTINCT document_id, incident_id FROM incident_sources "
                               f"WHERE document_id IN ({q}) ORDER BY incident_id", ids):
            incs.setdefault(r["document_id"], []).append(r["incident_id"])
        for r in rows:
            r["incidents"] = incs.get(r["id"], [])
        return rows

    def count_documents(self) -> int:
        return int(self.conn.scalar("SELECT count(*) FROM documents") or 0)

    def document(self, doc_id: str) -> dict | None:
        row = self.conn.one("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if row is None:
            return None
        row["meta"] = _json(row["meta"], {})
        row["mentions"] = [
            {"id": m["id"], "incident_id": m["incident_id"], "event_type": m["event_type"],
             "sub_event_type": m["sub_event_type"], "evidence": _json(m["evidence"], []),
             "sentence": _json(m["sentence"], None), "field_spans": _json(m["field_spans"], {})}
            for m in self.conn.all("SELECT * FROM mentions WHERE document_id = ? ORDER BY idx", (doc_id,))]
        row["incidents"] = sorted({m["incident_id"] for m in row["mentions"] if m["incident_id"]})
        row["reported_totals"] = self.reported_totals(limit=1000, document_id=doc_id)
        return row

    def stats(self, *, max_age_s: float = 0.0) -> dict:
        """Totals and counts by type, country and month; ``max_age_s`` as for ``count_incidents``."""
        return self.cache.get(("stats",), self._stats, stale_s=max_age_s)

    def _stats(self) -> dict:
        c = self.conn
        totals = c.one("SELECT count(*) AS incidents, coalesce(sum(fatalities_best), 0) AS fatalities, "
                       "coalesce(sum(claimed), 0) AS claimed FROM incidents") or {}
        totals["documents"] = c.scalar("SELECT count(*) FROM documents")
        totals["mentions"] = c.scalar("SELECT count(*) FROM mentions")
        totals = {k: int(v or 0) for k, v in totals.items()}
        first_last = c.one("SELECT min(date) AS first, max(date) AS last FROM incidents") or {}
        return {
            "totals": totals,
            "first_date": first_last.get("first"), "last_date": first_last.get("last"),
            "by_type": [{"event_type": r["k"], "count": int(r["n"]), "fatalities": int(r["f"] or 0)} for r in c.all(
                "SELECT event_type AS k, count(*) AS n, sum(fatalities_best) AS f FROM incidents "
                "GROUP BY event_type ORDER BY count(*) DESC, event_type")],
            "by_country": [{"country": r["k"], "country_code": r["cc"], "count": int(r["n"]),
                            "fatalities": int(r["f"] or 0)} for r in c.all(
                "SELECT country AS k, country_code AS cc, count(*) AS n, sum(fatalities_best) AS f FROM incidents "
                "GROUP BY country, country_code ORDER BY count(*) DESC, country")],
            "by_month": [{"month": r["k"], "count": int(r["n"]), "fatalities": int(r["f"] or 0)} for r in c.all(
                "SELECT substr(date, 1, 7) AS k, count(*) AS n, sum(fatalities_best) AS f FROM incidents "
                "WHERE date IS NOT NULL GROUP BY substr(date, 1, 7) ORDER BY substr(date, 1, 7)")],
        }

    def timeline(self, **filters) -> list[dict]:
        filters.pop("limit", None)
        filters.pop("offset", None)
        return self.cache.get(_key("timeline", **filters), lambda: self._timeline(filters))

    def _timeline(self, filters: dict) -> list[dict]:
        where, params = self._where(**filters)
        where = (where + " AND " if where else " WHERE ") + "date IS NOT NULL"
        return [{"day": r["day"], "count": int(r["n"]), "fatalities": int(r["f"] or 0)} for r in self.conn.all(
            f"SELECT date AS day, count(*) AS n, sum(fatalities_best) AS f FROM incidents{where} "
            "GROUP BY date ORDER BY date", params)]

    def changes(self, limit: int = 100, offset: int = 0) -> list[dict]:
        """The change log, newest first."""
        return [{**r, "detail": _json(r["detail"], None)} for r in self.conn.all(
            "SELECT * FROM changes ORDER BY id DESC LIMIT ? OFFSET ?", (int(limit), int(offset)))]

    def sources_of(self, incident_ids: list[str]) -> dict[str, list[dict]]:
        """Bulk: incident id -> its reports [{document_id, title, url, published, source}], oldest first."""
        out: dict[str, list[dict]] = {i: [] for i in incident_ids}
        for chunk in range(0, len(incident_ids), 500):
            part = incident_ids[chunk:chunk + 500]
            q = ", ".join("?" for _ in part)
            for r in self.conn.all(
                    f"SELECT DISTINCT s.incident_id, d.id AS document_id, d.title, d.url, d.published, d.source "
                    f"FROM incident_sources s JOIN documents d ON d.id = s.document_id "
                    f"WHERE s.incident_id IN ({q}) ORDER BY d.published, d.id", part):
                out[r.pop("incident_id")].append(r)
        return out

    def deletions(self, since: str | None = None, limit: int = 1000) -> list[dict]:
        """Incidents deleted (no report describes them any more), oldest first: [{id, deleted_at}],
        for clients that sync with ``updated_since``; ``since``: an ISO timestamp, inclusive."""
        sql, params = "SELECT incident_id, at FROM changes WHERE kind = 'deleted'", []
        if since:
            sql += " AND at >= ?"
            params.append(str(since))
        rows = self.conn.all(sql + " ORDER BY at, id LIMIT ?", params + [max(0, int(limit))])
        return [{"id": r["incident_id"], "deleted_at": r["at"]} for r in rows]

    def place_features(self, incident_ids: list[str]) -> dict[str, str]:
        """Bulk: incident id -> the gazetteer feature of its place (PPL, ADM1, PCLI, SEA ...), when known."""
        out: dict[str, str] = {}
        for chunk in range(0, len(incident_ids), 500):
            part = incident_ids[chunk:chunk + 500]
            q = ", ".join("?" for _ in part)
            for r in self.conn.all(f"SELECT m.incident_id, m.place_feature FROM mentions m JOIN incidents i "
                                   f"ON i.id = m.incident_id WHERE m.incident_id IN ({q}) AND m.place_feature "
                                   f"IS NOT NULL AND m.location_name = i.location_name ORDER BY m.id", part):
                out.setdefault(r["incident_id"], r["place_feature"])
        return out

    def fatalities_by_year(self) -> dict[tuple[str, str, str], int]:
        """(year, actor1, country code) -> fatalities (best) of all incidents: UCDP's active_year test."""
        return {(r["y"], r["a"] or "", r["c"] or ""): int(r["f"] or 0) for r in self.conn.all(
            "SELECT substr(date, 1, 4) AS y, actor1 AS a, country_code AS c, sum(fatalities_best) AS f "
            "FROM incidents WHERE date IS NOT NULL GROUP BY substr(date, 1, 4), actor1, country_code")}

    def iter_incidents(self, batch: int = 1000, **filters):
        """Every matching incident (list fields), in pages; for exports."""
        offset = 0
        while True:
            rows = self.incidents(limit=batch, offset=offset, **filters)
            yield from rows
            if len(rows) < batch:
                return
            offset += batch


def _iso(d) -> str:
    return d.isoformat() if isinstance(d, date) else str(d)[:10]


def _text(v) -> str | None:
    return None if v is None else json.dumps(v)


_WHY = {
    "fatalities": "the latest report's toll is the best figure; low / high span all reports",
    "injured": "the latest report's figure is the best; low / high span all reports",
    "claimed": "a report says a group claimed it",
    "claimant": "the group most reports name as claiming it",
    "date": "a report gives a finer date, or the event's own date before a report's",
    "location": "a report places it more precisely",
}


def _why(field: str, doc_id: str) -> str:
    """Why an incident field changed when ``doc_id`` was stored (logged in ``changes.detail``)."""
    group = next((g for g in _WHY if field.startswith(g) or field in ("latitude", "longitude", "geo_precision",
                                                                       "country", "country_code", "admin1")
                  and g == "location"), None)
    reason = _WHY.get(group, "the incident's fields are recomputed from all its reports")
    return f"report {doc_id}: {reason}"


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9 or (a is None and b is None)
    return a == b


def _of_document(document_id: str | None) -> tuple[str, list]:
    return ("WHERE document_id = ? ", [document_id]) if document_id else ("", [])


def _total_dict(r: dict) -> dict:
    return {"document_id": r["document_id"], "index": r["idx"], "casualty": r["casualty"],
            "count": {"low": r["count_low"], "best": r["count_best"], "high": r["count_high"]},
            "span": r["span_text"], "area": r["area_text"], "reported_by": _json(r["reported_by"], []),
            "evidence": _json(r["evidence"], []), "published": r["published"]}


def _incident_dict(r: dict, first_document: str | None) -> dict:
    return {
        "id": r["id"], "document": first_document,
        "date": r["date"], "date_precision": r["date_precision"],
        "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
        "weapons": _json(r["weapons"], []), "actor1": r["actor1"], "actor2": r["actor2"], "target": r["target"],
        "location": {"name": r["location_name"], "country": r["country"], "country_code": r["country_code"],
                     "admin1": r["admin1"], "latitude": r["latitude"], "longitude": r["longitude"],
                     "geo_precision": r["geo_precision"]},
        "fatalities": r["fatalities_best"], "fatalities_low": r["fatalities_low"],
        "fatalities_best": r["fatalities_best"], "fatalities_high": r["fatalities_high"],
        "injured": r["injured_best"],
        "claimed": _bool(r["claimed"]), "claimant": r["claimant"], "n_sources": r["n_sources"],
        "first_reported": r["first_reported"], "last_updated": r["last_updated"],
    }
