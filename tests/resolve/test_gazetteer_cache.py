"""The built gazetteer's cache (issue 12: load time): what it gives back is the gazetteer a fresh build makes, and a
cache that cannot be read is built again, never an error."""
from __future__ import annotations

from sitrep.resolve import gazetteer as G

COLUMNS = ("col_name", "col_lat", "col_lon", "col_cc", "col_admin1", "col_feature", "col_pop", "col_gid", "col_kind",
           "col_source", "col_city", "index", "city_keys", "n_cities", "country_entry", "country_name", "admin1_entry",
           "capital", "demonyms", "region_demonyms", "abbrevs", "dotted_abbrevs", "facility_entry", "county_point",
           "facilities")


def test_the_cached_gazetteer_is_the_built_one(tmp_path):
    fresh = G.build_gazetteer(use_cache=False)
    path = tmp_path / "gazetteer.marshal"
    G._save_built(fresh, path)
    cached = G._load_built(path)
    assert cached is not None and cached.built_from == "built cache"
    for k in COLUMNS:
        assert getattr(cached, k) == getattr(fresh, k), k
    assert (cached.city_ids == fresh.city_ids).all() and (cached.city_offsets == fresh.city_offsets).all()
    assert {cc: [p.pattern for p in v] for cc, v in cached.cues.items()} == {
        cc: [p.pattern for p in v] for cc, v in fresh.cues.items()}
    assert type(cached.col_pop[0]) is int and type(cached.col_lat[0]) is float
    assert cached.lookup("Baghdad") == fresh.lookup("Baghdad") and cached[5] == fresh[5]


def test_an_unreadable_cache_is_a_miss(tmp_path):
    path = tmp_path / "gazetteer.marshal"
    path.write_bytes(b"not a gazetteer")
    assert G._load_built(path) is None
