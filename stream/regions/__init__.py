"""PURE gazetteer: finds places in English, Russian and Ukrainian text and maps them to
ISO 3166-2 first-level codes of Russia and Ukraine (plus four SEA-* codes).

>>> [p.code for p in gazetteer().find("Над Курской областью и Шебекино")]
['RU-KRS', 'RU-BEL']
"""

from __future__ import annotations

from functools import cache

from stream.regions.codes import SEA_CODES, Country, all_region_codes, country_of, region_name
from stream.regions.lexicon import build
from stream.regions.matcher import Gazetteer
from stream.regions.place import Level, Place

__all__ = [
    "SEA_CODES",
    "Country",
    "Gazetteer",
    "Level",
    "Place",
    "all_region_codes",
    "country_of",
    "gazetteer",
    "region_name",
]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the packaged tables, built once (about a second) and cached."""
    return Gazetteer(build())
