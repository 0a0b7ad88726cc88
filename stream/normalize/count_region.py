"""PURE: the region of a count: the one place named right after its weapon phrase
(a comma-continued list of places or a participle goes on), else before it back to
the previous number; several places mean a count that spans regions (null)."""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from stream.normalize.numbers import Number
from stream.normalize.phrases import is_noise
from stream.normalize.places import PlaceRef, attack_starts, codes_in
from stream.normalize.tokens import Token
from stream.normalize.weapons import measure_of

_HARD: Final = frozenset({";", ":"})
_LOCATIVE: Final = frozenset({"в", "во", "у", "над", "на", "in", "over", "across", "of", "по"})
_CLAUSE: Final = frozenset({",", ";", ":", "(", ")", "."})


_OWN_BEFORE: Final = frozenset({"над", "over", "по", "к", "до"})


def _continues(toks: list[Token], k: int, starts: frozenset[int]) -> bool:
    """A comma that goes on with the same phrase: a list of places or a participle
    ("the Kyiv region, the Kharkiv region", "беспилотника, летевших на Москву"), not a
    governor's title ("..., орловский губернатор Андрей Клычков — о семи")."""
    if k in starts or (toks[k].low == "the" and k + 1 in starts):
        return not (k + 1 < len(toks) and toks[k + 1].lemma in ("губернатор", "governor"))
    return _participle(toks[k]) and toks[k].low not in ("які", "которые")


def _participle(tok: Token) -> bool:
    # Ukrainian participles parse as adjectives ("збитих над Азовським морем")
    return (
        tok.pos == "PRTF"
        or (tok.pos == "ADJF" and measure_of(tok) is not None)
        or tok.low in ("flying", "heading", "headed", "летевших", "що", "які", "которые")
    )


_INCLUDING: Final = frozenset({"including", "incl", "зокрема", "among", "среди", "серед"})


def _inclusion_end(toks: list[Token], k: int, s_hi: int) -> int | None:
    """Index of the comma closing ", including 4 Iskander-M," that opens at comma k."""
    if toks[k].text != "," or k + 1 >= s_hi:
        return None
    nxt = toks[k + 1].low
    if nxt not in _INCLUDING and not (
        nxt in ("в", "у") and k + 2 < s_hi and toks[k + 2].low in ("том", "тому")
    ):
        return None
    for j in range(k + 2, s_hi):
        if toks[j].text in _CLAUSE:
            return j if toks[j].text == "," else None
    return None


_UNIT_WORDS: Final = (
    frozenset({"community", "hromada", "district", "raion", "municipality", "громада", "громади",
               "район", "округ", "territorial"}))
# "Сумщина за сутки:", "Харківщина за минулу добу:": the time a place's header covers
_HEADER_TIME: Final = frozenset({"за", "сутки", "добу", "ніч", "ночь", "минулу", "прошедшие", "минувшие",
                                 "overnight",
                                 "протягом", "доби", "суток", "течение"})
# an aside of whose word a figure is: ", за версією відомства,", ", по его словам,", ", according to"
_PER: Final = frozenset({"за", "по", "according"})
_VERSION: Final = frozenset({"версія", "версия", "слово", "даний", "данные", "данным", "інформація",
                             "информация", "to"})
_MOSTLY: Final = (
    frozenset({"переважно", "преимущественно", "в основном", "mostly", "mainly", "largely", "основном"}))
_RELATIVE: Final = (
    frozenset({"where", "which", "who", "де", "где", "що", "что", "який", "яка", "які", "который",
               "которая", "которые", "while", "and"}))
_DASHES = frozenset({"—", "–", "-", ":"})
_MORE: Final = frozenset({"еще", "ещё", "ще", "another", "more"})


def _region_first(toks: list[Token], num: Number, places: list[PlaceRef], s_lo: int) -> str | None:
    """ "Ростовская область — 31, Брянская — 14", "над Московською областю — 12": a place
    right before a dash and the number is the number's place."""
    j = num.first - num.qlen - 1
    while j > s_lo and toks[j].low in _MORE:
        j -= 1
    if j <= s_lo or toks[j].text not in _DASHES:
        return None
    for ref in places:
        if ref.last == j - 1 and not ref.origin:
            if ref.first >= 2 and toks[ref.first - 1].low in _JOINED and any(
                p.last == ref.first - 2 and not p.origin for p in places
            ):
                return None  # "над Мордовией и Пензенской областью — еще пять": both
            return ref.code
    return None


_JOINED: Final = frozenset({"и", "і", "та", "й", "and"})
_WHILE: Final = frozenset({"while", "whereas", "тогда", "тоді"})


def _heads_next(toks: list[Token], places: list[PlaceRef], k: int, hi: int) -> bool:
    """Whether the place at k stands before a dash and the next number ("Тульской области — 4")."""
    ref = next((p for p in places if p.first == k and not p.origin), None)
    if ref is None or ref.last + 2 >= len(toks) or toks[ref.last + 1].text not in _DASHES:
        return False
    return ref.last + 2 <= hi <= ref.last + 4


def _towns_of_one_region(places: list[PlaceRef], lo: int, hi: int) -> str | None:
    """ "атакували Запоріжжя, Оріхів, Гуляйполе та Кам'янське" in a report on Zaporizhzhia
    oblast: towns (at least three) of the region the report names, but one whose name is
    also a town elsewhere, are that region's."""
    towns = [p for p in places if lo <= p.first and p.last < hi and not p.origin]
    if len(towns) < 3 or any(p.level not in ("city", "place") for p in towns):
        return None
    named = {p.code for p in places if p.level == "region" and not p.origin}
    for code in named:
        if sum(p.code != code for p in towns) <= 1:
            return code
    return None


_SEVERAL_REGIONS: Final = frozenset(
           {"regions", "регионами", "регіонами", "регионах", "регіонах", "регионов", "регіонів", "областями",
            "областях", "областей", "nationwide"}
       )
_COUNTRY: Final = frozenset({"russia", "россией", "россии", "росією", "росії", "ukraine", "украиной",
                             "украины", "україною", "україни", "country", "страной", "країною"})
_OVER: Final = frozenset({"over", "across", "над", "территорией", "територією", "territory", "of"})


def _national_at(toks: list[Token], k: int) -> bool:
    """ "over several regions", "над 12 регионами", "над территорией России": a place
    that spans the country."""
    low = toks[k].low
    if low in _SEVERAL_REGIONS:
        return True
    return low in _COUNTRY and k > 0 and toks[k - 1].low in _OVER


_NEAR: Final = frozenset({"near", "off", "біля", "поблизу", "около", "вблизи", "возле", "недалеко",
                          "районе", "районі", "area"})  # (also "над морем в районе Любимовки")


def _near_sea(toks: list[Token], places: list[PlaceRef], lo: int, hi: int) -> bool:
    """Whether every land place after the first (a sea) in [lo, hi) is named after "near"."""
    refs = [p for p in places if lo <= p.first and p.last < hi and not p.origin]
    return len(refs) > 1 and all(
        p.first > 1 and (toks[p.first - 1].low in _NEAR or toks[p.first - 2].low in _NEAR)
        for p in refs[1:]
    )


_PLACE_NOUNS: Final = frozenset({"settlements", "localities", "villages", "towns", "communities", "districts",
                          "locations", "населенных", "населённых", "населених", "населенным", "населеним",
                          "громад", "громадам", "громадах", "сел", "селам", "районов", "районам", "районах",
                                 "районів", "локаціях", "локациях", "локацій", "локаций"})


def _counts_places(toks: list[Token], num: Number) -> bool:
    """ "13 settlements", "5 населених пунктах": a number of places, never of weapons."""
    return num.last + 1 < len(toks) and toks[num.last + 1].low in _PLACE_NOUNS


_DASHES = frozenset({"-", "–", "—"})


def _asides(toks: list[Token], s_lo: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """Asides closed in [lo, hi): from a dash to the next dash that a word follows, or in
    brackets ("96 bombs - 31 of them on the Kharkiv region and 22 on the Zaporizhzhia region - and
    used 3,120 drones"; not "Брянская — 5, Курская — 3", where a figure follows each dash)."""
    out: list[tuple[int, int]] = []
    for b in range(lo, hi):
        if toks[b].text in _DASHES and b + 1 < len(toks) and toks[b + 1].kind == "word":
            a = next((m for m in range(b - 1, s_lo - 1, -1) if toks[m].text in _DASHES), None)
            if a is not None:
                out.append((a, b))
        elif toks[b].text == ")":
            a = next((m for m in range(b - 1, s_lo - 1, -1) if toks[m].text == "("), None)
            if a is not None:
                out.append((a, b))
    return out


def _outside_asides(
    toks: list[Token], places: list[PlaceRef], lo: int, hi: int, inside: list[tuple[int, int]]
) -> list[str]:
    """Codes of the places in [lo, hi) outside the asides."""
    kept = [p for p in places if lo <= p.first and p.last < hi and not p.origin
            and not any(a < p.first and p.last < b for a, b in inside)]
    return list(dict.fromkeys(p.code for p in kept))


# the remainder as a part of its own ("and the rest over the sea", "остальные — над морем")
_REST: Final = (
    frozenset({"rest", "remainder", "остальные", "остальных", "остальное", "решта", "решту", "решти"}))


def count_region(
    toks: list[Token],
    num: Number,
    np_last: int,
    numbers: list[Number],
    idx: int,
    places: list[PlaceRef],
    s_lo: int,
    s_hi: int,
    total: bool = False,
) -> str | None:
    head = _region_first(toks, num, places, s_lo)
    if head is not None:
        return head
    if s_lo < num.first - 1 and toks[num.first - 1].text == "(" and num.last + 1 < s_hi and (
        toks[num.last + 1].text == ")"
    ):
        # "больше всего — над Брянской областью (58)": the figure in brackets is its place's
        before = [p.code for p in places if p.last == num.first - 2 and not p.origin]
        if before:
            return before[0]
    inner = codes_in(places, num.last + 1, np_last)
    if len(inner) == 1:
        return inner[0]  # "48 «знищених» над Ростовською областю дронів"
    # Forward: up to the next number (not a date's: "атакували в ніч на 3 лютого Саратовський
    # НПЗ") or clause break.
    nxt = idx + 1
    while nxt < len(numbers) and numbers[nxt].first < s_hi and (
        is_noise(toks, numbers[nxt]) or _counts_places(toks, numbers[nxt])
    ):
        nxt += 1  # (nor a number of places: "launched at 13 settlements of the region")
    hi = numbers[nxt].first if nxt < len(numbers) else s_hi
    hi = min(hi, s_hi)
    if hi < s_hi and numbers[nxt].last + 1 < s_hi and _national_at(toks, numbers[nxt].last + 1) and (
        hi - np_last <= 3
    ):
        return None  # "за ніч — 66 над вісьмома регіонами": a number of regions, all of them
    starts = attack_starts(places)
    k = np_last + 1
    seg = k  # start of the current segment (a parenthetical "including ..." is skipped)
    while k < hi:
        if toks[k].low in _REST and k > seg:
            break  # "9 over the Kursk region and the rest over the Sea of Azov": the next part's
        if _national_at(toks, k) and not codes_in(places, seg, k + 1):
            return None  # "63 drones had been downed over several regions ... Samara"
        if toks[k].text == "(":
            close = next((j for j in range(k + 1, min(hi, k + 8)) if toks[j].text == ")"), None)
            if close is not None and not codes_in(places, k, close + 1):
                k = close + 1  # "236 БпЛА різних модифікацій (переважно FPV) атакували ..."
                continue
        if toks[k].text == "," and k + 1 < hi and toks[k + 1].low in _MOSTLY:
            close = next((m for m in range(k + 2, min(hi, k + 8)) if toks[m].text == ","), None)
            if close is not None and not codes_in(places, k, close):
                k = close + 1  # "380 БпЛА різних модифікацій, переважно FPV, атакували Запоріжжя"
                continue
        if toks[k].text == "," and k + 2 < hi and toks[k + 1].low in _PER and any(
            t.lemma in _VERSION for t in toks[k + 2 : k + 4]
        ):
            close = next((m for m in range(k + 2, min(hi, k + 8)) if toks[m].text == ","), None)
            if close is not None and not codes_in(places, k, close):
                k = close + 1  # "18 з них, за версією російського відомства, знищили над Ростовською"
                continue
        if toks[k].text in _CLAUSE:
            close = _inclusion_end(toks, k, s_hi)
            if close is not None and close + 1 < s_hi and _participle(toks[close + 1]):
                break  # ", в том числе три, летевших на Москву": the aside's own place
            if close is not None and close + 1 < s_hi and toks[close + 1].low in _RELATIVE:
                break  # "including 13 over the Leningrad region, where the governor said ..."
            if close is not None and any(
                p.first == close + 1 and not p.origin and p.last + 1 < s_hi
                and toks[p.last + 1].text in _DASHES
                for p in places
            ):
                # "118 дронів, зокрема над Ростовською обл — 40, Воронезькою — 26": a list, no aside
                break
            if close is not None and not codes_in(places, seg, k):
                # "7 missiles, including 4 Iskander-M, at Kyiv": the place after the aside
                seg = k = close + 1
                later = [n.first for n in numbers if n.first > close]
                hi = min(later[0] if later else s_hi, s_hi)
                continue
            nxt = k + 1 if k + 1 < hi else k
            if not (toks[k].text == "," and _continues(toks, nxt, starts)):
                break
            if _heads_next(toks, places, nxt, hi):
                break  # "сбиты 8 беспилотников, Тульской области — 4": the next figure's place
        k += 1
    fwd = codes_in(places, seg, k)
    if len(fwd) > 1 and fwd[0].startswith("SEA-") and _near_sea(toks, places, seg, k):
        return fwd[0]  # "over the Baltic Sea near Kaliningrad": the sea, by a place on its shore
    if len(fwd) > 1:
        return _towns_of_one_region(places, seg, k)
    if fwd:
        return fwd[0]
    if total:
        # "..., totalling 38": the places before belong to the parts; but "Всего, по словам
        # губернатора, над регионом уничтожено 11": the total's own place, in its clause
        c = num.first
        while c > s_lo and toks[c - 1].text not in _CLAUSE:
            c -= 1
        own = [p for p in places if c <= p.first and p.last < num.first and not p.origin]
        # (also "Всего ... по Харькову выпущено 9 ударных БпЛА": the target of the total's clause)
        # ("Всего ... на подлёте к столице сбиты девять": the city they flew at)
        if len(own) == 1 and own[0].first > 0 and toks[own[0].first - 1].low in _OWN_BEFORE:
            return own[0].code
        return None
    # Backward: back to the previous number or a hard break.
    lo = numbers[idx - 1].last + 1 if idx > 0 else s_lo
    lo = max(lo, s_lo)
    j = num.first
    while j > lo and toks[j - 1].text not in _HARD and toks[j - 1].low not in _WHILE:
        j -= 1  # (not past "while": "... the governor said, while the air force reported ...")
    back = codes_in(places, j, num.first)
    asides = _asides(toks, s_lo, j, num.first) if back else []
    if asides:
        back = _outside_asides(toks, places, j, num.first, asides)
    k = num.first - num.qlen - 1
    if back and idx > 0 and j == lo and k > lo and toks[k].low in _JOINED and any(
        p.origin and lo <= p.first < k for p in places
    ):
        return None  # "двома ракетами з Бєлгородської області по Харківщині та 40 БпЛА": the
        # place of the item before, which names its own origin and target
    if back and any(_national_at(toks, m) for m in range(j, num.first)):
        return None  # "над регионами России и акваторией Черного моря перехвачены 64": all of them
    if not back and j == lo and idx > 0:
        # "по Харкову та області: 3 КАБ, 14 БпЛА, 2 ракети": a later item of a list after
        # a header's colon, with no place of its own between
        c = lo
        while c > s_lo and toks[c - 1].text not in _HARD:
            c -= 1
        if c > s_lo and toks[c - 1].text == ":" and not codes_in(places, c, num.first):
            lo = s_lo
            j = c
    if not back and j > lo and toks[j - 1].text == ":":
        # "Отражена атака ... в Ростовской области: уничтожены 4 БПЛА": a header clause
        # naming one region (and no number) is the place of what follows its colon.
        h = j - 1
        while h > lo and toks[h - 1].text not in _HARD:
            h -= 1
        header = [p for p in places if h <= p.first and p.last < j - 1 and not p.origin]
        # a locative header ("в Ростовской области:"), not a dateline ("KYIV: Russia ...")
        one = header and len({p.code for p in header}) == 1
        if one and header[0].first > h and toks[header[0].first - 1].low in _LOCATIVE:
            back = [header[0].code]  # also "по Харкову та області:" (one region)
        elif (
            one
            and all(a.last + 1 == b.first for a, b in pairwise(header))
            # "Краснопольская громада:", "Khotin community:": the place, then at most its unit word
            and all(t.low in _UNIT_WORDS or t.low in _HEADER_TIME
                    for t in toks[header[-1].last + 1 : j - 1])
            and not toks[header[0].first].text.isupper()
            and (h > 0 or header[0].level != "city")  # not a dateline ("Kyiv: Russia launched")
            and all(t.kind == "punct" for t in toks[h : header[0].first])
        ):
            back = [header[0].code]  # "Краснопольская громада: противник сбросил ...", "▪️Одеса:"
    if len(back) == 1:
        return back[0]
    return None
