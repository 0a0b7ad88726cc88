"""PURE: where an item happened when its own phrase names no place.

Damage and casualties take the places of their own clause, else of their
sentence, else of the last sentence that named places (a report's later
sentences speak of the same place); a count with no place takes the region of a
regional report (a governor's sentence, a report about one region only).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from stream.normalize.claimant import Attribution
from stream.normalize.counts import Count, ministry_tells
from stream.normalize.damage import IMPACT
from stream.normalize.lexicon import has
from stream.normalize.places import PlaceRef, codes_in
from stream.normalize.tokens import Token


def context_codes(
    toks: list[Token],
    places: list[PlaceRef],
    lo: int,
    hi: int,
    forward: bool = True,
    breaks: frozenset[int] = frozenset(),
) -> list[str]:
    """Regions of a token range; else those of the last sentence before it that named
    places; else the first place of the text. A range that speaks of unnamed "regions"
    or the whole country has none."""
    inside = codes_in(places, lo, hi)
    if inside:
        return inside
    if any(t.low in _UNNAMED for t in toks[lo:hi]) or _all_over(toks, lo, hi):
        return []
    last = _last_before(places, lo)
    if last is not None:
        if any(last.last < k <= lo for k in breaks) and len(
            {p.code for p in places[: _bisect(places, lo)] if not p.origin}
        ) > 1:
            return []  # past a paragraph break only a report of one region goes on
        s_lo, s_hi = _sent_range(toks, last.first)
        return codes_in(places, s_lo, min(s_hi, lo))
    if not forward:
        return []
    after = [p for p in places if not p.origin]
    return [after[0].code] if after else []


def context_range(toks: list[Token], places: list[PlaceRef], lo: int) -> tuple[int, int] | None:
    """Token range of the last earlier sentence that named places (see `context_codes`)."""
    last = _last_before(places, lo)
    if last is None:
        return None
    s_lo, s_hi = _sent_range(toks, last.first)
    return s_lo, min(s_hi, lo)


def _all_over(toks: list[Token], lo: int, hi: int) -> bool:
    """ "across Ukraine", "по всій Україні", "throughout the country": everywhere, no region."""
    for k in range(lo, hi - 1):
        if toks[k].low in _ACROSS:
            nxt = toks[k + 2] if toks[k + 1].low == "the" and k + 2 < hi else toks[k + 1]
            if nxt.low in _NATIONAL or nxt.low in ("country", "regions", "oblasts"):
                return True
    return False


def _last_before(places: list[PlaceRef], lo: int) -> PlaceRef | None:
    """The last non-origin place ending before token lo."""
    k = _bisect(places, lo)
    for ref in reversed(places[max(0, k - 64) : k]):
        if ref.last < lo and not ref.origin:
            return ref
    return None


def _bisect(places: list[PlaceRef], lo: int) -> int:
    a, b = 0, len(places)
    while a < b:
        mid = (a + b) // 2
        if places[mid].first < lo:
            a = mid + 1
        else:
            b = mid
    return a


def _sent_range(toks: list[Token], i: int) -> tuple[int, int]:
    sent = toks[i].sent
    a = i
    while a > 0 and toks[a - 1].sent == sent:
        a -= 1
    b = i
    while b < len(toks) and toks[b].sent == sent:
        b += 1
    return a, b


# "across Ukraine", "по всій Україні": damage all over, in no one region
_ACROSS: Final = frozenset({"across", "throughout", "nationwide", "всій", "всей", "всему", "усій"})
# "several regions", "across the country": damage somewhere unnamed.
_UNNAMED: Final = frozenset(
           {"regions", "country", "областях", "областей", "регионах", "регионов", "регіонах",
            "регіонів", "країни", "країні", "страны", "стране", "oblasts"}
       )


def semicolon_clause(toks: list[Token], i: int, lo: int, hi: int) -> tuple[int, int]:
    a = i
    while a > lo and toks[a - 1].text != ";":
        a -= 1
    b = i
    while b < hi and toks[b].text != ";":
        b += 1
    return a, b


def comma_clause(
    toks: list[Token], i: int, lo: int, hi: int, starts: frozenset[int]
) -> tuple[int, int]:
    """The comma-delimited clause around token i; a comma inside a list of places
    ("in the Murmansk, Irkutsk and Ryazan regions") does not end it."""

    def goes_on(k: int) -> bool:  # the token after a comma continues a list of places
        if k + 1 < hi and toks[k].low in ("and", "и", "та", "і", "й") and k + 1 in starts:
            return True  # "in Ternopil, Ivano-Frankivsk, and Lviv oblasts"
        if k + 3 < hi and (toks[k].low, toks[k + 1].low) in _ALSO and (
            k + 2 in starts or (toks[k + 2].low in _PREPS and k + 3 in starts)
        ):
            return True  # "в аеропорту Внуково, а також у підмосковному Жуковському"
        return k in starts or (k + 1 < hi and toks[k].low == "the" and k + 1 in starts)

    a = i
    while a > lo and toks[a - 1].text not in ";:" and (toks[a - 1].text != "," or goes_on(a)):
        a -= 1  # (a colon ends a header: "атаку на Липецьку та Воронезьку області: у Липецьку ...")
    b = i
    while b < hi and toks[b].text not in ";:" and (toks[b].text != "," or goes_on(b + 1)):
        b += 1
    return a, b


_ALSO: Final = frozenset({("а", "також"), ("а", "также"), ("and", "also"), ("as", "well")})
_PREPS: Final = frozenset({"у", "в", "на", "in", "at", "над", "over"})
_CONJ: Final = frozenset({"and", "и", "і", "й", "та"})
_SPLIT: Final = IMPACT | frozenset({"cutting", "cuts", "leaving", "knocking"})


def impact_part(toks: list[Token], i: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of [lo, hi) around token i between conjunctions that open another impact
    ("... and cutting power to ...", "... и повредив ...")."""
    cuts = [
        k
        for k in range(lo + 1, hi - 1)
        if toks[k].low in _CONJ and toks[k + 1].kind == "word" and has(toks[k + 1], _SPLIT)
    ]
    a, b = lo, hi
    for k in cuts:
        if k < i:
            a = k + 1
        elif b == hi:
            b = k
    return a, b


_GENITIVE_POS: Final = frozenset({"NOUN", "ADJF"})  # the words of a Russian/Ukrainian object's name
_OWN_GAP: Final = frozenset({"в", "у", "на", "in", "at", "the", "of", "near", "під", "под", "поблизу", "біля",
                             "около", "town", "city", "village", "городе", "місті", "селе", "селі",
                             # "станцію в окупованому Криму": the occupation named between
                             "occupied", "окупованому", "окупованій", "окупованих", "оккупированном",
                             "оккупированной", "оккупированных", "тимчасово", "временно"})


def own_place(toks: list[Token], places: list[PlaceRef], first: int, last: int) -> str | None:
    """The place named in a damage word's own phrase: "Саратовского НПЗ", "аэродрома Моздок в
    Северной Осетии", "a refinery in the Samara region"; None when there is none or it
    begins a list of places ("in the Kursk and Voronezh regions": joint damage)."""
    k = _bisect(places, max(0, first - 3))
    for idx in range(k, len(places)):
        ref = places[idx]
        if ref.first > last + 5 and (ref.first > last + 12 or len(_unnamed(toks[last + 1 : ref.first])) > 5):
            break
        if ref.origin:
            continue
        before = ref.last == first - 1
        gap = _unnamed(toks[last + 1 : ref.first])
        after = ref.first > last and (
            all(t.low in _OWN_GAP for t in gap)
            or (  # "предприятию оборонно-промышленного комплекса в Черкассах"
                gap[-1].low in _OWN_GAP
                and all(t.kind == "word" and t.pos in _GENITIVE_POS and t.low not in _JOIN for t in gap[:-1])
            )
        )
        if not (before or after):
            continue
        prv = places[idx - 1] if idx > 0 else None
        if (
            before
            and prv is not None
            and prv.code != ref.code
            and ref.first - prv.last <= 3
            and toks[last].low.endswith(_PLURAL_ENDS)
            and any(t.low in _JOIN for t in toks[prv.last + 1 : ref.first])
        ):
            return None  # "at Vnukovo and Domodedovo airports": both
        m, end = idx + 1, ref.last
        while m < len(places) and places[m].code == ref.code and places[m].first - end <= 3:
            end = places[m].last  # "at Starokonstantinov in the Khmelnitsky region and Mirgorod ..."
            m += 1
        nxt = places[m] if m < len(places) else None
        if m == idx + 1 and nxt is not None and nxt.code != ref.code and (
            (nxt.first - end <= 3 and any(t.low in _JOIN for t in toks[end + 1 : nxt.first]))
            # "power outages in Kyiv and in the Poltava and Kharkiv regions": both, each with its
            # preposition
            or (nxt.first - end <= 4 and toks[end + 1].low in _JOIN
                and all(t.low in _ARTICLES for t in toks[end + 2 : nxt.first]))
        ) and not (
            # "oil refineries in Samara Oblast and the Ryazan refinery": the next place names an
            # object of its own, so it is not the list's second region
            nxt.last + 1 < len(toks) and _names_object(toks[nxt.last + 1])
        ):
            return None
        if (
            m > idx + 1
            and nxt is not None
            and nxt.code != ref.code
            and nxt.first - end <= 3
            and all(t.low in _JOIN or t.low in _ARTICLES for t in toks[end + 1 : nxt.first])
            and not (nxt.last + 1 < len(toks) and _names_object(toks[nxt.last + 1]))
        ):
            return None  # "at Starokonstantinov in the Khmelnitsky region and Mirgorod in ..."
        return ref.code
    return None


_ARTICLES: Final = frozenset({"the", "at", "in", "в", "у", "на"})


def _names_object(tok: Token) -> bool:
    """Whether a place's next word is an object it names ("Саратовского НПЗ")."""
    if tok.kind != "word":
        return False
    return tok.pos == "NOUN" or (not tok.pos and tok.low not in ("in", "on", "and", "region", "oblast"))


def _unnamed(gap: list[Token]) -> list[Token]:
    """The gap without a model's or an object's name ("станцію 55Ж6У «Небо-У» поблизу"):
    quoted words and words with digits."""
    out: list[Token] = []
    quoted = False
    for t in gap:
        if t.text in ("«", "“"):
            quoted = True
        elif t.text in ("»", "”"):
            quoted = False
        elif not quoted and not (t.kind == "word" and any(ch.isdigit() for ch in t.text)):
            out.append(t)  # (a model's name mixes letters and digits: "55Ж6У"; a figure stays)
    return out


_PLURAL_ENDS: Final = ("s", "ах", "ях", "ами", "ях", "ів", "ов", "ы", "и", "і")
_JOIN: Final = frozenset({"and", "и", "і", "й", "та", ",", "or", "или", "або"})


_IN: Final = frozenset({"in", "в", "во", "у", "near", "под", "під", "біля", "возле"})
_WHO: Final = (
    frozenset({"people", "persons", "civilians", "residents", "человек", "людей", "людини", "людина",
               "осіб", "особи", "жителей", "жителів", "мешканців", "мирных", "мирних", "the"}))


def placed_after(toks: list[Token], places: list[PlaceRef], last: int, hi: int) -> str | None:
    """The place right after a casualty's figure and cue ("killed one person in Ternopil
    Oblast and injured three in Ivano-Frankivsk Oblast"): "in" and the place name."""
    k = last + 1
    while k < hi and toks[k].low in _WHO:
        k += 1
    if k >= hi or toks[k].low not in _IN:
        return None
    k += 1
    if k < hi and toks[k].low == "the":
        k += 1
    ref = next((p for p in places[_bisect(places, k) :] if p.first == k), None)
    return ref.code if ref is not None and not ref.origin and ref.last < hi else None


def _heads_next_item(toks: list[Token], p: PlaceRef, at: int) -> bool:
    """A place after `at`, past a comma, with a dash after it: the head of another item."""
    return (
        p.first > at
        and any(t.text == "," for t in toks[at : p.first])
        and p.last + 1 < len(toks)
        and toks[p.last + 1].text in ("–", "—")
    )


def nearest_code(
    toks: list[Token],
    places: list[PlaceRef],
    lo: int,
    hi: int,
    at: int,
    breaks: frozenset[int] = frozenset(),
) -> str | None:
    inside = [p for p in places[_bisect(places, lo) : _bisect(places, hi)] if not p.origin]
    if inside:
        land = [p for p in inside if not p.code.startswith("SEA-")] or inside
        # "загинув чоловік, у Брянській – поранено двох": a place heading the next item
        own = [p for p in land if not _heads_next_item(toks, p, at)] or land
        return min(own, key=lambda p: abs(p.first - at)).code
    codes = context_codes(toks, places, lo, hi, forward=False, breaks=breaks)
    return codes[0] if codes else None


_NATIONAL: Final = frozenset(
           {"ukraine", "україну", "україни", "україні", "украину", "украины", "украине", "country", "країну",
            "країни", "страну", "страны", "regions", "областей", "регіонів", "регионов", "nationwide",
            "russia", "росія", "россия", "регионами", "регіонами", "регионах", "регіонах", "областями",
            "областях", "россии", "росії", "russia's", "frontline", "front-line", "фронту", "фронта",
            "фронті", "фронте"}
       )


_WHILE: Final = frozenset({"while", "whereas"})


def regional_fallback(
    toks: list[Token],
    land: list[PlaceRef],
    bounds: list[tuple[int, int]],
    attributions: list[Attribution],
    c: Count,
    elsewhere: frozenset[str] = frozenset(),
    national: bool = False,
) -> Count:
    """A count with no place of its own in a regional report takes the report's region:
    a governor's sentence naming one region ("Governor Gusev said drones attacked the
    Voronezh region; eight drones were destroyed"), or a report about one region only
    ("На Сумщині ... Ворог скинув 6 КАБів"), unless other counts of the report have
    other places (`elsewhere`: "над Черным морем — пять, над Крымом — три. Кроме того,
    сбиты две авиабомбы")."""
    if c.region is not None or c.total:
        return c
    lo, hi = semicolon_clause(toks, c.first, *bounds[c.sent])  # "...; Governor X said ..."
    lo = next((k + 1 for k in range(c.first - 1, lo - 1, -1) if toks[k].low in _WHILE), lo)
    # ("... the regional governor said, while Ukraine's air force reported shooting down 51")
    if any(t.low in _NATIONAL for t in toks[lo:hi]):
        return c
    s_lo, s_hi = bounds[c.sent]
    if ministry_tells(toks, s_lo, s_hi):
        return c  # "Минобороны за ночь насчитало 221 сбитый дрон": the ministry's own tally
    in_sent = {p.code for p in land[_bisect(land, lo) : _bisect(land, hi)]}
    if not in_sent and any(
        a.sent in (c.sent, c.sent - 1) and a.claimant in ("ua-military", "ru-mod") for a in attributions
    ):
        return c  # "Air Force: ... 152 drones and eight missiles were shot down": the country's
    official = any(
        a.sent == c.sent and lo <= a.first < hi and a.claimant in ("ru-official", "ua-official")
        for a in attributions
    )
    if len(in_sent) == 1 and official and not _at_sea(toks, lo, hi):
        # (not "shot down 17 drones over the city and the Black Sea": the city and the sea, both)
        return c._replace(region=next(iter(in_sent)))
    if (
        # (or a sentence naming that one region too: "нанесли 4 авиаудара по области, сбросив 7
        # КАБ, а также атаковали громады 38 ударными беспилотниками")
        (not in_sent or (in_sent == {land[0].code} and not any(t.low in _SEA_WORDS for t in toks[lo:hi])))
        and not (national and not official)  # the ministry's tally, unless an official's
        and land
        and land[0].first < lo
        and all(p.code == land[0].code for p in land)
        and all(r == land[0].code for r in elsewhere)
    ):
        return c._replace(region=land[0].code)
    if not in_sent and c.sent > 0 and _speaker_goes_on(toks, lo, hi):
        # "In Zaporizhzhia Oblast, ..., Governor Ivan Fedorov said. According to him, 350
        # drones attacked the settlements": the region of the speaker's sentence before
        p_lo, p_hi = bounds[c.sent - 1]
        before = {p.code for p in land[_bisect(land, p_lo) : _bisect(land, p_hi)]}
        official = any(
            a.sent == c.sent - 1 and a.claimant in ("ru-official", "ua-official") for a in attributions
        )
        if len(before) == 1 and official:
            return c._replace(region=next(iter(before)))
    return c


# "Над областю та акваторією Чорного моря ... знищили 12 дронів": the region and the sea
_SEA_WORDS: Final = frozenset({"sea", "waters", "море", "моря", "морем", "морі", "акваторией", "акваторією",
                               "акватории", "акваторії"})
_FROM: Final = frozenset({"с", "со", "з", "із", "зі", "from"})


def _at_sea(toks: list[Token], lo: int, hi: int) -> bool:
    """A sea named in the clause as a place (not "атаковали ракетами с моря": where they came from)."""
    return any(toks[k].low in _SEA_WORDS and (k == 0 or toks[k - 1].low not in _FROM) for k in range(lo, hi))


_HIM: Final = frozenset({"him", "her", "його", "її", "его", "ее", "неё", "нее"})


def _speaker_goes_on(toks: list[Token], lo: int, hi: int) -> bool:
    """ "according to him", "за його словами", "по его словам", "he said", "he added"."""
    words_ = [t.low for t in toks[lo:hi]]
    if any(w in _HIM for w in words_) and any(
        w in ("according", "словами", "словам", "данным", "даними") for w in words_
    ):
        return True
    return any(
        a in ("he", "she", "він", "вона", "он", "она") and b in _SAID
        for a, b in pairwise(words_)
    )


_SAID: Final = frozenset({"said", "added", "says", "wrote", "writes", "додав", "сказав", "добавил", "сказал",
                          "зазначив", "отметил", "уточнив", "уточнил", "пишет", "пише", "написал", "написав"})
