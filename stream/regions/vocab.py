"""Closed-class words around place names: unit words ("область", "region"), list
conjunctions, street words that make a city name part of an address, and stop phrases
that contain a place name without naming a place ("Kyiv Independent", "берег Днепра").

Russian and Ukrainian entries are nominatives; lexicon generates their case forms.
"""

from __future__ import annotations

from typing import Final

from stream.regions.morph import Lang

# Unit words that follow a region adjective or stem: "Курская область", "Kursk region".
EN_HEADS: Final = (
           "region", "regions", "oblast", "oblasts", "krai", "kray", "krais", "territory",
           "republic", "okrug", "autonomous okrug", "autonomous district", "autonomous region",
           "autonomous oblast", "province", "respublika", "avtonomnyy okrug", "avtonomnaya oblast",
           "obl", "regional",
       )  # fmt: skip
MORPH_HEADS: dict[Lang, tuple[str, ...]] = {
    "ru": ("область", "край", "республика", "автономный округ", "автономная область",
           "округ", "регион"),
    "uk": ("область", "край", "республіка", "автономний округ", "автономна область",
           "округ", "регіон"),
}  # fmt: skip
# Adjectives that follow too: "Курской областной больницы", "Сумської обласної ради".
MORPH_ADJ_HEADS: dict[Lang, tuple[str, ...]] = {"ru": ("областной",), "uk": ("обласний",)}
# Abbreviations are not inflected: обл., ОВА/ОДА (oblast military/state administration).
FIXED_HEADS: Final = ("обл", "ова", "ода", "ога")

# "Белгородский район", "Sumy district": a district named after the region's capital lies
# in that region. Not for adjectives that also name city districts or districts of other
# regions: Kyivskyi district of Kharkiv, Moskovsky of Kazan, Samarskyi of Dnipro,
# Prymorskyi of Odesa, Kirovsky of Donetsk, Tverskoy and Ryazansky of Moscow...
# Communities (громада, hromada) are units of the same kind for this purpose.
EN_DISTRICT_HEADS: Final = ("district", "districts", "raion", "rayon", "hromada", "hromadas")
MORPH_DISTRICT_HEADS: dict[Lang, tuple[str, ...]] = {
    "ru": ("район", "городской округ", "муниципальный округ", "округ", "громада", "община"),
    "uk": ("район", "громада", "міська громада", "селищна громада", "сільська громада"),
}
NO_DISTRICT: Final = frozenset({
           "UA-30", "UA-32", "RU-MOW", "RU-MOS", "RU-SPE", "RU-LEN", "UA-43", "RU-KIR", "RU-PRI",
           "RU-AMU", "RU-SAM", "RU-YAR", "RU-TVE", "RU-RYA", "RU-NIZ", "RU-KGD", "RU-STA",
       })  # fmt: skip

# Words that join the items of a list of regions ("Курской и Брянской областей").
CONJUNCTIONS: Final = (
    frozenset({"и", "і", "й", "та", "and", "or", "или", "або", "also", "а", "также", "також"}))

# A city or place right after one of these is part of an address or a dedication
# ("улица Кирова", "вул. Київська", "завод им. Курчатова"), not a location.
MORPH_STREET_WORDS: dict[Lang, tuple[str, ...]] = {
    "ru": ("улица", "проспект", "переулок", "площадь", "бульвар", "шоссе", "набережная"),
    "uk": ("вулиця", "проспект", "провулок", "площа", "бульвар", "шосе", "набережна"),
}
FIXED_STREET_WORDS: Final = ("ул", "пр", "пер", "пл", "вул", "им", "имени", "ім", "імені")

# Phrases consumed without yielding a place.
EN_STOP_PHRASES: Final = (
           "Kyiv Independent", "Kyiv Post", "Kyiv time", "Moscow Times", "Moscow time",
           "Moscow-installed", "Moscow-backed", "Moscow-appointed", "Dnipro River", "river Dnipro",
           "bank of the Dnipro", "banks of the Dnipro", "across the Dnipro", "Black Sea Fleet",
       )  # fmt: skip
MORPH_STOP_PHRASES: dict[Lang, tuple[str, ...]] = {
    "ru": (
        "берег Днепра",
        "река Днепр",
        "московское время",
        "через Днепр",
        "левобережье Днепра",
        "правобережье Днепра",
    ),
    "uk": (
        "берег Дніпра",
        "річка Дніпро",
        "київський час",
        "через Дніпро",
        "лівобережжя Дніпра",
        "правобережжя Дніпра",
    ),
}
