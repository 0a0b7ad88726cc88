"""PURE: the phrase after a number: does it quantify a weapon ("162 drones", "ten of
the cruise missiles"), stand for one by ellipsis ("57 – над ...", "six over the Sea of
Azov"), or count something else ("14 homes", "1 червня", "3 am")?"""

from __future__ import annotations

import bisect
from itertools import takewhile
from typing import Final, Literal

from stream.models import Weapon
from stream.normalize.hits import hit_weapon_at
from stream.normalize.lexicon import EN_MODIFIERS, STOP, has, words
from stream.normalize.numbers import Number
from stream.normalize.tokens import Token
from stream.normalize.weapons import measure_of, weapon_of

PhraseKind = Literal["weapon", "ellipsis", "other"]

OF: Final = words("of", "из", "з", "із", "зі", "out")
_RU_NP_POS: Final = frozenset({"ADJF", "ADJS", "PRTF", "NUMR", "COMP"})
_ELLIPSIS_POS: Final = frozenset({"PREP", "ADVB", "VERB", "PRTS", "INFN", "GRND", "CONJ", "PRCL"})
_ANAPHORIC: Final = frozenset({"aircraft", "targets", "them", "which", "these", "них", "яких", "которых"})
_YEAR_CONTEXT: Final = words("year", "years", "год", "року", "рік", "since", "in", "в", "у", "of", "годов",
                             "років", "годах", "роках")
_MONTHS: Final = words(
           "january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec", "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
           "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "січень", "лютий", "березень",
           "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад",
           "грудень", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря", "січня", "лютого", "березня", "квітня",
           "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
       )
_TIME_AFTER: Final = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "мск", "msk", "gmt", "utc", "hrs"})
_UNIT_WORDS: Final = words("km", "kilometres", "kilometers", "km/h", "%", "percent", "км", "метров",
                           "hours", "часов", "годин", "minutes", "минут", "хвилин")


_LONG_PERIODS: Final = frozenset({
           "year", "years", "month", "war", "invasion", "spring", "summer", "autumn", "fall", "winter",
           "год", "года", "году", "месяца", "войны", "вторжения", "весны", "лета", "осени", "зимы", "сво",
           "рік", "року", "місяця", "війни", "вторгнення", "весни", "літа", "осені", "зими", "operation",
           "операции", "операції",
       })
_SINCE: Final = frozenset({"since", "начала", "початку"})


def cumulative_marks(toks: list[Token], bounds: list[tuple[int, int]]) -> list[int]:
    """Tokens that make their sentence speak of a running total over a long period ("since the
    start of the month", "since January", "с начала года", "від початку 2025 року", "last
    winter", "Торік"), not of the report's own figures ("since midnight", "since 3 p.m.") nor of
    a record they set ("the largest attack since 2022"). One pass per report; see `cumulative`."""
    marks: list[int] = []
    triggers = _RUNNING_TRIGGERS
    for lo, hi in bounds:
        for k in range(lo, hi):
            if toks[k].low in triggers and _marks_running_total(toks, k, lo, hi):
                marks.append(k)
    return marks


def cumulative(marks: list[int], lo: int, hi: int) -> bool:
    """Whether a mark of `cumulative_marks` lies in [lo, hi)."""
    i = bisect.bisect_left(marks, lo)
    return i < len(marks) and marks[i] < hi


def _running_triggers() -> frozenset[str]:
    return _LAST | _SINCE | _PREVIOUS | _WEEKEND | _RECORD_NOUNS | frozenset(
        {"торік", "минулоріч", "с", "з", "від", "от"}
    )


_RECORD_NOUNS: Final = frozenset({"record", "рекорд"})
_RECORD_COPULAS: Final = frozenset({"was", "is", "stood", "stands", "remains", "—", "–", "был", "є", "був",
                                    "составил", "склав", "становил", "становив"})


def _record_told(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """ "The record number of drones launched at the region in a single day was 213, set in
    August 2025", "Рекорд — 810 дронов": the record told as a figure of its own is a past one
    given for comparison (not "a record 810 drones": the night's own figure, called a record)."""
    if k > lo and toks[k - 1].low not in ("the", "previous", "предыдущий", "попередній"):
        return False
    for m in range(k + 1, hi):
        if toks[m].kind == "num":
            return False  # a figure before any copula: "the record 810 drones launched"
        if toks[m].low in _RECORD_COPULAS:
            return m + 1 < hi and (toks[m + 1].kind == "num" or toks[m + 1].low in ("about", "around"))
    return False


# "Всего за прошедшие выходные ... сбито более 200 БПЛА", "over the weekend": a sum of nights
# each reported on its own, not a period anyone reports by (unlike the weekly summaries)
_WEEKEND: Final = frozenset({"weekend", "выходные", "выходных", "вихідні", "вихідних"})
_OVER_WEEKEND: Final = (
    frozenset({"over", "during", "through", "this", "last", "past", "за", "прошедшие", "минувшие",
               "прошлые", "минулі", "ці"}))


def _marks_running_total(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    low = toks[k].low
    nxt = toks[k + 1].low if k + 1 < hi else ""
    if low in _RECORD_NOUNS:
        return _record_told(toks, k, lo, hi)
    if low in _WEEKEND:
        return any(t.low in _OVER_WEEKEND for t in toks[max(lo, k - 2) : k])
    if low in _LAST and nxt in _LAST_PERIOD:
        return True  # "last winter", "Минулого місяця", "в прошлом месяце"
    if low in ("торік", "минулоріч") and k == lo:
        return True  # "Торік ... росіяни скинули на місто понад 100 авіабомб"
    if low in _PREVIOUS and nxt not in _PREVIOUS_SPAN:
        # "Предыдущий рекорд — 728 дронов", "The previous strike killed 31": a past one (not
        # "up 6.5 percent from the previous month": a comparison of the figure's own period)
        return not any(t.low in _COMPARED for t in toks[max(lo, k - 3) : k])
    if low in _SINCE and k > lo and toks[k - 1].low in _AT_START:
        return False  # "на початку вересня", "в начале года": a time, not a period running since
    if low not in _SINCE and not (
        low in ("с", "з", "від", "от") and k + 1 < hi and (has(toks[k + 1], _MONTHS) or _year(toks[k + 1]))
    ):
        return False
    rel = next((m for m in range(k - 1, max(lo, k - 10) - 1, -1) if toks[m].low in _WHERE_CLAUSE), None)
    if rel is not None and rel > lo and toks[rel - 1].text == "," and not any(
        t.kind == "num" for t in toks[rel:k]
    ):
        return False  # "the Kursk region, where Ukrainian troops have been holding territory since
        # last August": the place's story, not a running total
    if any(t.low.startswith(_RECORD) for t in toks[max(lo, k - 8) : k]):
        # "the biggest attack since the start of the war": a record, unless the past event it
        # names follows ("the deadliest attack since April, when a strike killed 12 people")
        return any(t.low in _WHEN for t in toks[k + 1 : min(hi, k + 6)])
    # "since the beginning of the special military operation": the period named after "start of"
    reach = 9 if any(t.low in _START for t in toks[k : min(hi, k + 3)]) else 6
    for t in toks[k + 1 : min(hi, k + reach)]:
        if t.kind == "time" or t.low in _SHORT_SINCE:
            return False
        if has(t, _MONTHS) or t.low in _LONG_PERIODS or _year(t):
            return True
    return False


_START: Final = frozenset({"start", "beginning", "outset", "начала", "початку"})
_AT_START: Final = frozenset({"на", "в", "у", "во", "at"})


_RELATIVE_ONE: Final = frozenset({"that", "which", "who"})
_WHERE_CLAUSE: Final = frozenset({"where", "which", "who", "где", "де", "который", "которая", "який", "яка"})


def _year(t: Token) -> bool:
    return t.kind == "num" and t.text.isdigit() and 1990 <= int(t.text) <= 2100


_LAST: Final = (
    frozenset({"last", "прошлой", "минулої", "минулого", "минулому", "прошлого", "прошлом", "прошлый",
               "минулий"}))
_LAST_PERIOD: Final = (
    frozenset({"winter", "year", "month", "зимы", "зими", "місяця", "місяці", "месяце", "месяца",
               "року", "році", "году", "года", "місяць", "месяц", "год", "рік"}))
_PREVIOUS: Final = (
    frozenset({"previous", "предыдущий", "предыдущая", "предыдущее", "предыдущего", "попередній",
               "попередня", "попереднє", "попереднього"}))
# "over the previous day", "за попередню добу": the report's own span
_PREVIOUS_SPAN: Final = (
    frozenset({"day", "days", "night", "24", "hours", "сутки", "суток", "ночь", "добу", "доби",
               "ніч", "ночі"}))
_COMPARED: Final = frozenset({"from", "than", "on", "compared", "versus", "vs", "порівняно", "сравнению",
                              "сравнении"})
_WHEN: Final = frozenset({"when", "коли", "когда", "тогда", "тоді"})
_RECORD: Final = ("largest", "biggest", "highest", "heaviest", "most", "deadliest", "record", "крупнейш",
                  "наймасованіш", "наймасштабніш", "найбільш", "самой", "самая", "самый", "рекорд",
                  "масштабнейш", "мощнейш", "first", "перв", "перш")
_SHORT_SINCE: Final = (
    frozenset({"midnight", "полуночи", "опівночі", "evening", "morning", "вечера", "ранку", "утра",
               "вечора", "доби", "суток", "day"}))  # "з початку доби, 20 жовтня": the day's


_AGE_AFTER: Final = frozenset({"лет", "года", "год", "років", "роки", "рік", "року", "years", "year"})


# Modifiers pymorphy3 may read as nouns ("ударним" -> "ударне").
_CYR_MODIFIERS: Final = words(
           "ударный", "ударний", "ударним", "ударными", "крилатий", "крылатый", "баллистический",
           "балістичний", "керований", "управляемый", "реактивный", "реактивний", "ворожий",
           "вражеский", "украинский", "український", "российский", "російський", "самолетный",
           "гиперзвуковой", "гіперзвуковий", "тактический", "тактичний", "противокорабельный",
           "протикорабельний", "зенитный", "зенітний", "бойовий", "боевой", "атакующий",
       )
_NUMBER_WORDS: Final = frozenset(
           {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "dozen", "hundred", "both", "all"}
       )


_PRONOUNS: Final = frozenset({"it", "they", "he", "she"})
_PIECES: Final = (
    frozenset({"шт", "штук", "pcs", "од", "ед", "единиц", "одиниць", "units", "одиниці", "одиниця",
               "единицы", "единица"}))  # "загалом 24 одиниці"
_SEA_WORDS: Final = ("uncrewed", "unmanned", "naval", "sea", "морск", "морськ", "безэкипаж", "безекіпаж",
                     "надводн")
_BOATS: Final = (
    frozenset({"boat", "boats", "vessel", "vessels", "катер", "катера", "катерів", "катеров", "човен",
               "човни", "човнів", "лодка", "лодки"}))
# kinds of missile that stand for "missiles" after a figure of missiles in the sentence
_MISSILE_KINDS: Final = (
    ("ballistic", "cruise", "aeroballistic", "балістичн", "баллистическ", "крилат", "крылат",
     "аеробалістичн", "аэробаллистическ", "керован", "управляем", "guided"))
_UNGUIDED: Final = frozenset({"unguided", "некерованих", "некеровані", "неуправляемых", "неуправляемые",
                              "некерованими", "неуправляемыми"})
_SAID: Final = frozenset({"said", "says", "claimed", "claims", "reported", "added"})


_OR_AND: Final = frozenset({"та", "і", "й", "и", "and", "or", "або", "или"})


def weapon_phrase(toks: list[Token], i: int) -> tuple[PhraseKind, Weapon | None, int]:
    """Classify the phrase after a number ending at token i.

    Returns ("weapon", w, last), ("ellipsis", w_or_None, last) or ("other", None, i).
    """
    n = len(toks)
    j = i + 1
    if j >= n or toks[j].sent != toks[i].sent:
        return "ellipsis", None, i  # a figure that ends its line ("Брянская область — 12")
    nxt = toks[j]
    glued = False
    if (
        nxt.text in ("–", "-", "—")
        and j + 1 < n
        and toks[j + 1].kind == "num"
        and nxt.start == toks[i].end
        and toks[j + 1].start == nxt.end
        and weapon_phrase(toks, j + 1)[0] == "other"
    ):
        return "other", None, i  # "пожежа на 7–9 поверхах": the first of a range of floors
    if nxt.kind == "punct" and nxt.text in "«\"“":
        j += 1
        if (
            j + 3 < n
            and toks[j].kind == "word"
            and weapon_of(toks[j]) is None
            and toks[j + 1].text in "»\"”"
            and toks[j + 2].low in _OR_AND
            and weapon_of(toks[j + 3]) is not None
        ):
            # "близько сотні «мопедами» та шахедами": a nickname in quotes, joined to its weapon
            return _checked(toks, weapon_of(toks[j + 3]), _weapon_end(toks, j + 3))  # type: ignore[arg-type]
    elif nxt.text in "'”" and any(t.text in "'“" for t in toks[max(0, i - 3) : i]):
        j += 1  # "said 'over 20' drones had been shot down": the quote closes round the figure
    elif nxt.text == "-" and j + 1 < n and nxt.start == toks[i].end and toks[j + 1].start == nxt.end:
        j += 1  # "a 728-drone attack": the tokenizer splits a count glued to its weapon
        glued = True
    for k in range(j, min(n, j + 3)):
        if toks[k].kind != "word" or weapon_of(toks[k]) is not None:
            break  # (not "вісім ракет реактивної системи залпового вогню HIMARS")
        if toks[k].low in _SYSTEMS:
            return "other", None, i  # "10 more Patriot systems", "2 комплекси Patriot"
    if j + 1 < n and toks[j].low.startswith(_DROPS) and weapon_of(toks[j + 1]) is not None:
        return _checked(toks, weapon_of(toks[j + 1]), _weapon_end(toks, j + 1))  # type: ignore[arg-type]
        # ("зафіксовано три скиди КАБ": drops of guided bombs, each one bomb)
    if j + 1 < n and toks[j].low in _LAUNCH_NOUNS:
        # "здійснив понад 40 пусків керованих авіабомб": launches, each one weapon
        k = j + 2 if j + 2 < n and toks[j + 1].pos == "ADJF" else j + 1
        if weapon_of(toks[k]) is not None:
            return _checked(toks, weapon_of(toks[k]), _weapon_end(toks, k))  # type: ignore[arg-type]
    hit_at = hit_weapon_at(toks, j)
    if hit_at >= 0:
        # "19 влучань «шахедів»": hits of drones, each one drone (`counts` decides the measure)
        return _checked(toks, weapon_of(toks[hit_at]), _weapon_end(toks, hit_at))  # type: ignore[arg-type]
    if j + 1 < n and toks[j].low in _MORE and weapon_of(toks[j + 1]) is not None:
        j += 1  # "two more drones", "5 further missiles"
    elif j + 2 < n and toks[j].low in _MORE and _is_modifier(toks[j + 1]) and weapon_of(toks[j + 2]):
        j += 1  # "72 more Ukrainian drones"
    elif j + 1 < n and toks[j].low in _MORE and _en_noun(toks[j + 1]):
        return "other", None, i  # "pulled two more bodies from the rubble"
    if j < n and toks[j].kind == "word" and (toks[j].lemma in OF or toks[j].low in OF):
        # "ten of the cruise missiles", "57 of the aircraft", "40 of them"
        k = j + 1
        while k < n and k <= j + 6 and (toks[k].kind != "punct" or toks[k].text in "«\"“"):
            tok = toks[k]
            if tok.kind == "punct":
                k += 1  # "14 з 18 «шахедів»"
                continue
            w = weapon_of(tok)
            if w is not None:
                return "weapon", w, k
            if tok.low in _ANAPHORIC:
                return "ellipsis", None, k
            if tok.kind == "num" or tok.low in _NUMBER_WORDS:
                k += 1  # "two of the three Iskander-K missiles"
                continue
            if (tok.kind == "word" and tok.pos == "NOUN" and toks[k - 1].pos in ("PRTF", "ADJF")
                    and tok.text[:1].isupper()):
                k += 1  # "65 из 88 запущенных Россией дронов": the participle's agent
                continue
            if tok.kind == "word" and tok.low not in _OF_DETERMINERS and (
                tok.pos == "NOUN" or (not tok.pos and not _is_modifier(tok))
            ):
                return "other", None, i  # "one of the houses", "в одном из домов"
            k += 1
        return "ellipsis", None, j
    if j >= n or toks[j].kind == "punct" or toks[j].kind in ("num", "time"):
        return "ellipsis", None, i
    if toks[j].low in _COPULA and j + 1 < n and weapon_of(toks[j + 1]) is not None:
        # "of the 479 aerial weapons, 477 were drones": the weapon after the copula
        return _checked(toks, weapon_of(toks[j + 1]), _weapon_end(toks, j + 1))  # type: ignore[arg-type]
    if toks[j].lemma in TARGETS:
        return "ellipsis", None, j  # "На Київщині знищено 36 цілей": the weapon said before
    if j + 1 < n and toks[j].low.startswith(_SEA_WORDS) and any(
        t.lemma in _BOATS or t.low in _BOATS or weapon_of(t) is not None for t in toks[j + 1 : j + 3]
    ):
        return "other", None, i  # "three uncrewed boats", "five sea drones": no air weapons
    if toks[j].low.startswith(_MISSILE_KINDS) and (
        j + 1 >= n
        or toks[j + 1].kind != "word"
        or toks[j + 1].low in ("ones", "one")
        # "23 ракети — 3 балістичні та 20 крилатих": a kind joined to the next figure's
        or (toks[j + 1].low in ("та", "і", "й", "и", "and") and j + 2 < n and toks[j + 2].kind == "num")
    ) and any(
        weapon_of(t) == "missile"
        for t in [*toks[max(0, i - 12) : i], *_next_item_noun(toks, j)]
        if t.sent == toks[i].sent
    ):
        # "33 крилаті ракети та 2 балістичні", "33 cruise missiles and 2 ballistic ones"
        last = j + 1 if j + 1 < n and toks[j + 1].low in ("ones", "one") else j
        return "weapon", "missile", last
    if toks[j].low in _UNGUIDED:
        return "other", None, i  # "12 unguided rockets", "некерованих ракет": no guided weapon
    first_weapon = weapon_of(toks[j])
    if first_weapon is not None and j + 1 < n and toks[j + 1].lemma in _BOATS:
        return "other", None, i  # "three uncrewed boats", "четыре безэкипажных катера"
    if first_weapon is not None:
        end = _weapon_end(toks, j)
        if _strikes_after(toks, end) and not glued and not _one_attack(toks, i, end):
            return "other", None, i  # "three missile strikes using five missiles"
        return _checked(toks, first_weapon, end)
    if (
        j + 1 < n
        and toks[j + 1].low in _STRIKES
        and not has(toks[j], STOP)
        and (j + 2 >= n or weapon_of(toks[j + 2]) is None)
    ):
        return "other", None, i  # "4,130 shelling attacks", "71 air strikes": no weapon named
    if _en_verb(toks[j]) and _plural_noun_after(toks, j + 1):
        return "other", None, i  # "damaging two loading berths": a participle before its noun
    if has(toks[j], STOP) or toks[j].pos in _ELLIPSIS_POS or _en_verb(toks[j]):
        return "ellipsis", None, i
    if toks[j].low in _PIECES:
        k = j + 1
        while k < n and k <= j + 2 and toks[k].text == ".":
            k += 1
        if k < n and toks[k].sent == toks[i].sent and weapon_of(toks[k]) is not None:
            return _checked(toks, weapon_of(toks[k]), _weapon_end(toks, k))  # type: ignore[arg-type]
        for m in range(i - 1, max(-1, i - 10), -1):  # "КАБ – 6 од.", "удари КАБами (4 шт.)"
            if toks[m].sent != toks[i].sent:
                break
            w = weapon_of(toks[m]) if toks[m].kind == "word" else None
            if w is not None:
                return "weapon", w, i
    if toks[j].low in ("respectively", "соответственно", "відповідно"):
        return "ellipsis", None, i  # "405 and 24 respectively were shot down"
    if toks[j].low in _PRONOUNS and j + 1 < n and toks[j + 1].low in _SAID:
        return "ellipsis", None, i  # "out of 139 it said were destroyed over Russia"
    if toks[j].low in ("overall", "altogether", "nationwide") and (
        j + 1 >= n or toks[j + 1].kind == "punct"
    ):
        return "ellipsis", None, i  # "– out of 75 overall."
    if toks[j].low in _STRIKES and (j + 1 >= n or weapon_of(toks[j + 1]) is None):
        return "other", None, i  # "carried out 4,013 attacks", "завдали 412 ударів"
    split = _split_phrase(toks, j)
    if split is not None:
        return "weapon", weapon_of(toks[split]), split
    if (
        measure_of(toks[j]) is not None
        and toks[j].pos != "NOUN"
        and (j + 1 >= n or weapon_of(toks[j + 1]) is None)
        and not (j + 2 < n and toks[j + 1].low in _AGENTS and weapon_of(toks[j + 2]) is not None)
        and not (  # "95 «перехоплених» безпілотників": a quoted participle, then the noun
            j + 2 < n and toks[j + 1].text in "»\"”" and weapon_of(toks[j + 2]) is not None
        )
    ):
        return "ellipsis", None, i  # "обидві збиті": a predicate participle, not a modifier
    k = j
    while k < n and k <= j + 5:
        tok = toks[k]
        w = weapon_of(tok)
        if w is not None:
            end = _weapon_end(toks, k)
            if _strikes_after(toks, end):
                return "other", None, i
            return _checked(toks, w, end)
        if (
            k > j
            and tok.low in ("and", "or", "и", "і", "та", "й", "или", "або")
            and any(weapon_of(t) is not None for t in toks[k + 1 : k + 4])
        ):
            k += 1  # "69 ballistic and cruise missiles", "баллистических и крылатых ракет"
            continue
        if tok.kind == "punct" and tok.text in "«»\"“”-–":
            k += 1
            continue
        if tok.kind != "word" or has(tok, STOP):
            break
        if k > j and tok.lemma in TARGETS:
            return "ellipsis", None, k  # "22 повітряні цілі"
        if tok.pos:
            if tok.low in _AGENTS and k > j and toks[k - 1].pos in ("PRTF", "ADJF"):
                k += 1  # "20 запущених ворогом дронів": the agent of the participle
                continue
            if tok.pos not in _RU_NP_POS and not has(tok, _CYR_MODIFIERS):
                break  # a Russian/Ukrainian noun that is not a weapon ends the phrase
        elif not _is_modifier(tok):
            break  # an English noun that is not a weapon ("40 bombers", "3 am")
        k += 1
    return "other", None, i


def _split_phrase(toks: list[Token], j: int) -> int | None:
    """ "3 збиті над Новгородщиною дрони", "48 «знищених» над Ростовською областю дронів": a
    participle, its place, then the weapon noun (the last token of the phrase)."""
    n = len(toks)
    if toks[j].pos not in ("PRTF", "ADJF") or measure_of(toks[j]) is None:
        return None
    k = j + 1
    if k < n and toks[k].text in "»\"”":
        k += 1
    if k >= n or toks[k].low not in _SPLIT_PREP:
        return None
    for m in range(k + 1, min(n, k + 6)):
        tok = toks[m]
        if tok.kind != "word":
            return None
        if weapon_of(tok) is not None:
            return m
    return None


# The agent of a participle inside a weapon phrase ("запущених ворогом дронів").
_AGENTS: Final = frozenset({"ворогом", "противником", "врагом", "агресором", "окупантами", "оккупантами",
                            "росіянами", "россиянами", "рф", "росією", "россией"})
_SPLIT_PREP: Final = frozenset({"над", "у", "в", "на", "по", "за"})  # ("58 сбитых за ночь дронах")


def _strikes_after(toks: list[Token], end: int) -> bool:
    """ "missile strikes", "drone attacks": strikes counted, not weapons ("strike UAVs" is a
    kind of drone)."""
    k = end + 1
    if k >= len(toks) or toks[k].low not in _STRIKES:
        return False
    return k + 1 >= len(toks) or weapon_of(toks[k + 1]) is None


def _one_attack(toks: list[Token], i: int, end: int) -> bool:
    """ "a 728 drone attack": one attack of that many weapons (not "18 drone attacks")."""
    k = i - 1
    while k >= 0 and (toks[k].low in SIZE_WORDS or (toks[k].kind == "punct" and toks[k].text == ",")):
        k -= 1
    return k >= 0 and toks[k].low in ("a", "an") and toks[end + 1].low in _ONE_STRIKE


SIZE_WORDS: Final = frozenset({"massive", "massed", "huge", "large", "record", "combined", "major",
                                "overnight", "new", "further", "fresh", "large-scale", "big"})
_ONE_STRIKE: Final = frozenset({"strike", "attack", "salvo", "barrage", "raid", "assault", "wave"})


def _checked(
    toks: list[Token], weapon: Weapon, last: int
) -> tuple[PhraseKind, Weapon | None, int]:
    """ "550 drones and missiles": a figure for mixed weapons has no single weapon; "10 more
    Patriot systems": a figure of launchers, not munitions."""
    k = last + 1
    sent = toks[last].sent
    near = list(takewhile(lambda t: t.kind != "num" and t.sent == sent, toks[last : min(len(toks), k + 6)]))
    # (up to the next figure: "6 HIMARS rockets and 20 Grad rockets": the Grads are the second's)
    before = list(takewhile(lambda t: t.kind == "word", reversed(toks[max(0, last - 3) : last])))
    if weapon == "missile" and any(t.low.startswith(_UNGUIDED_SYSTEMS) for t in near + before) and any(
        t.low.startswith(("rocket", "ракет", "снаряд")) for t in near[:2]
    ):  # (also "20 Grad rockets", the system's name before the noun)
        return "other", None, last  # "4 rockets of the RM-70 Vampire MLRS": unguided rockets
    if k < len(toks) and toks[k].low in _SYSTEMS and not (
        k + 1 < len(toks) and toks[k + 1].low.startswith("залпов")
    ):  # (not "ракет реактивної системи залпового вогню HIMARS": rockets of the launcher)
        return "other", None, last
    if k + 1 < len(toks) and toks[k].low in _AND:
        other = weapon_of(toks[k + 1]) if toks[k + 1].kind == "word" else None
        if other is not None and other != weapon:
            return "other", None, last
    return "weapon", weapon, last


_DROPS: Final = ("скид", "сброс")
_LAUNCH_NOUNS: Final = frozenset({"пусків", "пуски", "пусков", "пуска", "пуск", "launches"})
_UNGUIDED_SYSTEMS: Final = (
    ("vampire", "вампир", "вампір", "grad", "град", "rm-70", "bm-21", "бм-21", "uragan",
     "ураган"))
# "targets" stand for the weapon the report named before (when it named only one kind)
TARGETS: Final = frozenset({"ціль", "цель", "targets", "target", "аппарат", "апарат"})
_SYSTEMS: Final = frozenset({"systems", "system", "batteries", "battery", "launchers", "complexes", "систем",
                             "системи", "комплексов", "комплексів", "комплекси", "комплекса",
                             "установок", "установки", "дивизионов", "дивізіонів"})
_COPULA: Final = frozenset({"were", "was", "are", "is"})
_MORE: Final = frozenset({"more", "further", "additional"})
_STRIKES: Final = frozenset({"strikes", "strike", "attacks", "attack", "ударів", "удари", "ударов", "удара",
                             "атак", "атаки", "salvos", "launches"})
# Determiners between "of" and a weapon: "ten of the cruise missiles", "30 of its drones".
_OF_DETERMINERS: Final = frozenset({"the", "these", "those", "all", "its", "their", "our", "his", "her"})
_EXCEPT: Final = frozenset({"but", "except", "кроме", "крім", "окрім"})
_AND: Final = frozenset({"and", "or", "та", "і", "й", "и", "или", "або", "/"})


def _weapon_end(toks: list[Token], k: int) -> int:
    """Last token of a weapon phrase: "ATACMS missiles", "ракет Х-101"."""
    n = len(toks)
    while k + 1 < n:
        if weapon_of(toks[k + 1]) is not None:
            k += 1
            continue
        if (
            k + 2 < n
            and toks[k + 1].text == "/"
            and toks[k + 1].start == toks[k].end
            and toks[k + 2].start == toks[k + 1].end
        ):
            k += 2  # "Kh-59/69 guided missiles", "Shahed-136/131 drones": one model's variants
            continue
        # "Neptune-MD long-range guided missiles": modifiers between a name and its noun
        m = k + 1
        while m < n and m <= k + 3 and toks[m].kind == "word" and _is_modifier(toks[m]) and not (
            toks[m].text[:1].isupper()
        ):
            m += 1
        if m > k + 1 and m < n and weapon_of(toks[m]) is not None:
            k = m
            continue
        break
    return k


def _en_noun(tok: Token) -> bool:
    """An English plural noun of no weapon ("bodies", "houses"), not a verb or a stop word."""
    return (
        tok.kind == "word"
        and not tok.pos
        and tok.low.endswith("s")
        and weapon_of(tok) is None
        and measure_of(tok) is None
        and not has(tok, STOP)
        and tok.low not in ("was", "is", "has", "its", "this", "us", "as")
    )


def _en_verb(tok: Token) -> bool:
    """An English participle right after a number: "30 flying towards Moscow"."""
    return (
        not tok.pos
        and tok.low.endswith(("ing", "ed"))
        and "." not in tok.low  # "U.S.-supplied ATACMS missiles"
        and not ("-" in tok.low and tok.text[:1].isupper())  # "British-supplied Storm Shadow"
        and tok.low not in EN_MODIFIERS
        and tok.low not in _EN_NP_WORDS  # "fixed-wing drones", "loitering munitions"
        and weapon_of(tok) is None
    )


_NOT_NOUNS: Final = frozenset({"towards", "across", "was", "has", "its", "this", "is", "as", "us", "thus",
                        "perhaps", "afterwards", "besides", "always", "overnight's", "hours", "minutes"})


def _plural_noun_after(toks: list[Token], k: int) -> bool:
    """An English plural noun of no weapon ("berths", "houses") at k, in the same sentence."""
    if k >= len(toks) or toks[k].kind != "word" or toks[k].sent != toks[k - 1].sent:
        return False
    tok = toks[k]
    return (
        tok.low.isascii()
        and tok.low.endswith("s")
        and not tok.low.endswith(("ss", "us", "ous"))
        and tok.low not in _NOT_NOUNS
        and tok.text[:1].islower()
        and weapon_of(tok) is None
        and not has(tok, STOP)
    )


def _is_modifier(tok: Token) -> bool:
    """English words that may stand between a number and its weapon noun."""
    low = tok.low
    if low in EN_MODIFIERS or low in _EN_NP_WORDS:
        return True
    if tok.text[:1].isupper() or any(ch.isdigit() for ch in low):
        return True  # names and models: "Shahed", "Kh-101", "Geran-2"
    if low.endswith(("ing", "ed")):
        return False
    return low.endswith(("ian", "ese", "ic", "al", "ive", "-type", "-made", "-range", "-wing"))


_EN_NP_WORDS: Final = frozenset(
           {"cruise", "ballistic", "attack", "strike", "enemy", "kamikaze", "hostile", "long-range",
            "combat", "decoy", "aerial", "glide", "air", "sea", "naval", "surface-to-air", "air-to-air",
            "air-launched", "sea-launched", "ground-launched", "fixed-wing", "loitering", "more",
            "such", "new", "heavy", "light", "unguided", "precision", "smart", "the", "these",
            "imitator", "imitation", "simulator", "dummy"}
       )


_NO_ABBR: Final = frozenset({"no", "nos", "nr"})


def _revised_from(toks: list[Token], k: int) -> bool:
    """Whether the "from" at k gives the old figure of a revision ("to 17, from 12",
    "up from 55", "(previously 34)")."""
    if k >= 1 and toks[k - 1].low in ("up", "down", "rising", "falling"):
        return True
    for j in range(max(0, k - 4), k - 1):
        if toks[j].low in ("to", "до") and toks[j + 1].kind == "num":
            return toks[k].low == "from" or toks[j].low == "до"
    return False


_POPULATION: Final = frozenset({"population", "населением", "население", "населення", "населенням",
                                "населения", "inhabitants"})


_DEGREES: Final = words("degree", "degrees", "градус", "градусов", "градусів", "градуса", "градуси")


def _next_item_noun(toks: list[Token], j: int) -> list[Token]:
    """ "сбиты 4 баллистические и 32 крылатые ракеты": the noun the next item of the list ends
    with, which the kind before it shares (none unless a conjunction and a figure follow)."""
    if j + 2 < len(toks) and toks[j + 1].low in ("та", "і", "й", "и", "and") and toks[j + 2].kind == "num":
        return toks[j + 3 : j + 5]
    return []


def is_noise(toks: list[Token], num: Number) -> bool:
    """Years, dates, units: numbers that never count weapons."""
    prev = toks[num.first - 1] if num.first > 0 else None
    nxt = toks[num.last + 1] if num.last + 1 < len(toks) else None
    if toks[num.first].low in ("both", "оба", "обе", "обидва", "обидві") and any(
        t.low in ("and", "і", "и", "та") for t in toks[num.last + 2 : num.last + 5]
    ):
        return True  # "which involved both aerial and sea drones": "both ... and", no figure
    if nxt is not None and (nxt.text in ("°", "℃") or has(nxt, _DEGREES)):
        return True  # "при температурі -8 °C", "minus 4 degrees Celsius": a temperature
    if num.value == 1 and toks[num.first].low == "one" and nxt is not None and nxt.low in _RELATIVE_ONE:
        return True  # "the biggest attack of the war and one that came hours after ..."
    if prev is not None and prev.low in ("war", "війни", "войны") and num.value <= 2 and num.first >= 2 and (
        toks[num.first - 2].low in ("world", "світової", "мировой")
    ):
        return True  # "World War Two"
    if (
        prev is not None
        and nxt is not None
        and nxt.text in ("»", '"', "”")
        and prev.kind == "word"
        and prev.text[:1].isupper()
        and num.first >= 2
        and toks[num.first - 2].text in ("«", '"', "“")
    ):
        return True  # "спецподразделения «Группа 13»": a unit's name
    if num.value >= 1900 and num.value <= 2100 and num.first == num.last and (
        prev is None or has(prev, _YEAR_CONTEXT) or (nxt is not None and has(nxt, _YEAR_CONTEXT))
    ):
        return True
    if (
        1900 <= num.value <= 2100
        and prev is not None
        and prev.text == ","
        and num.first >= 3
        and toks[num.first - 2].kind == "num"
        and (
            has(toks[num.first - 3], _MONTHS)
            or (num.first >= 4 and toks[num.first - 3].text == "." and has(toks[num.first - 4], _MONTHS))
        )
    ):
        return True  # "since Feb. 24, 2022"
    if (
        1900 <= num.value <= 2100
        and nxt is not None
        and nxt.low in ("и", "і", "та", "and", "-", "–")
        and num.last + 3 < len(toks)
        and toks[num.last + 2].kind == "num"
        and has(toks[num.last + 3], _YEAR_CONTEXT)
    ):
        return True  # "1978 и 1985 годов рождения"
    if (
        nxt is not None
        and nxt.low in ("и", "і", "та", "and", "-", "–")
        and num.last + 3 < len(toks)
        and toks[num.last + 2].kind == "num"
        and toks[num.last + 3].low in _AGE_AFTER
    ):
        return True  # "ранены двое мужчин 47 и 63 лет": ages
    if prev is not None and prev.text == "." and num.first >= 2 and toks[num.first - 2].low in _NO_ABBR:
        return True  # "No. 112 and No. 114": house numbers
    if prev is not None and prev.low in ("from", "с", "з") and _revised_from(toks, num.first - 1):
        return True  # "revised ... to 17, from 12 reported", "up from 55": the old figure
    if nxt is not None and (has(nxt, _UNIT_WORDS) or nxt.text in "%№" or nxt.low in _TIME_AFTER):
        return True
    if (
        nxt is not None
        and nxt.low in ("a", "p")
        and num.last + 3 < len(toks)
        and toks[num.last + 2].text == "."
        and toks[num.last + 3].low == "m"
    ):
        return True  # "between 8 p.m. and 11 p.m.": an hour, as its letters are split
    if (prev is not None and has(prev, _MONTHS)) or (nxt is not None and has(nxt, _MONTHS)):
        return True  # dates: "June 1", "1 червня"
    if (
        prev is not None
        and prev.low in ("to", "until", "through", "-", "–", "—", "по", "до")
        and num.first >= 3
        and toks[num.first - 2].kind == "num"
        and has(toks[num.first - 3], _MONTHS)
        and num.value <= 31
    ):
        return True  # "from September 14 to 20": the end of a date range
    if prev is not None and prev.text == "/" and num.first >= 2:
        glued = toks[num.first - 2]
        if glued.end == prev.start and prev.end == toks[num.first].start:
            return True  # "Х-59/69", "24/7"
    if prev is not None and prev.low in _EXCEPT and (
        prev.low != "but" or (num.first >= 2 and toks[num.first - 2].low == "all")
    ):
        return True  # "all but one were shot down", "все, кроме одной": not a figure
    if any(t.low in _POPULATION for t in toks[max(0, num.first - num.qlen - 3) : num.first - num.qlen]):
        return True  # "has a population of about 550,000", "населением около 400 тысяч"
    if (
        (prev is None or prev.sent != toks[num.first].sent)
        and nxt is not None
        and nxt.text in (".", ")")
        and num.last + 2 < len(toks)
        and toks[num.last + 2].kind == "word"
        and num.value < 50
    ):
        return True  # "1. Брянська обл. — 17;": a list item's number
    return prev is not None and prev.text in "№#"


_RUNNING_TRIGGERS: Final = _running_triggers()
