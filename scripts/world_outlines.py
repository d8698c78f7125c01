"""Writes ``src/sitrep/serve/static/countries.geojson``: the world's country outlines for the offline map.

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as packaged in
geopandas 0.14's wheel (``geopandas/datasets/naturalearth_lowres``). Run once by hand, with the
shapefile unpacked from that wheel (``pip download geopandas==0.14.4 --no-deps``, then unzip):

    python3 scripts/world_outlines.py path/to/naturalearth_lowres.shp

Needs pyogrio (not a dependency of sitrep). Coordinates are rounded to 0.01 degree (the 1:110m
outlines are coarser than that); properties kept: name, ISO 3166 alpha-3 code, continent."""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/sitrep/serve/static/countries.geojson"
SOURCE = ("Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), from geopandas 0.14 "
          "datasets/naturalearth_lowres; coordinates rounded to 0.01 degree by scripts/world_outlines.py")


def _round(coords):
    if isinstance(coords[0], int | float):
        return [round(coords[0], 2), round(coords[1], 2)]
    out = [_round(c) for c in coords]
    if out and isinstance(out[0][0], int | float):  # a ring: drop repeated points after rounding
        out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return out


def main(shp: str) -> None:
    import pyogrio
    from shapely.geometry import mapping

    df = pyogrio.read_dataframe(shp)
    features = []
    for _, row in df.sort_values("name").iterrows():
        geom = mapping(row.geometry)
        features.append({"type": "Feature", "id": row["iso_a3"],
                         "properties": {"name": row["name"], "iso3": row["iso_a3"], "continent": row["continent"]},
                         "geometry": {"type": geom["type"], "coordinates": _round(json.loads(json.dumps(geom["coordinates"])))}})
    OUT.write_text(json.dumps({"type": "FeatureCollection", "source": SOURCE, "features": features},
                              separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1])
