"""Gazetteer code space and tables: every ISO code reachable, names, countries."""

from __future__ import annotations

import pycountry
import pytest

from stream.regions import all_region_codes, country_of, gazetteer, region_name
from stream.regions.lexicon import build
from stream.regions.morph import inflect, normalize
from stream.regions.table import Row, parse, rows


def _iso_codes(country: str) -> set[str]:
    return {s.code for s in pycountry.subdivisions.get(country_code=country)}


def test_all_region_codes_is_iso_plus_seas() -> None:
    codes = all_region_codes()
    assert set(codes) == _iso_codes("RU") | _iso_codes("UA") | {
        "SEA-BLACK",
        "SEA-AZOV",
        "SEA-CASPIAN",
        "SEA-BALTIC",
    }
    assert len(codes) == len(set(codes)) == 83 + 27 + 4
    assert codes[-4:] == ["SEA-BLACK", "SEA-AZOV", "SEA-CASPIAN", "SEA-BALTIC"]


@pytest.mark.parametrize("code", sorted(_iso_codes("RU") | _iso_codes("UA")))
def test_every_iso_code_is_found_by_its_english_name(code: str) -> None:
    name = region_name(code)
    found = gazetteer().find(f"Drones were shot down over {name} overnight.")
    assert [(p.code, p.surface) for p in found] == [(code, name)]


@pytest.mark.parametrize(
    ("code", "name", "country"),
    [
        ("RU-KRS", "Kursk Oblast", "RU"),
        ("RU-MOW", "Moscow", "RU"),
        ("RU-MOS", "Moscow Oblast", "RU"),
        ("RU-SPE", "Saint Petersburg", "RU"),
        ("UA-30", "Kyiv", "UA"),
        ("UA-32", "Kyiv Oblast", "UA"),
        ("UA-43", "Crimea", "UA"),
        ("UA-40", "Sevastopol", "UA"),
        ("SEA-BLACK", "Black Sea", "SEA"),
        ("SEA-AZOV", "Sea of Azov", "SEA"),
    ],
)
def test_region_name_and_country(code: str, name: str, country: str) -> None:
    assert region_name(code) == name
    assert country_of(code) == country


@pytest.mark.parametrize("code", ["RU-XX", "SEA-RED", "", "BY-MI"])
def test_unknown_codes_are_refused(code: str) -> None:
    with pytest.raises(KeyError):
        region_name(code)
    with pytest.raises(ValueError, match="unknown region code"):
        country_of(code)


def test_table_codes_are_known_and_places_are_many() -> None:
    known = set(all_region_codes())
    assert {r.code for r in rows()} <= known
    below_region = [r for r in rows() if r.level in ("city", "place")]
    assert len(below_region) >= 300


def test_table_parse_rejects_malformed_lines() -> None:
    with pytest.raises(ValueError, match=r"t\.txt:2: expected"):
        parse("# comment\nRU-KRS | town | Kursk | | |\n", "t.txt")
    assert parse("RU-KRS | city | Kursk | Kursk ; | Курск | Курськ # x\n") == [
        Row("RU-KRS", "city", "Kursk", ("Kursk",), ("Курск",), ("Курськ",))
    ]


def test_inflect_generates_cases_without_hand_listed_endings() -> None:
    assert inflect("Курская", "ru") == {"курская", "курской", "курскою", "курскую"}
    assert inflect("Кривий Ріг", "uk") >= {"кривий ріг", "кривого рогу", "кривим рогом"}
    assert inflect("Ростов-на-Дону", "ru") >= {"ростове-на-дону", "ростова-на-дону"}
    assert inflect("Республика Татарстан", "ru") >= {"республике татарстан"}


def test_normalize_keeps_length_and_folds() -> None:
    for text in ["Орёл", "Кам’янське", "İstanbul", "ǅ"]:
        assert len(normalize(text)) == len(text)
    assert normalize("Орёл Кам’янське") == "орел кам'янське"


def test_build_reports_conflicts_first_row_wins() -> None:
    table = (
        Row("RU-KRS", "city", "Kursk", (), ("Курск",), ()),
        Row("RU-BEL", "city", "Other", ("Kursk",), (), ()),
    )
    lex = build(table)
    assert lex.places["kursk"].code == "RU-KRS"
    assert ("kursk", "RU-KRS", "RU-BEL") in lex.conflicts
