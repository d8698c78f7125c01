"""Synthetic incidents for load tests and benchmarks: ``fill(store, n)`` writes n incidents, each with
one short document and one mention, in bulk (no merging: every row is its own incident), with
realistic spreads of dates, places, types, actors, casualties and claims. Deterministic by seed."""
from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, date, datetime, timedelta

from sitrep.merge.across import Features, incident_id
from sitrep.store.records import MENTION_COLUMNS

# (name, country, country_code, admin1, lat, lon)
PLACES = [
    ("Baghdad", "Iraq", "IQ", "Baghdad", 33.3152, 44.3661), ("Erbil", "Iraq", "IQ", "Erbil", 36.1911, 44.0092),
    ("Ain al-Asad Air Base", "Iraq", "IQ", "Al Anbar", 33.7856, 42.4412),
    ("Mosul", "Iraq", "IQ", "Nineveh", 36.3400, 43.1300), ("Deir ez-Zor", "Syria", "SY", "Deir ez-Zor", 35.3359, 40.1408),
    ("Al-Tanf", "Syria", "SY", "Homs", 33.4975, 38.6556), ("Aleppo", "Syria", "SY", "Aleppo", 36.2021, 37.1343),
    ("Idlib", "Syria", "SY", "Idlib", 35.9306, 36.6339), ("Sanaa", "Yemen", "YE", "Amanat al Asimah", 15.3694, 44.1910),
    ("Hodeidah", "Yemen", "YE", "Al Hudaydah", 14.7978, 42.9545), ("Kharkiv", "Ukraine", "UA", "Kharkiv", 49.9935, 36.2304),
    ("Donetsk", "Ukraine", "UA", "Donetsk", 48.0159, 37.8028), ("Kherson", "Ukraine", "UA", "Kherson", 46.6354, 32.6169),
    ("Khartoum", "Sudan", "SD", "Khartoum", 15.5007, 32.5599), ("El Fasher", "Sudan", "SD", "North Darfur", 13.6290, 25.3494),
    ("Mogadishu", "Somalia", "SO", "Banaadir", 2.0469, 45.3182), ("Gao", "Mali", "ML", "Gao", 16.2666, -0.0400),
    ("Maiduguri", "Nigeria", "NG", "Borno", 11.8311, 13.1510), ("Goma", "DR Congo", "CD", "North Kivu", -1.6585, 29.2205),
    ("Kabul", "Afghanistan", "AF", "Kabul", 34.5553, 69.2075),
]
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", ["rocket", "missile", "artillery"]),
    ("Explosions/Remote violence", "Air/drone strike", ["drone", "airstrike"]),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", ["ied"]),
    ("Explosions/Remote violence", "Suicide bomb", ["suicide bomb"]),
    ("Battles", "Armed clash", ["small arms"]),
    ("Violence against civilians", "Attack", ["small arms"]),
    ("Violence against civilians", "Abduction/forced disappearance", []),
]
ACTORS = [
    "Islamic Resistance in Iraq", "United States", "Islamic State", "Russia", "Ukraine", "Rapid Support Forces",
    "Sudanese Armed Forces", "al-Shabaab", "Houthis", "JNIM", "Boko Haram", "M23", "Taliban", None, None,
]
TARGETS = ["military base", "checkpoint", "civilians", "convoy", "market", "embassy", "power station", None]


def _row(i: int, rng: random.Random, start: date, days: int) -> tuple[dict, dict, dict]:
    name, country, cc, admin1, lat, lon = rng.choice(PLACES)
    etype, sub, weapons = rng.choice(TYPES)
    actor = rng.choice(ACTORS)
    day = start + timedelta(days=rng.randrange(days))
    prec = rng.choices(["day", "week", "month"], weights=[90, 7, 3])[0]
    geo = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
    lat += rng.uniform(-0.3, 0.3) * geo
    lon += rng.uniform(-0.3, 0.3) * geo
    fat = rng.choices([None, 0, rng.randint(1, 5), rng.randint(5, 60)], weights=[30, 20, 40, 10])[0]
    claimed = rng.choices([None, True, False], weights=[60, 25, 15])[0]
    target = rng.choice(TARGETS)
    weapon = rng.sample(weapons, k=min(len(weapons), 1))
    title = f"{sub} near {name}"
    text = (f"{title}\nFILE: {actor or 'Unidentified attackers'} carried out an attack ({sub.lower()}) on a "
            f"{target or 'position'} near {name}, {country}, on {day.isoformat()}. "
            f"{'No one was killed' if fat == 0 else (f'{fat} people were killed' if fat else 'Casualties are unknown')}.")
    doc_id = f"syn-{i:07d}"
    sha = hashlib.sha256(text.encode("utf-8") + doc_id.encode()).hexdigest()
    trig = text.index("attack (")
    doc = {"id": doc_id, "sha256": sha, "title": title, "url": f"https://example.org/syn/{i}",
           "published": (day + timedelta(days=rng.randint(0, 2))).isoformat(), "source": "synthetic", "path": None,
           "body_start": len(title) + 7, "text": text, "meta": "{}", "n_mentions": 1}
    span = {"start": trig, "end": trig + 6, "text": "attack"}
    mention_id = f"{doc_id}#0"
    inc = incident_id(mention_id)
    m = {k: None for k in MENTION_COLUMNS}
    m.update({
        "id": mention_id, "document_id": doc_id, "idx": 0, "incident_id": inc, "event_type": etype,
        "sub_event_type": sub, "weapons": json.dumps(weapon), "actor1": actor, "actor2": None, "target": target,
        "location_name": name, "country": country, "country_code": cc, "admin1": admin1, "latitude": lat,
        "longitude": lon, "geo_precision": geo, "place_feature": None, "date": day.isoformat(),
        "date_precision": prec, "fatalities_best": fat, "claimed": None if claimed is None else int(claimed),
        "claimant": actor if claimed else None, "denied": 0, "attempted": 0, "hedged": 0,
        "trigger_span": json.dumps(span), "sentence": json.dumps({"start": doc["body_start"], "end": len(text),
                                                                    "text": text[doc["body_start"]:]}),
        "evidence": json.dumps([span]), "field_spans": json.dumps({"trigger": [span]}), "notes": "[]",
    })
    incident = {
        "id": inc, "date": day.isoformat(), "date_precision": prec, "event_type": etype, "sub_event_type": sub,
        "weapons": json.dumps(weapon), "actor1": actor, "actor2": None, "target": target, "location_name": name,
        "country": country, "country_code": cc, "admin1": admin1, "latitude": lat, "longitude": lon,
        "geo_precision": geo, "fatalities_low": fat, "fatalities_best": fat, "fatalities_high": fat,
        "claimed": m["claimed"], "claimant": m["claimant"], "n_sources": 1, "first_reported": doc["published"],
        "search": " | ".join(x for x in (etype, sub, actor, target, name, country, admin1, title) if x).lower(),
    }
    return doc, m, incident


def fill(store, n: int, *, seed: int = 0, start: date = date(2022, 1, 1), days: int = 730,
         batch: int = 5000) -> int:
    """Write ``n`` synthetic incidents (one document and one mention each) into ``store`` in bulk
    transactions of ``batch``; returns how many were written. Ids continue after earlier fills."""
    rng = random.Random(seed)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    c = store.conn
    first = int(c.scalar("SELECT count(*) FROM documents WHERE source = 'synthetic'") or 0)
    doc_cols = ["id", "sha256", "title", "url", "published", "source", "path", "body_start", "text", "meta",
                "n_mentions", "ingested_at"]
    inc_cols = ["id", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "actor2",
                "target", "location_name", "country", "country_code", "admin1", "latitude", "longitude",
                "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high", "claimed", "claimant",
                "n_sources", "first_reported", "last_updated", "search"]
    q = lambda cols: ", ".join("?" for _ in cols)  # noqa: E731
    done = 0
    while done < n:
        k = min(batch, n - done)
        docs, ments, incs, links = [], [], [], []
        for i in range(first + done, first + done + k):
            d, m, inc = _row(i, rng, start, days)
            d["ingested_at"] = now
            inc["last_updated"] = now
            docs.append([d[c_] for c_ in doc_cols])
            ments.append([m[c_] for c_ in MENTION_COLUMNS])
            incs.append([inc[c_] for c_ in inc_cols])
            links.append([inc["id"], m["id"], d["id"], now, None, '["synthetic"]'])
        with c.transaction():
            c.many(f"INSERT INTO documents ({', '.join(doc_cols)}) VALUES ({q(doc_cols)})", docs)
            c.many(f"INSERT INTO incidents ({', '.join(inc_cols)}) VALUES ({q(inc_cols)})", incs)
            c.many(f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({q(MENTION_COLUMNS)})", ments)
            c.many("INSERT INTO incident_sources (incident_id, mention_id, document_id, linked_at, score, reasons) "
                   "VALUES (?, ?, ?, ?, ?, ?)", links)
        done += k
    return done


def mention_features(n: int, *, seed: int = 0, reports_per_incident: float = 3.0, start: date = date(2022, 1, 1),
                     days: int = 730) -> tuple[list[Features], list[int]]:
    """``n`` mention features for merge benchmarks: incidents each reported by ~``reports_per_incident``
    outlets with jittered places, shifted dates and some missing fields; returns (features, gold incident
    index per feature), shuffled by report time."""
    rng = random.Random(seed)
    out: list[tuple[float, Features, int]] = []
    gi = 0
    while len(out) < n:
        name, country, cc, admin1, lat, lon = rng.choice(PLACES)
        etype, sub, weapons = rng.choice(TYPES)
        day = start + timedelta(days=rng.randrange(days))
        lat += rng.uniform(-1.0, 1.0)
        lon += rng.uniform(-1.0, 1.0)
        target = rng.choice(TARGETS)
        actor = rng.choice(ACTORS)
        k = max(1, min(n - len(out), int(rng.expovariate(1 / reports_per_incident)) + 1))
        for r in range(k):
            jitter = rng.choices([0.0, 0.05, 0.3], weights=[60, 30, 10])[0]
            shift = rng.choices([0, 1], weights=[85, 15])[0]
            f = Features(
                key=f"m{len(out)}", documents=frozenset([f"d{gi}-{r}"]), date=day + timedelta(days=shift),
                date_precision="day", event_type=etype, sub_event_type=sub if rng.random() < 0.8 else None,
                latitude=lat + rng.uniform(-jitter, jitter), longitude=lon + rng.uniform(-jitter, jitter),
                geo_precision=1 if jitter < 0.1 else 2, country_code=cc, country=country, location_name=name,
                target=target if rng.random() < 0.7 else None, actor1=actor if rng.random() < 0.6 else None,
                weapons=frozenset(weapons[:1]),
            )
            out.append((day.toordinal() + r * 0.3 + rng.random(), f, gi))
        gi += 1
    out.sort(key=lambda t: t[0])
    return [f for _, f, _ in out], [g for _, _, g in out]
