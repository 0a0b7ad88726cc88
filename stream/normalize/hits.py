"""PURE: weapons told as hits by a noun ("зафіксовано влучання двох авіабомб", "19 влучань
«шахедів»", "попадание двух авиабомб", "Hits by 2 ballistic missiles").

Hits are no measure of their own: told after any figure of that weapon in the report they
are a part of it (the Air Force's "Зафіксовано влучання 28 ударних БпЛА на 10 локаціях"
after the night's launch); with no figure of that weapon before, the weapons that hit are
the weapons used, as a weapon that is the subject of a strike verb is ("two Iskander-M
missiles struck Sumy"), when they hit at a place (a tally of hits of no place, "Зафіксовано
влучання 33 ударних БпЛА на 12 локаціях", is the Air Force's, a part of the night's launch
its summary gives). `counts` decides which; this module only finds the phrases.
"""

from __future__ import annotations

from typing import Final

from stream.models import Measure
from stream.normalize.numbers import Number
from stream.normalize.tokens import Token
from stream.normalize.weapons import weapon_of

# nouns of hitting: "влучання", "влучань", "влучень", "попадание", "попаданий" (not "падіння"
# or "падение", the fall of debris, whose figure is of the weapons downed)
_HIT_NOUNS: Final = ("влучан", "влучень", "попадан")
_HIT_NOUNS_EN: Final = frozenset({"hits", "impacts"})
_OPEN_QUOTES: Final = frozenset({"«", '"', "“"})
_STOPS: Final = frozenset({";", ":", ".", "—", "–", "(", ")"})
_NP_POS: Final = frozenset({"ADJF", "PRTF"})


def hit_weapon_at(toks: list[Token], j: int) -> int:
    """The weapon word of the noun of hitting at token j ("влучань «шахедів»", "попаданий
    ударных БпЛА"), or -1: "19 влучань «шахедів»" is a figure of the drones that hit."""
    if j >= len(toks) or not toks[j].low.startswith(_HIT_NOUNS):
        return -1
    for k in range(j + 1, min(len(toks), j + 4)):
        tok = toks[k]
        if tok.sent != toks[j].sent:
            return -1
        if weapon_of(tok) is not None:
            return k
        if tok.text not in _OPEN_QUOTES and not (tok.kind == "word" and tok.pos in _NP_POS):
            return -1  # "три влучання в установки": hits on something, of no weapon
    return -1


def told_as_hits(toks: list[Token], num: Number, lo: int, meas: list[Measure | None]) -> bool:
    """Whether a weapon figure is told as hits: a count of hits of that weapon ("19 влучань
    «шахедів»") or in the object of a noun of hitting with no measure cue between
    ("зафіксовано влучання двох авіабомб", "влучання 2 ракет та 11 ударних БпЛА", "Hits by 5
    missiles and 27 attack UAVs"); `lo` is where its sentence starts."""
    if hit_weapon_at(toks, num.last + 1) >= 0:
        return True
    for j in range(num.first - num.qlen - 1, max(lo, num.first - 16) - 1, -1):
        tok = toks[j]
        if tok.text in _STOPS or meas[j] is not None:
            return False  # "Після влучання ракети ППО збила 5 дронів": the figure has its cue
        if tok.low.startswith(_HIT_NOUNS):
            return True
        if tok.low in ("by", "of") and j > lo and toks[j - 1].low in _HIT_NOUNS_EN:
            return True
    return False
