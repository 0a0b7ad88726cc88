"""Numbers as written (digits, words in en/ru/uk, collectives, qualifiers) and language."""

from __future__ import annotations

import pytest

from stream.normalize.lang import detect_lang
from stream.normalize.numbers import digits_value, find_numbers
from stream.normalize.tokens import tokenize
from stream.normalize.weapons import weapon_of


def _numbers(text: str, lang: str) -> list[tuple[int, str]]:
    toks = tokenize(text, lang)  # type: ignore[arg-type]
    return [(n.value, n.qualifier) for n in find_numbers(toks)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("they fired 7", "en", [(7, "exact")]),
        ("a total of 1,450", "en", [(1450, "exact")]),
        ("some 2 300 targets", "en", [(2300, "about")]),
        ("exactly 3\u00a0100 of them", "en", [(3100, "exact")]),
        ("nearly 4\u202f000", "en", [(4000, "about")]),
        ("at least 30", "en", [(30, "at_least")]),
        ("more than 1,200", "en", [(1200, "more_than")]),
        ("over 90 in total", "en", [(90, "more_than")]),
        ("about 15", "en", [(15, "about")]),
        ("up to 60", "en", [(60, "up_to")]),
        ("eleven", "en", [(11, "exact")]),
        ("twenty-three", "en", [(23, "exact")]),
        ("two dozen", "en", [(24, "exact")]),
        ("a dozen", "en", [(12, "exact")]),
        ("one hundred and forty", "en", [(140, "exact")]),
        ("dozens of them", "en", []),
        ("hundreds of them", "en", []),
        ("several of them", "en", []),
        ("version 1.5 only", "en", []),
        ("двоє", "uk", [(2, "exact")]),
        ("семеро", "uk", [(7, "exact")]),
        ("трьома ракетами", "uk", [(3, "exact")]),
        ("двадцять сім", "uk", [(27, "exact")]),
        ("понад 50", "uk", [(50, "more_than")]),
        ("щонайменше 12", "uk", [(12, "at_least")]),
        ("близько 40", "uk", [(40, "about")]),
        ("кілька дронів", "uk", []),
        ("десятки дронів", "uk", []),
        ("пятеро", "ru", [(5, "exact")]),
        ("пятерых", "ru", [(5, "exact")]),
        ("двумя", "ru", [(2, "exact")]),
        ("сто шестьдесят два", "ru", [(162, "exact")]),
        ("два десятка", "ru", [(20, "exact")]),
        ("не менее 20", "ru", [(20, "at_least")]),
        ("более 100", "ru", [(100, "more_than")]),
        ("около 70", "ru", [(70, "about")]),
        ("несколько дронов", "ru", []),
        ("20-ти дронов", "ru", [(20, "exact")]),
        ("более тысячи", "ru", [(1000, "more_than")]),
        ("тысячи беспилотников", "ru", []),
        ("понад тисячу дронів", "uk", [(1000, "more_than")]),
        ("пять тысяч двести", "ru", [(5200, "exact")]),
        ("two thousand five hundred", "en", [(2500, "exact")]),
        ("thousands of residents", "en", []),
        ("более 3 тыс. дронов", "ru", [(3000, "more_than")]),
        ("понад 2 тис. БпЛА", "uk", [(2000, "more_than")]),
        ("3 тысячи беспилотников", "ru", [(3000, "exact")]),
        ("5 thousand drones", "en", [(5000, "exact")]),
        ("3-х ракет", "ru", [(3, "exact")]),
        ("десятки беспилотников", "ru", []),
    ],
)
def test_numbers(text: str, lang: str, expected: list[tuple[int, str]]) -> None:
    assert _numbers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,200", 1200), ("1 200", 1200), ("1\u00a0200", 1200), ("57", 57), ("2,5", None)],
)
def test_digits_value(text: str, expected: int | None) -> None:
    assert digits_value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air defences shot down 12 drones over the Kursk region.", "en"),
        ("Над Курской областью уничтожены 12 беспилотников.", "ru"),
        ("Над Сумщиною збито двадцять два шахеди.", "uk"),
        ("Сили ППО знищили 14 дронів.", "uk"),
        ("Пострадавших нет, сообщил губернатор.", "ru"),
        ("Противник атакував Київ ракетами.", "uk"),
        ("Ukraine's air force said the «Shahed» drones came from Kursk.", "en"),
        ("Это заявил мэр.", "ru"),
    ],
)
def test_detect_lang(text: str, expected: str) -> None:
    assert detect_lang(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("шахедів Шахедами Герань-2 FPV-дронів", "uk", ["drone"] * 4),
        ("Кинджалами Калібрами Онікс Х-59", "uk", ["missile"] * 4),
        ("Хаммера КАБами авиабомб УМПК", "ru", ["glide_bomb"] * 4),
        ("Гераней Искандерами", "ru", ["drone", "missile"]),
        ("UAVs Shaheds decoys Kinzhals Tomahawks JDAMs", "en",
         ["drone", "drone", "drone", "missile", "missile", "glide_bomb"]),
    ],
)
def test_weapon_words(text: str, lang: str, expected: list[str]) -> None:
    assert [weapon_of(t) for t in tokenize(text, lang)] == expected  # type: ignore[arg-type]
