"""PURE: places of a report as token ranges, with launch origins and anaphora resolved.

Uses the gazetteer of `stream.regions`; this module only decides which found
places are attack locations: a place named as the origin of a launch ("from the
directions of Kursk and Oryol", "з напрямку Брянська") is flagged `origin`, and
a bare "the region" / "над регионом" refers back to the last region named.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Final, NamedTuple

from mypy_extensions import mypyc_attr

from stream.normalize.lexicon import has, words
from stream.normalize.tokens import Token, spell_out, spelled_back
from stream.normalize.weapons import weapon_of
from stream.regions import country_of, gazetteer


class PlaceRef(NamedTuple):
    """A place in token coordinates [first, last]."""

    code: str
    first: int
    last: int
    level: str
    origin: bool = False
    anaphora: bool = False

    @property
    def country(self) -> str:
        return country_of(self.code)


_ORIGIN_PREP: Final = words("from", "з", "із", "зі", "из", "изо", "со", "с", "від", "от")
# Words allowed between an origin preposition and the place name.
_ORIGIN_FILLER: Final = words(
           "the", "direction", "directions", "of", "area", "areas", "territory", "occupied",
           "temporarily", "side", "annexed", "russian", "russia's", "region", "regions",
           "напрямок", "напрямку", "напрямків", "направление", "направления", "направлений",
           "территория", "територія", "тимчасово", "временно", "окупований", "оккупированный",
           "сторона", "бік", "район", "аннексированный", "анексований", "боку",
           # "з району пусків Енгельс", "из района пусков", "from the launch area of"
           "пуск", "пусків", "пусков", "launch", "launches", "launching", "акваторія", "акваторії",
           "акватория", "акватории", "waters", "airspace", "повітряного", "простору", "воздушного",
           "тот",  # "Гвардійське (ТОТ Криму)": temporarily occupied territory
           "мис", "мыс", "cape", "–", "—",  # "з південно-східного напрямку – мис Чауда (АР Крим)"
           "пространства", "повітряний", "простір", "over", "над",  # "from the airspace over Saratov"
           # "МіГ-31К, які злетіли з аеродрому Саваслейка", "took off from the Savasleyka airfield"
           "аеродрому", "аэродрома", "аеродром", "аэродром", "airfield", "airbase",
       )
_AREA_OF: Final = frozenset({"пусків", "пусков", "району", "района", "area", "launches", "пуску"})
_COMPASS: Final = ("півден", "північ", "схід", "східн", "захід", "західн", "южн", "северн", "восточн",
                   "западн", "south", "north", "east", "west")
_JOINERS: Final = frozenset({"and", ",", "та", "і", "й", "и", "or", "або", "или"})
# Singular forms of "region" that, standing alone, refer back to a region already named.
_ANAPHORA: Final = frozenset(
           {
               "region", "oblast", "регион", "региона", "региону", "регионом", "регионе",
               "область", "области", "областью", "регіон", "регіону", "регіоном", "регіоні",
               "області", "областю", "республика", "республики", "республіка", "республіки",
               "республикой", "республике", "республику", "республікою", "республіці", "республіку",
               "district",  # "destroyed three drones over the district" (a district of the region)
           }
       )  # fmt: skip
# "the city", "над городом": the last city named; "the peninsula": Crimea.
_CITY_ANAPHORA: Final = frozenset(
           {"city", "город", "города", "городом", "городе", "городу", "місто", "міста", "містом", "місті",
            "місту", "town", "town's", "city's"}
       )
_PENINSULA: Final = frozenset({"peninsula", "полуостров", "полуострова", "полуостровом",
                               "полуострове", "півострів", "півострова", "півостровом", "півострові"})
_CAPITAL: Final = frozenset({"capital", "столица", "столицы", "столицей", "столице", "столицу",
                             "столиця", "столиці", "столицею", "столицю"})
_ANAPHORA_BEFORE: Final = frozenset(
    {"the", "this", "над", "в", "у", "по", "на", "этом", "этого", "цьому", "цього", "of", "территорией",
            "территории", "територією", "території", "центру", "центр", "центре", "центрі", "окраине",
            "околиці", "окраину", "околицю"}
       )


def find_places(text: str, toks: list[Token]) -> list[PlaceRef]:
    """All places of the text in token coordinates, origins flagged, anaphora resolved."""
    starts = [t.start for t in toks]
    ends = [t.end for t in toks]
    refs: list[PlaceRef] = []
    homonyms: dict[int, tuple[str, ...]] = {}
    spans: list[tuple[int, int, int, int]] = []
    if "р-н" in text or "Р-н" in text:
        text, spans = spell_out(text)  # "у Дарницькому р-ні": the district's name
    for place in gazetteer().find(text):
        p_start, p_end = place.start, place.end
        if spans:
            p_start, p_end = spelled_back(p_start, spans, False), spelled_back(p_end, spans, True)
        first = bisect_right(starts, p_start) - 1
        last = bisect_left(ends, p_end)
        if first < 0 or last >= len(toks) or first > last:
            continue
        if last + 1 < len(toks) and toks[last + 1].lemma in _STRAIT:
            continue  # "the Kerch Strait", "Керченский пролив": the water between, no region
        if place.alternates and place.level != "region":
            homonyms[len(refs)] = place.alternates
        refs.append(PlaceRef(place.code, max(first, 0), last, place.level))
    if homonyms:
        refs = _resolve_homonyms(toks, refs, homonyms)
    # "у підмосковному Жуковському", "подмосковные аэропорты": a region by its adjective;
    # "по центру Сум": a genitive too short for the gazetteer (a common word in lower case),
    # a town when capitalised inside a sentence
    refs.extend(_plural_seas(toks, refs))
    odd = [i for i, t in enumerate(toks) if t.lemma in _REGION_ADJECTIVES or t.text in _SHORT_TOWNS]
    if odd:
        covered = {i for r in refs for i in range(r.first, r.last + 1)}
        for i in odd:
            t = toks[i]
            if i in covered:
                continue
            if t.lemma in _REGION_ADJECTIVES:
                refs.append(PlaceRef(_REGION_ADJECTIVES[t.lemma], i, i, "region"))
            elif i > 0 and toks[i - 1].sent == t.sent and toks[i - 1].text not in ".!?:«\"“":
                refs.append(PlaceRef(_SHORT_TOWNS[t.text], i, i, "city"))
        refs.sort(key=lambda r: r.first)
    # Capitalised adjectives, for both elided region nouns and town adjectives: one sweep.
    adjs = [
        i
        for i, t in enumerate(toks)
        if t.pos in _ADJ_POS
        and (t.text[:1].isupper() or (i + 1 < len(toks) and toks[i + 1].lemma in _GOVERNOR))
    ]  # ("орловский губернатор": a region's adjective in lower case before its governor)
    if adjs:
        refs = _town_adjectives(toks, _orphan_adjectives(toks, refs, adjs), adjs)
    named = {toks[r.first].lemma for r in refs if r.first == r.last and _is_person_name(toks, r)}
    refs = _drop_foreign_districts(
        toks,
        [
            r
            for r in refs
            if not (
                _is_person_name(toks, r)
                # "глава Чувашии Олег Николаев ... написал Николаев": the surname again
                or (r.first == r.last and toks[r.first].lemma in named and toks[r.first].text[:1].isupper())
                or _longer_name(toks, r)
                or _street_name(toks, r)
                or _names_a_body(toks, r)
            )
        ],
    )
    refs = [_metonymy(toks, r) for r in _flag_origins(toks, refs)]
    refs = _without_foreign_villages(toks, refs)
    refs = _city_districts(toks, refs)
    # "#Крим #Севастополь": a post's hashtags file it under topics; one that names a region the
    # text itself does not (Crimea in a Sevastopol post) places nothing in it
    tagged = [r for r in refs if r.first > 0 and toks[r.first - 1].text == "#"]
    if tagged:
        named = {r.code for r in refs if r not in tagged and not r.origin}
        refs = [r for r in refs if r not in tagged or not named or r.code in named]
    return PlaceList(sorted(_add_anaphora(toks, _drop_possessors(toks, refs)), key=lambda r: r.first))


_OF_THE_CITY: Final = frozenset({"города", "міста", "city"})


def _city_districts(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "в Красноперекопском районе города" after Yaroslavl: a district of the city named
    before (not the district of that name elsewhere), so the city's region."""
    out = list(refs)
    for k, r in enumerate(out):
        nxt = r.last + 1
        if nxt < len(toks) and toks[nxt].low.startswith(("район", "district")):
            nxt += 1  # "в Красноперекопском районе города": the name read as a town's
        elif not toks[r.last].low.startswith(("район", "district")):
            continue
        if nxt >= len(toks) or toks[nxt].low not in _OF_THE_CITY:
            continue
        city = next((c for c in reversed(out[:k]) if c.level == "city" and not c.origin), None)
        if city is not None and city.code != r.code:
            out[k] = r._replace(code=city.code)
    return out


_VILLAGE_WORDS: Final = (
    frozenset({"селе", "села", "село", "поселке", "посёлке", "поселка", "деревне", "хуторе",
               "станице", "селі", "селища", "селищі", "village", "settlement"}))


def _without_foreign_villages(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "В Рыльском районе в селе Ивановское": a village named like a town of another region
    (Ivanovo) is not that town when its sentence names a place of one other region."""
    out = []
    for r in refs:
        if r.level == "city" and r.first > 0 and toks[r.first - 1].low in _VILLAGE_WORDS:
            sent = toks[r.first].sent
            others = {p.code for p in refs if p is not r and toks[p.first].sent == sent and not p.origin}
            if len(others) == 1 and r.code not in others:
                continue
        out.append(r)
    return out


def _resolve_homonyms(
    toks: list[Token], refs: list[PlaceRef], homonyms: dict[int, tuple[str, ...]]
) -> list[PlaceRef]:
    """A name shared by places in several regions ("Zolochiv" of Kharkiv and of Lviv) is
    the one the report's context points to: a place of one of the other regions in the
    same sentence ("Mykolaiv, Stryi district"), else the only one of them named as a region
    in a report that names nothing of the first and at most one other region; else the
    gazetteer's first row."""
    plain = [r for k, r in enumerate(refs) if k not in homonyms]
    out = list(refs)
    for k, alternates in homonyms.items():
        ref = refs[k]
        sent = toks[ref.first].sent
        near = {p.code for p in plain if toks[p.first].sent == sent}
        picks = [c for c in alternates if c in near] if ref.code not in near else []
        if not picks and not any(p.code == ref.code for p in plain):
            named = {p.code for p in plain if p.level == "region"}
            # (not one of four regions listed where the grid was hit: no context for a town)
            picks = [c for c in alternates if c in named] if len(named) <= 2 else []
        if len(picks) == 1:
            out[k] = ref._replace(code=picks[0])
    return out


_TITLES: Final = words(
           "president", "governor", "mayor", "minister", "spokesman", "spokeswoman", "head", "chief",
           "commander", "general", "colonel", "mr", "ms", "президент", "губернатор", "мэр", "мер",
           "министр", "міністр", "глава", "голова", "начальник", "речник", "спикер", "командующий",
           "командувач", "генерал", "полковник",
       )


# Towns named like given names: before a capitalised surname they are a person
# ("Volodymyr Zelensky said", "Владимир Путин заявил").
_FIRST_NAMES: Final = words(
           "олег", "александр", "сергей", "андрей", "алексей", "дмитрий", "игорь", "юрий", "вячеслав",
           "роман", "михаил", "павел", "иван", "николай", "виталий", "евгений", "анатолий", "виктор",
           "максим", "олександр", "сергій", "андрій", "олексій", "дмитро", "ігор", "юрій", "в'ячеслав",
           "михайло", "павло", "іван", "микола", "віталій", "євген", "віктор", "oleg", "oleh",
           "alexander", "oleksandr", "sergei", "serhiy", "andrei", "andriy", "igor", "ihor", "yuri",
           "yuriy", "vitaly", "vitaliy", "mykola", "nikolai", "roman", "mikhail", "pavel", "ivan",
       )  # fmt: skip
_GIVEN_NAMES: Final = words("volodymyr", "vladimir", "володимир", "владимир")
# Capitalised words after a town that keep it a town ("Vladimir Oblast", "Kharkiv Governor").
_PLACE_NEXT: Final = words(
           "region", "oblast", "governor", "mayor", "city", "district", "raion", "airport", "airbase",
           "area", "province", "область", "области", "район", "губернатор", "мэр", "город", "міський",
           "голова", "регион", "аэропорт", "аеропорт", "мер", "глава", "нпз", "тэц", "тец", "аэс",
           "аес", "гэс", "гес", "тэс", "тес", "грэс", "дрес", "ова", "мва",
       )  # fmt: skip


_STREETS: Final = frozenset({"вулиці", "вулиця", "вулицю", "вул", "улице", "улица", "улицу", "ул",
                             "проспекті", "проспекте", "проспект", "просп", "street", "avenue",
                             "бульвар", "бульварі", "бульваре", "провулок", "провулку", "переулок",
                             "переулке", "площа", "площі", "площади", "площадь",
                             # "на улицах Пушкинской и Рудакова": streets in the plural
                             "улицах", "улицы", "улиц", "вулицях", "вулиць", "streets"})


def _street_name(toks: list[Token], ref: PlaceRef) -> bool:
    """ "на вулиці Академіка Корольова", "ул. Харьковская", "Kyiv Street": a street."""
    for k in range(ref.first - 1, max(-1, ref.first - 4), -1):
        tok = toks[k]
        if tok.low in _STREETS:
            return True
        if not (tok.text == "." or (tok.kind == "word" and tok.text[:1].isupper())):
            break
    nxt = ref.last + 1
    return nxt < len(toks) and toks[nxt].low in ("street", "avenue", "вулиця", "улица")


_UNITS: Final = frozenset({"угруповання", "угрупування", "группировка", "військо", "войско", "войска",
                           "бригада", "група", "группа", "оту", "осув", "operation", "group", "угруповань"})


_ROUTE: Final = frozenset({"потяг", "поїзд", "поезд", "train", "сполученням", "сообщением", "маршрутом",
                           "маршрут", "route"})
_OUTLETS: Final = frozenset({"канал", "каналу", "канала", "каналі", "канале", "channel", "паблік", "паблик",
                             "видання", "издание", "издания", "outlet", "newspaper", "газета", "газети",
                             "газеты", "телеканал", "телеканалу", "телеканала"})


def _names_a_body(toks: list[Token], ref: PlaceRef) -> bool:
    """ "Черноморского флота", "Black Sea Fleet": a fleet, not the place it is named after;
    "the Black Sea port of Novorossiysk": the port's; «Ямал» in quotes: a ship's or a
    company's name, not the region."""
    nxt = ref.last + 1
    if nxt < len(toks) and toks[nxt].low.startswith(("флот", "fleet", "flotilla", "флотил")):
        return True
    if nxt < len(toks) and toks[nxt].low.startswith(("reservoir", "водосховищ", "водохранилищ")):
        return True  # "across the Kakhovka reservoir": a body of water along several regions
    if ref.level == "sea" and nxt < len(toks) and toks[nxt].low in ("port", "coast", "ports"):
        return True
    quoted = (
        ref.first > 0 and toks[ref.first - 1].text in "«\"“" and nxt < len(toks) and toks[nxt].text in "»\"”"
    )
    if quoted and ref.first > 1 and toks[ref.first - 2].lemma in _UNITS:
        return True  # "угруповання військ «Хортиця»": a group of forces' name
    if ref.first > 0 and toks[ref.first - 1].low in _ROUTE:
        return True  # "на потяг Шостка – Київ": a train's route, not where it was hit
    if ref.first > 2 and toks[ref.first - 1].text in "–—-" and toks[ref.first - 3].low in _ROUTE:
        return True
    before = toks[ref.first - 2].low.rsplit("-", 1)[-1] if ref.first > 1 else ""
    if before in _OUTLETS and toks[ref.first - 1].text in "«\"“":
        return True  # "канал «Кримський вітер»": a channel's or an outlet's name
    return quoted and ref.level == "region"


def _longer_name(toks: list[Token], ref: PlaceRef) -> bool:
    """ "Белая Березка": an adjective that names a place alone ("Белая", the airbase) is the
    first word of another name when a capitalised noun follows it."""
    if ref.level == "region" or ref.first != ref.last or ref.last + 1 >= len(toks):
        return False
    tok, nxt = toks[ref.first], toks[ref.last + 1]
    return (
        tok.pos in _ADJ_POS
        and nxt.kind == "word"
        and nxt.text[:1].isupper()
        and nxt.pos == "NOUN"
        and not has(nxt, _PLACE_NEXT)
        and not has(nxt, _FIRST_NAMES)  # "голова Луцька Ігор Поліщук": a person follows
    )


def _is_person_name(toks: list[Token], ref: PlaceRef) -> bool:
    """ "President Volodymyr Zelensky", "Volodymyr Zelensky said": a first name that is
    also a town."""
    if ref.level == "region":
        return False
    if ref.first > 0 and ref.first == ref.last and has(toks[ref.first - 1], _FIRST_NAMES) and (
        toks[ref.first - 1].text[:1].isupper()
    ):
        return True  # "глава Чувашии Олег Николаев": a surname after a first name
    if ref.last + 1 >= len(toks):
        return False
    nxt = toks[ref.last + 1]
    if nxt.kind != "word" or not nxt.text[:1].isupper():
        return False
    given = ref.first == ref.last and has(toks[ref.first], _GIVEN_NAMES)
    if ref.first > 0 and has(toks[ref.first - 1], _TITLES):
        return given  # "President Volodymyr Zelensky"; not "Мэр Харькова Игорь Терехов"
    return given and not has(nxt, _PLACE_NEXT)


_DISTRICT: Final = ("район", "district", "raion", "rayon", "округ", "громад", "municipal")


def _drop_foreign_districts(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "В Ростовской области ... Каменского района": district names repeat across regions
    (and "Каменского" is also a Ukrainian city), so a district in a sentence that names a
    different region belongs to that region: the district is dropped."""
    regions = {(toks[r.first].sent, r.code) for r in refs if r.level == "region"}
    if not regions:
        return refs
    sents = {s for s, _ in regions}
    named = {c for _, c in regions}
    out: list[PlaceRef] = []
    for r in refs:
        sent = toks[r.first].sent
        if r.level != "region" and r.code not in named:
            nxt = toks[r.last + 1].low if r.last + 1 < len(toks) else ""
            district = toks[r.last].low.startswith(_DISTRICT) or nxt.startswith(_DISTRICT)
            if district and sent in sents:
                continue
            if len(named) == 1 and nxt.startswith(_DISTRICT):
                continue  # "Ростовская область ... В Каменском районе": that region's district
            if len(named) == 1 and (nxt in _ORPHAN_AND or nxt == ",") and _listed_district(toks, r.last + 2):
                continue  # "в Каменском и Миллеровском районах" in a report on the Rostov region
        out.append(r)
    return out


def _listed_district(toks: list[Token], k: int) -> bool:
    """Whether a district word closes the list going on at k, past names and their glue only
    ("и Миллеровском районах"; not ", частина Нахімовського округу": another clause)."""
    for t in toks[k : k + 4]:
        if t.low.startswith(_DISTRICT):
            return True
        if not (t.text[:1].isupper() or t.low in _ORPHAN_AND or t.text == ","):
            return False
    return False


_ORPHAN_PREP: Final = frozenset({"над", "в", "у", "по", "на"})
_SEAS_PLURAL: Final = frozenset({"морями", "морях", "морів", "морей", "моря", "seas"})
_SEA_STEMS: Final = (("чорн", "SEA-BLACK"), ("черн", "SEA-BLACK"), ("black", "SEA-BLACK"),
                     ("азов", "SEA-AZOV"), ("azov", "SEA-AZOV"), ("каспі", "SEA-CASPIAN"),
                     ("каспи", "SEA-CASPIAN"), ("caspian", "SEA-CASPIAN"), ("балті", "SEA-BALTIC"),
                     ("балти", "SEA-BALTIC"), ("baltic", "SEA-BALTIC"))


def _plural_seas(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "над Чорним та Азовським морями", "over the Black and Azov seas": each sea."""
    out: list[PlaceRef] = []
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    for i, t in enumerate(toks):
        if t.low not in _SEAS_PLURAL or i in covered or i < 3:
            continue
        j, found = i - 1, []
        while j >= 0 and i - j <= 5 and toks[j].kind == "word":
            low = toks[j].low
            code = next((c for stem, c in _SEA_STEMS if low.startswith(stem)), None)
            if code is not None:
                found.append((j, code))
            elif low not in ("та", "і", "и", "й", "and", "the"):
                break
            j -= 1
        if len(found) >= 2:
            out.extend(PlaceRef(code, k, k, "sea") for k, code in sorted(found))
    return out


_SHORT_TOWNS: Final = {"Сум": "UA-59"}
_REGION_ADJECTIVES: Final = {"подмосковный": "RU-MOS", "підмосковний": "RU-MOS"}
_ADJ_POS: Final = frozenset({"ADJF", "ADJ"})
_TOWN_ADJ_ENDINGS: Final = ("ский", "цкий", "ський", "цький", "зький")
# Nouns after which a town adjective names no town: districts, or a government.
_STRAIT: Final = frozenset({"strait", "пролив", "протока"})


def _district_after(toks: list[Token], i: int) -> bool:
    """Whether "район" (or "районами" after a list: "Лискинским, Острогожским районами")
    follows the adjective at i."""
    for k in range(i + 1, min(len(toks), i + 5)):
        low = toks[k].low
        if low.startswith(("район", "округ")):
            return True
        if not (low in (",", "и", "і", "та", "й") or toks[k].pos == "ADJF"):
            return False
    return False


_NOT_A_TOWN_NEXT: Final = ("район", "округ", "пролив", "проток", "режим", "власт", "влад", "правительств",
                           "уряд",
                           "флот", "fleet")


def _town_adjectives(toks: list[Token], refs: list[PlaceRef], adjs: list[int]) -> list[PlaceRef]:
    """ "Новошахтинский завод", "Харьковская ТЭЦ": an adjective made from a town name
    is that town (the gazetteer lists towns as nouns, so the noun is rebuilt)."""
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    extra: list[PlaceRef] = []
    for i in adjs:
        tok = toks[i]
        if tok.pos != "ADJF" or i in covered:
            continue
        if not tok.lemma.endswith(_TOWN_ADJ_ENDINGS):
            continue
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if _district_after(toks, i):
            # "над Лискинским, Острогожским районами и Воронежем": a district named after its
            # town, taken only where a place of the town's region is named too (not "Київський
            # район" of Kharkiv, "Ленинский район" of Donetsk)
            code = _town_of_adjective(tok.lemma)
            if code is not None and any(r.code == code and not r.origin for r in refs):
                extra.append(PlaceRef(code, i, i, "place"))
            continue
        if nxt.startswith(_NOT_A_TOWN_NEXT):
            continue  # "Приморский район" (districts are the gazetteer's), "Киевский режим"
        if nxt in _ORPHAN_AND and any(t.low.startswith(_NOT_A_TOWN_NEXT) for t in toks[i + 2 : i + 5]):
            continue  # "у Київському та Салтівському районах"
        if i + 1 < len(toks) and toks[i + 1].lemma in _GOVERNOR:
            code = _region_of_adjective(tok.lemma)  # "Тульський губернатор": the oblast's
            if code is not None:
                extra.append(PlaceRef(code, i, i, "region"))
                continue
        code = _town_of_adjective(tok.lemma)
        if code is not None:
            extra.append(PlaceRef(code, i, i, "city"))
    return sorted(refs + extra, key=lambda r: r.first) if extra else refs


_GOVERNOR: Final = frozenset({"губернатор", "губернаторка"})


@lru_cache(maxsize=1024)
def _region_of_adjective(lemma: str) -> str | None:
    """ "тульський" -> Тульська область, "пензенский" -> Пензенская область."""
    if lemma.endswith(("ський", "цький", "зький")):  # ("воронезький": Воронезька)
        name = lemma[:-2] + "а область"
    elif lemma.endswith(("ский", "цкий")):
        name = lemma[:-2] + "ая область"
    else:
        return None
    name = name.capitalize()
    found = gazetteer().find(name)
    if found and found[0].start == 0 and found[0].level == "region":
        return found[0].code
    return None


# town adjectives not made by a suffix on the name ("Уфимский НПЗ", "Туапсинский порт")
_IRREGULAR_TOWNS: Final = {
           "уфимский": "Уфа", "уфимський": "Уфа", "лискинский": "Лиски", "лискинський": "Лиски",
    "россошанский": "Россошь", "россошанський": "Россош", "туапсинский": "Туапсе", "туапсинський": "Туапсе",
           "ухтинский": "Ухта", "ухтинський": "Ухта", "орловский": "Орёл", "орловський": "Орел",
           "нижегородский": "Нижний Новгород", "нижньогородський": "Нижній Новгород",
       }


@lru_cache(maxsize=4096)
def _town_of_adjective(lemma: str) -> str | None:
    """ "новошахтинский" -> Новошахтинск, "харьковский" -> Харьков, "нікопольський" ->
    Нікополь, "сумський" -> Суми: the region of the first town the stems name."""
    if lemma in _IRREGULAR_TOWNS:
        lemma = _IRREGULAR_TOWNS[lemma]
        found = gazetteer().find(lemma)
        return found[0].code if found and found[0].start == 0 else None
    cut = 5 if lemma.endswith(("ський", "цький")) else 4
    base = lemma[:-cut].rstrip("ь")
    stems = (base + "ль",lemma[:-2], lemma[:-cut], lemma[:-cut] + "ь", lemma[:-cut] + "и", lemma[:-cut] + "ы",
             lemma[:-cut] + "а", lemma[:-cut] + "о", lemma[:-cut] + "е",
             base + "ля", base + "ье")  # "краснопільський" -> Краснопілля, "-польский" -> -полье
    for stem in stems:
        if len(stem) < 4:
            continue
        name = stem.capitalize()
        found = gazetteer().find(name)
        if found and found[0].start == 0 and found[0].end == len(name) and found[0].level != "region":
            return found[0].code
    return None


_ORPHAN_AND: Final = frozenset({"и", "і", "й", "та", "а"})


_PLURAL_REGION_NOUNS: Final = frozenset({"областями", "областях", "областей", "областям", "областю",
                                         "краями", "краях", "краев", "республиками", "республиках"})


def _orphan_adjectives(toks: list[Token], refs: list[PlaceRef], adjs: list[int]) -> list[PlaceRef]:
    """ "над Брянской областью уничтожены 12, над Калужской — 4": a region adjective whose
    noun is elided (the gazetteer needs the noun, so it is tried with one)."""
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    extra: list[PlaceRef] = []
    for i in [i for i in adjs if 0 < i < len(toks) - 1]:
        tok = toks[i]
        if i in covered:
            continue
        nxt, prev = toks[i + 1], toks[i - 1]
        shared = nxt.low in _PLURAL_REGION_NOUNS  # "девяти над Калужской областями": the list's noun
        if nxt.kind != "punct" and nxt.low not in _ORPHAN_AND and not shared:
            continue
        if nxt.low in _ORPHAN_AND and any(t.low.startswith(_NOT_A_TOWN_NEXT) for t in toks[i + 2 : i + 5]):
            continue  # "у Київському та Салтівському районах": districts of a city
        if not shared and prev.low not in _ORPHAN_PREP and not (
            # "Ростовская область — 31, Брянская — 14": a list after a region named in full
            (prev.text == "," or prev.low in _ORPHAN_AND)
            and any(r.level == "region" and r.last < i and toks[r.first].sent == tok.sent for r in refs)
        ):
            continue
        for noun in (" области", " області"):
            found = gazetteer().find(tok.text + noun)
            if found and found[0].level == "region" and found[0].start == 0:
                extra.append(PlaceRef(found[0].code, i, i, "region"))
                break
    return sorted(refs + extra, key=lambda r: r.first) if extra else refs


def _drop_possessors(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "Moscow's Sheremetyevo airport": the airport, not the city, is where it happened."""
    out = list(refs)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.code != b.code and toks[a.last].low.endswith("'s") and b.first == a.last + 1:
            out[k] = PlaceRef(a.code, a.first, a.last, a.level, origin=True)
    return out


_CAPITALS: Final = frozenset({"RU-MOW", "UA-30"})
_OBLAST_OF: Final = {"RU-MOW": "RU-MOS", "UA-30": "UA-32", "RU-SPE": "RU-LEN"}
_ACTOR_VERBS: Final = words(
           "said", "says", "claimed", "claims", "launched", "fired", "attacked", "sent", "used",
           "announced", "reported", "denied", "accused", "responded", "retaliated", "insisted",
           "warned", "demanded", "rejected", "blamed", "called", "vowed", "threatened", "proposed",
           "agreed", "stated", "argued", "maintained", "signaled", "signalled", "dismissed", "disputed",
           "described", "uses", "can", "could", "wants", "holds", "produces", "builds", "needs", "plans",
           "aims", "hopes", "fears", "seeks",
       )


_STRIKE_VERBS: Final = frozenset({"pounded", "struck", "hit", "bombarded", "shelled", "unleashed", "targeted",
                                  "pummeled", "pummelled", "hammered", "battered"})
_SEAT_OF: Final = frozenset({"ministry", "officials", "government", "authorities", "embassy", "kremlin",
                             "министерство", "минобороны", "міністерство", "міноборони"})
_ACTOR_NOUNS: Final = words(
           "war", "forces", "troops", "army", "invasion", "aggression", "offensive", "effort",
           "efforts", "regime", "government", "allies", "partners", "position", "demands", "envoy",
           "delegation", "negotiators", "leadership", "plans", "strategy", "campaign",
           "counteroffensive", "soldiers",
       )


_NATIONAL_BODIES: Final = frozenset({("air", "force"), ("general", "staff"), ("armed", "forces"),
                              ("defence", "ministry"), ("defense", "ministry"), ("foreign", "ministry")})


def _dateline(toks: list[Token], ref: PlaceRef) -> bool:
    """ "MOSCOW, Aug. 6 (Xinhua) --", "KYIV, Ukraine (AP) —": where the story was filed (a
    city in capitals before a comma, and the agency or a dash soon after)."""
    name = "".join(t.text for t in toks[ref.first : ref.last + 1] if t.kind == "word")
    if len(name) < 3 or ref.last + 1 >= len(toks):
        return False
    after = ref.last + 1
    while name.isupper() and after + 2 < len(toks) and toks[after].text == "/":
        if not toks[after + 1].text.isupper():
            break
        after += 2  # "MOSCOW/KYIV, March 30 (Reuters) -": filed from both capitals
    if toks[after].text not in (",", "."):  # "MOSCOW. Oct 25 (Interfax) -"
        return False
    if not name.isupper():
        # "Москва. 5 октября. ИНТЕРФАКС -": the text's first word (or the first after a headline),
        # the agency's name in capitals
        opens = ref.first == 0 or (toks[ref.first].sent == 1 and toks[ref.first - 1].sent == 0)
        return opens and any(
            t.kind == "word" and len(t.text) > 2 and t.text.isupper() and toks[m + 1].text in ("-", "—", "–")
            for m, t in enumerate(toks[ref.last + 1 : ref.last + 9], ref.last + 1)
            if m + 1 < len(toks)
        )
    # "(Xinhua) --", "(AP) —", "/TASS/.": an agency's mark within a few tokens
    return any(t.text in ("(", "--", "—", "–", "/") for t in toks[after : after + 8])


_DISTANCE: Final = frozenset({"west", "east", "north", "south", "northwest", "northeast", "southwest",
                              "southeast", "north-west", "north-east", "south-west", "south-east", "km",
                              "kilometres", "kilometers", "miles", "км", "кілометрів", "километров",
                              "західніше", "східніше", "північніше", "південніше", "западнее",
                              "восточнее", "севернее", "южнее"})


def _distance_ref(toks: list[Token], ref: PlaceRef) -> bool:
    """ "about 380 km (240 miles) west of Moscow", "в 100 км от Белгорода": a landmark for a
    distance, not where anything happened."""
    k = ref.first - 1
    if k < 1 or toks[k].low not in ("of", "from", "от", "від", "до"):
        return False
    return any(t.low in _DISTANCE for t in toks[max(0, k - 4) : k])


_SURROUNDING: Final = frozenset({"surrounding", "encircling", "around", "bordering", "adjoining", "навколо",
                                "вокруг"})
_AREA_NOUNS: Final = frozenset({"region", "oblast", "province", "area", "regions", "suburbs", "область",
                                "області", "области", "регион", "регіон"})


def _surrounded(toks: list[Token], ref: PlaceRef) -> bool:
    """ "In the Kyiv region surrounding the capital", "the Belgorod region bordering Kharkiv": a
    landmark that says where the region lies, not where anything happened."""
    k = ref.first - 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    return k >= 1 and toks[k].low in _SURROUNDING and toks[k - 1].low in _AREA_NOUNS


_MASTHEAD_WORDS: Final = (
    frozenset({"independent", "independent's", "post", "post's", "незалежний", "незалежному",
               "незалежного", "незалежним", "незалежному»", "независимый", "независимому",
               "независимого", "независимым"}))


def _masthead(toks: list[Token], ref: PlaceRef) -> bool:
    """ "the Kyiv Independent", "«Київському незалежному»", "Kyiv Post": an outlet's name;
    "07:00 по Москве", "noon Moscow time": a clock's, not a place."""
    if ref.last + 1 < len(toks) and toks[ref.last + 1].low in _MASTHEAD_WORDS:
        return True
    if ref.last + 1 < len(toks) and toks[ref.last + 1].low == "time":
        return True
    return (
        ref.first >= 2
        and toks[ref.first - 1].low in ("по", "за")
        and (toks[ref.first - 2].kind == "num" or ":" in toks[ref.first - 2].text)
    )


_SERVICES: Final = frozenset({"train", "trains", "flight", "flights", "services", "buses", "ferries", "route",
                       "routes", "поїзди", "поїздів", "потяги", "потягів", "поезда", "поездов", "рейси",
                              "рейсів", "рейсы", "рейсов", "електрички", "электрички"})


def _destination(toks: list[Token], ref: PlaceRef) -> bool:
    """ "long-distance trains to Lviv and Warsaw are running with delays", "поїзди до Львова":
    where delayed services go, not where anything was hit."""
    k = ref.first - 1
    while k > 1 and toks[k].low in ("and", "і", "та", "и", ","):
        k -= 1  # "trains to Lviv and Lutsk": each place of the list
        while k > 1 and toks[k].text[:1].isupper():
            k -= 1
    if k < 1 or toks[k].low not in ("to", "for", "до"):
        return False
    k -= 1
    if toks[k].low == "bound" and k > 0:
        k -= 1  # "trains bound for Kyiv"
    return toks[k].low in _SERVICES


def _metonymy(toks: list[Token], ref: PlaceRef) -> PlaceRef:
    """ "Moscow launched 300 drones", "Kyiv said": a capital naming a government."""
    if (
        _dateline(toks, ref) or _distance_ref(toks, ref) or _masthead(toks, ref) or _surrounded(toks, ref)
        or _destination(toks, ref)
    ):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)
    if ref.code not in _CAPITALS or ref.level != "city" or ref.last + 1 >= len(toks):
        return ref
    nxt = toks[ref.last + 1]
    if (
        nxt.low in ("has", "had", "have", "will", "would", "did", "does", "also")
        and ref.last + 2 < len(toks)
        and has(toks[ref.last + 2], _ACTOR_VERBS)
    ):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)  # "Kyiv has said"
    if toks[ref.last].low.endswith(("'s", "’s")) and has(nxt, _ACTOR_NOUNS):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)  # "Moscow's war"
    if nxt.low in ("regime", "junta", "government", "leadership"):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)  # "the Kyiv regime"
    if toks[ref.last].low.endswith(("'s", "’s")) and ref.last + 2 < len(toks) and (
        (nxt.low, toks[ref.last + 2].low) in _NATIONAL_BODIES
    ):
        # "Kiev's Air Force admitted": the country's forces, not the city's
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)
    prev = toks[ref.first - 1] if ref.first > 0 else None
    if prev is not None and prev.low == "by" and ref.first >= 2 and toks[ref.first - 2].low.endswith("ed"):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)  # "fired by Kiev"
    if (
        prev is not None
        and prev.low in ("in", "в")
        and ref.first >= 2
        and toks[ref.first - 2].low in _SEAT_OF
    ):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)  # "ministry in Moscow"
    subject = prev is None or prev.kind == "punct" or prev.low in ("and", "but", "while", "і", "и", "that",
                                                                  "which", "as", "what", "where")
    if subject and (has(nxt, _ACTOR_VERBS) or (nxt.pos == "VERB" and ref.first == 0)):
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)
    after = toks[ref.last + 2] if ref.last + 2 < len(toks) else None
    if subject and nxt.low in _STRIKE_VERBS and (after is None or after.low != "by"):
        # "as Moscow pounded Ukraine with 476 drones" (not the headline "Kyiv hit by missiles")
        return PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=True)
    return ref


def _launch_sentences(toks: list[Token]) -> set[int]:
    """Sentences that speak of weapons or launch directions: only there is "from X" an
    origin ("footage from Engels", "evacuated from Sumy" are places)."""
    out: set[int] = set()
    for t in toks:
        if t.sent not in out and t.kind == "word" and (
            weapon_of(t) is not None or t.low.startswith(_LAUNCH_STEMS)
        ):
            out.add(t.sent)
    return out


_LAUNCH_STEMS: Final = ("direction", "launch", "направлен", "напрям", "пуск", "запуск", "fired", "attack",
                        "атак", "удар", "strike", "struck")


def _before_closing(toks: list[Token], k: int) -> int:
    """The token before a run of ")", "." and closing quotes that ends at k."""
    while k > 0 and toks[k].text in (")", ".", "»", '"'):
        k -= 1
    return k


def _flag_origins(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    out: list[PlaceRef] = []
    launch = _launch_sentences(toks) if refs else set()
    launch_from = _launch_from(toks) if refs else set()
    for ref in refs:
        j = ref.first - 1
        origin = False
        while j >= 0 and ref.first - j <= 6:
            tok = toks[j]
            if tok.lemma in _ORIGIN_PREP or tok.low in _ORIGIN_PREP:
                origin = tok.sent in launch
                break
            joined_to = _before_closing(toks, j - 1)
            if tok.low in _JOINERS and out and out[-1].origin and out[-1].last == joined_to:
                origin = True  # (also "Волгодонськ (Ростовська обл.) та Енгельс")
                break
            if tok.text == "(" and out and out[-1].last == j - 1 and out[-1].origin:
                origin = True  # "з району пусків Енгельс (Саратовська обл.)": its region
                break
            if (
                tok.low in ("in", "у", "в")
                and out
                and out[-1].last == j - 1
                and out[-1].origin
                and ref.level == "region"
            ):
                origin = True  # "from Primorsko-Akhtarsk in Krasnodar Krai": the origin's region
                break
            if tok.low in _ORIGIN_FILLER or tok.lemma in _ORIGIN_FILLER or tok.low.startswith(_COMPASS):
                j -= 1  # (also "з південно-східного напрямку", "from the northeastern direction")
                continue
            if tok.low in ("у", "в", "in") and j > 0 and toks[j - 1].low in _AREA_OF:
                j -= 1  # "з району пусків у Саратовській області"
                continue
            break
        if not origin and ref.first - 1 in launch_from:
            origin = True  # "з кораблів у Чорному морі", "з літаків, що перебували над ..."
        out.append(
            PlaceRef(ref.code, ref.first, ref.last, ref.level, origin=origin)
            if origin
            else ref
        )
    return out


# Launch platforms: "з кораблів у Чорному морі", "з літаків, що перебували над ... областю"
_CARRIERS: Final = frozenset({"кораблів", "кораблей", "ships", "літаків", "самолетов", "aircraft",
                              "bombers", "бомбардувальників", "бомбардировщиков", "носіїв", "носителей",
                              "лодки", "човна", "човнів", "лодок", "submarine", "submarines", "ship",
                              "корабля", "корабель"})
_CARRIER_GAP: Final = frozenset({"у", "в", "in", "над", "over", "що", "которые", "that", "were",
                                 "перебували", "находились", "були", "были", ",", "the", "акваторії",
                                 "акватории", "районі", "районе",
                                 # "from MiG-31K aircraft in the airspace of the Lipetsk region"
                                 "airspace", "of", "повітряному", "просторі", "воздушном", "пространстве"})


def _launch_from(toks: list[Token]) -> set[int]:
    """Positions right before a place where a launch platform stood ("з кораблів у Чорному
    морі" ends at "у"): the place after it is where the weapons came from."""
    out: set[int] = set()
    for c, tok in enumerate(toks):
        if tok.low not in _CARRIERS or c == 0:
            continue
        p = c - 1
        while p > 0 and c - p <= 3 and toks[p].kind == "word" and toks[p].low not in _ORIGIN_PREP:
            p -= 1  # "from Tu-95MS strategic aircraft over the Caspian Sea"
        if toks[p].low not in _ORIGIN_PREP:
            continue
        k = c + 1
        while k < len(toks) and k - c <= 6 and (
            toks[k].low in _CARRIER_GAP or (k == c + 1 and any(ch.isdigit() for ch in toks[k].low))
        ):  # "з бомбардувальників Ту-95МС над ..."
            out.add(k)
            k += 1
    return out


# "над акваторією моря", "over the sea": the last sea named
_SEA_ANAPHORA: Final = frozenset({"sea", "море", "моря", "морем", "морі", "мори"})
_SEA_BEFORE: Final = frozenset({"акваторією", "акваторией", "акваторії", "акватории", "акваторію",
                                "акваторию"})
# regions on one sea only (Crimea, Kherson and Krasnodar lie on two)
_ONE_SEA: Final = {"UA-40": "SEA-BLACK", "UA-51": "SEA-BLACK", "UA-48": "SEA-BLACK", "UA-23": "SEA-AZOV",
                   "UA-14": "SEA-AZOV", "RU-ROS": "SEA-AZOV", "RU-KGD": "SEA-BALTIC", "RU-LEN": "SEA-BALTIC",
            "RU-SPE": "SEA-BALTIC", "RU-DA": "SEA-CASPIAN", "RU-AST": "SEA-CASPIAN", "RU-KL": "SEA-CASPIAN"}
_UK_CAPITAL: Final = frozenset({"столиця", "столиці", "столицю", "столицею"})
_ALL_ANAPHORA: Final = _ANAPHORA | _CITY_ANAPHORA | _PENINSULA | _CAPITAL | _SEA_ANAPHORA


def _add_anaphora(toks: list[Token], refs: list[PlaceRef]) -> list[PlaceRef]:
    covered = {i for r in refs for i in range(r.first, r.last + 1)}
    extra: list[PlaceRef] = []
    for i in [k for k, t in enumerate(toks) if t.low in _ALL_ANAPHORA]:
        low = toks[i].low
        if i == 0 or i in covered:
            continue
        if low in _SEA_ANAPHORA:
            if toks[i - 1].low in _SEA_BEFORE or toks[i - 1].low in _ANAPHORA_BEFORE:
                seas = [r for r in refs if r.last < i and r.level == "sea"]
                if seas:
                    extra.append(PlaceRef(seas[-1].code, i, i, "sea", anaphora=True))
                else:
                    # "над морем в районе Любимовки" in a Sevastopol post: the one sea of the place
                    # named before
                    land = [r for r in refs if r.last < i and not r.origin]
                    sea = _ONE_SEA.get(land[-1].code) if land else None
                    if sea is not None:
                        extra.append(PlaceRef(sea, i, i, "sea", anaphora=True))
            continue
        if low in _ANAPHORA and toks[i - 1].low in _JOINERS and i >= 2:
            # "над Москвой и областью", "Київ та область": the city's own oblast
            city = [r for r in refs if r.last == i - 2 and r.code in _OBLAST_OF]
            if city:
                extra.append(PlaceRef(_OBLAST_OF[city[0].code], i, i, "region", anaphora=True))
                continue
        towards = low in _CAPITAL and toks[i - 1].low in ("к", "до")
        if toks[i - 1].low not in _ANAPHORA_BEFORE and not towards:
            continue  # (but "на подлёте к столице", "летіли до столиці": towards the capital)
        if low in _PENINSULA:
            extra.append(PlaceRef("UA-43", i, i, "region", anaphora=True))
            continue
        if low in _ANAPHORA:
            before = [r for r in refs if r.last < i and not r.origin and r.level != "sea"]
        elif low in _CAPITAL:
            before = [r for r in refs if r.last < i and not r.origin and r.code in _CAPITALS]
            if not before and low in _UK_CAPITAL:
                before = [PlaceRef("UA-30", i, i, "city")]  # "атака на столицю": Kyiv
            if not before and _in_the_capital(toks, i):
                # "In the capital itself" in a report on the Kyiv region: the one country's
                countries = {r.country for r in refs if not r.origin and r.country in ("RU", "UA")}
                if len(countries) == 1:
                    code = "UA-30" if "UA" in countries else "RU-MOW"
                    before = [PlaceRef(code, i, i, "city")]
        elif low in _CITY_ANAPHORA:
            if i + 1 < len(toks) and toks[i + 1].low == "of":
                continue  # "in the town of Lyudinovo": a name follows, no anaphora
            before = [r for r in refs if r.last < i and not r.origin and r.level == "city"]
            after = [
                r for r in refs
                if before and before[-1].last < r.first and r.last < i and not r.origin
                and r.level == "region" and toks[r.first].sent == toks[i].sent
                and r.code not in (before[-1].code, _OBLAST_OF.get(before[-1].code))
            ]  # (not "in the Moscow region, while three ... over the city": the city's own oblast)
            if after:
                # "Moscow Mayor ... . Kharkiv regional governor said a strike damaged a substation in
                # the city": the city of the region named in the sentence, not the last city before it
                before = after
        else:
            continue
        if before and not _surrounded(toks, PlaceRef(before[-1].code, i, i, "region")):
            extra.append(PlaceRef(before[-1].code, i, i, "region", anaphora=True))
    if not extra:
        return refs
    return sorted(refs + extra, key=lambda r: r.first)


def _in_the_capital(toks: list[Token], i: int) -> bool:
    """ "in the capital", "над столицей": the capital as a place (not "the capital of the
    Bashkortostan region", nor "south-east of the capital")."""
    if i + 1 < len(toks) and toks[i + 1].low in ("of", "'s"):
        return False
    k = i - 1 if toks[i - 1].low == "the" else i
    return k > 0 and toks[k - 1].low in ("in", "over", "on", "at", "across", "into", "в", "у", "над", "по")


def codes_in(refs: list[PlaceRef], lo: int, hi: int) -> list[str]:
    """Distinct codes of the non-origin places inside token range [lo, hi), in order."""
    firsts = _firsts(refs)
    seen: dict[str, None] = {}
    for k in range(bisect_left(firsts, lo), len(refs)):
        ref = refs[k]
        if ref.first >= hi:
            break
        if not ref.origin and ref.last < hi:
            seen.setdefault(ref.code, None)
    return list(seen)


def attack_starts(refs: list[PlaceRef]) -> frozenset[int]:
    """First tokens of the non-origin places."""
    if isinstance(refs, PlaceList):
        if refs.starts is None:
            refs.starts = frozenset(r.first for r in refs if not r.origin)
        return refs.starts
    return frozenset(r.first for r in refs if not r.origin)


def _firsts(refs: list[PlaceRef]) -> list[int]:
    if isinstance(refs, PlaceList):
        if refs.firsts is None:
            refs.firsts = [r.first for r in refs]
        return refs.firsts
    return [r.first for r in refs]


@mypyc_attr(native_class=False)  # a list subclass: mypyc compiles it as a Python class
class PlaceList(list[PlaceRef]):
    """The places of one report, sorted by first token, with lookups built once."""

    firsts: list[int] | None = None
    starts: frozenset[int] | None = None
