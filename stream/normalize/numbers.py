"""PURE: numbers as written (digits or words in en/ru/uk) and their qualifiers.

Word forms are lemmatized with pymorphy3, so the tables below list one lemma
per number and every case form ("двумя", "трьома", "пятерых") is found.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from stream.models import Qualifier
from stream.normalize.tokens import Token, lemma_variants

_EN_UNITS: Final = {
           "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
           "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
           "nineteen": 19, "both": 2, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "seventy": 70, "eighty": 80, "ninety": 90,
       }  # fmt: skip
_EN_MULT: Final = {"hundred": 100, "thousand": 1000, "dozen": 12}
# Multipliers that are a number on their own only in the singular ("десятки" is "dozens").
_ALONE_MULT: Final = frozenset(
           {"dozen", "десяток", "дюжина", "дюжину", "дюжине", "дюжиной", "дюжини", "дюжиною", "тысяча",
            "тысячу", "тисяча", "тисячу", "сотня", "сотню"}
       )

_RU_WORDS: Final = {
           "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
           "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11,
           "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
           "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
           "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
           "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200,
           "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
           "восемьсот": 800, "девятьсот": 900,
           "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
           "восьмеро": 8, "девятеро": 9, "десятеро": 10, "оба": 2, "полсотни": 50, "полсотня": 50,
           "полусотни": 50, "полусотня": 50, "полусотню": 50,
       }  # fmt: skip
_UK_WORDS: Final = {
           "нуль": 0, "одна": 1, "дві": 2, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
           "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
           "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16,
           "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20,
           "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
           "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300,
           "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
           "дев'ятсот": 900,
           "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7,
           "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "одинадцятеро": 11, "дванадцятеро": 12,
           "тринадцятеро": 13, "чотирнадцятеро": 14, "п'ятнадцятеро": 15, "шістнадцятеро": 16,
           "сімнадцятеро": 17, "вісімнадцятеро": 18, "дев'ятнадцятеро": 19, "двадцятеро": 20,
           "тридцятеро": 30, "обидва": 2, "обоє": 2, "півсотні": 50,
           "півсотня": 50,
       }  # fmt: skip
_CYR_WORDS: Final = {**_RU_WORDS, **_UK_WORDS}
# Case forms whose likeliest parse is another word ("зросла до семи": not "сема"; "п'яти": not "heel").
_OBLIQUE: Final = {"семи": 7, "п'яти": 5, "дев'яноста": 90, "двоим": 2, "троим": 3}
_HALF_MORE: Final = frozenset({"полтора", "полторы", "полутора", "півтора", "півтори"})
_ABBREV_MULT: Final = frozenset({"тыс", "тис"})
# Genitive singular multipliers, a number only after a qualifier ("более тысячи").
_GEN_MULT: Final = frozenset({"тысячи", "тисячі", "сотни", "сотні"})
_CYR_MULT: Final = {"тысяча": 1000, "тисяча": 1000, "десяток": 10, "дюжина": 12, "сотня": 100}


def _lemma_table(words: dict[str, int]) -> dict[str, int]:
    table: dict[str, int] = {}
    for word, value in words.items():
        for lem in lemma_variants(word):
            table.setdefault(lem, value)
    return table


_CYR_TABLE: Final = _lemma_table(_CYR_WORDS)
_CYR_MULT_TABLE: Final = _lemma_table(_CYR_MULT)

_SUFFIXED: Final = re.compile(r"^(\d{1,5})-(?:ти|х|ми|ми|ю|я|й|ой|ого|му|ух|ех|ох|ві|ом)$")
_ANY_KEY: Final = frozenset(_EN_UNITS) | frozenset(_EN_MULT) | frozenset(_CYR_TABLE) | frozenset(
           _CYR_MULT_TABLE
       ) | frozenset(_OBLIQUE)

# Qualifier phrases (lower-case token sequences) that may precede a number.
_QUALIFIERS: tuple[tuple[tuple[str, ...], Qualifier], ...] = (
    (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"), (("не", "менее"), "at_least"),
    (("не", "менш", "ніж"), "at_least"), (("не", "менше"), "at_least"),
    (("щонайменше",), "at_least"), (("принаймні",), "at_least"), (("минимум",), "at_least"),
    (("мінімум",), "at_least"), (("как", "минимум"), "at_least"),
    (("more", "than"), "more_than"), (("over",), "more_than"), (("upwards", "of"), "more_than"),
    (("более", "чем"), "more_than"), (("более",), "more_than"), (("больше",), "more_than"),
    (("свыше",), "more_than"), (("понад",), "more_than"), (("більше", "ніж"), "more_than"),
    (("більш", "ніж"), "more_than"), (("більше",), "more_than"), (("свыше",), "more_than"),
    (("about",), "about"), (("around",), "about"), (("approximately",), "about"),
    (("roughly",), "about"), (("nearly",), "about"), (("almost",), "about"), (("some",), "about"),
    (("около",), "about"), (("порядка",), "about"), (("примерно",), "about"), (("почти",), "about"),
    (("приблизно",), "about"), (("близько",), "about"), (("майже",), "about"),
    (("up", "to"), "up_to"), (("до",), "up_to"),
)  # fmt: skip


class Number(NamedTuple):
    """A number in the text: token range [first, last], value and qualifier."""

    value: int
    first: int
    last: int
    qualifier: Qualifier
    qlen: int = 0  # tokens of the qualifier before `first`


def _word_value(tok: Token) -> tuple[int, bool] | None:
    """(value, is_multiplier) of a number word, or None."""
    if tok.kind != "word":
        return None
    low = tok.low
    if low in _EN_UNITS:
        return _EN_UNITS[low], False
    if low in _EN_MULT:
        return _EN_MULT[low], True
    if low in _ABBREV_MULT:
        return 1000, True
    if "-" in low:
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in _EN_UNITS and parts[1] in _EN_UNITS:
            return _EN_UNITS[parts[0]] + _EN_UNITS[parts[1]], False
        return None
    if low in _OBLIQUE:
        return _OBLIQUE[low], False
    if tok.lemma in _CYR_TABLE:
        return _CYR_TABLE[tok.lemma], False
    if tok.lemma in _CYR_MULT_TABLE:
        return _CYR_MULT_TABLE[tok.lemma], True
    return None


def digits_value(text: str) -> int | None:
    """Integer value of a digit token ("1,200", "1 200", "1\u2009200", "1.200"); None for decimals."""
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    if "." in cleaned:
        head, _, tail = cleaned.partition(".")
        # "1.300 дронов": a dot between thousands; "1.5", "2.25" are decimals
        if not (len(tail) == 3 and tail.isdigit() and head.isdigit() and 1 <= len(head) <= 3
                and head[0] != "0"):
            return None
        cleaned = head + tail
    if "," in cleaned:
        head, _, tail = cleaned.partition(",")
        if len(tail) == 3 and tail.isdigit() and "," not in tail:
            cleaned = head + tail
        elif all(len(p) == 3 for p in cleaned.split(",")[1:]):
            cleaned = cleaned.replace(",", "")
        else:
            return None
    if not cleaned.isdigit():
        return None
    return int(cleaned)


def find_numbers(toks: list[Token]) -> list[Number]:
    """All numbers, each with its qualifier; word sequences ("two dozen") are combined."""
    out: list[Number] = []
    n = len(toks)
    keys = _ANY_KEY
    # Most tokens are neither digits nor number words: pick the candidates in one sweep.
    candidates = [
        k
        for k, t in enumerate(toks)
        if t.kind == "num"
        or (t.kind == "word" and (t.low in keys or t.lemma in keys or "-" in t.low
                                  or t.low[:1].isdigit()))
        or (t.low == "семью" and _seven(toks, k))
        or t.low in _HALF_MORE
        or t.low == "half"
    ]
    done = -1
    for i in candidates:
        if i <= done:
            continue
        done = _one_number(toks, i, n, out)
    if not out:
        return out
    return [
        num
        for num in out
        if not (_money(toks, num) or _model_suffix(toks, num) or _year(toks, num) or _day(toks, num)
                or _address(toks, num) or _measured(toks, num) or _label(toks, num))
    ]


_LABELS: Final = frozenset({"paragraph", "paragraphs", "para", "page", "pages", "section", "абзац", "абзаце",
                            "абзаці", "абзаца", "абзацу", "странице", "сторінці", "параграф", "параграфе"})


def _label(toks: list[Token], num: Number) -> bool:
    """ "(This story has been corrected ... in paragraph 3)": a number naming a part of the text."""
    return num.first > 0 and toks[num.first - 1].low in _LABELS


_MONTHS_EN: Final = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                               "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                               "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _day(toks: list[Token], num: Number) -> bool:
    """ "on Oct. 3", "Sept. 22", "June 1": the day of a date."""
    if not 1 <= num.value <= 31 or num.first != num.last:
        return False
    j = num.first - 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    if j >= 2 and toks[j].low in ("and", "to", "through", "-", "–") and toks[j - 1].kind == "num" and (
        toks[j - 2].low in _MONTHS_EN
    ) and (num.last + 1 >= len(toks) or toks[num.last + 1].kind != "word"):
        return True  # "between November 16 and 22": the range's last day
    return j >= 0 and toks[j].low in _MONTHS_EN


_UNITS: Final = frozenset({"км", "km", "кілометрів", "километров", "kilometres", "kilometers", "miles",
                           "метрів", "метров", "metres", "meters", "m", "м", "тонн", "tons",
                           "tonnes", "%", "відсотків", "процентов", "percent", "гектарів", "гектаров",
                           "hectares", "mw", "мвт", "gw", "гвт", "мм", "mm"})


def _measured(toks: list[Token], num: Number) -> bool:
    """ "від 200 до 450 км", "700 kilometres", "17 тонн": a distance or amount, not a figure
    of weapons."""
    k = num.last + 1
    if k < len(toks) and toks[k].low in _UNITS:
        return True
    # "from 200 to 450 km": the first figure of a range takes the unit after the second
    if k + 2 < len(toks) and toks[k].low in ("до", "to", "-", "–", "and", "і", "и"):
        return toks[k + 1].kind == "num" and toks[k + 2].low in _UNITS
    return False


_STREET: Final = frozenset({"вулиці", "вулиця", "вул", "улице", "улица", "ул", "проспекті", "проспекте",
                            "проспект", "просп", "street", "st", "avenue", "ave", "бульвар", "бульварі",
                            "бульваре", "провулок", "провулку", "переулок", "переулке", "площа", "площі",
                            "road", "шосе", "шоссе"})


def _address(toks: list[Token], num: Number) -> bool:
    """ "на вулиці Академіка Корольова, 12", "ул. Ленина, 5": a house number."""
    for k in range(num.first - 1, max(-1, num.first - 6), -1):
        tok = toks[k]
        if tok.low in _STREET:
            return True
        if tok.text == "." and k >= 1 and toks[k - 1].low in _STREET:
            continue  # "ул. Ленина, 5"
        if tok.kind == "num" or (tok.kind == "punct" and tok.text != ","):
            return False
        if tok.kind == "word" and not tok.text[:1].isupper() and not tok.text[:1].isdigit():
            return False  # "on Perekopska Street, killing one passenger": a word of the clause
    return False


_YEAR_BEFORE: Final = frozenset({"in", "early", "late", "mid", "since", "by", "until", "of", "в", "у", "с",
                                 "з", "до", "від", "от", "січня", "лютого", "березня", "квітня", "травня",
                                 "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
                                 "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                 "сентября", "октября", "ноября", "декабря", "january", "february",
                                 "march", "april", "may", "june", "july", "august", "september", "october",
                                 "november", "december"})
_YEAR_AFTER: Final = frozenset({"год", "году", "года", "годом", "рік", "році", "року", "роком", "year", "г",
                                "р", "гг", "рр"})


def _year(toks: list[Token], num: Number) -> bool:
    """ "in early 2024", "у 2025 році", "19 июня 2025 г.": a year, not a figure."""
    if not 1950 <= num.value <= 2100 or num.first != num.last or len(toks[num.first].text) != 4:
        return False
    j, k = num.first - 1, num.last + 1
    if j >= 0 and toks[j].low in _YEAR_BEFORE:
        return True
    if j >= 2 and toks[j].text == "," and toks[j - 1].kind == "num" and toks[j - 2].low in _YEAR_BEFORE:
        return True  # "February 24, 2022"
    return k < len(toks) and toks[k].low in _YEAR_AFTER


def _model_suffix(toks: list[Token], num: Number) -> bool:
    """ "Х-59/69", "Kh-101/555", "С-300/400": the second half of a model name."""
    j = num.first - 1
    return (
        j >= 1
        and toks[j].text == "/"
        and toks[j - 1].kind == "word"
        and toks[j - 1].end == toks[j].start
        and any(ch.isdigit() for ch in toks[j - 1].text)
    )


_CURRENCY_SIGNS: Final = frozenset({"$", "€", "£", "₴", "₽", "¥"})
_CURRENCY: Final = frozenset(
           {"dollars", "dollar", "usd", "euros", "euro", "eur", "pounds", "rubles", "roubles", "hryvnias",
            "hryvnia", "uah", "rub", "долларов", "доллара", "доллар", "рублей", "рубля", "рубль", "евро",
            "гривен", "гривны", "гривень", "гривні", "гривня", "доларів", "долара", "долар", "рублів",
            "руб", "грн", "млрд", "billion", "bn"}
       )
_SCALE: Final = frozenset({"million", "millions", "млн", "миллионов", "миллиона", "мільйонів", "мільйона",
                           "тыс", "тис", "thousand"})


def _money(toks: list[Token], num: Number) -> bool:
    """ "$35,000", "5 млн гривень", "1,2 billion": amounts of money are no figures of weapons."""
    j = num.first - num.qlen - 1
    if j >= 0 and toks[j].text in _CURRENCY_SIGNS:
        return True
    k = num.last + 1
    if k < len(toks) and toks[k].low in _SCALE:
        k += 1
        if k < len(toks) and toks[k].text == ".":
            k += 1
    return k < len(toks) and toks[k].low in _CURRENCY


def _seven(toks: list[Token], k: int) -> bool:
    """ "семью крылатыми ракетами": the instrumental of "семь" (spelt like "семья", family),
    when an adjective or participle in the instrumental follows."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.low.endswith(("ыми", "ими", "ами", "ями"))


def _one_number(toks: list[Token], i: int, n: int, out: list[Number]) -> int:
    """Read the number starting at token i into `out`; the last token it consumed."""
    tok = toks[i]
    if tok.low == "семью":
        out.append(_number(toks, 7, i, i))
        return i
    if tok.low in ("one", "half") and i + 2 < n:
        words_ = [t.low for t in toks[i : i + 5]]
        head = 3 if words_[:4] == ["one", "and", "a", "half"] else 1 if words_[:2] == ["half", "a"] else -1
        if head >= 0 and i + head + 1 < n:
            unit = _word_value(toks[i + head + 1])
            if unit is not None and unit[1] and unit[0] >= 10:
                # "one and a half dozen" = 18, "half a hundred" = 50
                half = unit[0] * 3 // 2 if head == 3 else unit[0] // 2
                out.append(_number(toks, half, i, i + head + 1))
                return i + head + 1
    if tok.low in _HALF_MORE and i + 1 < n:
        unit = _word_value(toks[i + 1])
        if unit is not None and unit[1] and unit[0] >= 10:
            out.append(_number(toks, unit[0] * 3 // 2, i, i + 1))  # "полтора десятка" = 15
            return i + 1
    if tok.kind == "num":
        value = digits_value(tok.text)
        last = i
        nxt = _word_value(toks[i + 1]) if i + 1 < n else None
        if nxt is not None and nxt[1] and nxt[0] >= 1000 and "." in tok.text:
            value = None  # "1.300 тысяч" is a decimal of the multiplier
        if value is None and nxt is not None and nxt[1] and nxt[0] >= 1000:
            value = _decimal_thousands(tok.text, nxt[0])  # "1,5 тысячи" = 1500
            if value is not None:
                nxt = (1, True)  # already multiplied; the multiplier word is still consumed
        if value is not None and nxt is not None and nxt[1]:
            value, last = value * nxt[0], i + 1  # "2 десятка", "3 dozen", "3 тысячи"
            if toks[last].low in _ABBREV_MULT and last + 1 < n and toks[last + 1].text == ".":
                last += 1  # "3 тыс. дронов"
        if value is not None:
            out.append(_number(toks, value, i, last))
        return last
    if tok.low[:1].isdigit():
        m = _SUFFIXED.match(tok.low)
        if m is not None:  # "20-ти дронов", "3-х ракет"
            out.append(_number(toks, int(m.group(1)), i, i))
        return i
    if tok.text.isupper() and len(tok.text) > 1 and not (i + 1 < n and toks[i + 1].text.isupper()):
        return i  # "СТО и девять автомобилей": a service station's initials, not a hundred
    wv = _word_value(tok)
    if wv is None or (wv[1] and tok.low not in _ALONE_MULT
                      and not (tok.low in _GEN_MULT and _match_qualifier(toks, i))
                      and not _is_article_mult(toks, i)):
        return i
    total, current, j = 0, 0, i
    if wv[1]:
        current = 1  # "a dozen", "a hundred", "десяток"
    last = i
    while j < n:
        t = toks[j]
        v = _word_value(t)
        if v is None and t.low == "семью" and j > i and current >= 20 and current % 10 == 0:
            v = (7, False)  # "шестьюдесятью семью беспилотниками" = 67
        if v is None:
            if t.low == "and" and j + 1 < n and _word_value(toks[j + 1]) is not None and current:
                j += 1
                continue
            break
        val, mult = v
        if mult:
            current = max(current, 1) * val
            if val >= 1000:
                total, current = total + current, 0
        else:
            if current and val >= current % 1000 and current % 100 != 0 and val < 100:
                break  # "two three" is two numbers
            current += val
        last = j
        j += 1
    value = total + current
    first = i - 1 if _is_article_mult(toks, i) else i
    if value > 0:
        out.append(_number(toks, value, first, last))
    return last


def _decimal_thousands(text: str, mult: int) -> int | None:
    """ "1,5" or "2.3" before "тысячи"/"thousand": a decimal of a multiplier."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    whole = round(value * mult)
    return whole if whole > 0 else None


def _is_article_mult(toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].low in {"a", "one"} and toks[i].low in _EN_MULT


def _number(toks: list[Token], value: int, first: int, last: int) -> Number:
    found = _match_qualifier(toks, first)
    if found is None:
        return Number(value, first, last, "exact", 0)
    return Number(value, first, last, found[1], found[0])


def qualifier_len(toks: list[Token], i: int) -> int:
    """How many tokens before index i form the number's qualifier."""
    found = _match_qualifier(toks, i)
    return found[0] if found else 0


def _match_qualifier(toks: list[Token], i: int) -> tuple[int, Qualifier] | None:
    if i == 0:
        return None
    for phrase, qual in _BY_LAST.get(toks[i - 1].low, ()):
        k = len(phrase)
        if i - k >= 0 and all(toks[i - k + m].low == phrase[m] for m in range(k - 1)):
            return k, qual
    return None


# Qualifier phrases indexed by their last word, longest first.
_BY_LAST: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
for _phrase, _qual in sorted(_QUALIFIERS, key=lambda q: -len(q[0])):
    _BY_LAST.setdefault(_phrase[-1], []).append((_phrase, _qual))
