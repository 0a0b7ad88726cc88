"""PURE: detect the language of a report (en, ru, uk) from its letters, offline.

Cyrillic letters that exist in only one of the two alphabets decide between
Russian and Ukrainian (і ї є ґ are Ukrainian, ы э ъ ё are Russian); a text with
few Cyrillic letters is English.
"""

from __future__ import annotations

from stream.models import Lang

_UK_ONLY = frozenset("іїєґ")
_RU_ONLY = frozenset("ыэъё")


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
    # No decisive letter: Ukrainian "и" is frequent where Russian uses "ы"/"и".
    return "ru"
