"""Reads the hand-written gazetteer tables in ``stream/data/gazetteer/*.txt``.

One row per place: ``code | level | English name | English aliases | Russian
nominatives | Ukrainian nominatives``; lists are ``;``-separated, ``#`` starts a comment.
Only nominatives live in the tables; case forms are generated (see ``morph``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from stream.regions.place import LEVELS, Level

_FILES = ("regions.txt", "places.txt")


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    level: Level
    name: str
    en: tuple[str, ...]
    ru: tuple[str, ...]
    uk: tuple[str, ...]


def _items(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x.strip() for x in cell.split(";") if x.strip()))


def parse(text: str, source: str = "<table>") -> list[Row]:
    """Rows of one table; a malformed line raises ``ValueError`` naming the line."""
    rows: list[Row] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != 6 or cells[1] not in LEVELS or not cells[0] or not cells[2]:
            msg = f"{source}:{lineno}: expected 'code | level | name | en | ru | uk': {raw!r}"
            raise ValueError(msg)
        code, level, name, en, ru, uk = cells
        rows.append(Row(code, cast(Level, level), name, _items(en), _items(ru), _items(uk)))
    return rows


@cache
def rows() -> tuple[Row, ...]:
    """All rows of the packaged tables, regions first (their names win conflicts)."""
    base = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
    out: list[Row] = []
    for fname in _FILES:
        res = base / fname
        if res.is_file():
            out.extend(parse(res.read_text(encoding="utf-8"), fname))
    return tuple(out)
