"""The code space: every ISO 3166-2 first-level code of Russia and Ukraine plus four seas.

Codes come from pycountry; display names from the gazetteer table (first row of the
code), falling back to the ISO name.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import pycountry

from stream.regions.table import rows

Country = Literal["RU", "UA", "SEA"]
SEA_CODES: tuple[str, ...] = ("SEA-BLACK", "SEA-AZOV", "SEA-CASPIAN", "SEA-BALTIC")


@cache
def iso_names() -> dict[str, str]:
    """ISO 3166-2 names of the first-level subdivisions of RU and UA, by code."""
    out: dict[str, str] = {}
    subdivisions: Any = pycountry.subdivisions  # untyped library
    for country in ("RU", "UA"):
        for sub in subdivisions.get(country_code=country):
            if getattr(sub, "parent_code", None) is None:
                out[str(sub.code)] = str(sub.name)
    return dict(sorted(out.items()))


@cache
def _display_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in rows():  # regions.txt comes first, so its row names the code
        names.setdefault(row.code, row.name)
    return names


def all_region_codes() -> list[str]:
    """Every RU-*/UA-* first-level code (ISO 3166-2), then the four SEA-* codes."""
    return [*iso_names(), *SEA_CODES]


def region_name(code: str) -> str:
    """English display name of a code ("Kursk Oblast", "Black Sea"); KeyError if unknown."""
    name = _display_names().get(code) or iso_names().get(code)
    if name is None:
        msg = f"unknown region code: {code!r}"
        raise KeyError(msg)
    return name


def country_of(code: str) -> Country:
    """Country of a known code: "RU", "UA" or "SEA"; ValueError otherwise."""
    prefix = code.split("-", 1)[0]
    if prefix in ("RU", "UA") and code in iso_names():
        return "RU" if prefix == "RU" else "UA"
    if code in SEA_CODES:
        return "SEA"
    msg = f"unknown region code: {code!r}"
    raise ValueError(msg)
