"""Train the toponym ranker (``src/sitrep/knowledge/geo_ranker.json``): see ``sitrep.evaluation.train_geo_ranker``.

    python3 scripts/train_geo_ranker.py ../shared/data/geoparsing/lgl.xml --out src/sitrep/knowledge/geo_ranker.json
"""
from __future__ import annotations

import sys

from sitrep.evaluation.train_geo_ranker import main

if __name__ == "__main__":
    sys.exit(main())
