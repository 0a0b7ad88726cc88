"""PURE: weapon words (drone, missile, glide_bomb) and measure cues (launched,
intercepted, suppressed) in en/ru/uk."""

from __future__ import annotations

from typing import Final

from stream.models import Measure, Weapon
from stream.normalize.lexicon import words
from stream.normalize.tokens import Token

_DRONE: Final = words(
           "drone", "drones", "uav", "uavs", "shahed", "shaheds", "shahed-136", "geran", "gerans",
           "geran-2", "geran-3", "decoy", "decoys", "quadcopter", "quadcopters", "gerbera", "gerberas",
           "lancet", "lancets", "fpv", "unmanned", "uas", "loitering", "kamikaze",
           "беспилотник", "беспилотный", "беспилотник", "бпла", "бла", "дрон", "шахед", "герань",
           "безпілотник", "безпілотний", "бпла", "бпла", "дрон-імітатор", "імітатор", "квадрокоптер",
           "имитатор", "дрон-имитатор", "беспилотник-имитатор",
           "безпилотников", "безпилотники", "безпилотника",  # a common misspelling in Russian posts
           "квадрокоптеры", "ланцет", "гербера", "дрон-камикадзе",
       )
_MISSILE: Final = words(
           "missile", "missiles", "rocket", "rockets", "iskander", "iskanders", "iskander-m",
           "iskander-k", "kalibr", "kalibrs", "kinzhal", "kinzhals", "zircon", "tsirkon", "oniks",
           "onyx", "atacms", "himars", "scalp", "neptune", "neptunes", "taurus", "kn-23", "tochka-u",
           "flamingo", "ракета", "ракеты", "искандер", "калибр", "кинжал", "циркон", "оникс",
           "іскандер", "калібр", "кинджал", "нептун", "реактивный", "реактивний", "хаймарс",
           "точка-у", "storm", "шторм", "онікс", "tomahawk", "tomahawks", "томагавк", "фламинго",
           "фламінго", "кинжалы",
           "іскандери",  # "два «Іскандери»": the analyzer reads the plural as a verb
       )
_MISSILE_PREFIXES: Final = ("kh-", "х-", "х–", "s-300", "s-400", "с-300", "с-400", "p-800", "п-800")
_GLIDE: Final = words(
           "kab", "kabs", "jdam", "jdams", "jdam-er", "hammer", "hammers", "glide", "bomb", "bombs",
           "umpk", "gbu-39", "gbu-62", "каб", "кабы", "авиабомба", "авіабомба", "бомба", "умпк",
           "фаб", "авиабомб", "хаммер", "aasm", "гбу", "кабами", "кабов", "кабів", "каби", "кабы", "кабом",
           "кабам", "кабу",
       )

# Measure cues. "shot" covers "shot down"; "fire" as a verb only ("fired").
_LAUNCHED: Final = words(
           "launched", "launch", "launches", "launching", "fired", "firing", "attacked", "attack",
           "attacks", "attacking", "dropped", "dropping", "used", "using", "sent", "deployed",
           "targeted", "unleashed", "involving", "involved", "comprising", "pounded", "pounding", "bombarded",
           "атаковать", "атаковал", "атака", "атаки", "запустить", "запустил", "выпустить",
           "выпустил", "применить", "применил", "сбросить", "сбросил", "использовать", "удар",
           "атакувати", "атакував", "атакувала", "атака", "запустити", "запустив", "випустити",
           "випустив", "застосувати", "застосував", "скинути", "скинув", "використати", "удар",
           "атакувало", "атакували", "атакована", "скид", "скиди", "скидів", "сброс", "сбросы", "сбросов",
           # Ukrainian participles, which the analyzer reads as adjectives ("запущених дронів")
           "запущений", "випущений", "застосований", "скинутий",
           "вдарити", "вдарили", "вдарив", "вдарила", "ударити", "ударили",
           # Air Force: "Всього в повітряному просторі виявлено 597 ударних БпЛА"
           "виявлено", "виявити", "виявлені",
           # "залучив для ураження 5 814 дронів-камікадзе": engaged, i.e. used
           "залучити", "залучив", "задіяти", "задіяв", "задействовать", "задействовал",
           # gerunds, which the analyzers leave unlemmatized ("скинувши 20 КАБів")
           "скинувши", "випустивши", "запустивши", "атакувавши", "застосувавши", "сбросив",
           "выпустив", "применив", "атаковав", "firing",
           # "радіотехнічними військами зафіксовано 58 засобів": what was detected was launched
           "зафіксувати", "зафіксовано", "зафиксировать", "зафиксировано", "detected",
           # "Скерували понад 20 FPV-дронів", "направили 15 дронов": directed at a target
           "скерувати", "скерували", "скерував", "спрямувати", "спрямували", "направить", "направили",
           # "по заводу працювали щонайменше 20 дронів": weapons that "worked" on a target (slang)
           "працювали", "работали",
           # "загалом по Харкову прилетіли 3 КАБи": what arrived was launched
           "прилетіти", "прилетіли", "прилетіло", "прилетело", "прилетели", "прилететь",
           # "Фіксуємо 8 ракет курсом на Хмельниччину": weapons on their course were launched
           "курсом",
       )
_INTERCEPTED: Final = words(
           "shot", "shoot", "shooting", "downed", "downing", "destroyed", "destroying", "destroy",
           "intercepted", "intercepting", "intercept", "intercepts", "neutralized", "neutralised",
           "eliminated", "repelled", "interception", "interceptions", "downs",
           "repel", "repelling", "уничтожение", "перехват", "отразить", "отразили", "відбити", "отражение",
           "відбиття",
           "відбито", "сбитие", "сбить", "сбиты", "сбито", "сбил", "уничтожить", "уничтожены",
           "уничтожено", "перехватить",
           "перехвачены", "перехвачено", "нейтрализовать", "ликвидировать", "поразить",
           "збити", "збито", "збиття", "знищити", "знищено", "знищення", "перехопити", "перехоплено",
           "перехоплення", "знешкодити", "знешкоджено", "нейтралізувати", "нейтралізовано",
           "збитий", "збиті", "знищений", "знищені", "сбитый", "сбитые", "уничтоженный",
           "збивши", "знищивши", "перехопивши", "сбив", "уничтожив", "перехватив", "перехоплений",
           "перехоплені", "перехоплених", "знешкоджений", "знешкоджені", "знешкоджених",
           "перехваченный", "перехваченные",
           "обезвредить", "обезвредила", "обезвредили", "обезвредил", "обезврежены", "обезврежено",
       )
_SUPPRESSED: Final = words(
           "suppressed", "suppress", "suppressing", "jammed", "locationally", "lost", "disappeared",
           "подавить", "подавлены", "подавлено", "локационно", "потерять",
           "подавити", "подавлено", "придушено", "локаційно", "втрачені", "втрачено", "втратити", "зникли",
           "исчезли",
       )


def weapon_of(tok: Token) -> Weapon | None:
    """The weapon a token names, if any (memoized per word form)."""
    key = (tok.low, tok.lemma)
    if key in _WEAPON_CACHE:
        return _WEAPON_CACHE[key]
    found = _weapon_of(tok.low, tok.lemma)
    if len(_WEAPON_CACHE) < 200_000:
        _WEAPON_CACHE[key] = found
    return found


_WEAPON_CACHE: dict[tuple[str, str], Weapon | None] = {}
_MEASURE_CACHE: dict[tuple[str, str], Measure | None] = {}


def _weapon_of(low: str, lem: str) -> Weapon | None:
    if low.startswith(_MISSILE_PREFIXES):
        return "missile"
    for keys, weapon in ((_DRONE, "drone"), (_MISSILE, "missile"), (_GLIDE, "glide_bomb")):
        if lem in keys or low in keys:
            return weapon  # type: ignore[return-value]
    if "-" in low:
        head = low.split("-")[0]
        for keys, weapon in ((_DRONE, "drone"), (_MISSILE, "missile"), (_GLIDE, "glide_bomb")):
            if head in keys or words(head) & keys:
                return weapon  # type: ignore[return-value]
    return None


def measure_of(tok: Token) -> Measure | None:
    """The measure a cue word expresses, if any (memoized per word form)."""
    if tok.kind != "word":
        return None
    key = (tok.low, tok.lemma)
    if key in _MEASURE_CACHE:
        return _MEASURE_CACHE[key]
    found = _measure_of(tok.low, tok.lemma)
    if len(_MEASURE_CACHE) < 200_000:
        _MEASURE_CACHE[key] = found
    return found


def _measure_of(low: str, lem: str) -> Measure | None:
    if low in ("fire", "fires"):
        return None  # the noun "fire" is damage
    for keys, measure in (
        (_INTERCEPTED, "intercepted"),
        (_SUPPRESSED, "suppressed"),
        (_LAUNCHED, "launched"),
    ):
        if lem in keys or low in keys:
            return measure  # type: ignore[return-value]
    return None
