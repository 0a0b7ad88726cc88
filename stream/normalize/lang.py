"""PURE: detect the language of a report (en, ru, uk) from its letters, offline.

Cyrillic letters that exist in only one of the two alphabets decide between
Russian and Ukrainian (і ї є ґ are Ukrainian, ы э ъ ё are Russian); a text with
few Cyrillic letters is English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from stream.models import Lang
from stream.normalize.tokens import analyzer

_UK_ONLY: Final = frozenset("іїєґ")
_RU_ONLY: Final = frozenset("ыэъё")
_WORD_RE: Final = re.compile(r"[а-яёіїєґ']{2,}")
_LAT_RE: Final = re.compile(r"[a-z]")


def detect_lang(text: str) -> Lang:
    """Return the report language; English unless the text is mostly Cyrillic."""
    if text.isascii():
        return "en"
    low = text.lower()
    # Non-ASCII characters of a news text are (nearly) all Cyrillic letters.
    cyr = len(low) - len(low.encode("ascii", "ignore"))
    if cyr == 0 or cyr < len(_LAT_RE.findall(low)):
        return "en"
    uk = sum(low.count(ch) for ch in _UK_ONLY)
    ru = sum(low.count(ch) for ch in _RU_ONLY)
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
