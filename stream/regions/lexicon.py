"""Compiles the gazetteer table into lookup dictionaries keyed by normalised tokens.

Vocabularies that come out: *places* (names that match on their own: "Шебекино",
"Курщина", "Kharkiv"; stop phrases are places with the empty code), *stems* (adjectives
and English stems that name a unit only with a unit word: "Курской" + "области", "Kursk"
+ "region", "Покровську" + "громаду"), *heads* and *district heads* (the unit words,
every case and number) and *street words* ("улица"). Russian and Ukrainian forms are
generated with pymorphy3 from the nominatives of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from stream.regions.codes import iso_names
from stream.regions.morph import Lang, inflect, is_ambiguous, key
from stream.regions.place import Level
from stream.regions.table import Row, rows
from stream.regions.vocab import (
    EN_DISTRICT_HEADS,
    EN_HEADS,
    EN_STOP_PHRASES,
    FIXED_HEADS,
    FIXED_STREET_WORDS,
    MORPH_ADJ_HEADS,
    MORPH_DISTRICT_HEADS,
    MORPH_HEADS,
    MORPH_STOP_PHRASES,
    MORPH_STREET_WORDS,
)

_ISO_REPUBLIC: Final = re.compile(r"^(.*), Respublika$")
_SHORT: Final = 3  # ambiguous one-word forms this short are dropped


@dataclass(frozen=True, slots=True)
class Entry:
    """What a key stands for. ``capital``: a one-word name, which only counts when
    written with a capital; ``upper``: an abbreviation, only in capitals."""

    code: str
    level: Level
    name: str
    capital: bool = False
    upper: bool = False
    alternates: tuple[str, ...] = ()  # codes of later rows with the same name (homonyms)


@dataclass(slots=True)
class Lexicon:
    """Lookup tables keyed by space-joined normalised tokens (see ``morph.key``)."""

    places: dict[str, Entry] = field(default_factory=dict)
    stems: dict[str, Entry] = field(default_factory=dict)
    heads: set[str] = field(default_factory=set)
    district_heads: set[str] = field(default_factory=set)
    street_words: set[str] = field(default_factory=set)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    forms: int = 0  # surface forms generated, before de-duplication

    def add(self, table: dict[str, Entry], k: str, entry: Entry) -> None:
        self.forms += 1
        old = table.get(k)
        if old is None:
            table[k] = entry
        elif old.code != entry.code:
            # The first row wins; the others are the alternates a report's context may pick
            # ("Zolochiv" of Kharkiv, or of Lviv in a report on the Lviv region).
            self.conflicts.append((k, old.code, entry.code))
            if entry.code not in old.alternates:
                table[k] = Entry(old.code, old.level, old.name, old.capital, old.upper,
                                 (*old.alternates, entry.code))
        elif entry.capital != old.capital or entry.upper != old.upper:
            # Same place from two languages: a common word in either needs the capital.
            table[k] = Entry(
                old.code, old.level, old.name,
                old.capital or entry.capital, old.upper and entry.upper, old.alternates,
            )  # fmt: skip


def _head_keys(en: tuple[str, ...], morph: dict[Lang, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Nominative head keys per language, longest first, to split table items."""
    out: dict[str, tuple[str, ...]] = {"en": tuple(key(h) for h in en)}
    for lang, heads in morph.items():
        out[lang] = tuple(key(h) for h in heads)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_REGION_HEADS: Final = _head_keys(EN_HEADS, MORPH_HEADS)
_DISTRICT_HEADS: Final = _head_keys(EN_DISTRICT_HEADS, MORPH_DISTRICT_HEADS)


def _stem_of(row: Row, lang: str, item: str) -> str | None:
    """The stem of an item ending in a unit word: a region's ("Курская" область) or,
    for a place, a district's or community's ("Покровська" громада)."""
    if row.level == "region":
        return _split_head(item, _REGION_HEADS[lang])
    if row.level == "place":
        return _split_head(item, _DISTRICT_HEADS[lang])
    return None


def _split_head(item: str, heads: tuple[str, ...]) -> str | None:
    """The stem of "Kursk Oblast" / "Курская область", or None if no unit word ends it."""
    k = key(item)
    for h in heads:
        if k.endswith(" " + h):
            n = len(h.split())
            return " ".join(item.split()[:-n]) or None
    return None


def _iso_aliases(code: str) -> list[str]:
    """English items derived from the ISO 3166-2 transliteration ("Kurskaya oblast'")."""
    name = iso_names().get(code)
    if name is None:
        return []
    m = _ISO_REPUBLIC.match(name)
    if m is None:
        items = [name]
    else:  # "Saha", "Komi" alone are also a surname and a language: keep the long form
        items = [f"Respublika {m.group(1)}"] + ([m.group(1)] if len(m.group(1)) > 5 else [])
    return [i.replace("'", "") for i in items] + [i for i in items if "'" in i]


def _add_morph_items(lex: Lexicon, row: Row, lang: Lang, items: tuple[str, ...]) -> None:
    for item in items:
        if item.isupper() and len(item) > 1:
            lex.add(lex.places, key(item), Entry(row.code, row.level, row.name, upper=True))
            continue
        stem = _stem_of(row, lang, item)
        if stem is not None:
            # A region adjective serves every unit word ("Курского региона"); a district's
            # keeps its gender ("Покровська громада" is not "Покровський район").
            entry = Entry(row.code, row.level, row.name)
            for form in inflect(stem, lang, all_genders=row.level == "region"):
                lex.add(lex.stems, key(form), entry)
            # The whole phrase too: it settles stems shared by two units ("Altai").
            for form in inflect(item, lang):
                lex.add(lex.places, key(form), entry)
            continue
        forms = inflect(item, lang)
        for form in forms:
            k = key(form)
            single = " " not in k
            if single and len(k) <= _SHORT and is_ambiguous(k, forms, lang):
                continue  # "Сум", "Сак": too short to tell from a common word
            # A one-word name counts only when capitalised ("Суми" the city, "суми" sums).
            lex.add(lex.places, k, Entry(row.code, row.level, row.name, capital=single))


def _add_en_items(lex: Lexicon, row: Row, items: list[str]) -> None:
    for item in items:
        upper = item.isupper() and len(item) > 1
        stem = None if upper else _stem_of(row, "en", item)
        if stem is not None:
            lex.add(lex.stems, key(stem), Entry(row.code, row.level, row.name))
            lex.add(lex.places, key(item), Entry(row.code, row.level, row.name))
        else:
            k = key(item)
            entry = Entry(row.code, row.level, row.name, capital=" " not in k, upper=upper)
            lex.add(lex.places, k, entry)


def build(table: tuple[Row, ...] | None = None) -> Lexicon:
    """Compile ``table`` (default: the packaged tables) into a ``Lexicon``."""
    lex = Lexicon()
    for h in EN_HEADS:
        lex.heads.add(key(h))
    for lang, words in MORPH_HEADS.items():
        for w in words:
            lex.heads.update(key(f) for f in inflect(w, lang, plural_too=True))
    lex.heads.update(FIXED_HEADS)
    for lang, words in MORPH_ADJ_HEADS.items():
        for w in words:
            lex.heads.update(key(f) for f in inflect(w, lang, all_genders=True))
    lex.district_heads.update(key(h) for h in EN_DISTRICT_HEADS)
    lex.street_words.update(FIXED_STREET_WORDS)
    stop = Entry("", "place", "")
    for phrase in EN_STOP_PHRASES:
        lex.places[key(phrase)] = stop
    for lang, words in MORPH_DISTRICT_HEADS.items():
        for w in words:
            lex.district_heads.update(key(f) for f in inflect(w, lang, plural_too=True))
    for lang, words in MORPH_STREET_WORDS.items():
        for w in words:
            lex.street_words.update(key(f) for f in inflect(w, lang))
    for lang, words in MORPH_STOP_PHRASES.items():
        for w in words:
            lex.places.update(dict.fromkeys((key(f) for f in inflect(w, lang)), stop))
    seen_iso: set[str] = set()
    for row in rows() if table is None else table:
        en = [row.name, *row.en]
        if row.code not in seen_iso:
            seen_iso.add(row.code)
            en += _iso_aliases(row.code)
        _add_en_items(lex, row, en)
        _add_morph_items(lex, row, "ru", row.ru)
        _add_morph_items(lex, row, "uk", row.uk)
    return lex
