"""The value the gazetteer returns: one place found in a text, with its region code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["region", "city", "place", "sea"]
LEVELS: tuple[Level, ...] = ("region", "city", "place", "sea")


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a text.

    ``code`` is the ISO 3166-2 first-level code the place belongs to (or a SEA-* code),
    ``[start, end)`` the span of ``surface`` in the original text, ``level`` what kind of
    name matched (``region`` = a first-level unit named as such, ``city`` = a city or
    town, including the federal cities, ``place`` = a village, airbase, plant...,
    ``sea``), ``name`` the canonical English name of the matched place, and
    ``alternates`` the codes of other places of the same name (the report's context
    decides, see ``stream.normalize.places``).
    """

    code: str
    start: int
    end: int
    surface: str
    level: Level
    name: str
    alternates: tuple[str, ...] = ()  # other regions a place of this name lies in
