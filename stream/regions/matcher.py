"""The scanner: finds gazetteer names in a text in one pass over its tokens.

The text is normalised (same length, so offsets carry over), split into word tokens, and
at each token the longest known key is looked up in dictionaries of space-joined tokens;
only tokens that begin some key are examined further. Words of a multiword name may be
separated by spaces, a hyphen or a period ("St. Petersburg"), nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate
from typing import Final

from stream.regions.lexicon import Entry, Lexicon
from stream.regions.morph import TOKEN, normalize
from stream.regions.place import Place
from stream.regions.vocab import CONJUNCTIONS, NO_DISTRICT

_SPLIT: Final = re.compile(f"({TOKEN.pattern})")
_JOINED: Final = re.compile(r"'|\.?\s*[-‐‑–]?\s*")  # "'" as in "People's" (the "s" is a token)
_LISTED: Final = re.compile(r"\s*[,;]?\s*")
_MAX_LIST: Final = 12  # tokens scanned ahead for the unit word of a list of regions
_STOP: Final = Entry("", "place", "")  # a match that is consumed and yields nothing


class Gazetteer:
    """Finds places in English, Russian and Ukrainian text (see ``find``)."""

    __slots__ = ("_conj", "_district_max", "_districts", "_first", "_head_max", "_heads",
                 "_place_max", "_places", "_stem_max", "_stems", "_streets", "lexicon")  # fmt: skip

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._places = lexicon.places
        self._stems = lexicon.stems
        self._heads = lexicon.heads
        self._conj = CONJUNCTIONS
        self._place_max = _max_lengths(lexicon.places)
        self._stem_max = _max_lengths(lexicon.stems)
        self._head_max = _max_lengths(lexicon.heads)
        self._districts = lexicon.district_heads
        self._district_max = _max_lengths(lexicon.district_heads)
        self._streets = lexicon.street_words
        self._first = frozenset(self._place_max) | frozenset(self._stem_max)

    def find(self, text: str) -> list[Place]:
        """Places named in ``text``: non-overlapping, longest match wins, sorted by start."""
        norm = normalize(text)
        # One C-level split gives gaps and words alternately: [gap0, w0, gap1, w1, ...].
        parts = _SPLIT.split(norm)
        words = parts[1::2]
        first = self._first
        if first.isdisjoint(words):
            return []
        bounds = list(accumulate(map(len, parts)))  # word j spans bounds[2j]..bounds[2j+1]
        scan = _Scan(words, parts[0::2])
        out: list[Place] = []
        free = 0  # first word not yet inside a match
        for i in [i for i, w in enumerate(words) if w in first]:
            if i < free:
                continue
            length, entry = self._best(scan, text, bounds, i)
            if entry is None:
                continue
            free = i + length
            if not entry.code or (entry.level != "region" and i and words[i - 1] in self._streets):
                continue  # a stop phrase, or an address: "улица Кирова", "вул. Сумська"
            start, end = bounds[2 * i], bounds[2 * free - 1]
            out.append(Place(entry.code, start, end, text[start:end], entry.level, entry.name,
                             entry.alternates))
        return out

    def _best(self, scan: _Scan, text: str, bounds: list[int], i: int) -> tuple[int, Entry | None]:
        lp, place = scan.longest(self._places, self._place_max, i)
        if place is not None and not _written_right(place, text, bounds, i, lp):
            lp, place = 0, None
        ls, stem = scan.longest(self._stems, self._stem_max, i)
        if stem is None:
            return lp, place
        region = stem.level == "region"
        lh = scan.head_length(self._heads, self._head_max, i + ls) if region else 0
        if lh:
            return (ls + lh, stem) if ls + lh > lp else (lp, place)
        ld = scan.head_length(self._districts, self._district_max, i + ls)
        if ld and region and stem.code in NO_DISTRICT:
            return ls + ld, _STOP  # "Киевский район" of Kharkiv, "Приморский" of Odesa
        district = stem if not region else Entry(stem.code, "place", stem.name, alternates=stem.alternates)
        if ld:  # "Белгородский район", "Покровська громада"
            return (ls + ld, district) if ls + ld > lp else (lp, place)
        if ls >= lp and self._listed(scan, i + ls, region):
            return ls, stem if region else district
        return lp, place

    def _listed(self, scan: _Scan, j: int, region: bool) -> bool:
        """Whether a list continues after a stem and ends in a unit word: "Курской[, X] и
        Брянской областей", "Kursk and Voronezh regions", "Марганецька та Покровська
        громади" (district words end lists of district stems)."""
        heads, maxes = (self._heads, self._head_max) if region else (self._districts, self._district_max)
        after_stem = True
        stop = min(len(scan.words), j + _MAX_LIST)
        while j < stop:
            if not scan.gap_listed(j):
                return False
            w = scan.words[j]
            if w in self._conj:
                after_stem = False
                j += 1
                continue
            if after_stem and scan.head_length(heads, maxes, j):
                return True
            ls, _ = scan.longest(self._stems, self._stem_max, j)
            if not ls:
                return False
            after_stem = True
            j += ls
        return False


class _Scan:
    """Words of one text and the gaps before them, with gap checks."""

    __slots__ = ("gaps", "words")

    def __init__(self, words: list[str], gaps: list[str]):
        self.words = words
        self.gaps = gaps  # gaps[j] is the text between word j-1 and word j

    def gap_joined(self, j: int) -> bool:
        g = self.gaps[j]
        return g == " " or _JOINED.fullmatch(g) is not None

    def gap_listed(self, j: int) -> bool:
        g = self.gaps[j]
        return g == " " or _LISTED.fullmatch(g) is not None

    def longest(self, table: dict[str, Entry], maxes: dict[str, int],
                i: int) -> tuple[int, Entry | None]:  # fmt: skip
        words = self.words
        if i >= len(words):
            return 0, None
        w = words[i]
        m = maxes.get(w)
        if m is None:
            return 0, None
        best: tuple[int, Entry | None] = (0, None)
        k = w
        hit = table.get(k)
        if hit is not None:
            best = (1, hit)
        for j in range(i + 1, min(len(words), i + m)):
            if not self.gap_joined(j):
                break
            k = k + " " + words[j]
            hit = table.get(k)
            if hit is not None:
                best = (j - i + 1, hit)
        return best

    def head_length(self, heads: set[str], maxes: dict[str, int], i: int) -> int:
        """Tokens of the longest unit word starting at word ``i`` (0 if none)."""
        words = self.words
        if i >= len(words) or words[i] not in maxes or (i and not self.gap_joined(i)):
            return 0
        best = 0
        k = ""
        for j in range(i, min(len(words), i + maxes[words[i]])):
            if j > i and not self.gap_joined(j):
                break
            k = words[j] if j == i else k + " " + words[j]
            if k in heads:
                best = j - i + 1
        return best


def _written_right(entry: Entry, text: str, bounds: list[int], i: int, length: int) -> bool:
    """Capitalisation checks: one-word names start with a capital, abbreviations are all
    capitals ("Суми" is the city, "суми" are sums)."""
    if entry.upper:
        return text[bounds[2 * i] : bounds[2 * (i + length) - 1]].isupper()
    if entry.capital:
        return text[bounds[2 * i]].isupper()
    return True


def _max_lengths(table: Iterable[str]) -> dict[str, int]:
    """Longest key length in tokens, by first token."""
    out: dict[str, int] = {}
    for k in table:
        parts = k.split(" ")
        out[parts[0]] = max(out.get(parts[0], 0), len(parts))
    return out
