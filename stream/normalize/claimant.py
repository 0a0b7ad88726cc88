"""PURE: who claims a figure: attribution in the text, else the source.

Ambiguous attributions ("the Defence Ministry", "the governor", "regional
officials") get their country from an adjective next to them (Russia's,
Ukrainian, ...), else from the places of the sentence, else of the report, else
from the source and language.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Final, NamedTuple

from stream.models import Claimant, Lang
from stream.normalize.lexicon import PhraseMatcher, has, words
from stream.normalize.places import PlaceRef
from stream.normalize.tokens import Token
from stream.regions import table

# Kinds: "MOD" and "MIL" (defence ministry / military of a country to resolve),
# "OFF" (an official of a country to resolve) or a final Claimant.
_RAW_CUES: tuple[tuple[str, str], ...] = (
    ("regional military administration", "OFF"), ("military administration", "OFF"),
    ("military-civil administration", "OFF"), ("state emergency service", "OFF"),
    ("emergencies ministry", "OFF"), ("ministry of emergency situations", "OFF"),
    ("energy ministry", "OFF"), ("ministry of energy", "OFF"), ("foreign ministry", "OFF"),
    ("health ministry", "OFF"), ("interior ministry", "OFF"), ("defense ministry", "MOD"),
    ("defence ministry", "MOD"), ("ministry of defence", "MOD"), ("defence minister", "MOD"),
    ("defense minister", "MOD"), ("министр обороны", "MOD"), ("міністр оборони", "MOD"),
    ("ministry of defense", "MOD"), ("mod", "MOD"), ("минобороны", "MOD"),
    ("министерство обороны", "MOD"), ("міноборони", "MOD"), ("міністерство оборони", "MOD"),
    ("мо рф", "ru-mod"), ("конашенков", "ru-mod"), ("konashenkov", "ru-mod"),
    ("air force", "ua-military"), ("air forces", "ua-military"), ("general staff", "ua-military"),
    ("sbu", "ua-military"), ("navy", "ua-military"), ("security service", "ua-military"),
    ("military intelligence", "ua-military"), ("hur", "ua-military"), ("gur", "ua-military"),
    ("armed forces", "MIL"), ("military", "MIL"), ("air command", "ua-military"),
    ("ihnat", "ua-military"), ("pletenchuk", "ua-military"),
    ("повітряні сили", "ua-military"), ("повітряних сил", "ua-military"), ("пс зсу", "ua-military"),
    ("воздушные силы", "ua-military"), ("генштаб", "ua-military"), ("генеральний штаб", "ua-military"),
    ("генеральный штаб", "ua-military"), ("сбу", "ua-military"), ("вмс", "ua-military"),
    ("гур", "ua-military"), ("сили оборони", "ua-military"), ("игнат", "ua-military"),
    ("плетенчук", "ua-military"), ("командування", "ua-military"),
    ("ігнат", "ua-military"), ("угруповання військ", "ua-military"),
    # "В ВСУ заявили, что ...": "in the armed forces they said" (not "атака ВСУ", the attacker)
    ("в всу", "ua-military"), ("во всу", "ua-military"), ("у зсу", "ua-military"), ("в зсу", "ua-military"),
    ("группировка войск", "ru-mod"), ("группировки войск", "ru-mod"),
    ("воздушное командование", "ua-military"),
    ("воздушного командования", "ua-military"), ("southern defence forces", "ua-military"),
    ("southern defense forces", "ua-military"), ("defence forces of the south", "ua-military"),
    ("defense forces of the south", "ua-military"), ("силы обороны", "ua-military"),
    ("сил обороны", "ua-military"),
    ("rosaviatsia", "ru-official"), ("росавиация", "ru-official"), ("kremlin", "ru-official"),
    ("peskov", "ru-official"), ("sobyanin", "ru-official"), ("собянин", "ru-official"),
    ("собянін", "ru-official"), ("gladkov", "ru-official"), ("гладков", "ru-official"),
    ("khinshtein", "ru-official"), ("хинштейн", "ru-official"), ("bogomaz", "ru-official"),
    ("богомаз", "ru-official"), ("zelensky", "ua-official"), ("zelenskyy", "ua-official"),
    ("zelenskiy", "ua-official"),
    ("зеленский", "ua-official"), ("зеленський", "ua-official"), ("klitschko", "ua-official"),
    ("кличко", "ua-official"), ("ukrenergo", "ua-official"), ("укренерго", "ua-official"),
    ("дснс", "ua-official"), ("ова", "ua-official"), ("ода", "ua-official"), ("ква", "ua-official"),
    ("мчс", "ru-official"), ("razvozhayev", "ru-official"), ("развожаев", "ru-official"),
    ("aksyonov", "ru-official"), ("аксенов", "ru-official"), ("balitsky", "ru-official"),
    ("balitskiy", "ru-official"),
    ("балицкий", "ru-official"), ("saldo", "ru-official"), ("сальдо", "ru-official"),
    ("pushilin", "ru-official"), ("пушилин", "ru-official"), ("pasechnik", "ru-official"),
    ("пасечник", "ru-official"), ("russian-installed", "ru-official"),
    # the DPR's and LPR's offices in the JCCC ("представительство ДНР в СЦКК") tell the shelling
    ("сцкк", "ru-official"), ("jccc", "ru-official"),
    ("окупаційна влада", "ru-official"), ("окупаційної влади", "ru-official"),
    ("оккупационные власти", "ru-official"), ("оккупационных властей", "ru-official"),
    ("occupation authorities", "ru-official"), ("occupying authorities", "ru-official"),
    ("russian-appointed", "ru-official"), ("moscow-installed", "ru-official"),
    ("глава чувашии", "ru-official"), ("глава татарстана", "ru-official"),
    ("глава башкирии", "ru-official"), ("глава республики", "ru-official"),
    ("глава крыма", "ru-official"), ("khabirov", "ru-official"), ("хабиров", "ru-official"),
    ("хабіров", "ru-official"),
    ("табурець", "ua-official"), ("taburets", "ua-official"), ("райкович", "ua-official"),
    ("raikovych", "ua-official"), ("борзов", "ua-official"), ("borzov", "ua-official"),
    ("бунечко", "ua-official"), ("bunechko", "ua-official"), ("погуляйко", "ua-official"),
    ("pohuliaiko", "ua-official"), ("онищук", "ua-official"), ("onyshchuk", "ua-official"),
    ("козицький", "ua-official"), ("kozytskyi", "ua-official"), ("чаус", "ua-official"),
    ("chaus", "ua-official"), ("когут", "ua-official"), ("kohut", "ua-official"),
    ("пронін", "ua-official"), ("pronin", "ua-official"), ("негода", "ua-official"),
    ("nehoda", "ua-official"), ("тюрін", "ua-official"), ("tiurin", "ua-official"),
    ("кім", "ua-official"), ("kim", "ua-official"), ("коваль", "ua-official"),
    ("виталий ким", "ua-official"), ("віталій кім", "ua-official"),
    ("koval", "ua-official"), ("пухов", "ru-official"), ("pukhov", "ru-official"),
    ("бречалов", "ru-official"), ("brechalov", "ru-official"), ("балицький", "ru-official"),
    ("пушилін", "ru-official"), ("пасічник", "ru-official"), ("руденя", "ru-official"),
    ("rudenya", "ru-official"), ("федорищев", "ru-official"), ("fedorishchev", "ru-official"),
    ("bocharov", "ru-official"), ("здунов", "ru-official"), ("zdunov", "ru-official"),
    ("міляєв", "ru-official"), ("milyaev", "ru-official"), ("drozdenko", "ru-official"),
    ("евраев", "ru-official"), ("євраєв", "ru-official"), ("yevraev", "ru-official"),
    ("artamonov", "ru-official"), ("shapsha", "ru-official"), ("klychkov", "ru-official"),
    ("malkov", "ru-official"), ("бусаргін", "ru-official"), ("busargin", "ru-official"),
    ("слюсар", "ru-official"), ("slyusar", "ru-official"), ("глава удмуртии", "ru-official"),
    ("глава мордовии", "ru-official"), ("глава дагестана", "ru-official"),
    ("глава адыгеи", "ru-official"), ("глава калмыкии", "ru-official"),
    ("глава чечни", "ru-official"), ("глава карелии", "ru-official"), ("глава коми", "ru-official"),
    ("глава башкортостана", "ru-official"),
    ("vorobyov", "ru-official"), ("воробьев", "ru-official"), ("воробьёв", "ru-official"),
    ("syniehubov", "ua-official"), ("синєгубов", "ua-official"), ("синегубов", "ua-official"),
    ("lysak", "ua-official"), ("лисак", "ua-official"), ("fedorov", "ua-official"),
    ("федоров", "ua-official"), ("tkachenko", "ua-official"), ("ткаченко", "ua-official"),
    ("прокудін", "ua-official"), ("прокудин", "ua-official"), ("prokudin", "ua-official"),
    ("гайворонський", "ua-official"), ("гайворонский", "ua-official"),
    ("hayvoronskyi", "ua-official"), ("кіпер", "ua-official"), ("кипер", "ua-official"),
    ("kiper", "ua-official"), ("філашкін", "ua-official"), ("филашкин", "ua-official"),
    ("filashkin", "ua-official"), ("гусев", "ru-official"), ("gusev", "ru-official"),
    ("первышов", "ru-official"), ("pervyshov", "ru-official"), ("gov.", "OFF"),
    ("мва", "ua-official"), ("аксьонов", "ru-official"), ("аксёнов", "ru-official"),
    ("гусєв", "ru-official"), ("гладков", "ru-official"), ("хінштейн", "ru-official"),
    ("богомаз", "ru-official"), ("собянін", "ru-official"), ("развожаєв", "ru-official"),
    ("філатов", "ua-official"), ("филатов", "ua-official"),
    ("filatov", "ua-official"), ("садовий", "ua-official"), ("садовый", "ua-official"),
    ("sadovyi", "ua-official"), ("сенкевич", "ua-official"), ("senkevych", "ua-official"),
    ("терехов", "ua-official"), ("terekhov", "ua-official"), ("дюмин", "ru-official"),
    ("миляев", "ru-official"), ("анохин", "ru-official"), ("anokhin", "ru-official"),
    ("шапша", "ru-official"), ("клычков", "ru-official"), ("артамонов", "ru-official"),
    ("малков", "ru-official"), ("слюсарь", "ru-official"), ("бусаргин", "ru-official"),
    ("хабиров", "ru-official"), ("минниханов", "ru-official"), ("дрозденко", "ru-official"),
    ("кондратьев", "ru-official"), ("евстифеев", "ru-official"), ("бочаров", "ru-official"),
    ("оперштаб", "OFF"), ("оперативный штаб", "OFF"), ("оперативного штаба", "OFF"),
    ("emergency headquarters", "OFF"), ("operational headquarters", "OFF"),
    ("crisis headquarters", "OFF"), ("emergency response headquarters", "OFF"),
    ("governor", "OFF"), ("governors", "OFF"), ("mayor", "OFF"), ("administration", "OFF"),
    ("officials", "OFF"), ("official", "OFF"), ("authorities", "OFF"), ("head", "OFF"),
    ("leader", "OFF"), ("president", "OFF"), ("ministry", "MIN"), ("minister", "OFF"),
    ("emergency services", "OFF"), ("police", "OFF"), ("prosecutor", "OFF"),
    ("губернатор", "OFF"), ("мэр", "OFF"), ("глава", "OFF"), ("администрация", "OFF"),
    ("власти", "OFF"), ("власть", "OFF"), ("президент", "OFF"), ("министерство", "MIN"),
    ("министр", "OFF"), ("полиция", "OFF"), ("голова", "OFF"), ("начальник", "OFF"),
    ("мер", "OFF"), ("адміністрація", "OFF"), ("влада", "OFF"), ("очільник", "OFF"),
    ("міністерство", "MIN"), ("міністр", "OFF"), ("поліція", "OFF"), ("рада", "OFF"),
    # "Russia says it downed 41 drones" (wire headlines for the defence ministry's figures),
    # "Ukraine said it shot down 38": a country's claim of weapon figures is its military's.
    ("russia said", "ru-mod"), ("russia says", "ru-mod"), ("russia claimed", "ru-mod"),
    ("russia claims", "ru-mod"), ("russia reported", "ru-mod"), ("ukraine said", "ua-military"),
    ("ukraine says", "ua-military"), ("ukraine claimed", "ua-military"),
    ("ukraine claims", "ua-military"), ("ukraine reported", "ua-military"),
    # "по данным украинской стороны, сбиты ...": a side's weapon figures are its military's
    ("украинской стороны", "ua-military"), ("української сторони", "ua-military"),
    ("ukrainian side", "ua-military"), ("российской стороны", "ru-mod"),
    ("російської сторони", "ru-mod"), ("russian side", "ru-mod"),
    ("media", "other"), ("reportedly", "other"), ("analysts", "other"), ("sources", "other"),
    ("analyst", "other"), ("an independent analyst", "other"), ("monitoring group", "other"),
    ("кабмин", "OFF"), ("кабинет министров", "OFF"), ("кабмін", "OFF"), ("кабінет міністрів", "OFF"),
    ("правительство", "OFF"), ("уряд", "OFF"), ("kadyrov", "ru-official"), ("кадыров", "ru-official"),
    ("кадиров", "ru-official"), ("zabolotna", "ua-official"), ("заболотна", "ua-official"),
    ("a source", "other"), ("an anonymous source", "other"), ("источник", "other"), ("джерело", "other"),
    ("сми", "other"), ("змі", "other"), ("источники", "other"), ("джерела", "other"),
    ("isw", "other"), ("institute for the study of war", "other"),
    ("інститут вивчення війни", "other"), ("институт изучения войны", "other"),
    ("telegram channel", "other"), ("telegram channels", "other"), ("телеграм-канал", "other"),
    ("telegram-канал", "other"),
    ("associated press", "other"), ("ap tally", "other"), ("baza", "other"), ("astra", "other"),
    ("по нашим данным", "other"), ("по подсчетам", "other"), ("по подсчётам", "other"),
    ("за підрахунками", "other"), ("за нашими даними", "other"), ("our tally", "other"),
)  # fmt: skip
_CUES: Final = PhraseMatcher(list(_RAW_CUES))
_RU_ADJ: Final = words("russia", "russia's", "russian", "российский", "россия", "рф", "російський",
                       "росія", "moscow's", "kremlin")
_UA_ADJ: Final = words("ukraine", "ukraine's", "ukrainian", "украинский", "украина", "український",
                       "україна", "kyiv's", "kyiv", "київ")
# Adjectives on the weapon tell which side reports an interception.
_SOURCES: dict[str, Claimant] = {
    "telegram:mod_russia": "ru-mod", "telegram:mod_russia_en": "ru-mod",
    "telegram:kpszsu": "ua-military", "telegram:generalstaffzsu": "ua-military",
    "telegram:comafua": "ua-military", "telegram:sbuukr": "ua-military",
    "telegram:navyukraine": "ua-military",
}  # fmt: skip
_RU_SOURCE_HINTS: Final = ("tass", "ria", "interfax", "rbc", "kommersant", "izvestia", "gladkov",
                           "sobyanin", "bogomaz", "mod_russia", "rt", "lenta", "khinshtein")
_UA_SOURCE_HINTS: Final = ("ukrinform", "kyivindependent", "kyiv", "unian", "suspilne", "pravda",
                           "ova", "kpszsu", "zsu", "ukr", "hromadske", "rbc-ua", "nv")
# Channels of Russian governors, mayors and regional headquarters (handles as published).
_RU_OFFICIAL_SOURCES: Final = (
           "gladkov", "sobyanin", "mos_sobyanin", "bogomaz", "khinshtein", "vorobyov", "mos_",
           "slyusar", "artamonov", "shapsha", "milyaev", "nikitin", "klychkov", "rudenya", "aksenov",
           "aksyonov", "pervyshov", "gusev", "starovoit", "razvozhayev", "kondratyev", "malkov",
           "avdeev", "beglov", "drozdenko", "evstifeev", "travnikov", "kuban_opershtab", "opershtab",
           "razvozhaev", "khinshtein", "gladkov", "bogomaz", "sobyanin", "vorobiev",
           "gubernator", "governor", "dumin", "anokhin", "habirov", "khabirov", "minnikhanov",
           "busargin", "bocharov",
           "golubev", "kuvshinnikov", "lyubimov", "chibis", "tsivilev", "shumkov",
           "minenergo_rf", "mchs", "rosaviatsia", "balitsky", "balitskiy", "balitskii", "saldo", "pushilin",
           "pasechnik",
           "oleg_nikolaev", "kadyrov", "miliaev",
           "brechalov", "fedorishchev", "melnichenko", "zdunov", "yevraev", "evraev",
           "mahonin", "makhonin", "solntsev", "drozdenko", "nikolaev_oleg", "nikolaev_chuvashia",
       )  # fmt: skip
# Channels of Ukrainian regional administrations, mayors and ministries.
_UA_OFFICIAL_SUFFIXES: Final = (
    ("_ova", "ova", "_mva", "mva", "_gov_ua", "_oda", "oda", "_rada", "_rva", "rva",
     "_hromada", "_gromada"))
_UA_OFFICIAL_SOURCES: Final = (
           "synegubov", "syniehubov", "fedorov", "lysak", "prokudin", "kim", "vitaliy_kim",
           "filashkin", "klitschko", "tkachenko", "kiper", "zhyvytskyy", "ukrenergo", "dsns",
           "zoda", "kyiv_city", "odesa_ova", "mvs_ua", "zelenskiy", "zelensky", "koval",
           "hayvoronskyi", "gaivoronskyi", "prokudin", "kiper",
           "filatov", "sadovyi", "senkevych", "terekhov", "lysak", "chaus", "malashko", "zelenskyy",
           "kolesnyk", "sievierin", "vadym_liakh", "vadym_lyakh", "zabolotna",
           "kozytsk", "vilkul", "ganzha", "hanzha", "hryhorov", "artiukh", "onyshchuk", "nadal", "nehoda",
           "borzov", "rudnytsk", "tyurin", "zaparaniuk", "biletsk", "bunechko", "taburets", "raikovych",
           "kohut", "pronin", "trukhanov", "mrochko", "yevtushenko", "kalashnyk",
       )  # fmt: skip


_TARGET_NOUNS: Final = frozenset(
           {"base", "bases", "airfield", "airfields", "jets", "planes", "aircraft", "pilots",
            "facility", "facilities", "equipment", "unit", "units", "target", "targets", "building",
            "headquarters", "hospital", "personnel", "infrastructure", "installations"}
       )
_SPEECH: Final = frozenset(
           {"said", "says", "reported", "reports", "stated", "claimed", "announced", "added",
            "заявили", "сообщили", "повідомили", "заявив", "сообщил", "повідомив"}
       )


class Attribution(NamedTuple):
    claimant: Claimant
    first: int
    last: int
    sent: int
    speaker: bool = False
    own: bool = False  # a newsroom's own count ("By Meduza's own count", "за нашими підрахунками")
    lead: bool = False  # ... that opens its sentence, and so covers all of it


# "telegram:synegubov", "x:zelenskyyua", "facebook:...": an official's own channel
_PLATFORMS: Final = ("telegram:", "x:", "twitter:", "facebook:", "fb:", "vk:", "instagram:", "max:")


# The region an official regional channel speaks of (handles as published; a surname or
# a region's name in the handle).
_SOURCE_REGIONS: tuple[tuple[str, str], ...] = (
    ("lenobl", "RU-LEN"),  # "Ленобласть", as the oblast's own channels abbreviate it
    ("gladkov", "RU-BEL"), ("khinshtein", "RU-KRS"), ("gubernator_46", "RU-KRS"),
    ("bogomaz", "RU-BRY"), ("gusev", "RU-VOR"), ("sobyanin", "RU-MOW"), ("vorobiev", "RU-MOS"),
    ("vorobyov", "RU-MOS"), ("razvozha", "UA-40"), ("aksenov", "UA-43"), ("aksyonov", "UA-43"),
    ("slyusar", "RU-ROS"), ("shapsha", "RU-KLU"), ("klychkov", "RU-ORL"), ("artamonov", "RU-LIP"),
    ("malkov", "RU-RYA"), ("pervyshov", "RU-TAM"), ("drozdenko", "RU-LEN"), ("busargin", "RU-SAR"),
    ("habirov", "RU-BA"), ("khabirov", "RU-BA"), ("minnikhanov", "RU-TA"), ("opershtab23", "RU-KDA"),
    ("kuban", "RU-KDA"), ("milyaev", "RU-TUL"), ("miliaev", "RU-TUL"),
    ("anokhin", "RU-SMO"), ("nikitin", "RU-NIZ"),
    ("oleg_nikolaev", "RU-CU"), ("nikolaev_chuvashia", "RU-CU"), ("saldo", "UA-65"), ("balitsk", "UA-23"),
    ("pushilin", "UA-14"),
    ("pasechnik", "UA-09"), ("kadyrov", "RU-CE"), ("zabolotna", "UA-05"),
    ("synegubov", "UA-63"), ("syniehubov", "UA-63"), ("kharkiv", "UA-63"), ("terekhov", "UA-63"),
    ("dnipropetrovsk", "UA-12"), ("lysak", "UA-12"), ("hayvoronskyi", "UA-12"), ("filatov", "UA-12"),
    ("zoda", "UA-23"), ("zaporizh", "UA-23"), ("fedorov", "UA-23"), ("kherson", "UA-65"),
    ("prokudin", "UA-65"), ("odesa", "UA-51"), ("kiper", "UA-51"), ("mykolaiv", "UA-48"),
    ("senkevych", "UA-48"), ("chernihiv", "UA-74"), ("chernigiv", "UA-74"), ("poltava", "UA-53"),
    ("sumy", "UA-59"), ("kyiv_city", "UA-30"), ("klitschko", "UA-30"), ("tkachenko", "UA-30"),
    ("kmva", "UA-30"), ("kalashnyk", "UA-32"), ("kyivoda", "UA-32"), ("lviv", "UA-46"),
    ("kozytskyi", "UA-46"), ("sadovyi", "UA-46"), ("filashkin", "UA-14"), ("donetsk", "UA-14"),
    ("kozytsk", "UA-46"), ("vilkul", "UA-12"), ("ganzha", "UA-12"), ("hanzha", "UA-12"),
    ("hryhorov", "UA-59"), ("artiukh", "UA-59"), ("onyshchuk", "UA-26"), ("nadal", "UA-61"),
    ("nehoda", "UA-61"), ("borzov", "UA-05"), ("rudnytsk", "UA-07"), ("tyurin", "UA-68"),
    ("zaparaniuk", "UA-77"), ("biletsk", "UA-21"), ("bunechko", "UA-18"), ("taburets", "UA-71"),
    ("raikovych", "UA-35"), ("kohut", "UA-53"), ("pronin", "UA-53"), ("trukhanov", "UA-51"),
    ("mrochko", "UA-65"), ("yevtushenko", "UA-12"), ("mahonin", "RU-PER"), ("makhonin", "RU-PER"),
    ("solntsev", "RU-ORE"), ("brechalov", "RU-UD"), ("chibis", "RU-MUR"), ("drozdenko", "RU-LEN"),
    ("fedorishchev", "RU-SAM"),
)  # fmt: skip


def source_region(source: str) -> str | None:
    """The region of a regional official's channel ("telegram:vvgladkov" -> RU-BEL), if known."""
    src = source.lower()
    if not src.startswith(_PLATFORMS):
        return None
    name = src.split(":", 1)[1]
    known = next((code for key, code in _SOURCE_REGIONS if key in name), None)
    if known is not None:
        return known
    # "telegram:tverreg", "telegram:lipetsk_region": a region's name in the handle
    return next((code for stem, code in _region_stems() if stem in name), None)


@cache
def _region_stems() -> tuple[tuple[str, str], ...]:
    """(lower-case stem, code) of every first-level region's English names and aliases,
    longest first ("nizhny" before shorter stems), five letters at least."""
    out: dict[str, str] = {}
    for row in table.rows():
        if row.level != "region":
            continue
        for name in (row.name, *row.en):
            stem = "".join(ch for ch in name.split()[0].lower() if ch.isalpha())
            if len(stem) >= 4 and stem not in _AMBIGUOUS_STEMS:
                out.setdefault(stem, row.code)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


# first words that name more than one region or none ("Republic of ...", "Moscow" city and
# oblast, "Saint")
_AMBIGUOUS_STEMS: Final = frozenset({"republic", "moscow", "saint", "north", "south", "west", "east",
                                     "jewish", "autonomous", "city", "kyiv", "sevastopol"})


_LANGUAGE_SUFFIXES: Final = ("_en", "_eng", "_english")


def source_claimant(source: str) -> Claimant | None:
    """The claimant a source speaks for, when it is a known official channel."""
    src = source.lower()
    if src in _SOURCES:
        return _SOURCES[src]
    if src.startswith(_PLATFORMS):
        name = src.split(":", 1)[1]
        if name.endswith(_LANGUAGE_SUFFIXES) and len(name) > 6:
            name = name.rsplit("_", 1)[0]  # "dnipropetrovskaODA_en": the channel's English edition
        if name.endswith(_UA_OFFICIAL_SUFFIXES) or "_oda" in name or "_gov_ua" in name:
            return "ua-official"
        head, _, rest = name.partition("_")
        if head.endswith(("oda", "ova")) and rest.startswith("gov"):
            return "ua-official"  # "koda_gov": a regional administration's handle before "_gov"
        if name.startswith("min") and name.endswith(("_ua", "ua")) and "oborony" not in name:
            return "ua-official"  # "minenergo_ua", "mininfra_ua": a Ukrainian ministry's channel
        if name.startswith(_RU_OFFICIAL_SOURCES) or _contains_name(name, _RU_OFFICIAL_SOURCES):
            return "ru-official"
        if name.startswith(_UA_OFFICIAL_SOURCES) or _contains_name(name, _UA_OFFICIAL_SOURCES):
            return "ua-official"
        if name.endswith(_GOVERNMENT_SUFFIXES):
            # "orenburg_gov", "lenoblinform": a region's government or its information office
            code = source_region(source)
            if code is not None:
                return "ru-official" if code.startswith("RU-") else "ua-official"
    return None


_GOVERNMENT_SUFFIXES: Final = ("_gov", "gov", "_government", "_pravitelstvo", "oblinform", "obl_inform")


def _contains_name(handle: str, names: tuple[str, ...]) -> bool:
    """A surname inside a handle ("vvgladkov", "avbogomaz"); short names only as prefixes, also
    after one or two initials ("vsaldo", "vgsaldo")."""
    return any(len(n) >= 6 and n in handle for n in names) or any(
        len(n) >= 5 and handle[k:].startswith(n) for k in (1, 2) for n in names
    )


def source_country(source: str, lang: Lang) -> str | None:
    src = source.lower()
    if any(h in src for h in _UA_SOURCE_HINTS):
        return "UA"
    if any(h in src for h in _RU_SOURCE_HINTS):
        return "RU"
    return "UA" if lang == "uk" else None


# words of a ministry's name: a bare "the ministry" later in the text is the last one named
_MINISTRY: Final = ("ministry", "министерств", "міністерств", "минобороны", "міноборони", "мо рф")
_NAMING: Final = frozenset({"called", "described", "dubbed", "termed", "назвали", "назвал", "назвав",
                            "назвала", "назвало"})


def find_attributions(
    toks: list[Token],
    places: list[PlaceRef],
    sent_bounds: list[tuple[int, int]],
    source: str,
    lang: Lang,
) -> list[Attribution]:
    """Attribution phrases in text order, each resolved to a claimant."""
    out: list[Attribution] = []
    index = _CUES.first_words
    toks = _surnames(toks, index)
    covered_to = -1
    ministry: Claimant | None = None
    starts = [
        k
        for k, t in enumerate(toks)
        if t.kind == "word" and (t.lemma in index or t.low in index or "-" in t.low)
    ]  # the test of `PhraseMatcher.may_start`, inlined: this sweep runs over every token
    for i in starts:
        if i <= covered_to:
            continue
        match = _match(toks, i)
        if match is None:
            continue
        length, kind = match
        last = i + length - 1
        covered_to = last
        if last + 1 < len(toks) and toks[last + 1].low in _NAMING:
            continue  # "in what officials called one of the largest assaults": a word on it
        claimant: Claimant | None
        if kind == "MIN" and ministry is not None:
            claimant = ministry  # a bare "the ministry" after the Defence Ministry was named
        else:
            if kind == "MIN":
                kind = "MOD" if lang == "en" else "OFF"
            claimant = _resolve(kind, toks, i, last, places, sent_bounds, source, lang)
            if claimant is not None and any(t.low.startswith(_MINISTRY) for t in toks[i : last + 1]):
                ministry = claimant
        if claimant is not None:
            out.append(Attribution(claimant, i, last, toks[i].sent, _is_speaker(toks, i, last)))
    return _own_counts(toks, sent_bounds, _relayed(toks, _installed(toks, out)))


# Ukrainian oblique cases of surnames in -ов/-єв/-ін ("за словами Олега Синєгубова", "Івана
# Федорова"), which the analyzer reads as possessive adjectives ("синєгубовий", "федорів"),
# stand for the nominative the cue list holds
_SURNAME_CASES: Final = ("ові", "ому", "им", "а", "у")
_SURNAME_STEMS: Final = ("ов", "ев", "єв", "ёв", "ін", "ин", "їн")


def _surnames(toks: list[Token], index: Mapping[str, object]) -> list[Token]:
    """The tokens with a surname cue's oblique case keyed by its nominative."""
    out: list[Token] | None = None
    for k, t in enumerate(toks):
        if t.kind != "word" or not t.text[:1].isupper() or t.lemma in index or t.low in index:
            continue
        # a Russian official's name in Ukrainian spelling ("Мінніханова": "минниханов")
        for low in (t.low, t.low.translate(_UK_TO_RU)):
            if low != t.low and low in index:
                out = out if out is not None else list(toks)
                out[k] = t._replace(lemma=low)
                break
            stem = next(
                (st for e in _SURNAME_CASES
                 if low.endswith(e) and (st := low[: -len(e)]).endswith(_SURNAME_STEMS) and st in index),
                None,
            )
            if stem is not None:
                out = out if out is not None else list(toks)
                out[k] = t._replace(lemma=stem)
                break
    return out if out is not None else toks


_UK_TO_RU: Final = str.maketrans({"і": "и", "ї": "и", "є": "е", "'": "", "’": ""})


# "Governor X said, citing the Defence Ministry", "оперштаб ... со ссылкой на Минобороны":
# the figure is the cited body's claim, passed on by the speaker
_CITING: Final = frozenset({"citing", "quoting", "ссылкой", "ссылаясь", "посиланням", "посилаючись"})
_RELAY_GAP: Final = 8


def _relayed(toks: list[Token], found: list[Attribution]) -> list[Attribution]:
    """A speaker who cites a specific body right after naming himself takes its claimant."""
    cited = [
        a for a in found
        if a.claimant != "other" and any(
            t.low in _CITING and t.sent == a.sent for t in toks[max(0, a.first - 3) : a.first]
        )
    ]
    if not cited:
        return found
    out = []
    for a in found:
        by = next((c for c in cited if c.sent == a.sent and 0 < c.first - a.last <= _RELAY_GAP), None)
        if by is not None and a.claimant != "other" and a not in cited:
            a = a._replace(claimant=by.claimant)
        out.append(a)
    return out


# Russian-installed heads of occupied regions: "губернатор Запорожской области Евгений
# Балицкий" is a Russian official, whatever region his title names
_INSTALLED: Final = frozenset({"балицкий", "балицький", "balitsky", "balitskiy", "сальдо", "saldo", "пушилин",
                               "пушилін", "pushilin", "пасечник", "пасічник", "pasechnik", "аксенов",
                               "аксёнов", "аксьонов", "aksyonov", "aksenov", "развожаев", "развожаєв",
                               "razvozhayev", "razvozhaev", "леонтьев", "леонтьєв", "leontyev"})


def _installed(toks: list[Token], found: list[Attribution]) -> list[Attribution]:
    out = []
    for a in found:
        if a.claimant == "ua-official" and any(
            t.low in _INSTALLED for t in toks[a.first : min(len(toks), a.last + 6)]
        ):
            a = a._replace(claimant="ru-official")
        out.append(a)
    return out


# "By Astra's count", "an AFP analysis of ... data showed", "according to a Reuters tally",
# "по подсчетам «Медузы»", "за нашими підрахунками": figures a newsroom computed itself.
_TALLY: Final = frozenset({"count", "tally", "analysis", "calculations", "calculation",
                           "подсчетам", "подсчётам", "подсчетов", "подсчётов", "підрахунками",
                           "підрахунків", "підрахунком", "расчетам", "розрахунками"})
_OWN_OPENERS: Final = frozenset({"by", "according", "to", "по", "за", "согласно", "own", "our", "its",
                                 "нашим", "нашими", "собственным", "власними"})
# "свідчать підрахунки агенції AFP", "Агентство AFP ... подсчитало": an agency's own count
# named after the word, or as the subject of a verb of counting
_TALLY_AFTER: Final = frozenset({"підрахунки", "подсчеты", "подсчёты", "розрахунки", "расчеты", "расчёты"})
_TALLY_VERBS: Final = frozenset({"подсчитало", "подсчитал", "подсчитала", "подсчитали", "підрахувало",
                                 "підрахувала", "підрахував", "підрахували", "порахувало", "порахувала",
                                 "порахували"})
_AGENCY: Final = frozenset({"агентство", "агентства", "агенція", "агенції", "издание",
                            "издания", "видання"})


def _outlet(tok: Token) -> bool:
    """An agency word or a Latin acronym in a Russian or Ukrainian text ("AFP", "BBC")."""
    return tok.low in _AGENCY or (len(tok.text) > 1 and tok.text.isascii() and tok.text.isupper())


def _own_counts(
    toks: list[Token], sent_bounds: list[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """Adds the own-count attributions of a text to `found` (kept in text order). One held
    by an official ("By the Defence Ministry's count") is that official's, not an own one."""
    own: list[Attribution] = []
    for k, tok in enumerate(toks):
        if tok.low in _TALLY_AFTER or tok.low in _TALLY_VERBS:
            s_lo, s_hi = sent_bounds[tok.sent]
            near = toks[k + 1 : min(s_hi, k + 3)] if tok.low in _TALLY_AFTER else toks[s_lo:k]
            if any(_outlet(t) for t in near):
                first = s_lo if tok.low in _TALLY_VERBS else k
                own.append(Attribution("other", first, k, tok.sent, True, own=True, lead=first - s_lo <= 1))
            continue
        if tok.low not in _TALLY or k == 0:
            continue
        s_lo, _ = sent_bounds[tok.sent]
        lo = max(s_lo, k - 5)  # "according to a Kyiv Independent analysis"
        window = toks[lo:k]
        if any(
            a.sent == tok.sent
            and max(lo, k - 3) - 1 <= a.last < k
            and a.claimant != "other"
            and not any(t.text == "," for t in toks[a.last + 1 : k])
            for a in found
        ):
            continue  # "By the Defence Ministry's count": the ministry's
        holder = any(
            t.low in _OWN_OPENERS or t.low.endswith(("'s", "s'"))
            or (t.text.isupper() and len(t.text) > 1)  # "an AFP analysis"
            for t in window
        )
        if not holder:
            continue
        first = next((j for j in range(lo, k) if toks[j].low in _OWN_OPENERS), k)
        own.append(Attribution("other", first, k, tok.sent, True, own=True, lead=first - s_lo <= 1))
    if not own:
        return found
    return sorted([*found, *own], key=lambda a: a.first)


def _match(toks: list[Token], i: int) -> tuple[int, str] | None:
    found = _CUES.match(toks, i, len(toks))
    if found is None:
        return None
    k, kind = found
    if k == 1 and toks[i].low in ("head", "mod", "глава", "рада", "голова") and not _titled(toks, i):
        return None
    if i + k < len(toks) and toks[i + k].low in _TARGET_NOUNS:
        return None  # "an air force base", "military airfield": a target, not a claimant
    if kind == "other" and i > 0 and toks[i - 1].low in _OWN_POSSESSIVES and any(
        "telegram" in t.low or "телеграм" in t.low for t in toks[i : i + k]
    ):
        return None  # "he wrote on his Telegram channel": the speaker's own channel, not media
    if kind == "MOD" and _defence_forces_of(toks, i):
        return None  # "силами ПВО Минобороны сбит ...": the forces, not who reports it
    if kind == "MIN" and any(
        (m := _CUES.match(toks, j, len(toks))) is not None and j + m[0] > i and _defence_forces_of(toks, j)
        for j in range(max(0, i - 3), i)
    ):
        return None  # "units of the Russian Defence Ministry": the tail of the forces' ministry
    if kind == "MIL" and not _speaks(toks, i + k):
        return None  # "the Russian military fired..." is the attacker, not a claimant
    return k, kind


_FORCES: Final = frozenset({"forces", "units", "assets", "systems", "crews", "force", "troops"})
_OWN_POSSESSIVES: Final = (
    frozenset({"his", "her", "its", "their", "своем", "своём", "своєму", "своему", "свой",
               "своїй", "своей", "свій", "its own", "own"}))
_AIR_DEFENCE: Final = frozenset({"defence", "defense", "пво", "ппо", "ad"})  # "AD forces of the MoD"
# air defence and electronic warfare named right before their ministry ("ПВО Минобороны")
_DEFENCE_ARMS: Final = frozenset({"пво", "ппо", "рэб", "реб"})


def _defence_forces_of(toks: list[Token], i: int) -> bool:
    """"ПВО Минобороны", "air defence units of the Ministry of Defence": the forces that
    shoot, named by their ministry, not the ministry reporting."""
    if i > 0 and toks[i - 1].low in _DEFENCE_ARMS:
        return True  # "силами ПВО и РЭБ Министерства обороны": the arms, then their ministry
    j = i - 1
    if j >= 0 and toks[j].low in ("russian", "russia's", "ukrainian"):
        j -= 1  # "units of the Russian Defence Ministry"
    if j >= 0 and toks[j].low == "the":
        j -= 1
    if j < 2 or toks[j].low != "of" or toks[j - 1].low not in _FORCES:
        return False
    # "air defence and electronic warfare units of the Ministry of Defence"
    return any(t.low in _AIR_DEFENCE for t in toks[max(0, j - 5) : j - 1])


_SAY: Final = words(
           "said", "says", "say", "reported", "reports", "stated", "told", "announced", "claimed",
           "added", "according", "confirmed", "wrote", "сообщить", "сообщил", "сообщили", "заявить",
           "заявил", "рассказать", "написать", "данные", "данным", "словам", "слова", "информировать",
           "повідомити", "повідомив", "повідомила", "повідомили", "заявив", "написав", "даними",
           "словами", "інформує", "зазначив", "отметил", "уточнил", "уточнив",
           # imperfective "заявляло", "сообщало", "повідомляло": what a ministry had been saying
           "заявляти", "заявлять", "повідомляти", "сообщать", "звітувати", "отчитываться", "стверджувати",
           "утверждать",
       )


def _is_speaker(toks: list[Token], first: int, last: int) -> bool:
    """Whether the phrase is the source of the statement ("X said", "по данным X")."""
    sent = toks[first].sent
    lo, hi = max(0, first - 4), min(len(toks), last + 6)
    return any(t.sent == sent and t.kind == "word" and has(t, _SAY) for t in toks[lo:hi])


def _speaks(toks: list[Token], j: int) -> bool:
    """Whether a speech verb follows within three tokens ("the military said")."""
    return any(t.low in _SPEECH for t in toks[j : j + 3])


def _titled(toks: list[Token], i: int) -> bool:
    """"head"/"голова" are titles only next to a region or administration word."""
    tok = toks[i]
    if tok.low == "mod":
        return tok.text == "MoD" or tok.text == "MOD"
    if i > 0 and toks[i - 1].low in ("republic's", "region's", "oblast's", "city's", "territory's"):
        return True  # "the republic's head Oleg Nikolaev"
    if i > 0 and toks[i - 1].low.endswith("'s") and toks[i - 1].text[:1].isupper() and tok.low == "head":
        return True  # "Chuvashia's head Oleg Nikolaev": a named place's head
    window = toks[i + 1 : i + 4]
    return any(t.low in ("of", "region", "regional", "ова", "ода", "адміністрації", "администрации",
                         "области", "області", "республики", "міста", "города") for t in window)


def _resolve(
    kind: str,
    toks: list[Token],
    first: int,
    last: int,
    places: list[PlaceRef],
    sent_bounds: list[tuple[int, int]],
    source: str,
    lang: Lang,
) -> Claimant | None:
    if kind not in ("MOD", "MIL", "OFF"):
        return kind  # type: ignore[return-value]
    named = _named_after(toks, last)
    if named is not None:
        return named  # "Kherson region Governor Vladimir Saldo": the person, not the region
    country = _country(toks, first, last, places, sent_bounds, source, lang)
    if country is None:
        country = "RU" if kind == "MOD" else None
    if country is None:
        return None
    if kind == "MOD" or kind == "MIL":
        return "ru-mod" if country == "RU" else "ua-military"
    return "ru-official" if country == "RU" else "ua-official"


def _named_after(toks: list[Token], last: int) -> Claimant | None:
    """The claimant of a known official named right after a title (first name and surname)."""
    for k in range(last + 1, min(len(toks), last + 4)):
        tok = toks[k]
        if tok.kind != "word" or not tok.text[:1].isupper():
            return None
        found = _CUES.match(toks, k, min(len(toks), k + 2))
        if found is not None and found[1] in _FIXED:
            return found[1]  # type: ignore[return-value]
    return None


_FIXED: Final = frozenset({"ru-official", "ua-official", "ru-mod", "ua-military"})


def _country(
    toks: list[Token],
    first: int,
    last: int,
    places: list[PlaceRef],
    sent_bounds: list[tuple[int, int]],
    source: str,
    lang: Lang,
) -> str | None:
    # Adjectives next to the phrase, not across punctuation: "Russia's Defence Ministry",
    # "Міноборони Росії".
    k = first - 1
    while k >= max(0, first - 3) and toks[k].kind == "word":
        if has(toks[k], _RU_ADJ):
            return "RU"
        if has(toks[k], _UA_ADJ):
            return "UA"
        k -= 1
    k = last + 1
    while k < min(len(toks), last + 3) and toks[k].kind == "word":
        if has(toks[k], _RU_ADJ):
            return "RU"
        if has(toks[k], _UA_ADJ):
            return "UA"
        k += 1
    sent = toks[first].sent
    lo, hi = sent_bounds[sent]
    near = [p for p in places if lo <= p.first < hi and not p.origin and p.country in ("RU", "UA")]
    if near:
        near.sort(key=lambda p: abs(p.first - first))
        return _administered_by(near[0])
    rest = [p for p in places if not p.origin and p.country in ("RU", "UA")]
    if rest:
        return _administered_by(rest[0])
    return source_country(source, lang)


def _administered_by(place: PlaceRef) -> str:
    """Officials of Crimea and Sevastopol who speak to the press are Russian-installed."""
    if place.code in ("UA-43", "UA-40"):
        return "RU"
    return place.country


def claimant_for(
    sent: int,
    attributions: list[Attribution],
    default: Claimant,
    at: int = -1,
    toks: list[Token] | None = None,
) -> Claimant:
    """Claimant of a figure at token `at` of a sentence: among the sentence's specific
    attributions, speakers ("X said") first, the nearest before the figure (else the first);
    else its media attribution; else the default."""
    same = [a for a in attributions if a.sent == sent]
    own = [a for a in same if a.own]
    if own and (
        own[0].lead
        or all(own[0].first < a.first <= own[0].last + 8 for a in same if a.claimant != "other")
        # "В сумме губернаторы, по подсчетам «Медузы», сообщили не менее чем о 40": the sum
        or (0 <= own[0].last < at and not any(own[0].last < a.first < at for a in same if not a.own))
    ):
        # "По подсчетам «Медузы», губернаторы ... сообщили ...", "an AFP analysis of Ukrainian
        # air force data showed": the newsroom's own figure, whatever it drew on
        return "other"
    specific = [a for a in same if a.claimant != "other"]
    if specific:
        speakers = [a for a in specific if a.speaker] or specific
        before = [a for a in speakers if a.last < at]
        generic = [a for a in same if a.claimant == "other" and a.last < at]
        if not before and generic and toks is not None and _contrast(toks, at, speakers[0].first):
            # "По нашим данным, ... сбито не менее 30 беспилотников, тогда как Минобороны
            # отчиталось лишь о 12": the figure before the contrast is the first teller's
            return "other"
        return before[-1].claimant if before else speakers[0].claimant
    if same:
        return same[0].claimant
    return default


_CONTRAST: Final = frozenset({"тогда", "тоді", "whereas", "while", "однако", "але", "но", "however"})


def _contrast(toks: list[Token], at: int, then: int) -> bool:
    """Whether a contrast ("тогда как", "whereas") stands between a figure and the teller
    named after it."""
    return at >= 0 and any(t.low in _CONTRAST for t in toks[at:then])


def report_default(attributions: list[Attribution], source: str) -> Claimant:
    """Claimant for sentences with no attribution: the source channel, else the text's first."""
    by_source = source_claimant(source)
    if by_source is not None:
        return by_source
    if attributions and attributions[0].own:
        return "other"  # a story built on the newsroom's own count
    specific = [a for a in attributions if a.claimant != "other"]
    if specific:
        return specific[0].claimant
    return attributions[0].claimant if attributions else "other"
