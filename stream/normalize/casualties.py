"""PURE: casualties [region, killed|injured, n] from casualty cues and the number of
people next to them ("killing four people", "nine injured", "a 60-year-old man was
wounded" = 1). Negated cues ("пострадавших нет", "no one was hurt") give nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal, NamedTuple

from stream.normalize.lexicon import PERSON, STOP, has, words
from stream.normalize.numbers import Number
from stream.normalize.phrases import cumulative, cumulative_marks
from stream.normalize.tokens import Token, analyzer

What = Literal["killed", "injured"]

KILLED: Final = words(
           "killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "death", "deaths",
           "fatalities", "lives", "toll",
           "погибнуть", "погибли", "погиб", "погибла", "погибший", "погибших", "убить", "убиты",
           "убит", "гибель", "жертва", "жертвы",
           "загинути", "загинули", "загинув", "загинула", "загиблий", "загиблих", "вбити", "вбито",
           "убито", "загибель", "жертв",
           "скончаться", "скончался", "скончалась", "скончались", "умереть", "умер", "умерла", "умерли",
           "померти", "помер", "померла", "померли",
           "тіло", "тело",  # "під завалами знайшли тіло жінки": a body found
       )  # fmt: skip
INJURED: Final = words(
           "injured", "injuring", "injure", "injures", "injury", "injuries", "wounded", "wounding",
           "wounds", "hurt", "hospitalised", "hospitalized",
           "ранить", "ранены", "ранен", "ранена", "раненый", "раненых", "ранение", "ранения",
           "пострадать", "пострадали", "пострадал", "пострадала", "пострадавший", "пострадавших",
           "травмировать", "травмированы", "травма", "травмы",
           "поранити", "поранені", "поранено", "поранений", "поранених", "поранення",
           "постраждати", "постраждали", "постраждав", "постраждала", "постраждалий",
           "постраждалих", "травмувати", "травмовано", "травмовані", "травмований",
           "травмувався", "травмувалася", "травмувалась", "травмувалися", "травмировался", "травмировалась",
           "травмировались", "поранився", "поранилася", "поранилась",
           "ожог", "ожоги", "ожогов", "опік", "опіки", "опіків",  # "хозяйка получила ожоги"
           "barotrauma", "concussion", "concussions", "баротравма", "баротравму", "баротравми", "баротравмы",
           "cuts", "burns", "bruises", "порез", "порезы", "поріз", "порізи", "контузия", "контузію",
           "контузії", "контузии",  # "one resident suffered cuts", "у женщины порезы стеклом"
       )  # fmt: skip
CASUALTY_CUES: Final = KILLED | INJURED

_NEG: Final = words("no", "not", "nobody", "none", "без", "нет", "немає", "ніхто", "никто", "не",
                    "обошлось", "обійшлося", "without")
# Words skipped when looking from a cue back to its number ("two workers were injured").
_BACK_SKIP: Final = words(
           "were", "was", "have", "has", "been", "had", "are", "is", "got", "reportedly", "also", "now",
           "later", "people", "others", "more", "another", "ще", "еще", "ещё", "також", "також",
           "other", "інші", "другие", "інших", "других", "slightly", "seriously", "severely",
           "critically", "lightly", "moderately", "badly", "легко", "тяжело", "тяжко", "важко",
           "shrapnel", "minor", "serious", "multiple", "осколочные", "осколкові", "осколочное",
           "осколкове", "легкие", "легкі", "тяжелые", "важкі",
           "were", "получили", "получил", "получила", "зазнали", "зазнав", "зазнала", "suffered",
           "sustained", "received", "людей", "людини", "человек", "человека", "were", "being", "left",
           "дістали", "дістав", "дістала", "отримали", "отримав", "отримала", "зазнали",
           "known", "believed", "thought", "feared", "confirmed", "reported", "to",
           "in", "the", "region", "city", "oblast", "area",  # "Nine more people in the region were injured"
    "за", "добу", "сутки", "минулу", "минувшие", "прошедшие", "день",  # "Ще 11 людей в області за добу"
       )  # fmt: skip
_FWD_SKIP: Final = words(
           "at", "least", "another", "more", "than", "ще", "еще", "ещё", "не", "менее", "менше",
           "щонайменше", "rose", "risen", "to", "до", "has", "climbed", "reached", "по", "меньшей",
           "мере", "крайней", "более", "свыше", "понад", "більше", "over", "nearly", "almost",
           "вже", "уже", "already",  # "поранення отримали вже шестеро людей"
           # "wounding about 20": an approximate figure is the figure stated (as "at least 30")
           "about", "around", "approximately", "roughly", "some", "около", "примерно", "почти", "порядка",
           "близько", "приблизно", "майже",
           # "ранения получили 5 человек", "поранення отримала жінка": the verb of a noun cue
           "получили", "получил", "получила", "отримали", "отримав", "отримала", "дістали", "дістав",
           "дістала", "зазнали", "зазнав", "зазнала",
       )  # fmt: skip
# Adjectives between a cue and its person ("погиб мирный житель", "загинула літня жінка").
_ADJ_POS: Final = frozenset({"ADJF", "PRTF"})
_SINGLE_RAW: Final = (
           "man", "woman", "child", "boy", "girl", "teenager", "resident", "pensioner", "driver",
           "civilian", "person", "worker", "soldier", "мужчина", "женщина", "ребенок", "ребёнок",
           "подросток", "житель", "жительница", "пенсионер", "пенсионерка", "водитель", "чоловік",
           "жінка", "дитина", "підліток", "мешканець", "мешканка", "пенсіонер", "пенсіонерка", "водій",
           "людина", "человек", "чоловіка", "жінку", "wife", "husband", "son", "daughter", "mother",
           "father", "жена", "муж", "сын", "дочь", "мать", "отец", "дружина", "син", "донька", "мати",
           "батько", "юноша", "девушка", "девочка", "мальчик", "младенец", "школьник", "школьница",
           "студент", "студентка", "военнослужащий", "юнак", "дівчина", "дівчинка", "хлопчик",
           "немовля", "школяр", "школярка", "студентка", "військовослужбовець", "teen", "baby",
           "infant", "toddler", "student", "volunteer", "rescuer", "firefighter", "paramedic",
           "policeman", "journalist", "farmer", "guard", "youth", "медик", "спасатель",
           "рятувальник", "волонтер", "волонтёр", "журналист", "журналіст", "фермер", "охранник",
           "охоронець", "хлопець", "хлопця", "парень", "парня", "дівчину", "пожежник", "пожарный",
           "firefighter", "хозяйка", "хозяин", "господиня", "господар", "owner", "працівник",
           "працівника", "работник", "работника", "сотрудник", "сотрудника", "співробітник",
           "співробітника", "employee", "grandson", "granddaughter", "grandmother", "grandfather", "внук",
           "внучка", "бабушка", "дедушка", "онук", "онука", "бабуся", "дідусь", "neighbour", "neighbor",
           "сосед", "соседка", "сусід", "сусідка", "машиніст", "машиніста", "машинист", "машиниста",
           "тракторист", "тракториста", "охоронник", "электрик", "електрик", "лісник", "лесник",
           "цивільний", "цивільна", "гражданский", "мирянин",
           "citizen", "national", "громадянин", "громадянка", "гражданин", "гражданка",
           "энергетик", "енергетик", "енергетика", "engineer", "инженер", "інженер", "інженера", "инженера",
           "фельдшер", "фельдшера", "фельдшерица", "фельдшерка", "врач", "лікар", "медсестра", "медсестру",
           "doctor", "nurse", "пассажир", "пассажирка", "пасажир", "пасажирка",
    "колега", "коллега", "colleague", "провідниця", "провідник", "проводница", "проводник", "conductor",
       )  # fmt: skip
_SINGLE: Final = words(*_SINGLE_RAW)
# Two people in one word: "an elderly couple was killed", "загинуло подружжя", "погибли супруги".
_COUPLE: Final = frozenset({"couple", "подружжя", "супруги", "супругов", "супружеская"})
_SINGLE_NOM: Final = frozenset(_SINGLE_RAW)
_ADJ_SKIP: Final = frozenset(
           {"a", "an", "elderly", "local", "young", "old", "another", "one", "the", "his", "her", "its",
            "their", "его", "ее", "её", "их", "його", "її", "їх",
            # "загинув наш колега", "our colleague was killed"
            "our", "наш", "наша", "наші", "наши", "нашего", "нашої", "нашу"}
       )
_AGE_RE: Final = re.compile(r"^\d+-(year-old|летн\w*|річн\w*)$")


def _singular(tok: Token) -> bool:
    """A singular person word ("a man", "мешканця", "людина"), not "людей"/"people"."""
    if tok.low in _SINGLE_NOM:
        return True
    return bool(tok.pos) and not _plural(tok.low, "uk" if _UK_LETTERS & set(tok.low) else "ru")


@lru_cache(maxsize=20_000)
def _plural(low: str, lang: str) -> bool:
    parses = analyzer(lang).parse(low)
    return bool(parses) and parses[0].tag.number == "plur"


_UK_LETTERS: Final = frozenset("іїєґ")


class Casualty(NamedTuple):
    what: What
    value: int
    first: int
    last: int
    cue: int
    update: bool = False  # "the toll has risen to 9": the current figure of a report


def _what(tok: Token) -> What | None:
    key = (tok.low, tok.lemma)
    if key in _WHAT_CACHE:
        return _WHAT_CACHE[key]
    found: What | None = None
    if has(tok, KILLED):
        found = "killed"
    elif has(tok, INJURED):
        found = "injured"
    if len(_WHAT_CACHE) < 200_000:
        _WHAT_CACHE[key] = found
    return found


_WHAT_CACHE: dict[tuple[str, str], What | None] = {}


def extract_casualties(
    toks: list[Token],
    numbers: list[Number],
    used: set[int],
    sent_bounds: list[tuple[int, int]],
    place_tokens: frozenset[int] = frozenset(),
    line_starts: frozenset[int] = frozenset(),
) -> list[Casualty]:
    """Casualty figures in text order; `used` holds number starts taken by counts,
    `place_tokens` the tokens of place names ("мешканця Херсона поранено") and `line_starts`
    the sentences that open a line of the text."""
    numbers = [n for n in numbers if not _an_age(toks, n)]
    struck = _struck(toks, numbers)
    numbers = [n for n in numbers if n not in struck.values()]
    by_last = {n.last: n for n in numbers if n.first not in used}
    by_first = {n.first: n for n in numbers if n.first not in used}
    taken: set[int] = set()
    out: list[Casualty] = []
    marks: list[int] | None = None  # running totals' sentences, found when first needed
    keys = CASUALTY_CUES
    for i in [k for k, t in enumerate(toks) if t.lemma in keys or t.low in keys]:
        tok = toks[i]
        what = _what(tok)
        if what is None or _negated(toks, i, sent_bounds[tok.sent], struck):
            continue
        if tok.lemma in _BODY and (
            tok.low not in _BODY or any(t.low in _MORE_OF for t in toks[max(0, i - 2) : i + 4])
        ):
            # "нашли тела еще двух человек": bodies added to a toll given elsewhere; "передача
            # 6000 тел": remains handed over
            continue
        if tok.low in _BODY and any(c.what == "killed" and c.update for c in out):
            # "Кількість загиблих зросла до чотирьох ... знайшли тіла чоловіка та його дружини":
            # the bodies found are how the risen toll grew, not more dead
            continue
        if what in {c.what for c in out} and _among(toks, i):
            continue  # "Кількість постраждалих зросла до 19 ... Серед поранених четверо дітей": a part
        toll = _toll(toks, i, by_first, taken)
        found = (
            toll
            or _before(toks, i, by_last, taken, place_tokens, struck)
            or _after(toks, i, by_first, taken, struck)
        )
        if found is None and _there_is_one(toks, i):
            found = (1, i, i)  # "Є загиблий та четверо поранених": a singular casualty noun states one
        if found is None:
            continue
        value, first, last = found
        if any(t.low in _CONDITION for t in toks[max(0, first - 3) : first]):
            continue  # "Стан двох постраждалих лікарі оцінюють як важкий": some of a figure told
        lo, hi = sent_bounds[tok.sent]
        if marks is None:
            marks = cumulative_marks(toks, sent_bounds)
        if cumulative(marks, lo, hi):
            continue  # "с начала войны в регионе погибли более 200 мирных жителей": background
        if _handed_over(toks, first, last):
            continue  # "переданы тела 1000 погибших военнослужащих": remains handed over
        if (
            what == "killed" and value == 1 and toll is None
            and _after_risen_toll(toks, out, lo, hi, place_tokens)
        ):
            continue  # "The number of dead has risen to five. A 62-year-old woman ... died in hospital"
        taken.add(first)
        update = (
            toll is not None or _in_update(toks, i, sent_bounds, line_starts) or _now(toks, first, i)
        )
        out.append(Casualty(what, value, min(first, i), max(last, i), i, update))
    out.extend(_elliptic(toks, by_first, taken, out, place_tokens))
    out.sort(key=lambda c: c.first)
    return _drop_superseded(
        toks, _without_parts(toks, _without_hospitalised(toks, out), place_tokens), sent_bounds
    )


_AMONG_CUE: Final = frozenset({"серед", "среди", "among"})


def _among(toks: list[Token], i: int) -> bool:
    """ "Серед поранених", "среди погибших", "among the injured": a cue naming the group a
    figure is part of."""
    k = i - 2 if i > 1 and toks[i - 1].low == "the" else i - 1
    return k >= 0 and toks[k].low in _AMONG_CUE


_PART_BREAKS: Final = frozenset({":", "—", "–"})
_ALREADY: Final = frozenset({"вже", "уже", "already", "now"})
_ALL_TOLD: Final = (
    frozenset({"загалом", "всего", "всього", "усього", "total", "toll", "итого", "общей", "общее"}))


def _without_parts(
    toks: list[Token], found: list[Casualty], place_tokens: frozenset[int] = frozenset()
) -> list[Casualty]:
    """ "помер ще один чоловік — загалом загиблих двоє", "погибших двое: в больнице скончался
    мужчина": one more, or one told of after a colon, inside a larger figure of the same
    kind in the same sentence is a part of it, not more (not one of another place: "в Сумской
    погибли 3 человека, в Запорожской — один погибший")."""
    out: list[Casualty] = []
    for c in found:
        sent = toks[c.cue].sent
        larger = [e for e in found if e is not c and e.what == c.what and e.value > c.value
                  and sent in (toks[e.cue].sent, toks[e.last].sent)]
        more = any(t.low in _MORE_OF for t in toks[max(0, c.first - 3) : c.last + 1]) and any(
            e.update or any(t.low in _ALL_TOLD for t in toks[max(0, min(e.first, e.cue) - 3) : e.last + 1])
            # "помер ще один чоловік — загиблих уже двоє": the figure the toll has already reached
            or (e.first > c.last and any(t.low in _ALREADY for t in toks[min(e.first, e.cue) : e.last + 1]))
            for e in larger
        )  # "ще одна людина постраждала в Оболонському районі" after two injured is one more
        told = any(
            e.last < c.first and any(t.text in _PART_BREAKS for t in toks[e.last + 1 : c.first])
            and not any(
                k in place_tokens and toks[k + 1].text in _ITEM_DASH for k in range(e.last + 1, c.first)
            )
            for e in larger
        )
        if larger and (more or told) and c.value == 1:
            continue
        out.append(c)
    return out


_CONDITION: Final = frozenset({"стан", "состояние", "condition", "conditions"})
_HOSPITALISED: Final = words("госпитализировать", "госпитализированы", "госпитализирован", "госпіталізувати",
                             "госпіталізовано", "госпіталізовані", "hospitalised", "hospitalized")


# "remain in hospital", "залишаються в лікарні", "находятся в больнице"
_IN_HOSPITAL: Final = frozenset({"hospital", "hospitals", "лікарні", "лікарнях", "больнице", "больницах",
                                 "стаціонарі", "стационаре"})
_AGED: Final = frozenset({"aged", "age", "ages", "віком", "возрасте", "вік", "возраст"})


def _age_start(toks: list[Token], k: int) -> int | None:
    """Where "aged 39 and 71" starts, if token k (a number) ends such a run of ages."""
    while k >= 1 and toks[k].kind == "num":
        if toks[k - 1].low in _AGED:
            return k - 1
        if k >= 2 and toks[k - 1].text in (",", "and", "і", "и", "та", "й") and toks[k - 2].kind == "num":
            k -= 2
            continue
        return None
    return None


def _an_age(toks: list[Token], num: Number) -> bool:
    """ "two women aged 39 and 71 were wounded", "віком 39 і 71 рік": ages, not people."""
    k = num.first - num.qlen - 1
    while k >= 1 and toks[k].text in (",", "and", "і", "и", "та", "й") and toks[k - 1].kind == "num":
        k -= 2  # back over "39 and" to what stands before the first age
    return k >= 0 and toks[k].low in _AGED


def _without_hospitalised(toks: list[Token], found: list[Casualty]) -> list[Casualty]:
    """ "ранения получили 14 человек ...; 6 пострадавших госпитализированы": the injured taken
    to hospital are a part of a larger figure of injured just before, not more of them."""
    out: list[Casualty] = []
    for c in found:
        if c.what == "injured" and (
            any(has(t, _HOSPITALISED) for t in toks[max(0, c.first - 2) : min(len(toks), c.last + 3)])
            # "Шестеро постраждалих, серед них 10-річний хлопчик, залишаються в лікарні"
            or any(t.low in _IN_HOSPITAL and t.sent == toks[c.cue].sent
                   for t in toks[c.last + 1 : min(len(toks), c.last + 14)])
        ) and any(
            e.what == "injured"
            and e.value > c.value
            and e.last < c.first
            and toks[c.cue].sent - toks[e.cue].sent <= 1
            for e in out
        ):
            continue
        out.append(c)
    return out


_ITEM_DASH: Final = frozenset({"–", "—"})
_ITEM_GLUE: Final = frozenset({",", "а", "і", "и", "та", "й", "в", "у", "на", "in", "and", "while"})


def _elliptic(
    toks: list[Token],
    by_first: dict[int, Number],
    taken: set[int],
    found: list[Casualty],
    place_tokens: frozenset[int],
) -> list[Casualty]:
    """ "у Брянській – поранено двох, а в Бєлгородській – трьох": a place, a dash and a bare
    figure after a casualty item of the same shape take its cue."""
    out: list[Casualty] = []
    for c in found:
        k = c.last + 1
        if k < len(toks) and toks[k].kind == "word" and has(toks[k], PERSON):
            k += 1  # "killed three civilians in ..."
        j = k
        while j < len(toks) and j - k < 2 and toks[j].low in ("на", "в", "у", "in"):
            j += 1
        if j > k and j in place_tokens:
            while j < len(toks) and j in place_tokens:
                j += 1
            if j < len(toks) and toks[j].text not in _ITEM_DASH:
                k = j  # the item's own place after its cue ("загинули на Донеччині")
        listed = False
        while True:
            j = k + 1 if k < len(toks) and (toks[k].low in _JOINERS or toks[k].text == ",") else k
            if not (j > k and j in by_first and by_first[j].first not in taken):
                break
            num = by_first[j]
            m = num.last + 1
            if m < len(toks) and has(toks[m], PERSON):
                m += 1
            at = m + 2 if m + 2 < len(toks) and toks[m + 1].low == "the" else m + 1
            if not (at < len(toks) and toks[m].low in ("in", "в", "у", "на") and at in place_tokens):
                break
            # "killed three civilians in Kostiantynivka and one in Druzhkivka", "killed six
            # people in Kyiv, three in Zaporizhzhia and one in the Kharkiv region"
            taken.add(num.first)
            out.append(Casualty(c.what, num.value, num.first, num.last, num.last))
            listed = True
            k = at
            while k < len(toks) and k in place_tokens:
                k += 1
        if listed:
            continue
        while True:
            j = k
            while j < len(toks) and j - k < 4 and toks[j].low in _ITEM_GLUE:
                j += 1
            if (
                j > k
                and j + 2 < len(toks)
                and toks[j].low == "по"
                and j + 1 in by_first
                and toks[by_first[j + 1].last + 1].text in _ITEM_DASH
                and by_first[j + 1].first not in taken
            ):
                # "двоє людей загинули на Донеччині, по одному – на Херсонщині, Запоріжжі та
                # Харківщині": one for each place after the dash (see extract's `_each_of`)
                num = by_first[j + 1]
                taken.add(num.first)
                out.append(Casualty(c.what, num.value, num.first, num.last, num.last + 1))
                k = num.last + 2
                continue
            if j == k or j >= len(toks) or j not in place_tokens:
                break
            while j < len(toks) and j in place_tokens:
                j += 1
            if j + 1 >= len(toks) or toks[j].text not in _ITEM_DASH or j + 1 not in by_first:
                break
            num = by_first[j + 1]
            if num.first in taken:
                break
            taken.add(num.first)
            out.append(Casualty(c.what, num.value, num.first, num.last, j))  # cue: its dash
            k = num.last + 1
    return out


_REMAINS: Final = frozenset({"тела", "тіла", "bodies", "останки", "remains", "тел", "тіл"})
_HANDOVER: Final = frozenset({"передан", "переданы", "передано", "передала", "передали", "повернули",
                              "повернуто", "повернула", "вернула", "вернули", "получила", "получили",
                              "отримала", "отримали", "returned", "repatriated", "handed", "обмена",
                              "обміну", "exchange", "repatriation", "репатріації", "репатриации"})


def _handed_over(toks: list[Token], first: int, last: int) -> bool:
    """Bodies handed over in an exchange ("переданы тела 1000 погибших", "получила 24 тела"),
    not the dead of a strike ("з-під завалів деблоковано тіла трьох загиблих")."""
    near = toks[max(0, first - 3) : min(len(toks), last + 3)]
    if not any(t.low in _REMAINS for t in near):
        return False
    return any(t.low in _HANDOVER for t in toks[max(0, first - 8) : min(len(toks), last + 3)])
_BODY: Final = frozenset({"тіло", "тело", "тіла", "тела"})
_MORE_OF: Final = frozenset({"еще", "ещё", "ще", "more", "another", "іще"})


def _drop_superseded(
    toks: list[Token], found: list[Casualty], sent_bounds: list[tuple[int, int]]
) -> list[Casualty]:
    """ "The toll has risen to five. Officials had earlier reported three dead": a figure
    said to be an earlier report gives way to a current one of the same kind."""
    def earlier(c: Casualty) -> bool:
        lo, hi = sent_bounds[toks[c.cue].sent]
        # the clause of the figure ("ранены 19 человек; утром сообщалось о 15 пострадавших")
        a = next((k + 1 for k in range(min(c.first, c.cue) - 1, lo - 1, -1) if toks[k].text == ";"), lo)
        b = next((k for k in range(max(c.last, c.cue) + 1, hi) if toks[k].text == ";"), hi)
        # "Спершу він повідомив про двох поранених, однак пізніше уточнив, що постраждалих троє":
        # a contrast after a comma opens the current figure's clause
        a = next((k + 1 for k in range(min(c.first, c.cue) - 1, a, -1) if _contrast(toks, k)), a)
        b = next((k for k in range(max(c.last, c.cue) + 1, b) if _contrast(toks, k)), b)
        # "пострадали трое рабочих (ранее сообщалось о двоих)": the aside is the earlier figure's
        b = next((k for k in range(max(c.last, c.cue) + 1, b) if toks[k].text == "("), b)
        # an earlier report ("officials had earlier reported four dead", "ранее сообщалось о
        # двух погибших"), not an earlier event ("Earlier in the day, two people were wounded
        # in a drone attack, Fedorov said")
        marks = [k for k in range(a, b) if toks[k].low in _EARLIER]
        scoped = [k for k in marks if _toll_of(toks, k, b)]
        if scoped and len(scoped) == len(marks):
            # "killed three and wounded 17, raising an earlier toll of one dead and nine wounded":
            # the earlier toll is what follows its noun, up to the clause's end
            return any(k < c.first < _clause_end(toks, k, b) for k in scoped)
        return any(
            toks[m].low in _REPORTING or toks[m].lemma in _REPORTING
            for k in marks
            for m in range(max(a, k - 3), min(b, k + 8))
        )

    old = [c for c in found if earlier(c)]
    if not old:
        return found
    current = {c.what for c in found if not earlier(c)}
    return [c for c in found if c.what not in current or not earlier(c)]


_TOLL_NOUNS: Final = (
    frozenset({"toll", "figure", "figures", "count", "tally", "estimate", "report", "reports"}))


_BUT: Final = (
    frozenset({"однак", "однако", "але", "проте", "но", "but", "however", "later", "пізніше", "позже",
               "позднее"}))


def _contrast(toks: list[Token], k: int) -> bool:
    return toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].low in _BUT


def _toll_of(toks: list[Token], k: int, hi: int) -> bool:
    """ "an earlier toll of", "the previous figure of": a mark that names the old tally it opens."""
    return k + 2 < hi and toks[k + 1].low in _TOLL_NOUNS and toks[k + 2].low == "of"


def _clause_end(toks: list[Token], k: int, hi: int) -> int:
    return next((m for m in range(k + 1, hi) if toks[m].text in (",", ";", "(", ")")), hi)


_REPORTING: Final = (
    frozenset({"reported", "said", "told", "announced", "put", "gave", "reporting", "сообщалось",
               "повідомлялося", "повідомлялось", "сообщал", "сообщала", "сообщали", "сообщить",
               "повідомляв", "повідомляла", "повідомляли", "повідомити", "заявлял", "заявляв",
               "заявляли", "говорилось", "говорили", "йшлося", "шла", "называл", "називав",
               "данные", "даними", "данным", "figure", "toll", "information", "інформація",
               "информация", "відомо", "известно"}))
_EARLIER: Final = frozenset({"earlier", "previously", "initially", "ранее", "раніше", "прежде",
                             "сообщалось", "повідомлялося", "повідомлялось", "первоначально",
                      "изначально", "спочатку", "спершу", "сначала", "сперва", "напередодні", "накануне"})


_STRIKE_OUT: Final = frozenset({"не", "not", "ні"})
_RATHER: Final = frozenset({"а", "but", "але"})


def _struck(toks: list[Token], numbers: list[Number]) -> dict[int, Number]:
    """Corrections "не 5, а 3", "not five but three", "три, а не пять", "three people, not
    five,": {the negation's index: the figure it strikes out}; the other figure stands."""
    by_first = {n.first - n.qlen: n for n in numbers}
    out: dict[int, Number] = {}
    for num in numbers:
        k = num.first - num.qlen - 1
        if k < 1 or toks[k].low not in _STRIKE_OUT:
            continue
        j = num.last + 1
        if j < len(toks) and toks[j].text == ",":
            j += 1
        if j + 1 < len(toks) and toks[j].low in _RATHER and j + 1 in by_first:
            out[k] = num  # "не 5, а 3 человека"
        elif toks[k - 1].text == "," or (toks[k - 1].low == "а" and toks[k - 2].text == ","):
            out[k] = num  # "три, а не пять человек", "three people, not five, were injured"
    return out


def _struck_before(toks: list[Token], j: int, struck: dict[int, Number]) -> int | None:
    """The token before ", not five," / ", а не пятеро" when `j` closes it, if it does."""
    for k, num in struck.items():
        if not (num.first <= j <= num.last + 1) or (j == num.last + 1 and toks[j].text != ","):
            continue
        m = k - 1
        while m >= 0 and (toks[m].text == "," or toks[m].low == "а"):
            m -= 1
        return m if m < k - 1 else None
    return None


def _negated(toks: list[Token], i: int, bounds: tuple[int, int], struck: dict[int, Number]) -> bool:
    lo, hi = bounds
    for k in range(max(lo, i - 3), min(hi, i + 3)):
        tok = toks[k]
        if tok.kind != "word" or not has(tok, _NEG) or k in struck:
            continue  # "пострадали не 5, а 3 человека": a figure corrected, not denied
        between = toks[k:i] if k < i else toks[i + 1 : k]
        if any(t.text == ";" for t in between):
            continue  # "13 people were injured; none of them is in serious condition"
        if tok.low in ("без", "without") and k + 1 < len(toks) and not (
            has(toks[k + 1], CASUALTY_CUES) or has(toks[k + 1], PERSON)
        ):
            continue  # "частина міста залишилася без світла, поранено двох людей": an outage
        if any(t.text == "," for t in between) and any(
            m != i and has(toks[m], CASUALTY_CUES) for m in (k - 1, k + 1) if 0 <= m < len(toks)
        ):
            continue  # "Погибших нет, пострадал один человек": another cue's denial
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        if nxt not in ("менее", "менше", "less", "fewer", "менш", "только", "лише"):
            return True
    return False


_RELATIVE: Final = frozenset({"who", "який", "яка", "які", "который", "которая", "которые"})
_AUX: Final = (
    frozenset({"had", "has", "have", "was", "were", "been", "is", "are", "being", "be", "був", "була",
               "було", "были", "был", "была"}))


def _before(
    toks: list[Token],
    i: int,
    by_last: dict[int, Number],
    taken: set[int],
    place_tokens: frozenset[int],
    struck: dict[int, Number],
) -> tuple[int, int, int] | None:
    j = i - 1
    single: int | None = None
    pair = False
    crossed = False  # beyond a parenthetical only a number counts
    joined = 0  # people joined by "and" before the one nearest the cue
    rel = next((m for m in range(i - 1, max(0, i - 16), -1) if toks[m].low in _RELATIVE), None)
    dies = _what(toks[i]) == "killed"
    if (
        rel is not None
        and (has(toks[rel - 1], _SINGLE) or has(toks[rel - 1], PERSON))
        # the clause has a predicate of its own: not "a woman who had been injured"
        and any(t.kind == "word" and t.low not in _AUX for t in toks[rel + 1 : i])
        and not any(
            t.text in ".;" or t.kind == "num"
            or (has(t, CASUALTY_CUES) and not (dies and _what(t) == "injured"))
            for t in toks[rel:i]
        )
    ):
        # "a 63-year-old woman who was pulled from the rubble died in hospital", "a woman who had
        # been injured in the strike died", "The man who was wounded this morning when a drone hit
        # his car in Rylsk has died"
        j = rel - 1
    while j >= 0 and i - j <= 16:
        tok = toks[j]
        if tok.kind == "num" and (aged := _age_start(toks, j)) is not None:
            j = aged - 1  # "two women aged 39 and 71 were wounded"
            continue
        if tok.kind == "num" and j >= 2 and toks[j - 1].low == "in" and toks[j - 2].low == "born":
            j -= 3  # "a man born in 1971 was injured"
            continue
        if tok.low in _AGE_WORDS and j >= 1 and toks[j - 1].kind == "num" and single is None:
            j -= 2  # "ще одного чоловіка 45 років поранено"
            continue
        if j in by_last and by_last[j].first not in taken:
            num = by_last[j]
            joiner = num.first - num.qlen - 1
            if (
                single is None
                and joiner > 0
                and toks[joiner].low in _JOINERS
                and all(has(t, PERSON) or has(t, _BACK_SKIP)
                        for t in toks[num.last + 1 : i] if t.kind == "word")
                and (m := _joined_before(toks, joiner)) is not None
                and m not in taken
                and not (m > 0 and (toks[m - 1].kind == "num" or has(toks[m - 1], CASUALTY_CUES)))
                and not any(t.kind == "num" or has(t, CASUALTY_CUES) for t in toks[max(0, m - 3) : m])
            ):
                return num.value + 1, m, i  # "A 15-year-old boy and two women were injured": three
            return num.value, num.first, i
        if tok.text in _DASH and j > 0 and j - 1 in by_last and all(
            t.kind == "word" and has(t, _BACK_SKIP) for t in toks[j + 1 : i]
        ):
            j -= 1  # "загинули 9 людей, ще 52 — травмовані", "11 – отримали поранення"
            continue
        if tok.text == ")" and j >= 2 and toks[j - 1].kind == "num" and toks[j - 2].text == "(":
            j -= 3  # "1 man (58) wounded": an age in brackets
            continue
        if tok.text in _DASH_PAIR and single is None and not crossed:
            opening = next((m for m in range(j - 1, max(-1, j - 12), -1) if toks[m].text == tok.text), -1)
            inside = toks[opening + 1 : j] if opening >= 0 else []
            people = [opening + 1 + m for m, t in enumerate(inside) if t.kind == "word" and has(t, _SINGLE)]
            ages = {m for m, t in enumerate(inside) if t.kind == "num" and m + 1 < len(inside)
                    and inside[m + 1].low in _AGE_WORDS}  # "Водитель — мужчина 45 лет — ранен"
            if len(people) == 1 and not any(t.kind == "num" for m, t in enumerate(inside) if m not in ages):
                single, j = people[0], opening - 1  # "Водитель — мужчина — получил ранения"
                continue
            if people:
                j = opening - 1  # "two people — a 71-year-old woman and a 40-year-old man — were"
                crossed = True
                continue
        if (aside := _struck_before(toks, j, struck)) is not None:
            j = aside  # "three people, not five, were injured", "трое, а не пятеро жителей"
            continue
        if tok.text == "," and single is None and not crossed:
            appositive = _appositive_person(toks, j)
            if appositive is not None:
                single, j = appositive  # "The driver, a man born in 1981, died", "His passenger, a woman,"
                continue
        if tok.kind != "word":
            skip_to = _parenthetical_start(toks, j) if tok.text == "," else None
            age = skip_to is None and tok.text == "," and (skip_to := _age_aside(toks, j)) is not None
            if skip_to is None or single is not None:
                break
            j = skip_to - 1  # "six people, including a child, were killed"
            crossed = crossed or not age  # "одна жінка, 76 років, загинула": still her
            continue
        if j in place_tokens:
            j -= 1
            continue
        if tok.low in _JOINERS and single is not None and not pair and not crossed:
            m = _joined_before(toks, j)
            if m is None:
                break
            single, joined = m, joined + 1  # "A 34-year-old woman and a 12-year-old girl were injured"
            j = m - 1
            continue
        if tok.low in ("з", "с", "із", "with") and j >= 1 and toks[j - 1].low in _SOUGHT:
            m = j - 1
            while m > 0 and toks[m - 1].low in _SOUGHT:
                m -= 1
            j = m - 1  # "13 людей звернулися по медичну допомогу з легкими травмами"
            continue
        if tok.low in ("of", "из", "з", "із") and j >= 1 and has(toks[j - 1], PERSON):
            j -= 1  # "Two residents of Lgov were wounded"
            continue
        if (owner := _owner_phrase(toks, j)) is not None:
            j = owner  # "one employee of the refinery", "a security guard at the enterprise"
            continue
        if j + 1 < i and has(toks[j + 1], PERSON) and tok.kind == "word" and not has(tok, _BACK_SKIP):
            j -= 1  # "two port workers were injured"
            continue
        if j >= 1 and has(toks[j - 1], PERSON) and tok.pos == "NOUN":
            j -= 1  # "двоє працівників заводу отримали травми": the workers' plant
            continue
        if tok.low == "for" and j >= 1 and toks[j - 1].low in _TREATED:
            j -= 2  # "Fifteen people are now being treated for injuries"
            continue
        if tok.low == "with" and (k := _taken_to_hospital(toks, j)) is not None:
            j = k - 1  # "a 43-year-old man was taken to hospital with shrapnel wounds"
            continue
        if tok.low in _REGION_WORDS and j >= 1 and toks[j - 1].low in ("в", "у", "in"):
            j -= 2  # "Ще 9 людей в області дістали поранення"
            continue
        if tok.low in ("в", "у", "in") and j + 1 in place_tokens:
            j -= 1  # the preposition of a place skipped above
            continue
        if tok.low in _COUPLE:
            if single is None and not crossed:
                single, pair = j, True
        elif has(tok, _SINGLE) and _singular(tok):
            if single is None and not crossed:
                single = j
        elif (
            tok.low in _HE_SHE
            and single is None
            and not crossed
            and _what(toks[i]) == "killed"
            and (j == 0 or toks[j - 1].kind == "punct" or toks[j - 1].sent != tok.sent)
        ):
            single = j  # "... dropped explosives on a 38-year-old man. He died of his injuries"
        elif not (has(tok, _BACK_SKIP) or has(tok, PERSON) or _AGE_RE.match(tok.low)
                   or tok.low in ("a", "an", "one", "elderly", "local", "young")
                   or (tok.pos in _ADJ_POS and j == i - 1)):  # "получил осколочные ранения"
            break
        j -= 1
    if single is not None and single not in taken:
        return (2 if pair else 1) + joined, single, i
    return None


_JOINERS: Final = frozenset({"and", "и", "і", "та", "й"})
_HE_SHE: Final = frozenset({"he", "she", "він", "вона", "он", "она"})


def person_of(toks: list[Token], first: int, last: int) -> str | None:
    """The lemma of the one person a casualty figure names ("женщина", "водитель"), if any."""
    return next((t.lemma for t in toks[first : last + 1] if t.kind == "word" and has(t, _SINGLE)), None)


#: "a person", "человек": who may be anyone (a headline's "погиб человек" is the story's man)
ANYONE: Final = frozenset({"person", "человек", "людина", "особа", "лицо", "житель", "мешканець", "resident",
                           "civilian", "цивільний"})
_DASH_PAIR: Final = frozenset({"—", "–"})


def _appositive_person(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """(the person word, the token before the appositive) of ", a man born in 1981," or ", a
    44-year-old woman," that ends at `comma` after a person ("The driver, a man, ...")."""
    opening = next((m for m in range(comma - 1, max(-1, comma - 9), -1) if toks[m].text == ","), None)
    if opening is None or opening < 1 or toks[opening].sent != toks[comma].sent:
        return None
    seg = range(opening + 1, comma)
    person = next(
        (m for m in seg if toks[m].kind == "word" and has(toks[m], _SINGLE) and _singular(toks[m])), None
    )
    if person is None or not (has(toks[opening - 1], PERSON) or has(toks[opening - 1], _SINGLE)):
        return None
    if any(toks[m].kind == "punct" for m in seg):
        return None
    if toks[opening + 1].low not in ("a", "an") and person != opening + 1:
        return None  # (not ", серед них дитина,": a part of the figure before)
    return person, opening - 2


def _joined_before(toks: list[Token], j: int) -> int | None:
    """The single person word joined by the "and" at j, looking back over its modifiers."""
    for m in range(j - 1, max(-1, j - 5), -1):
        tok = toks[m]
        if tok.kind == "word" and has(tok, _SINGLE) and _singular(tok):
            return m
        modifier = tok.low in _ADJ_SKIP or _AGE_RE.match(tok.low) or tok.pos in _ADJ_POS or tok.low in (
            "a", "an", "one", "elderly", "local", "young")
        if tok.kind != "word" or not modifier:
            return None
    return None


def _owner_phrase(toks: list[Token], j: int) -> int | None:
    """The person word before "of/at (the) X" that ends at token j (English only), else None."""
    for m in range(j - 1, max(0, j - 4), -1):
        tok = toks[m]
        if tok.low in ("of", "at") and m >= 1 and (has(toks[m - 1], PERSON) or has(toks[m - 1], _SINGLE)):
            return m - 1 if all(t.kind == "word" and not t.pos for t in toks[m + 1 : j + 1]) else None
        if tok.kind != "word" or tok.pos:
            return None
    return None


def _taken_to_hospital(toks: list[Token], with_at: int) -> int | None:
    """Start of "(was) taken to (a) hospital" ending right before `with_at`."""
    k = with_at - 1
    if k < 0 or toks[k].low not in ("hospital", "hospitals"):
        return None
    k -= 1
    while k >= 0 and toks[k].low in ("a", "the", "local", "nearby", "city"):
        k -= 1
    if k < 1 or toks[k].low != "to" or toks[k - 1].low not in _TAKEN:
        return None
    return k - 1


_SOUGHT: Final = frozenset({"звернулися", "звернулись", "звернулося", "обратились", "обратилось",
                            "sought", "по", "за", "медичну", "медичною", "медицинской",
                            "медицинскую", "допомогу", "допомогою", "помощью", "помощь", "medical",
                            "help", "treatment", "care"})
_TREATED: Final = frozenset({"treated", "treatment", "hospitalised", "hospitalized"})
_TAKEN: Final = frozenset({"taken", "rushed", "admitted", "brought", "sent", "transported", "evacuated"})
_REGION_WORDS: Final = frozenset({"області", "области", "регіоні", "регионе", "region", "city", "місті",
                                  "городе", "районі", "районе", "громаді"})
_INCLUDING: Final = frozenset({"including", "among", "в", "у", "серед", "среди", "зокрема", "включая"})


_DASH: Final = frozenset({"—", "–", "-"})
_YEARS: Final = frozenset({"років", "роки", "рік", "лет", "года", "год", "years"})


def _age_aside(toks: list[Token], comma: int) -> int | None:
    """Index of the comma opening ", 76 років,", ", born in 1968," or ", aged 37 and 52," that ends
    at `comma`."""
    k = comma - 1
    if k >= 1 and toks[k].kind == "num" and (start := _age_start(toks, k)) is not None and start >= 1 and (
        toks[start - 1].text == ","
    ):
        return start - 1
    if (
        k >= 3
        and toks[k].kind == "num"
        and toks[k - 1].low == "in"
        and toks[k - 2].low == "born"
        and toks[k - 3].text == ","
    ):
        return k - 3
    if k >= 1 and toks[k].low == "old":
        k -= 1
    if k < 2 or toks[k].low not in _YEARS or toks[k - 1].kind != "num" or toks[k - 2].text != ",":
        return None
    return k - 2


def _parenthetical_start(toks: list[Token], comma: int) -> int | None:
    """Index of the comma opening ", including a child," that ends at `comma`."""
    for k in range(comma - 1, max(-1, comma - 8), -1):
        if toks[k].text == ",":
            return k if k + 1 < comma and toks[k + 1].low in _INCLUDING else None
    return None


def _after(
    toks: list[Token], i: int, by_first: dict[int, Number], taken: set[int], struck: dict[int, Number]
) -> tuple[int, int, int] | None:
    j = i + 1
    if j in struck:
        # "пострадали не 5, а 3 человека": past the figure struck out to the one after "а"
        first = next((n for n in by_first.values() if n.first > struck[j].last), None)
        if first is None or first.first in taken or not _people_phrase(toks, first.last):
            return None
        more, last = _joined_singles(toks, first.last)
        return first.value + more, first.first, last
    if j < len(toks) and toks[j].text in _DASH and (k := _preliminary_end(toks, j + 1)) is not None:
        num = by_first.get(k)  # "Есть раненые — по предварительным данным, четыре человека"
        if num is not None and num.first not in taken and _people_phrase(toks, num.last):
            return num.value, num.first, num.last
        return None
    if (
        j + 1 in by_first
        and toks[j].text in _DASH
        and toks[j].sent == toks[i].sent
        and not (i > 0 and toks[i - 1].low in _INCLUDING)
    ):
        j += 1  # "Поранених — 11" (not "Среди раненых — 12-летний ребенок")
    while j < len(toks) and j - i <= 4:
        tok = toks[j]
        if j in by_first and by_first[j].first not in taken:
            num = by_first[j]
            if _people_phrase(toks, num.last):
                more, last = _joined_singles(toks, num.last)
                return num.value + more, num.first, last  # "две женщины и 14-летний подросток"
            return None
        if tok.low in _COUPLE:
            return 2, j, j
        if tok.kind == "word" and has(tok, _SINGLE) and _singular(tok):
            return _more_people(toks, j)
        if tok.kind != "word" or not (
            has(tok, _FWD_SKIP) or tok.low in _ADJ_SKIP or _AGE_RE.match(tok.low)
            or tok.pos in _ADJ_POS
        ):
            return None
        j += 1
    return None


_PRELIMINARY: Final = (
    (("по", "предварительным", "данным"), ("за", "попередніми", "даними"), ("according", "to",
     "preliminary", "data"), ("по", "предварительной", "информации"), ("за", "попередньою",
     "інформацією")))


def _preliminary_end(toks: list[Token], k: int) -> int | None:
    """The token after "по предварительным данным," that starts at k, if one does."""
    for words_ in _PRELIMINARY:
        n = len(words_)
        if k + n < len(toks) and tuple(t.low for t in toks[k : k + n]) == words_:
            return k + n + 1 if toks[k + n].text == "," else k + n
    return None


def _joined_singles(toks: list[Token], last: int) -> tuple[int, int]:
    """People joined one by one after "N people": "ранены две женщины и 14-летний подросток"
    (one more), as (how many, last token)."""
    k = last + 1
    if k < len(toks) and toks[k].kind == "word" and (has(toks[k], PERSON) or has(toks[k], _SINGLE)):
        k += 1  # the people noun of the number
    count, end = 0, last
    while k < len(toks) and toks[k].low in ("and", "и", "і", "та", "й"):
        for m in range(k + 1, min(len(toks), k + 5)):
            tok = toks[m]
            if tok.kind == "word" and has(tok, _SINGLE) and _singular(tok):
                nxt = toks[m + 1] if m + 1 < len(toks) else None
                if nxt is not None and (nxt.pos in ("VERB", "PRTS") or has(nxt, CASUALTY_CUES)):
                    return count, end  # "... и мужчина получил ожоги": a clause of its own
                count, end, k = count + 1, m, m + 1
                break
            modifier = tok.low in _ADJ_SKIP or _AGE_RE.match(tok.low) or tok.pos in _ADJ_POS
            if tok.kind != "word" or not modifier:
                return count, end
        else:
            break
    return count, end


_AGE_WORDS: Final = frozenset({"років", "року", "рік", "лет", "года", "год", "years", "year"})


def _past_age(toks: list[Token], k: int) -> int:
    """The token after an age that follows a person ("жінку 54 років", "мужчина 1982 года
    рождения", "жінка 1957 року народження"), else k."""
    if k + 1 < len(toks) and toks[k].kind == "num" and toks[k + 1].low in _AGE_WORDS:
        if k + 2 < len(toks) and toks[k + 2].low in ("рождения", "народження"):
            return k + 3
        return k + 2
    return k


def _more_people(toks: list[Token], j: int) -> tuple[int, int, int]:
    """ "injuring a 60-year-old woman and a 14-year-old boy": one more for each person joined
    ("поранено жінку 54 років та чоловіка 71 року": an age after each)."""
    count, last, k = 1, j, _past_age(toks, j + 1)
    while k < len(toks) and toks[k].low in ("and", "и", "і", "та", "й"):
        for m in range(k + 1, min(len(toks), k + 5)):
            tok = toks[m]
            if tok.kind == "word" and has(tok, _SINGLE) and _singular(tok):
                count, last, k = count + 1, m, _past_age(toks, m + 1)
                break
            modifier = tok.low in _ADJ_SKIP or _AGE_RE.match(tok.low) or tok.pos in _ADJ_POS
            if tok.kind != "word" or not modifier:
                return count, j, last
        else:
            break
    return count, j, last


_UPDATE_MARKS: Final = (
    frozenset({"upd", "update", "updated", "уточнение", "уточнення", "оновлено", "обновлено",
               "оновлення", "обновление",
               # "Final figures for the day: one person killed and nine injured"
               "final", "итоговые", "окончательные", "підсумкові", "остаточні"}))


def _in_update(
    toks: list[Token], i: int, sent_bounds: list[tuple[int, int]], line_starts: frozenset[int] = frozenset()
) -> bool:
    """A figure in an update ("UPD. Уточнение: пострадавших трое"): at most three words after
    an update mark that opens its sentence, or in the two sentences after a mark that stands
    alone ("UPD 06:10. Рятувальники дістали тіло. Станом на зараз відомо про 5 загиблих"), or
    on the line the mark opens ("UPD 09:20: Свет восстановлен. Пострадавших уже двое")."""
    sent = toks[i].sent
    for s in (sent, sent - 1, sent - 2):
        if s < 0:
            continue
        lo, hi = sent_bounds[s]
        head = [t for t in toks[lo : min(hi, lo + 4)] if t.kind == "word"][:2]
        if any(t.low in _UPDATE_MARKS for t in head) and s < sent and line_starts and not any(
            k in line_starts for k in range(s + 1, sent + 1)
        ):
            return True
        if any(t.low in _UPDATE_MARKS for t in head):
            # "UPD: Ще одна людина звернулася по допомогу. Загалом — двоє поранених": the sum
            # that closes the update
            return s == sent or hi - lo <= 3 or (s == sent - 1 and _opens_with_total(toks, sent_bounds[sent]))
    return False


def _after_risen_toll(
    toks: list[Token], out: list[Casualty], lo: int, hi: int, place_tokens: frozenset[int]
) -> bool:
    """One death told right after a death toll that has risen, in a sentence naming no place of
    its own: how the toll grew, not one more."""
    sent = toks[lo].sent
    return not any(k in place_tokens for k in range(lo, hi)) and any(
        c.what == "killed" and c.update and c.value > 1 and toks[c.cue].sent in (sent - 1, sent) for c in out
    )


def _now(toks: list[Token], first: int, cue: int) -> bool:
    """ "Fifteen people are now being treated for injuries", "he now says three people were
    injured": a figure told as the current one replaces a smaller one told before it."""
    lo = max(0, min(first, cue) - 4)
    return any(t.low == "now" and t.sent == toks[cue].sent for t in toks[lo : max(first, cue)])


_TOTAL_OPENERS: Final = frozenset({"загалом", "усього", "всього", "всего", "итого", "total", "altogether",
                                   "overall"})


def _opens_with_total(toks: list[Token], bounds: tuple[int, int]) -> bool:
    head = [t for t in toks[bounds[0] : min(bounds[1], bounds[0] + 3)] if t.kind == "word"][:2]
    return any(t.low in _TOTAL_OPENERS for t in head)


def _toll(
    toks: list[Token], i: int, by_first: dict[int, Number], taken: set[int]
) -> tuple[int, int, int] | None:
    """ "the death toll has risen to 9", "кількість загиблих зросла до 9"."""
    counted = ("кількість", "число", "количество", "number")
    if toks[i].low != "toll" and not (
        (i > 0 and toks[i - 1].low in counted)
        # "the number of injured in the capital had risen to 14"
        or (i > 1 and toks[i - 1].low == "of" and toks[i - 2].low in counted)
        # "the number of people injured", "число пострадавших людей"
        or (i > 2 and toks[i - 1].low in ("people", "persons") and toks[i - 2].low == "of"
            and toks[i - 3].low in counted)
        # "Число погибших возросло до трёх, раненых — до 14": the second figure of a toll
        or (0 < i < len(toks) - 2 and toks[i - 1].text == "," and toks[i + 1].text in _ITEM_DASH
            and toks[i + 2].low in ("до", "to")
            and any(t.low in counted for t in toks[max(0, i - 16) : i] if t.sent == toks[i].sent))
    ):
        return None
    for j in range(i + 1, min(len(toks), i + 20)):
        if toks[j].text == ";" or (
            # an abbreviation's dot inside the sentence ("on Nov. 10 has risen to five") ends nothing
            toks[j].text == "." and (j + 1 == len(toks) or toks[j + 1].sent != toks[j].sent)
        ):
            return None
        num = by_first.get(j)
        if num is not None and num.first not in taken and toks[j - 1].low in _TOLL_FIGURE:
            return num.value, num.first, num.last
    return None


# the word before a toll's figure: "has risen to 9", "stands at 9", "зросла до 9", "уточнили: їх 13"
_TOLL_FIGURE: Final = frozenset({"to", "at", "до", "їх", "их", "становить", "составляет"})


# Singular nouns of a casualty ("загиблий", "пострадавший") and the words that say one exists.
_ONE_CASUALTY: Final = frozenset({"загиблий", "загибла", "погибший", "погибшая", "поранений", "поранена",
                                  "раненый", "раненая", "постраждалий", "постраждала", "пострадавший",
                                  "пострадавшая", "травмований", "травмована"})
_THERE_IS: Final = frozenset({"є", "есть", "имеется"})


def _there_is_one(toks: list[Token], i: int) -> bool:
    """ "Є загиблий", "Есть погибший": a singular casualty noun after "there is" states one
    (not "Є загиблі", whose number is not told)."""
    return toks[i].low in _ONE_CASUALTY and i > 0 and toks[i - 1].low in _THERE_IS


def _people_phrase(toks: list[Token], last: int) -> bool:
    """Whether the words after a number are people (or nothing: "injuring 21,", "killing two"
    closing a headline)."""
    if last + 1 >= len(toks):
        return True
    for k in range(last + 1, min(len(toks), last + 4)):
        tok = toks[k]
        if tok.kind != "word":
            return True
        if has(tok, PERSON) or has(tok, _SINGLE):
            return True
        nxt = toks[k + 1] if k + 1 < len(toks) else tok
        if k == last + 1 and tok.low in ("из", "з", "із") and nxt.pos == "NOUN" and not (
            has(nxt, PERSON) or has(nxt, _SINGLE)
        ):
            return False  # "пострадал один из объектов НПЗ": a building, not a person
        if k == last + 1 and (has(tok, STOP) or tok.low in ("when", "as", "across")):
            return True  # "injured 31 over the past day", "поранено 4 у Херсоні"
    return False
