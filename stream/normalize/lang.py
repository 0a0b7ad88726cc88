"""PURE: detect the language of a report (en, ru, uk) from its letters, offline.

Cyrillic letters that exist in only one of the two alphabets decide between
Russian and Ukrainian (і ї є ґ are Ukrainian, ы э ъ ё are Russian); a text with
few Cyrillic letters is English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stream.models import Lang
from stream.normalize.tokens import analyzer

_UK_ONLY = frozenset("іїєґ")
_RU_ONLY = frozenset("ыэъё")
_WORD_RE = re.compile(r"[а-яёіїєґ']{2,}")


def detect_lang(text: str) -> Lang:
    """Return the report language; English unless the text is mostly Cyrillic."""
    cyr = lat = uk = ru = 0
    for ch in text.lower():
        if "а" <= ch <= "я" or ch in "ёіїєґ":
            cyr += 1
            if ch in _UK_ONLY:
                uk += 1
            elif ch in _RU_ONLY:
                ru += 1
        elif "a" <= ch <= "z":
            lat += 1
    if cyr == 0 or cyr < lat:
        return "en"
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    return _by_dictionary(text)


def _by_dictionary(text: str) -> Lang:
    """No decisive letter: count the words each pymorphy3 dictionary knows."""
    ru_known = uk_known = 0
    for word in _WORD_RE.findall(text.lower())[:40]:
        ru_known += _known(word, "ru")
        uk_known += _known(word, "uk")
    return "uk" if uk_known > ru_known else "ru"


@lru_cache(maxsize=50_000)
def _known(word: str, lang: str) -> bool:
    return bool(analyzer(lang).word_is_known(word))
