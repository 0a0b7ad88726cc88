"""PURE: counts [region, weapon, measure, count] from numbers, weapon phrases, measure
cues and places.

Rules (see the eval README): a number counts only when it quantifies a weapon,
directly ("162 drones", "ten of the cruise missiles") or by ellipsis inside a
breakdown ("57 – над территорией Курской области", "six over the Sea of Azov");
its region is the one place named next to it (several places: null); a subset
of a regional part ("including 4 flying towards Moscow") is not labelled again;
a repeated figure is labelled once; zero is never labelled.
"""

from __future__ import annotations

import unicodedata
from typing import Final, NamedTuple

from stream.models import Measure, Qualifier, Weapon
from stream.normalize.casualties import CASUALTY_CUES
from stream.normalize.count_region import count_region
from stream.normalize.damage import IMPACT, kind_mentions
from stream.normalize.hits import told_as_hits
from stream.normalize.lexicon import has, words
from stream.normalize.numbers import Number, qualifier_len
from stream.normalize.phrases import (
    OF,
    SIZE_WORDS,
    TARGETS,
    cumulative,
    cumulative_marks,
    is_noise,
    weapon_phrase,
)
from stream.normalize.places import PlaceRef, attack_starts, codes_in
from stream.normalize.tokens import Token
from stream.normalize.weapons import measure_of, weapon_of


class Count(NamedTuple):
    """One labelled count, in token coordinates."""

    region: str | None
    weapon: Weapon
    measure: Measure
    value: int
    qualifier: Qualifier
    first: int
    last: int
    np_last: int
    sent: int
    total: bool = False
    again: tuple[int, ...] = ()  # sentences that state the same figure again


_HARD: Final = frozenset({";", ":"})
_LAUNCH_SYSTEMS: Final = frozenset({"himars", "mlrs", "multiple", "launchers", "bombers", "aircraft", "ships",
                                    "warships", "submarines", "vessels"})
_MOSCOW_MAYOR: Final = words("sobyanin", "собянин", "собянін")
_BRING: Final = frozenset({"bring", "brings", "brought", "bringing"})
_FOUND: Final = frozenset({"detected", "spotted", "обнаружены", "обнаружено", "виявлено", "виявлені",
                           "зафіксовано", "зафиксированы"})
_QUOTES: Final = frozenset({'"', "«", "»", "“", "”", "'"})
_LAUNCHER_NOUNS: Final = frozenset({"rocket", "rockets", "system", "systems", "vehicle", "vehicles", "pad",
                                    "pads", "site", "sites", "platform", "platforms", "установка",
                                    "установки", "систем", "системы"})

_ATTACK_EVENT: Final = frozenset({"attack", "attacks", "strike", "strikes", "assault", "barrage"})
_EVENT_PREPS: Final = frozenset({"in", "during", "after", "amid", "since", "before", "throughout"})
_EVENT_DETS: Final = (
    frozenset({"the", "a", "an", "this", "that", "overnight", "latest", "night's", "combined",
               "massive"}))
_EVENT_AGENT: Final = frozenset({"by", "of", "with", "involving", "using"})


def _event_named(toks: list[Token], k: int) -> bool:
    """ "in the attack", "during the overnight strike": the event a sentence speaks of, named
    after a preposition, is no launch cue (unlike "an attack by 30 drones")."""
    j = k - 1
    while j >= 0 and toks[j].low in _EVENT_DETS:
        j -= 1
    if j < 0 or toks[j].low not in _EVENT_PREPS:
        return False
    return not (k + 1 < len(toks) and toks[k + 1].low in _EVENT_AGENT)


class _Doc(NamedTuple):
    """Per-report lookups: sentence bounds and the sentences quoting the Moscow mayor.
    Clauses (split at sentence ends, ';' and ':') are found on demand: a report has few
    numbers, so scanning their clauses is cheaper than indexing every token."""

    toks: list[Token]
    sent_bounds: list[tuple[int, int]]
    mayor_sents: frozenset[int]
    meas: list[Measure | None]  # the measure cue of each token, looked up once

    @classmethod
    def of(cls, toks: list[Token], sent_bounds: list[tuple[int, int]]) -> _Doc:
        meas: list[Measure | None] = []
        mayor: set[int] = set()
        for k, t in enumerate(toks):  # one sweep for both
            m = measure_of(t)
            if m is None and t.low in _BRING and k + 1 < len(toks) and toks[k + 1].low == "down":
                m = "intercepted"  # "air defences brought down 55 drones"
            elif m is None and t.low in _LAUNCH_NOUNS and k + 1 < len(toks) and toks[k + 1].kind == "num":
                m = "launched"  # "здійснив пуски 4 балістичних ракет" (not "Дальность пуска Storm Shadow")
            elif m is not None and k + 1 < len(toks) and toks[k + 1].low in _LAUNCHER_NOUNS:
                m = None  # "multiple launch rocket system projectiles": part of a weapon name
            elif m == "launched" and 0 < k < len(toks) - 2 and toks[k + 1].low == "by" and (
                weapon_of(toks[k - 1]) is not None
                and any(t.low in _LAUNCH_SYSTEMS for t in toks[k + 2 : k + 5])
            ):
                m = None  # "shot down ... 28 guided rockets fired by HIMARS launchers": what they are
            elif m == "launched" and t.low in ("attack", "strike") and k + 1 < len(toks) and (
                weapon_of(toks[k + 1]) is not None
            ):
                m = None  # "2,700 Shahed-type attack drones": a kind of drone, not a launch
            elif m == "launched" and t.low in _ATTACK_EVENT and _event_named(toks, k):
                m = None  # "launched 411 drones in the attack, and 372 ... shot down": the event
            meas.append(m)
            if t.low[:3] in ("sob", "соб") and has(t, _MOSCOW_MAYOR):
                mayor.add(t.sent)
        return cls(toks, sent_bounds, frozenset(mayor), meas)

    def clause(self, i: int) -> tuple[int, int]:
        toks = self.toks
        s_lo, s_hi = self.sent_bounds[toks[i].sent]
        lo = i
        while lo > s_lo and toks[lo - 1].text not in _HARD:
            lo -= 1
        hi = i
        while hi < s_hi and toks[hi].text not in _HARD:
            hi += 1
        return lo, hi


def _measure(
    toks: list[Token], num: Number, lo: int, hi: int, meas: list[Measure | None] | None = None
) -> Measure | None:
    """The nearest measure cue to a number within [lo, hi); commas cost distance."""
    best: tuple[float, int, Measure] | None = None
    before: Measure | None = None
    cues = meas[lo:hi] if meas is not None else [measure_of(t) for t in toks[lo:hi]]
    if _hits_by(toks, num, lo, cues):
        return None  # "Hits by 5 missiles and 27 attack UAVs were recorded": impacts, no measure
    own = _own_predicate(toks, num, lo, cues)
    if own is not None:
        return own  # "Forty of them were shot down and 37 others were lost from radar"
    for k, m in enumerate(cues, lo):
        if m is None or num.first <= k <= num.last:
            continue
        if k > 0 and toks[k - 1].low in _AIR and toks[k].low in _ATTACK_NOUNS:
            continue  # "438 air attack assets", "засобів повітряного нападу": a name, no launch
        a, b = (k, num.first) if k < num.first else (num.last, k)
        span = [t.text for t in toks[a:b]]
        commas = span.count(",")
        quotes = sum(1 for x in span if x in _QUOTES)
        dist = (b - a) - quotes + 3 * commas + (0.5 if k > num.last else 0)
        if k < num.first and toks[k].low in _DETECTED and any(
            t.low.startswith(_HITS) for t in toks[k + 1 : num.first]
        ):
            return None  # "зафіксовано влучання 20 БпЛА": hits recorded, no measure
        if m == "suppressed" and _joined_intercept(toks, k):
            m = "intercepted"  # "збито/подавлено 60": a combined figure
        if m == "launched" and any(measure_of(t) == "intercepted" for t in toks[max(lo, k - 3) : k]):
            m = "intercepted"  # "repelled an attack by three drones"
        if m == "launched" and toks[k].low in _FOUND and k + 2 < len(toks) and (
            toks[k + 1].low in ("and", "и", "і", "та", "й") and measure_of(toks[k + 2]) == "intercepted"
        ):
            m = "intercepted"  # "were detected and destroyed", "обнаружены и уничтожены"
        if k > num.last and before is not None and _other_clause(toks, num.last, k):
            continue  # "знешкоджено ... 199 БпЛА, ще 169 імітаторів локаційно втрачено"
        if best is None or dist < best[0]:
            best = (dist, k, m)
        if k < num.first:
            before = m
    return best[2] if best else None


_RATHER: Final = frozenset({("а", "не"), (",", "не"), ("and", "not"), (",", "not"), ("rather", "than"),
                            ("instead", "of"), ("(", "not"), ("(", "не"), ("(", "а")})
_CORRECTING: Final = frozenset({"earlier", "previously", "initially", "ранее", "раніше", "первоначально",
                                "спочатку", "correcting", "уточнив", "уточнило", "уточнила"})


def _superseded(toks: list[Token], num: Number, s_lo: int, s_hi: int) -> bool:
    """A figure a correction replaced: "уничтожены шесть беспилотников, а не четыре, как
    сообщалось ранее", "126, а не 118", "22 drones, correcting an earlier statement that had
    put the number at 18"."""
    j = num.first - num.qlen - 1
    if j > s_lo and (toks[j - 1].low, toks[j].low) in _RATHER:
        return True
    f = j - 1 if j > s_lo and toks[j].low == "the" else j
    if f > s_lo and toks[f].low == "from" and toks[f - 1].low in ("up", "down"):
        return True  # "58 were shot down — up from the 52 reported earlier": the figure it grew from
    k = j
    while k >= s_lo and toks[k].text not in (",", ";", ":", "(", ")", "—", "–"):
        if toks[k].low in _CORRECTING:
            return True
        k -= 1
    return False


_REPORTED: Final = frozenset({"earlier", "previously", "initially", "ранее", "раніше", "первоначально",
                              "спочатку", "сообщалось", "повідомлялося", "повідомлялось"})


def _replaced(toks: list[Token], num: Number, s_hi: int) -> bool:
    """A weapon figure after ", not" / "а не" that the rest of its sentence calls the
    earlier one: "352 drones, not 330 drones as reported earlier"."""
    j = num.first - num.qlen - 1
    if j < 1 or (toks[j - 1].low, toks[j].low) not in _RATHER:
        return False
    return any(t.low in _REPORTED for t in toks[num.last + 1 : s_hi])


_TOLD: Final = frozenset({"сообщал", "сообщала", "сообщали", "сообщалось", "писал", "писала", "повідомляв",
                          "повідомляла", "повідомлялося", "повідомлялось", "reported", "said", "announced"})
_CLAUSE_BREAKS: Final = frozenset({",", ";", ":", "—", "–", "(", ")"})
_UPDATED: Final = ("уточнен", "оновлен", "обновлен", "updated", "revised")


def _told_earlier(
    toks: list[Token], num: Number, numbers: list[Number], idx: int, s_lo: int, s_hi: int
) -> bool:
    """ "Ранее я сообщал о пяти сбитых БПЛА — по итогам ночи уничтожено 11": a figure its own
    clause calls an earlier report, with the current one after it in the sentence."""
    a = num.first - num.qlen
    while a > s_lo and toks[a - 1].text not in _CLAUSE_BREAKS:
        a -= 1
    b = num.last + 1
    while b < s_hi and toks[b].text not in _CLAUSE_BREAKS:
        b += 1
    clause = {t.low for t in toks[a:b]}
    if not (clause & _REPORTED and clause & _TOLD):
        return False
    if idx + 1 < len(numbers) and b <= numbers[idx + 1].first < s_hi:
        return True
    # "..., of which 58 were shot down — up from the 52 reported earlier", "За уточненими даними
    # ... збито 204 БпЛА. Раніше повідомлялося про 196 знешкоджених БпЛА – дані оновлено": the
    # current figure told before it, in an update (not "Earlier the ministry reported 76 drones
    # overnight", another night's)
    if idx == 0 or numbers[idx - 1].last >= a:
        return False
    if any(toks[k].low == "from" and toks[k - 1].low in ("up", "down") for k in range(a + 1, b)):
        return True
    k = s_lo - 1
    while k > 0 and toks[k - 1].sent == toks[s_lo - 1].sent:
        k -= 1
    return any(t.low.startswith(_UPDATED) for t in toks[max(k, 0) : s_hi])


def _joined_to(toks: list[Token], prev: Number, num: Number) -> bool:
    """Whether `num` is the next item of the list `prev` opens ("330 drones and 15
    missiles"): only weapon words and one conjunction or comma between them."""
    between = toks[prev.last + 1 : num.first - num.qlen]
    if not between or len(between) > 6 or between[0].sent != toks[num.first].sent:
        return False
    joins = [t for t in between if t.low in ("and", "и", "і", "та", "й", ",")]
    return len(joins) == 1 and all(
        t in joins or weapon_of(t) is not None or (t.kind == "word" and t.pos in ("ADJF", "PRTF"))
        for t in between
    )


def _other_clause(toks: list[Token], last: int, k: int) -> bool:
    """Whether the cue at k comes after a comma that opens a clause of another number
    (", ще 169 ... втрачено", ", another 6 were jammed"): that number's cue."""
    for j in range(last + 1, k - 1):
        if toks[j].text == "," and any(t.kind == "num" for t in toks[j + 1 : min(k, j + 4)]):
            return True
    return False


_DETECTED: Final = frozenset({"зафіксовано", "зафиксировано", "detected", "зафіксували", "зафиксировали",
                              "зафиксированы", "зафіксовані", "recorded"})
_HITS: Final = ("влучан", "влучень", "попадан", "падін", "падени", "hit", "impact", "strikes")


_AIR: Final = frozenset({"air", "повітряного", "воздушного", "повітряних", "воздушных"})
_ATTACK_NOUNS: Final = frozenset({"attack", "нападу", "нападения", "нападу:"})


_COMPRISED: Final = (
    frozenset({"included", "include", "includes", "comprised", "were", "включали", "були", "были"}))
_AMONG: Final = (
    frozenset({("among", "them"), ("серед", "них"), ("среди", "них"), ("з", "них"), ("из", "них")}))


def _breakdown_opener(toks: list[Token], s_lo: int, first: int) -> bool:
    """A sentence that opens as the breakdown of a figure told before it: "The missiles
    included ...", "Among them were ...", "Серед них ..."."""
    if first - s_lo < 2:
        return False
    if (toks[s_lo].low, toks[s_lo + 1].low) in _AMONG:
        return True
    k = s_lo + (1 if toks[s_lo].low == "the" else 0)
    return weapon_of(toks[k]) is not None and k + 1 < first and toks[k + 1].low in _COMPRISED


_DASH_BULLETS: Final = frozenset({"–", "—", "-", "•", "·", "*"})
_INCLUDING_WORDS: Final = frozenset({"including", "incl", "зокрема", "включая"})
_FLEW: Final = (
    frozenset({"flew", "headed", "went", "crashed", "fell", "полетіли", "полетели", "улетели", "вилетіли",
               "упали", "впали", "полетів", "полетіла", "полетел", "полетела", "улетел",
               "упав", "упала", "впав", "впала", "упал", "упало", "впало"}))  # "ще один упав на НПЗ"


def _own_verb(toks: list[Token], last: int) -> bool:
    """A bare figure told with a verb of its own that is no measure ("2 – полетіли в бік
    Білорусі", "2 flew towards Belarus")."""
    k = last + 1
    if k < len(toks) and toks[k].text in ("–", "—", "-"):
        k += 1
    if k >= len(toks) or toks[k].kind != "word" or measure_of(toks[k]) is not None:
        return False
    return toks[k].low in _FLEW


_PREDICATE_GAP: Final = (
    frozenset({"others", "other", "more", "were", "was", "had", "have", "has", "been", "are",
               "is", "of", "them", "then", "also", "later", "reportedly"}))


def _own_predicate(toks: list[Token], num: Number, lo: int, cues: list[Measure | None]) -> Measure | None:
    """The measure of the verb right after a figure joined to the one before by "and" ("Forty
    were shot down and 37 others were lost from radar"): its own predicate, not the other's."""
    j = num.first - num.qlen - 1
    if j < lo or toks[j].low not in ("and", "while", "и", "і", "та"):
        return None
    kind, _weapon, np_last = weapon_phrase(toks, num.last)
    start = np_last + 1 if kind == "weapon" else num.last + 1  # past "415 decoy drones"
    for k in range(start, min(lo + len(cues), start + 4)):
        if cues[k - lo] is not None:
            return cues[k - lo]
        if toks[k].low not in _PREDICATE_GAP:
            return None
    return None


def _hits_by(toks: list[Token], num: Number, lo: int, cues: list[Measure | None]) -> bool:
    """The number is in the object of "hits by" / "impacts of" with no measure cue between."""
    for j in range(min(num.first, lo + len(cues)) - 1, max(lo, num.first - 12) - 1, -1):
        if cues[j - lo] is not None or toks[j].text in (";", ":", "."):
            return False
        if toks[j].low in ("by", "of") and j > 0 and toks[j - 1].low in ("hits", "impacts"):
            return True
    return False


def _joined_intercept(toks: list[Token], k: int) -> bool:
    """ "shot down/suppressed", "збито/подавлено": one combined figure."""
    for d in (-3, -2, 2, 3):
        j = k + d
        if 0 <= j < len(toks) and measure_of(toks[j]) == "intercepted":
            # "shot down and suppressed": the particle of a phrasal cue is no word between
            mid = [t for t in toks[min(j, k) + 1 : max(j, k)] if t.low != "down"]
            if any(t.text == "/" or t.low in ("or", "або", "или") for t in mid):
                return True
            if len(mid) == 1 and mid[0].low in ("and", "и", "і", "й", "та"):
                return True  # "сбиты и подавлены 277 дронов": one figure for both
    return False


def extract_counts(
    toks: list[Token],
    numbers: list[Number],
    places: list[PlaceRef],
    sent_bounds: list[tuple[int, int]],
    implied: list[Number] | tuple[Number, ...] = (),
) -> list[Count]:
    """Counts of a report in text order, deduplicated; `implied` are the ones stated by a
    singular weapon noun (see `singular`), each a weapon phrase of its own."""
    out: list[Count] = []
    ones = {n.first for n in implied}
    if ones:
        numbers = sorted([*numbers, *implied], key=lambda n: n.first)
    seen: set[tuple[str | None, str, str, int]] = set()
    last_in_sent: dict[int, Count] = {}
    if not numbers:
        return out
    doc = _Doc.of(toks, sent_bounds)
    dropped: Number | None = None  # the last figure a correction replaced
    marks: list[int] | None = None  # running totals' sentences, found when first needed
    for idx, num in enumerate(numbers):
        tok = toks[num.first]
        sent = tok.sent
        s_lo, s_hi = sent_bounds[sent]
        if num.value <= 0 or (num.first not in ones and is_noise(toks, num)):
            continue
        if num.first in ones:
            kind, weapon, np_last = "weapon", weapon_of(tok), num.last
        else:
            kind, weapon, np_last = weapon_phrase(toks, num.last)
        weapon_at = -1
        ante = last_in_sent.get(sent)
        if num.first - num.qlen > 0 and _debris_at(toks, num.first - num.qlen - 1) and has(
            toks[num.last + 1] if num.last + 1 < len(toks) else tok, OF
        ):
            continue  # "обломки одного из сбитых дронов", "debris from one of the drones"
        if kind == "other" and _rockets_downed(toks, num, doc):
            # "Силами ПВО сбиты три снаряда" (of HIMARS): projectiles air defence shoots down are
            # rockets, not the shells a gun fires
            kind, weapon, np_last = "weapon", "missile", num.last + 1
        if kind == "other" or (kind == "ellipsis" and _superseded(toks, num, s_lo, s_hi)):
            continue
        if kind in ("ellipsis", "weapon") and _own_verb(toks, np_last):
            continue  # "41 БпЛА – локаційно втрачені, 2 – полетіли в бік Білорусі": what else befell them
        if kind == "ellipsis" and tok.low in _BOTH and _people_before(toks, num.first, s_lo):
            continue  # "ранения получили мужчина и его сын, оба доставлены в больницу"
        if kind == "weapon" and (
            _replaced(toks, num, s_hi)
            or (dropped is not None and _joined_to(toks, dropped, num))
            or _told_earlier(toks, num, numbers, idx, s_lo, s_hi)
        ):
            dropped = num  # "352 drones, not 330 drones and 15 missiles as reported earlier"
            continue
        if kind == "ellipsis" and weapon is None:
            near = _casualty_near(toks, num.first - num.qlen, num.last, s_lo, s_hi)
            if near or _impact_of(toks, num, s_hi) or _after_casualty(toks, numbers, idx, s_lo):
                continue
            if _of_other(toks, num, numbers, idx, out):
                continue  # "4 460 обстрілів ..., з них 112 — з РСЗВ": a part of no weapon figure
            resp = _respective(toks, num, numbers, idx, sent, out, doc.clause(num.first))
            c_lo = num.first
            while c_lo > s_lo and toks[c_lo - 1].text not in (";", ":"):
                c_lo -= 1
            own, own_at = _weapon_before(toks, c_lo, num.first) if ante is not None else (None, -1)
            if resp is not None:
                weapon = resp  # "465 дронов и 32 ракеты, из них сбиты 405 и 24 соответственно"
            elif own is not None and ante is not None and ante.last < c_lo:
                weapon, weapon_at = own, own_at  # "..., ще 4 локаційно втрачені; ракети збито всі сім"
            elif ante is not None:
                weapon = ante.weapon
            else:
                weapon, weapon_at = _weapon_before(toks, s_lo, num.first)
                if weapon is not None and _mixed_pair(toks, weapon_at):
                    continue  # "attacked with 430 drones and missiles ..., 386 had been shot down"
                if (
                    weapon is not None
                    and _of_them(toks, num)
                    and kind_mentions(toks, weapon_at + 1, num.first)
                ):
                    continue  # "повреждены несколько жилых домов, на крыше одного из них пожар"
                prev = last_in_sent.get(sent - 1)
                if (
                    prev is None
                    and sent > 1
                    and sent - 1 not in last_in_sent
                    and any(doc.meas[k] is not None for k in range(s_lo, num.first))
                ):
                    # "... shot down over the region. No one was injured. The ministry put the
                    # number downed at 28": a measured figure, past a sentence of no figure
                    prev = last_in_sent.get(sent - 2)
                own_end = s_hi if num.first - num.qlen > s_lo else next(  # a list line's figure
                    (k for k in range(num.last + 1, s_hi - 1)
                     if toks[k].text == "," and toks[k + 1].low in _INCLUDING_WORDS),
                    s_hi,
                )
                if _anaphoric(toks, num):
                    # "Air defense downed 139 of them, while 33 drones hit ...", "з них 139
                    # збито/подавлено, зафіксовано влучання 33 ударних БпЛА": "of them" points
                    # back; a weapon named after the figure is another clause's
                    own_end = num.first
                if weapon is None and prev is not None and not _sentence_has_weapon(
                    toks, s_lo, own_end  # (not "9 – over the Moscow region, including 6 UAVs ...")
                ) and not any(t.low in _OTHER_TALLIES for t in toks[s_lo:num.first]):
                    # (not "Найбільше боєзіткнень – на Покровському напрямку (46)")
                    ante, weapon = prev, prev.weapon
                if weapon is None:
                    # "Сбитые за ночь беспилотники — по данным губернаторов:\nБрянская
                    # область — 12": the header's weapon for a list line
                    header = _list_header(toks, doc.sent_bounds, sent, places)
                    if header is not None:
                        weapon, _at = _weapon_before(toks, header[0], header[1])
                        h_sent = toks[header[0]].sent
                        before_h = last_in_sent.get(h_sent - 1)
                        if weapon is None and before_h is not None and any(
                            t.low in _DIRECTIONS for t in toks[header[0] : header[1]]
                        ):
                            # "shot down/suppressed 471 drones.\nBy direction:\n🔹 north – 187":
                            # the parts of the figure before the header (region null: a direction
                            # spans several regions)
                            ante, weapon = before_h, before_h.weapon
        if weapon is None or (toks[np_last].lemma in TARGETS and _mixed_before(toks, num.first)):
            continue  # "targets" after drones and missiles both: a figure of no one weapon
        if kind == "weapon" and _hit_part(toks, num, np_last, s_hi, weapon, out):
            continue  # "Russia launched 176 drones ..., while 33 drones hit 12 locations"
        hits = kind == "weapon" and told_as_hits(toks, num, s_lo, doc.meas)
        if hits and any(c.weapon == weapon and c.first < num.first for c in out):
            continue  # "Зафіксовано влучання 28 ударних БпЛА" after the night's figures: a part of them
        lo, hi = doc.clause(num.first)
        # "влучання двох авіабомб", "19 влучань «шахедів»" with no figure of them before: the
        # weapons that hit at a place were used
        measure: Measure | None = "launched" if hits else None
        if _of_phrase_with_number(toks, num, np_last):
            # "25 of 30 drones launched": "launched" belongs to the 30
            measure = _measure(toks, num, lo, num.first, doc.meas)
            if measure is None:
                # "112 of the 151 drones launched overnight were shot down": the verb after
                after = [doc.meas[k] for k in range(np_last + 2, hi) if doc.meas[k] is not None]
                measure = after[0] if after else None
        if measure is None and kind == "weapon" and _subject_struck(toks, num, np_last, s_hi):
            # "two Iskander-M ballistic missiles struck the center of Sumy": the weapons used (a
            # cue before, across "while", "but", "а", does not reach a subject with its own verb)
            measure = "launched"
        if measure is None and kind == "weapon" and num.last + 1 < len(toks) and (
            toks[num.last + 1].low in _LAUNCHES
        ):
            measure = "launched"  # "здійснив понад 40 пусків керованих авіабомб": launches
        measure = measure or _measure(toks, num, lo, hi, doc.meas)
        if measure is None and kind == "ellipsis" and ante is not None and not any(
            has(t, IMPACT) for t in toks[num.last + 1 : hi]
        ):
            measure = ante.measure  # not "one of them damaged a house": its own verb
        if measure is None and _starts_list(toks, lo, num.first):
            # "Зокрема: 4 ракети Іскандер-М, 7 ракет Х-101", "атакував 11 ракетами: 4 ..."
            if ante is not None:
                measure = ante.measure
            elif lo > s_lo:
                # "знищено 92 засоби повітряного нападу: 55 Shahed та 37 крилатих ракет": the
                # header's cue, before a figure of the sentence before
                measure = _measure(toks, num, s_lo, lo, doc.meas)
            if measure is None:
                head = last_in_sent.get(sent - 1)
                measure = head.measure if head is not None else None
        if measure is None and lo == s_lo:
            header = _list_header(toks, doc.sent_bounds, sent, places)
            if header is not None:
                # "Враг запустил:\n— 86 ударных БпЛА ...;\n— 3 ракеты ...": the header's cue
                measure = _measure(toks, num, header[0], header[1], doc.meas)
                if measure is None:
                    # "... удару 120 ракетами.\nЗокрема:\n▪️ 8 ракет ...": the figure before it
                    h_sent = toks[header[0]].sent
                    earlier = [s for s in last_in_sent if s <= h_sent]
                    measure = last_in_sent[max(earlier)].measure if earlier else None
                if measure is None and h_sent > 0 and not earlier:
                    # "противник атакував ударними БпЛА та ракетами.\nЗагалом засоби
                    # повітряного нападу:\n– 2 балістичні ракети ...": the cue of the sentence
                    # that told of the attack, when no figure came before
                    p_lo, p_hi = doc.sent_bounds[h_sent - 1]
                    if _sentence_has_weapon(toks, p_lo, p_hi):
                        measure = _measure(toks, num, p_lo, p_hi, doc.meas)
        if (
            measure is None
            and kind == "weapon"
            and sent > 0
            and s_lo < num.first
            and toks[s_lo].text in _DASH_BULLETS
            and last_in_sent.get(sent - 1) is not None
            and not any(t.low.startswith(_HITS) for t in toks[s_lo : num.first])
        ):
            # "... attacked with 32 missiles and 465 UAVs.\n– 3 Kh-47M2 Kinzhal missiles;": a bullet
            # line right after the figures it breaks down, measured as they were
            told = [c for c in out if c.sent == sent - 1 and c.weapon == weapon]
            measure = told[-1].measure if told else None
        if (
            measure is None
            and kind == "weapon"
            and sent > 0
            and last_in_sent.get(sent - 1) is not None
            and any(toks[k].text in _DASH_ITEM or toks[k].text == "-" for k in range(s_lo, num.first))
            and not any(doc.meas[k] is not None or toks[k].pos in _VERB_POS for k in range(s_lo, s_hi))
            and not any(t.low.startswith(_HITS) for t in toks[s_lo:s_hi])
        ):
            # "Росія випустила ... 47 ракет. Лише минулої ночі – 6 ракет і 104 дрони": a sentence
            # with no verb of its own after the figures of the same weapons, measured as they were
            # (a hyphen typed for the dash too: "Только за прошлую ночь - 118 шахедов")
            told = [c for c in out if c.sent == sent - 1 and c.weapon == weapon]
            measure = told[-1].measure if told else None
        if (
            measure is None
            and kind == "weapon"
            and sent > 0
            and sent - 1 not in last_in_sent
            and s_hi - s_lo <= 10  # a short line ("Попередньо, 4 КАБи."), not a sentence of its own
            and not any(doc.meas[k] is not None or toks[k].pos in _VERB_POS for k in range(s_lo, s_hi))
            and any(doc.meas[k] == "launched" for k in range(*doc.sent_bounds[sent - 1]))
        ):
            # "Ворог вдарив балістикою по Кривому Рогу. Попередньо — двома ракетами Іскандер-М",
            # "Окупанти завдали ударів КАБами по ... районах. Попередньо, 4 КАБи": a sentence with no
            # verb of its own after an attack told with no figure names what it was made with
            measure = "launched"
        if measure is None and kind == "weapon" and _aimed_at(toks, num, np_last, s_lo, s_hi, doc.meas):
            measure = "launched"  # "Сумщина за сутки: 9 КАБ и 40 ударных БпЛА по громадам области"
        if measure is None and kind == "weapon" and _copula(toks, num):
            # "Russia launched 479 aerial weapons; 477 were drones": a breakdown of the
            # figure before, measured by the cue of its sentence
            measure = _measure(toks, num, s_lo, num.first, doc.meas)
        if (_with_number(toks, num) and not _shot_after(toks, np_last)) or (
            measure is None and _with_list(toks, num, ante)
        ):
            measure = "launched"  # "hit Ukraine with 6 missiles", "с помощью 27 беспилотников"
        of_number = _of_number(toks, num, ante)
        if of_number:
            measure = "launched"  # "shot down 45 of 60 drones": 60 were launched
        if measure is None and _there_were(toks, num, lo):
            measure = "launched"  # "Всього було 19 «шахедів»": the old Air Force tally
        if measure is None and sent > 0 and _in_total(toks, s_lo, num.first):
            # "противник атакував ударними БпЛА. Загалом – 181 ударний БпЛА": the cue before
            p_lo, p_hi = doc.sent_bounds[sent - 1]
            measure = _measure(toks, num, p_lo, p_hi, doc.meas)
        if measure is None and weapon is not None and sent > 0 and _breakdown_opener(toks, s_lo, num.first):
            # "Russia launched 52 missiles ... The missiles included two Kinzhal, 16 Iskander-M":
            # a breakdown of the figure before, measured as it was
            before_it = [c for c in out if c.sent == sent - 1 and c.weapon == weapon]
            measure = before_it[-1].measure if before_it else None
        if measure is None and kind == "weapon" and _shelling_line(toks, s_lo, s_hi, num.first, doc.meas):
            # "Протягом доби росіяни здійснили 96 обстрілів ...\n🔹 Краснопільська громада: 4 КАБи,
            # 11 FPV-дронів, артилерійський обстріл": what a place's line of a shelling tally lists
            measure = "launched"
        if measure is None or _produced(toks, num, lo) or _negated_cue(toks, num, lo, hi, doc.meas):
            continue
        if _restated(toks, num, np_last, weapon, out):
            continue  # "the 71 drones mentioned above", "Of the 289 drones it claimed, ..."
        if _hypothetical(toks, num, lo):
            continue  # "could fire up to 1,500 drones", "может выпустить до 1000 беспилотников"
        if marks is None:
            marks = cumulative_marks(toks, doc.sent_bounds)
        after_colon = lo > s_lo and toks[lo - 1].text == ":"
        if cumulative(marks, lo, hi) or (after_colon and cumulative(marks, s_lo, lo)):
            # "has launched more than 5,000 drones at Ukraine since the start of the month"; "Всего с
            # начала ... уничтожены: 667 самолетов, ... 108 219 беспилотников": the list's header
            continue
        if _on_board(toks, np_last):
            continue  # "a Kalibr carrier with up to eight missiles on board": what it carries
        measure, also = _participle_fate(toks, num, np_last, hi, measure, doc.meas)
        total = _is_total(toks, num, np_last) or (
            toks[s_lo].low in _IN_TOTAL and s_lo + 1 < len(toks) and toks[s_lo + 1].text == ","
        )  # "Загалом, за даними Повітряних сил, противник застосував 476 ударних БпЛА"
        prev_last = last_in_sent.get(sent - 1)
        if (
            not total
            and prev_last is not None
            and prev_last.total
            and prev_last.region is None
            and not codes_in(places, s_lo, s_hi)
        ):
            before = [c for c in out if c.sent == sent - 1]
            # "... застосував 476 БпЛА та 48 ракет. Знешкоджено 442 дрони": the totals' fate
            total = bool(before) and all(c.total and c.region is None for c in before)
        region = count_region(toks, num, np_last, numbers, idx, places, s_lo, s_hi, total)
        if region is None and sent in doc.mayor_sents:
            region = "RU-MOW"
        if (
            ante is not None
            and ante.measure == measure
            and (
                ante.region is not None
                or (region is None and ante.weapon == weapon)
                or (region is not None and ante.weapon == weapon and _all_in(places, doc, ante, region))
            )
            and _is_subset(toks, num, np_last)
            and not _distributed(toks, num, numbers, idx, places, s_hi)  # "зокрема по 18 – над X та Y"
            and not _whole_breakdown(toks, numbers, idx, ante, s_hi)
        ):
            continue  # "9 over the Moscow region, including 4 ...", "7 missiles, including 4
            # Iskander-M": a subset of one figure is not labelled again
        if ante is not None and _part_of_restated(toks, num, ante, hi):
            continue  # "destroyed 47 drones ... Of the 47, twelve were heading for the capital"
        if (
            region is None
            and (kind == "ellipsis" or of_number)
            and ante is not None
            and not total
            and not _national(toks, ante.np_last + 1, min(s_hi, num.last + 4))
            # ("а всего над территорией страны — 77", "загалом за ніч — 66 над вісьмома регіонами")
            and len(codes_in(places, num.last + 1, hi)) < 2  # "по 11 – над Мордовією та Чувашією"
            and not set(codes_in(places, ante.np_last + 1, num.first)) - {ante.region}
            # (not "над Чувашией два БПЛА, а над Мордовией и Пензенской областью — еще пять")
        ):
            region = ante.region  # "fired two missiles at the Lviv region; both were intercepted"
        if (
            region is None
            and kind == "weapon"
            and not total
            and ante is not None
            and ante.measure == measure
            and ante.region is not None
            and ante.np_last < num.first
            # (only separators between the figures)
            and all(
                t.text == "," or t.low in _AND_THAT
                for t in toks[ante.np_last + 1 : num.first - num.qlen]
            )
        ):
            # "struck the Kharkiv region with 4 guided aerial bombs, 17 Shahed-type drones, 5
            # Molniya drones and 9 FPV drones": one list, one place
            region = ante.region
        if region is None and kind == "weapon" and not total:
            # "атакував Запоріжжя 3 ракетами та 12 дронами, одна ракета збита": the fate of
            # weapons launched at a place, in the same sentence, is at that place
            same = [c for c in out if c.sent == sent and c.weapon == weapon and c.measure != measure]
            if same and same[-1].region is not None and not codes_in(
                places, same[-1].np_last + 1, hi
            ):
                region = same[-1].region
        if region is None and kind == "weapon" and not total:
            # "выпустили по населённым пунктам Херсонской области 142 снаряда и применили 35
            # беспилотников": the place before figures of no weapon
            region = _past_other_figures(toks, num, numbers, idx, places, lo, out)
        if region is None and weapon_at >= 0:
            # "fired missiles at the capital; all four were intercepted"
            between = codes_in(places, weapon_at, num.first)
            region = between[0] if len(between) == 1 else None
            if region is None and not between and _of_them(toks, num):
                # "attacked Mykolaiv Oblast with Shahed drones; air defence shot down seven of
                # them": the place the weapons were used on
                w_lo, _ = doc.clause(weapon_at)
                used_on = codes_in(places, w_lo, weapon_at)
                region = used_on[0] if len(used_on) == 1 else None
        if (
            region is None
            and not total
            and not codes_in(places, s_lo, s_hi)
            and not _national(toks, s_lo, s_hi)
            and not ministry_tells(toks, s_lo, s_hi)
            and not _air_force_tells(toks, s_lo, s_hi)
        ):
            # "... at the Mykolaiv region. Thirteen drones were shot down."
            region = _previous_region(_share_coordinated_region(toks, out[-20:]), sent)
            if region is not None and any(t.low in _IN_TOTAL for t in toks[s_lo : num.first]) and len(
                {c.region for c in out if c.weapon == weapon and c.measure == measure}
            ) > 1:
                # "4 над морем ..., 3 — над Балаклавским районом. ... Всего за ночь уничтожены 9":
                # a total of parts in several regions spans them all (also on a city's channel)
                region, total = None, True
            if region is not None and not _bullet(toks[s_lo]) and _bullet(
                toks[doc.sent_bounds[out[-1].sent][0]]
            ) and any(c.region is None and (c.weapon == weapon or _opens_list(toks, c)) for c in out):
                # "збито 87 БпЛА:\n• Сумщина — 24\n• Київщина — 12\nЩе 14 дронів-імітаторів
                # локаційно втрачено": a line after a breakdown's bullets is the night's again
                # (also of another weapon: "In addition, 3 Storm Shadow missiles were shot down")
                region = None
            since = _places_since(doc.sent_bounds, places, out, sent) if region is not None else None
            if since is not None:
                # "▪️Тульская область: в Новомосковске ... Губернатор сообщил о 12 сбитых": the
                # place of a sentence after the last count's, not that count's
                region = since[0] if len(since) == 1 else None
        if hits and region is None:
            continue  # "Зафіксовано влучання 33 ударних БпЛА на 12 локаціях": the Air Force's
            # national tally of hits, a part of the night's launch its summary gives
        each = _distributed(toks, num, numbers, idx, places, s_hi) if region is None else []
        if each:
            # "по 15 — над Брянською та Курською областями": fifteen over each
            for code in each:
                part = Count(code, weapon, measure, num.value, num.qualifier, num.first, num.last,
                             np_last, sent, total)
                if (code, weapon, measure, num.value) not in seen:
                    seen.add((code, weapon, measure, num.value))
                    out.append(part)
            last_in_sent[sent] = part
            continue
        count = Count(region, weapon, measure, num.value, num.qualifier, num.first, num.last,
                      np_last, sent, total)
        last_in_sent[sent] = count
        key = (region, weapon, measure, num.value)
        if key in seen:
            at = next((k for k in range(len(out) - 1, -1, -1) if _key(out[k]) == key), None)
            if at is not None and out[at].sent != sent:
                out[at] = out[at]._replace(again=(*out[at].again, sent))
            continue
        seen.add(key)
        out.append(count)
        if also is not None and (region, weapon, also, num.value) not in seen:
            # "all 16 drones launched overnight had been shot down": launched and downed
            seen.add((region, weapon, also, num.value))
            out.append(count._replace(measure=also))
    out = [c for c in out if not _running_step(toks, doc.sent_bounds, c)]
    return _drop_refined(
        toks,
        doc.sent_bounds,
        places,
        _drop_placeless_repeats(
            _share_of_region(toks, _of_them_region(toks, _share_coordinated_region(toks, out)))
        ),
    )


_REFINED_MARKS: Final = ("уточнен", "уточнён", "updated", "revised", "clarified")
_DATA: Final = ("данн", "дан", "data", "figures", "information", "информац", "інформац")
_UPDATE_HEADS: Final = (
    frozenset({"upd", "update", "updated", "оновлено", "обновлено", "оновлення", "обновление"}))
_ANOTHER: Final = frozenset({"ще", "еще", "ещё", "іще", "more", "another", "additional", "further"})


def _refined(
    toks: list[Token], bounds: list[tuple[int, int]], c: Count, counted: frozenset[int]
) -> bool:
    """A figure an update gives ("Обновлено 05:20. По уточненным данным, над Севастополем сбиты 6",
    "за уточненими даними, підтверджено збиття 41"), not one added to the earlier ("ще 3")."""
    lo = bounds[c.sent][0]
    if any(t.low in _ANOTHER for t in toks[max(lo, c.first - 3) : c.first]):
        return False
    if any(t.low in _ANOTHER for t in toks[c.last + 1 : c.last + 3]):
        return False  # "UPDATED 08:10: 5 more UAVs were destroyed": added to the night's
    for k in range(lo, c.first - 1):
        if toks[k].low.startswith(_REFINED_MARKS) and toks[k + 1].low.startswith(_DATA):
            return True
    for s in (c.sent, c.sent - 1, c.sent - 2):
        if s < 0:
            continue
        a, b = bounds[s]
        head = [t for t in toks[a : min(b, a + 3)] if t.kind == "word"][:1]
        if head and head[0].low in _UPDATE_HEADS:
            # "UPD 07:40." alone before it, or before a sentence and then it ("UPD 05:10. The
            # attack has been repelled. In total, 7 drones were shot down")
            # (not a figure after the update's own: "Обновлено 09:05. Аксенов уточнил, что ...
            # сбиты 19. Минобороны сообщало об 11 ...", another claimant's)
            return s == c.sent or (b - a <= 6 and not any(x in counted for x in range(s + 1, c.sent)))
    return False


_RUNNING_TO: Final = frozenset({"достигнуть", "досягти", "досячь", "reach", "reached"})


def _running_step(toks: list[Token], bounds: list[tuple[int, int]], c: Count) -> bool:
    """ "к 02:30 число сбитых дронов достигло 11, к 04:10 — 23": a running figure's step that a
    later hour's figure in the same sentence goes past."""
    lo, hi = bounds[c.sent]
    if not any(has(t, _RUNNING_TO) for t in toks[max(lo, c.first - 2) : c.first]):
        return False
    return any(
        toks[k].kind == "time" and toks[k + 1].text in ("—", "–", "-") and toks[k + 2].kind == "num"
        for k in range(c.last + 1, hi - 2)
    )


def _drop_refined(
    toks: list[Token], bounds: list[tuple[int, int]], places: list[PlaceRef], counts: list[Count]
) -> list[Count]:
    """ "По предварительной информации, сбиты 4 БПЛА. ... По уточненным данным, над Севастополем
    сбиты 6": an update's figure replaces the earlier one of the same weapon and measure (and
    place); with no place of its own it keeps the place of the figure it replaces."""
    drop: set[int] = set()
    out = list(counts)
    counted = frozenset(c.sent for c in counts)
    for j, new in enumerate(counts):
        if not _refined(toks, bounds, new, counted):
            continue
        # (a whole over several regions with its parts beside it, "57 над вісьмома регіонами, зокрема
        # 20 — над Московським", replaces no one region's figure: another claimant's count)
        parted = new.region is None and any(x.sent == new.sent and x.region is not None for x in counts)
        old = [
            i for i, c in enumerate(counts)
            if c.sent < new.sent and c.weapon == new.weapon and c.measure == new.measure
            and c.value != new.value and (c.region == new.region or c.region is None
                                          or (new.region is None and not parted))
        ]
        if not old:
            continue
        drop.update(old)
        lo, hi = bounds[new.sent]
        kept = {counts[i].region for i in old}
        if new.region is None and len(kept) == 1 and not codes_in(places, lo, hi):
            # "UPD. По уточненным данным, всего уничтожен 31 БПЛА": the earlier figure's place, and
            # a total only if that was one
            out[j] = _with_region(new, kept.pop())._replace(total=all(counts[i].total for i in old))
    return [c for i, c in enumerate(out) if i not in drop] if drop else out


_ALL: Final = frozenset({"all", "все", "всі", "усі", "всех", "всіх", "усіх"})


def _key(c: Count) -> tuple[str | None, str, str, int]:
    return (c.region, c.weapon, c.measure, c.value)


def _participle_fate(
    toks: list[Token], num: Number, np_last: int, hi: int, measure: Measure,
    meas: list[Measure | None],
) -> tuple[Measure, Measure | None]:
    """The measure of "N drones launched ... were shot down" and the second one of "all N
    ...": a launch told by a participle of the weapon phrase ("16 drones launched overnight",
    "12 выпущенных противником беспилотников") is what the weapons were, the verb after
    the phrase in the same clause, before any other figure, their fate. Both are labelled
    when all of them met it ("all 16 drones launched ... had been shot down", "усі 20
    запущених дронів знешкоджено")."""
    before = [t.low for t in toks[max(0, num.first - num.qlen - 2) : num.first - num.qlen]]
    if any(has(t, OF) for t in toks[max(0, num.first - num.qlen - 2) : num.first - num.qlen]):
        return measure, None  # "112 of the 151 drones launched ...", "Из пяти выпущенных ракет"
    every = bool(before) and before[-1] in _ALL
    inside = any(meas[k] == "launched" for k in range(num.last + 1, np_last))
    if measure != "launched":
        return measure, "launched" if every and inside else None
    after = np_last + 1 < hi and meas[np_last + 1] == "launched" and toks[np_last + 1].low in _PARTICIPLES
    if not (inside or after):
        return measure, None
    for k in range(np_last + 1, hi):
        if toks[k].kind == "num":
            break
        if meas[k] is not None and meas[k] != "launched":
            return meas[k], "launched" if every else None  # type: ignore[return-value]
    return measure, None


_PARTICIPLES: Final = frozenset({"launched", "fired", "sent", "used", "deployed", "dropped"})


_WHICH: Final = frozenset({"них", "них,", "them", "which", "яких", "которых"})


def _of_them_region(toks: list[Token], counts: list[Count]) -> list[Count]:
    """ "выпустил две ракеты и 14 ударных дронов, 11 из них удалось сбить", "37 «шахедів»,
    з яких 31 знешкоджено": a part "of them" is where its whole was (also when the whole
    took its place from a coordinated figure)."""
    out = list(counts)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if b.region is not None or a.region is None or a.sent != b.sent or b.total:
            continue
        after = b.last + 2 < len(toks) and has(toks[b.last + 1], OF) and toks[b.last + 2].low in _WHICH
        before = b.first >= 2 and has(toks[b.first - 2], OF) and toks[b.first - 1].low in _WHICH
        if (after or before) and b.weapon == a.weapon:
            out[k] = _with_region(b, a.region)
    return out


def _share_of_region(toks: list[Token], counts: list[Count]) -> list[Count]:
    """ "знищили 14 з 18 «шахедів» над Одещиною": the part is where its whole was."""
    out = list(counts)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.region is None and b.region is not None and a.sent == b.sent and a.weapon == b.weapon:
            between = toks[a.last + 1 : b.first]
            if len(between) in (1, 2) and has(between[0], OF):
                out[k] = _with_region(a, b.region)
    return out


def _drop_placeless_repeats(counts: list[Count]) -> list[Count]:
    """ "57 over the Kursk region ... the 57 drones": a later repeat of a regional figure
    without its place is the same figure, labelled once."""
    regional = {(c.weapon, c.measure, c.value): c.sent for c in counts if c.region is not None}
    return [
        c
        for c in counts
        if c.region is not None
        or regional.get((c.weapon, c.measure, c.value), c.sent + 1) >= c.sent
    ]


_MADE: Final = frozenset({"производства", "виробництва", "made", "us-made", "american-made",
                          "british-made", "french-made"})


_FROM: Final = frozenset({"с", "з", "із", "зі", "from", "из", "со"})
_PLATFORMS: Final = frozenset({"кораблей", "кораблів", "корабля", "ships", "ship", "aircraft", "bombers",
                               "літаків", "самолетов", "бомбардировщиков", "бомбардувальників", "лодки",
                               "човна", "submarine", "носіїв", "носителей"})


def _share_coordinated_region(toks: list[Token], counts: list[Count]) -> list[Count]:
    """ "3 ATACMS missiles and 12 HIMARS rockets ... over the Belgorod region": one place
    for both members of a coordinated pair of full weapon phrases."""
    out = list(counts)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.sent != b.sent or (a.region is None) == (b.region is None):
            continue
        if a.np_last <= a.last:
            continue  # the first member must be a full weapon phrase ("3 X and ...")
        between = toks[a.np_last + 1 : b.first]
        if len(between) > 2 and between[0].text in "«\"“" and between[2].text in "»\"”":
            between = between[2:]  # "три крылатые ракеты «Калибр», ..."
        while between and between[0].text in "»\"”":
            between = between[1:]  # "7 «шахедів» і 4 крилаті ракети"
        name = 0
        while name < min(6, len(between)) and (
            between[name].text in "«»\"“”"
            or (
                between[name].kind == "word"
                and (between[name].text[:1].isupper() or between[name].pos in ("NOUN", "ADJF"))
                and measure_of(between[name]) is None
            )
        ):
            name += 1
        if 0 < name < len(between) and between[name].low in ("and", "та", "і", "и", "й"):
            between = between[name:]  # "14 реактивних снарядів РСЗВ «Вільха» і два безпілотники"
        made = next((k for k, t in enumerate(between[:4]) if t.low in _MADE), -1)
        if made >= 0:
            between = between[made + 1 :]  # "ракет ATACMS американского производства и две ..."
        if between and between[0].low in _FROM and (
            any(t.low in _PLATFORMS for t in between[1:4]) or (a.region is None and len(between) <= 6)
        ):
            joins = [k for k, t in enumerate(between) if t.low in ("and", "та", "і", "и", "й")]
            if joins and all(t.text not in ",;:" for t in between[: joins[-1]]):
                # "шесть ракет «Калибр» с кораблей в акватории Черного моря и 23 дрона", "two
                # Iskander-M from the Kursk region and four Kalibr ... at the Vinnytsia region":
                # the first one's origin, and the target after both is theirs
                between = between[joins[-1] :]
        aside: list[Token] = []
        if len(between) > 3 and between[0].text == "," and between[-2].text == ",":
            # "три ракеты «Калибр», выпущенные с подводной лодки в Черном море, и семь
            # ударных дронов": a participle clause of the first member between them
            aside, between = between[1:-2], between[-1:]
            participle = aside[0].pos in ("PRTF", "PRTS") or aside[0].low.endswith("ed")
            if any(t.text in ",;:" for t in aside) or not participle:
                continue
        if not between or between[0].low not in ("and", "та", "і", "и", "й"):
            continue
        rest = between[1 : len(between) - qualifier_len(toks, b.first)]
        if any(measure_of(t) is None and t.low not in ("down", "also", "ще") for t in rest):
            continue
        region = a.region or b.region
        out[k] = _with_region(a, region)
        out[k + 1] = _with_region(b, region)
        if aside and b.measure != a.measure and any(measure_of(t) == b.measure for t in aside):
            out[k + 1] = out[k + 1]._replace(measure=a.measure)  # the aside's cue is the first's
    return out


def _with_region(c: Count, region: str | None) -> Count:
    return c._replace(region=region)


_LIST_MARKERS: Final = frozenset(
           {"зокрема", "including", "incl", "числе", "числі", "них", "them", "particular", "саме",
            "именно", "namely", ":"}
       )


_BULLETS: Final = frozenset({"—", "–", "-", "•", "▪", "▪️", "·", "*", "●"})


def _mixed_before(toks: list[Token], i: int) -> bool:
    return len({w for t in toks[:i] if (w := weapon_of(t)) is not None}) > 1


def _list_header(
    toks: list[Token],
    bounds: list[tuple[int, int]],
    sent: int,
    places: list[PlaceRef] | None = None,
) -> tuple[int, int] | None:
    """The header line ("Враг запустил:") of a bulleted line, over the bullets before it
    (with `places`, a line opening with a place counts as a bullet: "Брянская область — 12")."""
    starts = {p.first for p in places if not p.origin} if places else set()
    k = sent
    while k > 0:
        lo, _hi = bounds[k]
        p_lo, p_hi = bounds[k - 1]
        if p_hi - p_lo == 2 and toks[p_lo].kind == "num" and toks[p_lo + 1].text in ".)" and k > 1:
            # "1.\nБрянська обл. — 17;": the item's number split off as a line of its own
            k -= 1
            p_lo, p_hi = bounds[k - 1]
            lo = bounds[k][0]
            if toks[p_hi - 1].text == ":":
                return p_lo, p_hi
            k -= 1 if toks[p_hi - 1].text == ";" else 0
            if toks[p_hi - 1].text != ";":
                return None
            continue
        first, last = toks[lo], toks[p_hi - 1]
        if not (
            _bullet(first)
            or lo in starts
            # "shot down 406 air targets:\n41 Kh-101 cruise missiles;\n9 Iskander-M ...": unmarked items
            or (first.kind == "num" and last.text in (":", ";"))
        ):
            return None
        if last.text == ":":
            return p_lo, p_hi
        if last.text == "." and toks[p_lo].text != first.text:
            return None  # "🔸 356 UAVs.\n❗️ Hits by 27 missiles ...": the list ended before
        k -= 1
    return None


def _bullet(tok: Token) -> bool:
    """A list marker opening a line: a dash or dot, or a symbol ("✅", "🔸", "▪️")."""
    return tok.text in _BULLETS or (
        tok.kind == "punct" and len(tok.text) == 1 and unicodedata.category(tok.text) == "So"
    )


def _all_in(places: list[PlaceRef], doc: _Doc, ante: Count, region: str) -> bool:
    """Whether every place named in a figure's sentence before it lies in one region, the
    region of a part told after it ("в Таганрозі, Новошахтинську, Каменському та Міллеровському
    районах ... знищено 18 дронів, з них 7 – над Таганрогом": a subset inside that region)."""
    lo = doc.sent_bounds[ante.sent][0]
    codes = set(codes_in(places, lo, ante.first))
    return codes == {region}


def _opens_list(toks: list[Token], c: Count) -> bool:
    """Whether a figure's sentence ends in the colon that opens a list of its parts."""
    k = c.np_last + 1
    while k < len(toks) and toks[k].sent == c.sent:
        k += 1
    return toks[k - 1].text == ":"


def _starts_list(toks: list[Token], lo: int, i: int) -> bool:
    """Whether the clause of a number opens a breakdown (after ':' or "зокрема")."""
    if lo > 0 and toks[lo - 1].text == ":":
        return True
    if lo > 0 and toks[lo - 1].text == ";" and toks[lo - 1].sent == toks[i].sent:
        # "shot down 406 air targets: 41 Kh-101 cruise missiles; 9 Iskander-M ...; 356 UAVs"
        sent = toks[lo - 1].sent
        k = lo - 2
        while k >= 0 and toks[k].sent == sent and lo - k <= 80:
            if toks[k].text == ":":
                return True
            k -= 1
    return any(t.low in _LIST_MARKERS for t in toks[max(lo, i - 4) : i])


_PROJECTILES: Final = (
    frozenset({"снаряд", "снаряда", "снаряды", "снарядов", "снаряди", "снарядів", "projectile",
               "projectiles"}))


def _rockets_downed(toks: list[Token], num: Number, doc: _Doc) -> bool:
    """ "сбиты три снаряда", "збито п'ять снарядів", "five projectiles were shot down": a figure
    of projectiles shot down (a gun's shells are fired, never shot down)."""
    k = num.last + 1
    if k >= len(toks) or toks[k].low not in _PROJECTILES:
        return False
    lo, hi = doc.clause(num.first)
    return _measure(toks, num, lo, hi, doc.meas) == "intercepted"


def _copula(toks: list[Token], num: Number) -> bool:
    return num.last + 1 < len(toks) and toks[num.last + 1].low in ("were", "was", "are", "is")


def _of_phrase_with_number(toks: list[Token], num: Number, np_last: int) -> bool:
    nxt = num.last + 1
    if nxt >= len(toks) or not has(toks[nxt], OF):
        return False
    return any(t.kind == "num" for t in toks[nxt + 1 : np_last + 1])


_MINISTRY: Final = frozenset({"минобороны", "міноборони", "ministry"})
_DEFENCES: Final = frozenset({"пво", "ппо", "силами", "силы", "сили", "defences", "defenses", "units"})


def _air_force_tells(toks: list[Token], lo: int, hi: int) -> bool:
    """ "За даними Повітряних сил, усього вночі противник застосував 72 дрони": the Air Force's
    nationwide tally, which takes no place from the sentence before."""
    return any(
        toks[k].low in ("повітряних", "повітряні", "air", "воздушных", "воздушные")
        and toks[k + 1].low in ("сил", "сили", "force", "forces", "силы")
        for k in range(lo, hi - 1)
    )


def ministry_tells(toks: list[Token], lo: int, hi: int) -> bool:
    """Whether a defence ministry tells the sentence's figure ("Минобороны за ночь насчитало"),
    not only owns the air defence that did it ("силами ПВО Минобороны уничтожены")."""
    return any(
        toks[k].low in _MINISTRY and not (k > lo and toks[k - 1].low in _DEFENCES) for k in range(lo, hi)
    )


def _places_since(
    bounds: list[tuple[int, int]], places: list[PlaceRef], out: list[Count], sent: int
) -> list[str] | None:
    """The places of the nearest sentence before `sent` and after the last one with
    counts that names any, or None if there is none."""
    earlier = [c.sent for c in out if c.sent < sent]
    if not earlier:
        return None
    for k in range(sent - 1, max(earlier), -1):
        codes = codes_in(places, *bounds[k])
        if codes:
            return codes
    return None


def _previous_region(counts: list[Count], sent: int) -> str | None:
    """The one region of the counts of the last earlier sentence that had counts."""
    earlier = [c for c in counts if c.sent < sent]
    if not earlier:
        return None
    last = [c.region for c in earlier if c.sent == earlier[-1].sent]
    return last[0] if last[0] is not None and all(r == last[0] for r in last) else None


def _weapon_before(toks: list[Token], lo: int, i: int) -> tuple[Weapon | None, int]:
    """The last weapon word before a bare number in its sentence ("drones ...; 2 were")."""
    for k in range(i - 1, lo - 1, -1):
        w = weapon_of(toks[k]) if toks[k].kind == "word" else None
        if w is not None:
            return w, k
    return None, -1


_PAIR_GLUE: Final = frozenset({"and", "or", "и", "или", "і", "та", "й", "або", "/"})


def _mixed_pair(toks: list[Token], k: int) -> bool:
    """Whether the weapon word at k is joined to a word of another weapon ("drones and
    missiles", "ракет і дронів"): a figure told of them both names no one weapon."""
    w = weapon_of(toks[k])
    for j, m in ((k - 1, k - 2), (k + 1, k + 2)):
        if 0 <= m < len(toks) and toks[j].low in _PAIR_GLUE and toks[m].kind == "word":
            other = weapon_of(toks[m])
            if other is not None and other != w:
                return True
    return False


def _sentence_has_weapon(toks: list[Token], lo: int, hi: int) -> bool:
    return any(weapon_of(t) is not None for t in toks[lo:hi] if t.kind == "word")


_AND_THAT: Final = frozenset({"and", "that", "but", "while", "и", "і", "та", "й", "а", "але", "но"})
_DEBRIS: Final = words("debris", "wreckage", "fragments", "уламки", "уламок", "обломки", "обломок")


def _impact_of(toks: list[Token], num: Number, hi: int) -> bool:
    """ "уламки однієї пошкодили склад", "one of them hit a house": a bare number whose own
    comma clause speaks of an impact (or of debris) and has no measure cue."""
    if num.first > 0 and _debris_at(toks, num.first - 1):
        return True
    if _own_strike(toks, num.last, hi) >= 0:
        return True  # "еще 33 поразили цели": its own verb of hitting (a cue when it comes first)
    k = num.last + 1
    end = min(hi, k + 4)  # its own verb is near: "one of them damaged", "однієї пошкодили"
    while k < end and toks[k].text not in (",", ";", ":", ".") and toks[k].low not in _AND_THAT:
        if measure_of(toks[k]) is not None:
            return False
        if has(toks[k], IMPACT) or has(toks[k], _REACHED):
            return True  # "три достигли цели": what hit, not a measure
        k += 1
    return False


def _own_strike(toks: list[Token], last: int, hi: int) -> int:
    """The strike verb whose subject is the phrase ending at `last` ("33 drones hit 12
    locations", "33 drones had hit", "еще 33 дрона поразили цели"), or -1. A verb of hitting
    after its subject is no measure cue: "поразили" is one only before its object ("ПВО
    поразили 20 дронов"); "were hit by", "struck down" are what befell the weapons."""
    k = last + 1
    while k < hi and toks[k].low in _PREDICATE_GAP:
        k += 1
    if k >= hi or toks[k].low not in _STRUCK:
        return -1
    return -1 if k + 1 < len(toks) and toks[k + 1].low in ("by", "down") else k


def _hit_part(
    toks: list[Token], num: Number, np_last: int, hi: int, weapon: Weapon, out: list[Count]
) -> bool:
    """Weapons that struck, told after a figure of that weapon in the report ("Russia launched
    176 drones ... Air defense downed 139 of them, while 33 drones hit 12 locations", "Both
    missiles struck the city of Sumy", "Сили ППО збили 139 дронів. 33 дрони влучили в цілі"):
    a part of the weapons counted before, and hits are no measure (neither a launch again nor
    the figure of the verb before, which does not reach a subject with a verb of its own). So
    too "Еще один беспилотник попал в здание", "another two drones hit": more of the hits told
    before."""
    if _own_strike(toks, np_last, hi) < 0:
        return False
    j = num.first - num.qlen - 1
    if j >= 0 and toks[j].low in _ANOTHER:
        return True
    return any(c.weapon == weapon and c.first < num.first for c in out)


def _subject_struck(toks: list[Token], num: Number, np_last: int, hi: int) -> bool:
    """A weapon phrase that is the subject of a strike verb: the weapons used."""
    if _own_strike(toks, np_last, hi) < 0:
        return False
    if num.last + 1 < len(toks) and has(toks[num.last + 1], OF):
        return False  # "One of the bombs hit ...": a part of a figure given before
    j = num.first - num.qlen - 1
    return not (j >= 0 and (_debris_at(toks, j) or toks[j].low in ("of", "из", "з", "із")))


def _debris_at(toks: list[Token], j: int) -> bool:
    """Debris of what follows: "обломки", "debris from", "fragments of"."""
    if has(toks[j], _DEBRIS):
        return True
    return toks[j].low in ("from", "of", "від", "от") and j > 0 and has(toks[j - 1], _DEBRIS)


# verbs of hitting told of the weapons that hit (active forms: "поражены" is a cue of downing)
_STRUCK: Final = frozenset({"struck", "hit", "hits", "slammed", "влучили", "влучила", "влучило", "влучив",
                            "поцілили", "поцілила", "поцілив", "ударили", "ударила", "ударил", "попали",
                            "попала", "попал", "поразили", "поразила", "поразил", "поразило", "уразили",
                            "уразила", "уразив", "уразило"})
_OTHER_TALLIES: Final = frozenset({"боєзіткнень", "боєзіткнення", "зіткнень", "боестолкновений",
                                   "столкновений", "обстрілів", "обстрелов", "штурмів", "штурмов",
                                   "clashes", "shellings", "assaults", "атак"})
_REACHED: Final = words("достигнуть", "досягти", "reached", "reach", "достигли", "досягли",
                        # "1 вилетів за межі повітряного простору України": flew off, no measure
                        "вилетіти", "вилетів", "вилетіли", "вылететь", "вылетел", "вылетели", "flew")


def _on_board(toks: list[Token], np_last: int) -> bool:
    words_ = [t.low for t in toks[np_last + 1 : np_last + 4]]
    return ("on" in words_ and "board" in words_) or ("на" in words_ and "борту" in words_)


_BOTH: Final = frozenset({"оба", "обе", "обидва", "обидві", "обоє", "both"})


def _people_before(toks: list[Token], i: int, lo: int) -> bool:
    """Whether the words just before token i speak of people (casualties), not weapons."""
    window = toks[max(lo, i - 12) : i]
    return any(has(t, CASUALTY_CUES) for t in window) and not any(weapon_of(t) for t in window)


_MODAL: Final = (
    frozenset({"could", "can", "may", "might", "would", "if", "aim", "goal", "plans", "plan", "capable",
               "способный", "способен", "способных", "здатний", "здатен", "здатних",
               "может", "могут", "сможет", "смогут", "способна", "способны", "если", "може",
               "можуть", "зможе", "зможуть", "здатна", "здатні", "якщо", "мета", "цель"}))


def _hypothetical(toks: list[Token], num: Number, lo: int) -> bool:
    """A figure of what could happen ("could fire 1,500 drones in a night", "может выпустить
    до 1000 беспилотников", "If they send 1,500"): no claim of a strike."""
    return any(
        t.low in _MODAL and t.text != "May"  # (not the month: "On May 5, Russia launched 50 drones")
        for t in toks[max(lo, num.first - num.qlen - 8) : num.first - num.qlen]
    )


_ABOVE: Final = frozenset({"mentioned", "above", "упомянутые", "упомянутых", "упомянутым", "згаданих",
                           "згадані", "згаданими", "вищезгаданих", "вищезгадані", "вышеупомянутых",
                           "вышеупомянутые"})


def _restated(toks: list[Token], num: Number, np_last: int, weapon: Weapon, out: list[Count]) -> bool:
    """A figure stated before, named again ("some of the 71 drones mentioned above", "зі
    згаданих вище 45 БпЛА", "Of the 289 drones it claimed, ..."): not a new count."""
    if not any(c.value == num.value and c.weapon == weapon for c in out):
        return False
    j = num.first - num.qlen
    near = toks[max(0, j - 3) : j] + toks[np_last + 1 : np_last + 3]
    if any(t.low in _ABOVE for t in near):
        return True
    # "Of the 289 drones it claimed": a sentence opening on the figure as its set
    return j >= 2 and toks[j - 1].low == "the" and toks[j - 2].low == "of" and (
        j - 2 == 0 or toks[j - 3].sent != toks[j].sent or toks[j - 3].kind == "punct"
    )


_RESPECTIVELY: Final = frozenset({"соответственно", "відповідно", "respectively"})


def _respective(
    toks: list[Token],
    num: Number,
    numbers: list[Number],
    idx: int,
    sent: int,
    out: list[Count],
    clause: tuple[int, int],
) -> Weapon | None:
    """The weapon a bare figure stands for in "A and B respectively": the one at its place
    in the list of weapons counted before it in the sentence."""
    lo, hi = clause
    if not any(t.low in _RESPECTIVELY for t in toks[lo:hi]):
        return None
    listed = [c for c in out if c.sent == sent and c.last < c.np_last < num.first]
    if not listed:
        return None
    start = max(lo, max(c.np_last for c in listed) + 1)
    group = [n for n in numbers if start <= n.first < hi]
    weapons: list[Weapon] = []
    for c in listed:
        if c.weapon not in weapons:
            weapons.append(c.weapon)
    if len(group) < 2 or len(weapons) != len(group):
        return None
    return weapons[group.index(num)] if num in group else None


_DASH_ITEM: Final = frozenset({"–", "—"})
_LAUNCH_NOUNS: Final = frozenset({"пуск", "пуски", "пусків", "пусков"})
_VERB_POS: Final = frozenset({"VERB", "INFN", "PRTS", "GRND"})


_GOES_ON: Final = frozenset({"and", "и", "і", "та", "й", "including", "включая", "зокрема", "числе", "числі"})


def _after_casualty(toks: list[Token], numbers: list[Number], idx: int, s_lo: int) -> bool:
    """ "Four killed in Lviv Oblast, one in Zaporizhzhia": a bare figure after a comma that
    goes on from a casualty figure before it in the sentence."""
    if idx == 0:
        return False
    prev, num = numbers[idx - 1], numbers[idx]
    lead = toks[num.first - num.qlen - 1].low
    joined = lead in _GOES_ON  # "killed two people in Kostiantynivka and one in Druzhkivka"
    if prev.first < s_lo or (lead != "," and lead not in _DASH_ITEM and not joined):
        return False
    after = toks[prev.last + 1 : min(num.first, prev.last + 4)]
    before = toks[max(s_lo, prev.first - prev.qlen - 2) : prev.first - prev.qlen]
    # "у Брянській – поранено двох, а в Бєлгородській – трьох"
    cue = any(has(t, CASUALTY_CUES) for t in after) or (
        any(has(t, CASUALTY_CUES) for t in before) and (lead in _DASH_ITEM or joined)
    )
    return cue and not any(weapon_of(t) is not None for t in toks[prev.last + 1 : num.first])


def _casualty_near(toks: list[Token], first: int, last: int, lo: int, hi: int) -> bool:
    """A bare number next to killed/injured counts people ("injuring 21", "3 were hurt")."""
    window = toks[max(lo, first - 2) : first] + toks[last + 1 : min(hi, last + 4)]
    if any(has(t, CASUALTY_CUES) or has(t, _HOSPITAL) for t in window):
        return True
    # "the death toll from the drone attack on Kyiv has risen to 14"
    start = max(lo, first - 20)
    # ("до 18" may be read as the qualifier "up to": then `first` is the "до")
    to = toks[first - 1].low in ("to", "до") or toks[first].low in ("to", "до")
    return first >= 2 and to and any(
        t.low == "toll"
        or (t.lemma in ("кількість", "число") and k + 1 < hi and has(toks[k + 1], CASUALTY_CUES))
        # "the number of injured in Kharkiv has risen to seven"
        or (t.low == "number" and k + 2 < hi and toks[k + 1].low == "of" and (
            has(toks[k + 2], CASUALTY_CUES)
            # "the number of people killed in ... has risen to eight"
            or (k + 3 < hi and toks[k + 2].low in ("people", "civilians") and has(toks[k + 3], CASUALTY_CUES))
        ))
        for k, t in enumerate(toks[start:first], start)
    )


_TOTAL: Final = frozenset(
           {"total", "totalling", "totaling", "overall", "всего", "загалом", "усього", "всього",
            "сумарно", "итого", "сложности"}
       )


def _is_total(toks: list[Token], num: Number, np_last: int) -> bool:
    """A figure introduced as the total ("a total of 162", "totalling 38", "всего 57"), or
    called one after its phrase ("a wider 105-drone overnight tally", "out of 75 overall")."""
    j = num.first - num.qlen
    if any(t.low in _TOTAL for t in toks[max(0, j - 3) : j]):
        return True
    if j >= 2 and toks[j - 2].low == "out" and toks[j - 1].low == "of":
        return True  # "15 over the Ryazan region, out of 139 destroyed over Russia"
    for t in toks[np_last + 1 : np_last + 3]:
        if t.kind != "word":
            return False
        if t.low in _TOTAL_AFTER:
            return True
    return False


_TOTAL_AFTER: Final = frozenset({"tally", "total", "overall", "nationwide"})


def _with_number(toks: list[Token], num: Number) -> bool:
    j = num.first - 1 - num.qlen
    while j > 0 and toks[j].low in SIZE_WORDS:
        j -= 1
    if j > 0 and toks[j].low in ("a", "an"):
        j -= 1  # "hit Kyiv with a massive 40-missile barrage"
    if j < 0:
        return False
    if toks[j].low == "with":
        return not any(measure_of(t) == "intercepted" for t in toks[max(0, j - 2) : j])
    return j >= 1 and toks[j].low == "помощью" and toks[j - 1].low == "с"


# verbs of making and keeping (not "выпускать", which also means to fire, nor nouns like
# "производства США", a weapon's origin)
_PRODUCE: Final = words("produce", "produces", "producing", "produced", "production", "manufacture",
                        "manufactures", "manufacturing", "manufactured", "stockpile", "stockpiles",
                        "stockpiled", "assemble", "assembles", "assembling", "производить", "собирать",
                        "накопить", "виробляти", "накопичити", "виготовляти", "изготавливать")


_TOTAL_WAS: Final = frozenset({"було", "было", "were", "всього", "всего", "загалом", "total"})


def _past_other_figures(
    toks: list[Token],
    num: Number,
    numbers: list[Number],
    idx: int,
    places: list[PlaceRef],
    lo: int,
    out: list[Count],
) -> str | None:
    counted = {c.first for c in out}
    k = idx - 1
    while k >= 0 and numbers[k].first >= lo and numbers[k].first not in counted:
        k -= 1
    if k == idx - 1:
        return None  # no figure of another kind stands between
    start = numbers[k].last + 1 if k >= 0 and numbers[k].first >= lo else lo
    codes = codes_in(places, start, numbers[idx - 1].first)
    return codes[0] if len(codes) == 1 else None


def _distributed(
    toks: list[Token], num: Number, numbers: list[Number], idx: int, places: list[PlaceRef], s_hi: int
) -> list[str]:
    """The regions of a distributive "по N — над X и Y", "one each over X and Y": N for each
    of them (also "Над X и Y уничтожено по одному беспилотнику", the places first)."""
    j = num.first - num.qlen - 1
    each = num.last + 1 < s_hi and toks[num.last + 1].low == "each"
    if not each and (j < 0 or toks[j].low != "по"):
        return []
    hi = numbers[idx + 1].first if idx + 1 < len(numbers) else s_hi
    k = num.last + 1
    starts = attack_starts(places)
    while k < min(hi, s_hi) and (
        toks[k].text not in (",", ";", ".") or (toks[k].text == "," and k + 1 in starts)
    ):
        k += 1  # (a list of places goes on past its commas: "Республики Адыгея, Ставропольского края")
    codes = codes_in(places, num.last + 1, k)
    if len(codes) < 2 and not each:
        lo = numbers[idx - 1].last + 1 if idx > 0 else 0
        b = j
        while b > lo and toks[b - 1].text not in (",", ";", ".", ":"):
            b -= 1
        codes = codes_in(places, b, j)
    return codes if len(codes) > 1 else []


def _in_total(toks: list[Token], s_lo: int, first: int) -> bool:
    """A sentence that opens with "Загалом", "Всього", "In total" before its figure."""
    return any(t.low in _IN_TOTAL for t in toks[s_lo : min(first, s_lo + 2)])


_IN_TOTAL: Final = frozenset({"загалом", "всього", "всего", "итого", "total", "overall", "усього"})


def _there_were(toks: list[Token], num: Number, lo: int) -> bool:
    """ "Всього було 19 «шахедів»", "there were 40 drones in total"."""
    before = {t.low for t in toks[max(lo, num.first - num.qlen - 3) : num.first - num.qlen]}
    return bool(before & {"було", "было"}) or ("there" in before and "were" in before)


_NOT: Final = frozenset({"не", "not", "failed", "unable", "ні"})


def _negated_cue(toks: list[Token], num: Number, lo: int, hi: int, meas: list[Measure | None]) -> bool:
    """ "Балістичні ракети збити не вдалося", "failed to shoot down": nothing was counted."""
    for k in range(lo, hi):
        if meas[k] is None or num.first <= k <= num.last:
            continue
        between = range(num.last + 1, k) if k > num.last else range(k + 1, num.first)
        if any(meas[m] is not None for m in between):
            continue  # "сбиты 55 дронов, еще 24 локационно потеряны, ракеты сбить не удалось"
        after = [t.low for t in toks[k + 1 : min(hi, k + 3)]]
        before = [t.low for t in toks[max(lo, k - 3) : k]]
        if "не" in after and any(w in after for w in ("вдалося", "удалось", "змогли", "смогли")):
            return True  # "збити не вдалося"
        if any(w in before for w in ("failed", "unable")) or ("could" in before and "not" in before):
            return True  # "failed to shoot down", "could not be intercepted"
        if "не" in before and any(w in before for w in ("вдалося", "удалось", "змогли", "смогли")):
            return True  # "не вдалося збити"
        if num.first > 0 and toks[num.first - 1].low in ("ни", "жоден", "жодного", "no") and (
            "не" in before or "не" in after
        ):
            return True  # "из которых ни один не был уничтожен над Башкирией"
    return False


def _produced(toks: list[Token], num: Number, lo: int) -> bool:
    """ "producing around 2,700 Shahed drones a month": made or stocked, not launched."""
    return any(t.kind == "word" and has(t, _PRODUCE) for t in toks[max(lo, num.first - 6) : num.first])


_HOSPITAL: Final = words("госпитализировать", "госпитализированы", "госпитализирован", "госпіталізувати",
                         "госпіталізовано", "госпіталізовані", "hospitalised", "hospitalized")
_AREA_NOUNS: Final = frozenset({"регіонами", "регионами", "regions", "областями", "областях", "регіонах",
                               "регионах", "oblasts", "районами", "locations", "локаціях", "локациях"})


_COUNTRYWIDE: Final = frozenset({"регионами", "регіонами", "регионах", "регіонах", "регионов", "регіонів",
                                "страны", "країни", "country", "nationwide", "country's", "regions",
                                "россии", "росії", "russia", "україні", "україну", "украине", "украину",
                                "ukraine", "frontline", "front-line", "фронту", "фронта",
                                "фронті", "фронте"})  # "along the front line", "по всій лінії фронту"
# A defence ministry's figure stands for itself: it takes no region from a governor's before it


def _national(toks: list[Token], lo: int, hi: int) -> bool:
    """ "всего за ночь над регионами страны", "всего по Украине": a figure for the country."""
    for k in range(lo, hi):
        low = toks[k].low
        if low in _COUNTRYWIDE:
            return True
        if low in ("всего", "всього", "загалом") and k + 1 < hi and toks[k + 1].low == "по":
            return True
        if low == "front" and k + 1 < hi and toks[k + 1].low in ("line", "lines"):
            return True
        if low in _AREA_NOUNS and k > lo and toks[k - 1].kind == "num":
            return True  # "уничтоженном за ночь над 13 регионами"
    return False


def _anaphoric(toks: list[Token], num: Number) -> bool:
    """ "139 of them", "з них 139", "из которых 12": a figure whose weapon is one named before."""
    j = num.first - num.qlen
    return _of_them(toks, num) or (
        j >= 2 and toks[j - 1].low in _WHICH and has(toks[j - 2], OF)
    )


def _of_them(toks: list[Token], num: Number) -> bool:
    k = num.last + 1
    return k + 1 < len(toks) and has(toks[k], OF) and toks[k + 1].low in ("них", "them", "which")


def _of_other(toks: list[Token], num: Number, numbers: list[Number], idx: int, out: list[Count]) -> bool:
    """ "з них N", "из них N", "of them N" after a figure that counted no weapon."""
    j = num.first - num.qlen
    if toks[num.first].low in _BOTH:
        # "ранены двое мирных жителей ... Оба доставлены в больницу": both of the people
        k = idx - 1
        while k >= 0 and is_noise(toks, numbers[k]):
            k -= 1
        return k >= 0 and weapon_phrase(toks, numbers[k].last)[0] == "other"
    including = j >= 1 and toks[j - 1].low in _INCLUDING
    of_them = j >= 2 and toks[j - 1].low in ("них", "them", "which") and has(toks[j - 2], OF)
    if not including and not of_them:
        return False
    k = idx - 1
    if including and (k < 0 or toks[numbers[k].first].sent != toks[num.first].sent):
        return False  # "including 1,510 over the past day" needs its whole in the sentence
    while k >= 0 and numbers[k].last + 1 < len(toks) and toks[numbers[k].last + 1].low in _AREA_NOUNS:
        k -= 1  # "337 дронів над десятьма регіонами, з них 91 — ...": the 337
    if k < 0:
        return False
    if including:
        while k >= 0 and is_noise(toks, numbers[k]):
            k -= 1  # "since Feb. 24, 2022, including 1,510"
        if k < 0:
            return False
    prev = numbers[k]
    if including:  # "lost 720,730 troops ..., including 1,510 over the past day"
        return weapon_phrase(toks, prev.last)[0] == "other"
    return not any(c.first == prev.first for c in out)


_INCLUDING: Final = frozenset({"including", "включая", "в том числе", "зокрема", "включно"})


_DIRECTIONS: Final = (
    frozenset({"direction", "directions", "напрямками", "напрямках", "напрямком", "направлениям",
               "направлениях"}))
_LAUNCHES: Final = frozenset({"пусків", "пуски", "пусков", "launches"})
_SHELLING: Final = frozenset({"обстріл", "обстрел", "обстріляти", "обстрелять", "shelling", "shellings"})


def _shelling_line(
    toks: list[Token], s_lo: int, s_hi: int, first: int, meas: list[Measure | None]
) -> bool:
    """A place's line with no verb after its colon, in a report that tallies shelling."""
    colon = next((k for k in range(s_lo, first) if toks[k].text == ":"), -1)
    if colon < 0 or colon == s_lo or any(t.kind == "num" for t in toks[s_lo:colon]):
        return False
    if any(meas[k] is not None or toks[k].pos in _VERB_POS for k in range(colon + 1, s_hi)):
        return False
    return any(t.lemma in _SHELLING or t.low in _SHELLING for t in toks[:s_lo])


def _shot_after(toks: list[Token], np_last: int) -> bool:
    """ "with eleven UAVs shot down": the figure's own participle says what became of it; also
    past the next item of its list ("with 429 drones and 14 missiles shot down")."""
    if any(measure_of(t) == "intercepted" for t in toks[np_last + 1 : np_last + 3]):
        return True
    k = np_last + 1
    if k + 1 >= len(toks) or toks[k].low not in ("and", "і", "та", "и") or (
        toks[k + 1].kind != "num" and toks[k + 1].low not in _FEW_WORDS
    ):
        return False
    for m in range(k + 2, min(len(toks), k + 7)):
        if measure_of(toks[m]) == "intercepted":
            return True
        if toks[m].kind != "word" or (weapon_of(toks[m]) is None and toks[m].low not in _KIND_WORDS):
            return False
    return False


_FEW_WORDS: Final = (
    frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
               "twelve"}))
# words inside a list item's weapon phrase ("14 cruise missiles", "two ballistic ones")
_KIND_WORDS: Final = frozenset({"cruise", "ballistic", "guided", "attack", "strike", "ones", "of", "various",
                                "types", "крилатих", "балістичних", "крылатых", "баллистических"})


_AT: Final = frozenset({"по"})
_LIST_GLUE: Final = frozenset({"и", "і", "й", "та", ","})


def _aimed_at(
    toks: list[Token], num: Number, np_last: int, s_lo: int, s_hi: int, meas: list[Measure | None]
) -> bool:
    """ "9 КАБ и 40 ударных БпЛА по громадам области": weapons aimed "по" a target in a sentence
    with no verb, a tally of what was used (not "по 2 ракеты", each)."""
    if any(meas[k] is not None or (toks[k].pos in _VERB_POS and weapon_of(toks[k]) is None)
           for k in range(s_lo, s_hi)):
        return False  # (the analyzer reads "БпЛА" as a verb)
    for k in range(np_last + 1, min(s_hi - 1, np_last + 10)):
        tok = toks[k]
        if tok.low in _AT:
            return toks[k + 1].kind == "word"
        if tok.text in (".", ";", ":", "(") or (tok.kind == "word" and tok.low not in _LIST_GLUE
                                               and weapon_of(tok) is None and tok.pos != "ADJF"):
            return False
    return False


def _with_list(toks: list[Token], num: Number, ante: Count | None) -> bool:
    """ "struck Kharkiv with three guided bombs and five Shahed drones": the figures after
    the first of a "with" list are launched too."""
    j = num.first - 1 - num.qlen
    if ante is None or j < 1 or ante.np_last != j - 1 or ante.measure != "launched":
        return False
    if toks[j].low not in ("and", ",", "та", "і", "й", "и"):
        return False
    # back to the "with" that opens the list, over the items before ("with 4 guided bombs,
    # 17 Shahed drones, 5 Molniya drones and 9 FPV drones")
    for k in range(ante.first - 1, max(-1, ante.first - 30), -1):
        if toks[k].low == "with":
            return True
        if toks[k].text in (";", ":", ".") or toks[k].sent != toks[ante.first].sent or measure_of(toks[k]):
            return False
    return False


def _of_number(toks: list[Token], num: Number, ante: Count | None) -> bool:
    """ "45 of 60 drones", "30 ракет Х-101 із 35": the second figure is what was launched."""
    j = num.first - 1
    if j >= 1 and toks[j].low == "the":
        j -= 1
    if j < 0 or not has(toks[j], OF):
        return False
    if j == 0 or toks[j - 1].kind == "punct" or toks[j - 1].sent != toks[j].sent:
        return True  # "Із 46 ракет збито 40", "Of the 90 drones, 72 were downed"
    # (also "Seven of the 13 missiles": a figure in words before it)
    return toks[j - 1].kind == "num" or (ante is not None and j - 1 in (ante.np_last, ante.last))


def _part_of_restated(toks: list[Token], num: Number, ante: Count, hi: int) -> bool:
    """ "Of the 47, twelve were heading for the capital": a part of the figure just given,
    named again, with no measure of its own (a part shot down of those launched has one)."""
    j = num.first - num.qlen - 1
    if j < 2 or toks[j].text != "," or toks[j - 1].kind != "num" or toks[j - 1].text != str(ante.value):
        return False
    k = j - 2
    if k >= 1 and toks[k].low == "the":
        k -= 1
    if k < 0 or not has(toks[k], OF):
        return False
    end = next((m for m in range(num.last + 1, hi) if toks[m].text in (",", ";", ".")), hi)
    return not any(measure_of(t) is not None for t in toks[num.last + 1 : end])


def _whole_breakdown(toks: list[Token], numbers: list[Number], idx: int, ante: Count, s_hi: int) -> bool:
    """ "13 missiles, including nine Iskander-M and four Iskander-K": a list of figures of the
    total's weapon that add up to it is its breakdown by type, each part labelled."""
    total = 0
    parts = 0
    for num in numbers[idx:]:
        if num.first >= s_hi:
            break
        kind, weapon, _last = weapon_phrase(toks, num.last)
        if kind != "weapon" or weapon != ante.weapon:
            break
        total += int(num.value)
        parts += 1
        if total >= ante.value:
            break
    return parts >= 2 and total == ante.value


def _is_subset(toks: list[Token], num: Number, np_last: int) -> bool:
    before = toks[max(0, num.first - 3) : num.first]
    if any(t.low in ("including", "incl", "зокрема", "числе", "числі", "among") for t in before):
        return True
    if "".join(t.low for t in toks[max(0, num.first - 4) : num.first]).endswith(("т.ч.", "т.ч")):
        return True  # "в т.ч. 4 летіли на Москву": "в тому числі" cut short
    if len(before) >= 2 and before[-1].low in ("них", "them", "which", "яких", "которых") and has(
        before[-2], OF
    ):
        return True  # "над Московською областю — 12, з них (з яких) вісім летіли на Москву"
    after = toks[num.last + 1 : num.last + 3]
    return len(after) == 2 and has(after[0], OF) and after[1].low in ("them", "них", "which")


