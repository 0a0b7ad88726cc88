"""Gazetteer matching: exact codes, spans and levels, table-driven."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stream.regions import Place, all_region_codes, gazetteer

_CODES = frozenset(all_region_codes())

# (text, [(code, surface, level), ...]) in order of appearance; spans are checked exactly
# by locating each surface after the previous match.
Expected = list[tuple[str, str, str]]

CASES: list[tuple[str, Expected]] = [
    # --- Russian oblast adjective + "область" in every case ---
    ("Курская область", [("RU-KRS", "Курская область", "region")]),
    ("губернатор Курской области", [("RU-KRS", "Курской области", "region")]),
    ("к Курской области", [("RU-KRS", "Курской области", "region")]),
    ("атаковали Курскую область", [("RU-KRS", "Курскую область", "region")]),
    ("над Курской областью", [("RU-KRS", "Курской областью", "region")]),
    ("над Курскою областью", [("RU-KRS", "Курскою областью", "region")]),
    ("в Белгородской области", [("RU-BEL", "Белгородской области", "region")]),
    ("над территорией Брянской обл.", [("RU-BRY", "Брянской обл", "region")]),
    ("жители Белгородского региона", [("RU-BEL", "Белгородского региона", "region")]),
    ("в Краснодарском крае", [("RU-KDA", "Краснодарском крае", "region")]),
    ("Краснодарского края", [("RU-KDA", "Краснодарского края", "region")]),
    ("в Чеченской Республике", [("RU-CE", "Чеченской Республике", "region")]),
    ("в Республике Татарстан", [("RU-TA", "Республике Татарстан", "region")]),
    ("в Татарстане", [("RU-TA", "Татарстане", "region")]),
    (
        "в Ханты-Мансийском автономном округе",
        [("RU-KHM", "Ханты-Мансийском автономном округе", "region")],
    ),
    ("в Ростовской области", [("RU-ROS", "Ростовской области", "region")]),
    ("по Орловской области", [("RU-ORL", "Орловской области", "region")]),
    ("Нижегородской области", [("RU-NIZ", "Нижегородской области", "region")]),
    # --- Ukrainian adjective + "область" in every case ---
    ("Курська область", [("RU-KRS", "Курська область", "region")]),
    ("у Курській області", [("RU-KRS", "Курській області", "region")]),
    ("з Курської області", [("RU-KRS", "Курської області", "region")]),
    ("на Курську область", [("RU-KRS", "Курську область", "region")]),
    ("над Курською областю", [("RU-KRS", "Курською областю", "region")]),
    ("у Харківській області", [("UA-63", "Харківській області", "region")]),
    ("Дніпропетровської області", [("UA-12", "Дніпропетровської області", "region")]),
    (
        "на Одещині та в Одеській області",
        [("UA-51", "Одещині", "region"), ("UA-51", "Одеській області", "region")],
    ),
    ("Бєлгородської області", [("RU-BEL", "Бєлгородської області", "region")]),
    # --- coordinated lists: each adjective is its own region ---
    (
        "над Курской и Брянской областями",
        [("RU-KRS", "Курской", "region"), ("RU-BRY", "Брянской областями", "region")],
    ),
    (
        "над Курской, Брянской и Орловской областями",
        [
            ("RU-KRS", "Курской", "region"),
            ("RU-BRY", "Брянской", "region"),
            ("RU-ORL", "Орловской областями", "region"),
        ],
    ),
    (
        "у Сумській та Харківській областях",
        [("UA-59", "Сумській", "region"), ("UA-63", "Харківській областях", "region")],
    ),
    (
        "в Курской, а также Брянской областях",
        [("RU-KRS", "Курской", "region"), ("RU-BRY", "Брянской областях", "region")],
    ),
    (
        "attacks on the Kursk and Voronezh regions",
        [("RU-KRS", "Kursk", "region"), ("RU-VOR", "Voronezh regions", "region")],
    ),
    (
        "the Kursk, Belgorod and Bryansk regions",
        [
            ("RU-KRS", "Kursk", "region"),
            ("RU-BEL", "Belgorod", "region"),
            ("RU-BRY", "Bryansk regions", "region"),
        ],
    ),
    # --- "-щина" names ---
    ("Курщина", [("RU-KRS", "Курщина", "region")]),
    ("на Курщине", [("RU-KRS", "Курщине", "region")]),
    ("Харківщина", [("UA-63", "Харківщина", "region")]),
    ("на Харківщині", [("UA-63", "Харківщині", "region")]),
    ("на Сумщині", [("UA-59", "Сумщині", "region")]),
    ("Київщини", [("UA-32", "Київщини", "region")]),
    ("Брянщину", [("RU-BRY", "Брянщину", "region")]),
    ("на Белгородчине", [("RU-BEL", "Белгородчине", "region")]),
    # --- English variants ---
    ("Kursk Oblast", [("RU-KRS", "Kursk Oblast", "region")]),
    ("the Kursk region", [("RU-KRS", "Kursk region", "region")]),
    ("Kurskaya oblast", [("RU-KRS", "Kurskaya oblast", "region")]),
    ("in Kharkiv", [("UA-63", "Kharkiv", "city")]),
    ("in Kharkov", [("UA-63", "Kharkov", "city")]),
    ("Zaporizhzhia region", [("UA-23", "Zaporizhzhia region", "region")]),
    ("Zaporozhye", [("UA-23", "Zaporozhye", "city")]),
    ("Odesa and Odessa", [("UA-51", "Odesa", "city"), ("UA-51", "Odessa", "city")]),
    ("Mykolaiv or Nikolaev", [("UA-48", "Mykolaiv", "city"), ("UA-48", "Nikolaev", "city")]),
    ("the Dnipro region", [("UA-12", "Dnipro region", "region")]),
    ("Krasnodar Krai", [("RU-KDA", "Krasnodar Krai", "region")]),
    ("Kursk's governor", [("RU-KRS", "Kursk", "city")]),
    (
        "Altai Krai and the Altai Republic",
        [("RU-ALT", "Altai Krai", "region"), ("RU-AL", "Altai Republic", "region")],
    ),
    # --- Moscow city vs Moscow Oblast ---
    ("flying towards Moscow", [("RU-MOW", "Moscow", "city")]),
    ("Москва", [("RU-MOW", "Москва", "city")]),
    ("летевших на Москву", [("RU-MOW", "Москву", "city")]),
    ("в Москве", [("RU-MOW", "Москве", "city")]),
    ("до Москви", [("RU-MOW", "Москви", "city")]),
    ("the Moscow region", [("RU-MOS", "Moscow region", "region")]),
    ("Moscow Oblast", [("RU-MOS", "Moscow Oblast", "region")]),
    ("Московская область", [("RU-MOS", "Московская область", "region")]),
    ("в Подмосковье", [("RU-MOS", "Подмосковье", "region")]),
    ("Московської області", [("RU-MOS", "Московської області", "region")]),
    ("Moscow's Vnukovo airport", [("RU-MOW", "Moscow", "city"), ("RU-MOW", "Vnukovo airport", "place")]),
    # --- Kyiv city vs Kyiv Oblast ---
    ("a missile attack on Kyiv", [("UA-30", "Kyiv", "city")]),
    ("удар по Киеву", [("UA-30", "Киеву", "city")]),
    ("у Києві", [("UA-30", "Києві", "city")]),
    ("the Kyiv region", [("UA-32", "Kyiv region", "region")]),
    ("Київщина", [("UA-32", "Київщина", "region")]),
    ("Киевская область", [("UA-32", "Киевская область", "region")]),
    ("у Київській області", [("UA-32", "Київській області", "region")]),
    # --- St Petersburg vs Leningrad Oblast ---
    ("St. Petersburg", [("RU-SPE", "St. Petersburg", "city")]),
    ("в Санкт-Петербурге", [("RU-SPE", "Санкт-Петербурге", "city")]),
    ("в Ленинградской области", [("RU-LEN", "Ленинградской области", "region")]),
    ("Leningrad region", [("RU-LEN", "Leningrad region", "region")]),
    # --- Crimea and Sevastopol ---
    ("annexed Crimea", [("UA-43", "Crimea", "region")]),
    ("the Republic of Crimea", [("UA-43", "Republic of Crimea", "region")]),
    ("над территорией Республики Крым", [("UA-43", "Республики Крым", "region")]),
    ("в Крыму", [("UA-43", "Крыму", "region")]),
    ("у Криму", [("UA-43", "Криму", "region")]),
    ("в АР Крим", [("UA-43", "АР Крим", "region")]),
    ("Автономної Республіки Крим", [("UA-43", "Автономної Республіки Крим", "region")]),
    ("в Севастополе", [("UA-40", "Севастополе", "city")]),
    ("Sevastopol", [("UA-40", "Sevastopol", "city")]),
    ("аэродром Бельбек", [("UA-40", "Бельбек", "place")]),
    ("Saky airfield", [("UA-43", "Saky", "city")]),
    # --- seas ---
    ("over the Black Sea", [("SEA-BLACK", "Black Sea", "sea")]),
    ("над акваторией Чёрного моря", [("SEA-BLACK", "Чёрного моря", "sea")]),
    ("над акваторией Черного моря", [("SEA-BLACK", "Черного моря", "sea")]),
    ("над Чорним морем", [("SEA-BLACK", "Чорним морем", "sea")]),
    ("the Sea of Azov", [("SEA-AZOV", "Sea of Azov", "sea")]),
    ("над Азовским морем", [("SEA-AZOV", "Азовским морем", "sea")]),
    ("Caspian Sea", [("SEA-CASPIAN", "Caspian Sea", "sea")]),
    ("в Балтийском море", [("SEA-BALTIC", "Балтийском море", "sea")]),
    # --- towns, airbases, plants ---
    ("the town of Shebekino", [("RU-BEL", "Shebekino", "city")]),
    ("в Шебекино", [("RU-BEL", "Шебекино", "city")]),
    ("в Шебекине", [("RU-BEL", "Шебекине", "city")]),
    ("в Энгельсе", [("RU-SAR", "Энгельсе", "city")]),
    ("в Енгельсі", [("RU-SAR", "Енгельсі", "city")]),
    ("Novorossiysk and Tuapse", [("RU-KDA", "Novorossiysk", "city"), ("RU-KDA", "Tuapse", "city")]),
    ("в Новороссийске", [("RU-KDA", "Новороссийске", "city")]),
    ("в Покровске", [("UA-14", "Покровске", "city")]),
    ("у Краматорську", [("UA-14", "Краматорську", "city")]),
    ("в Сумах", [("UA-59", "Сумах", "city")]),
    ("місто Суми", [("UA-59", "Суми", "city")]),
    ("Дніпро", [("UA-12", "Дніпро", "city")]),
    ("в Кривом Роге", [("UA-12", "Кривом Роге", "city")]),
    ("у Кривому Розі", [("UA-12", "Кривому Розі", "city")]),
    ("Kryvyi Rih", [("UA-12", "Kryvyi Rih", "city")]),
    ("Чернігова", [("UA-74", "Чернігова", "city")]),
    ("Bryansk", [("RU-BRY", "Bryansk", "city")]),
    ("в Таганроге", [("RU-ROS", "Таганроге", "city")]),
    ("Рязани", [("RU-RYA", "Рязани", "city")]),
    ("Кстово", [("RU-NIZ", "Кстово", "city")]),
    ("Olenya and Belaya airbases", [("RU-MUR", "Olenya", "place"), ("RU-IRK", "Belaya", "place")]),
    ("в Ейске", [("RU-KDA", "Ейске", "city")]),
    ("Morozovsk", [("RU-ROS", "Morozovsk", "city")]),
    ("в Ростове-на-Дону", [("RU-ROS", "Ростове-на-Дону", "city")]),
    ("Rostov-on-Don", [("RU-ROS", "Rostov-on-Don", "city")]),
    ("Запорожской АЭС", [("UA-23", "Запорожской АЭС", "place")]),
    ("Белая Церковь", [("UA-32", "Белая Церковь", "city")]),
    ("у Білгороді-Дністровському", [("UA-51", "Білгороді-Дністровському", "city")]),
    ("Kam'janets: у Кам’янському", [("UA-12", "Кам’янському", "city")]),
    ("в Орле", [("RU-ORL", "Орле", "city")]),
    # --- unit words after the adjective: administrations, "regional" ---
    ("начальник Одеської ОВА", [("UA-51", "Одеської ОВА", "region")]),
    ("Kyiv regional governor", [("UA-32", "Kyiv regional", "region")]),
    ("Курской областной больницы", [("RU-KRS", "Курской областной", "region")]),
    # --- Latin "i" typed inside Ukrainian words ---
    ("у Харкiвськiй областi", [("UA-63", "Харкiвськiй областi", "region")]),
    # --- city districts ---
    ("у Голосіївському районі", [("UA-30", "Голосіївському районі", "place")]),
    ("в Салтовском районе", [("UA-63", "Салтовском районе", "place")]),
    # --- districts named after the region's capital ---
    ("в Белгородском районе", [("RU-BEL", "Белгородском районе", "place")]),
    ("Сумського району", [("UA-59", "Сумського району", "place")]),
    ("the Belgorod district", [("RU-BEL", "Belgorod district", "place")]),
    ("в Киевском районе Харькова", [("UA-63", "Харькова", "city")]),
    ("в Приморском районе Одессы", [("UA-51", "Одессы", "city")]),
    # --- communities and districts of towns: adjective stems with their own gender ---
    (
        "атакував Марганецьку, Покровську та Червоногригорівську громади",
        [
            ("UA-12", "Марганецьку", "place"),
            ("UA-12", "Покровську", "place"),
            ("UA-12", "Червоногригорівську громади", "place"),
        ],
    ),
    ("у Покровську", [("UA-14", "Покровську", "city")]),
    ("у Покровському районі", [("UA-14", "Покровському районі", "place")]),
    ("в Шебекинском городском округе", [("RU-BEL", "Шебекинском городском округе", "place")]),
    ("Липецька громада", [("UA-63", "Липецька громада", "place")]),
    ("Липецька область", [("RU-LIP", "Липецька область", "region")]),
    ("обстріл Нікопольщини", [("UA-12", "Нікопольщини", "place")]),
    # --- names inside other names: media, rivers, streets ---
    ("the Kyiv Independent reported", []),
    ("a Moscow-installed official in Kherson", [("UA-65", "Kherson", "city")]),
    ("на левом берегу Днепра", []),
    ("на улице Кирова в Донецке", [("UA-14", "Донецке", "city")]),
    ("по вул. Київській у Сумах", [("UA-59", "Сумах", "city")]),
    ("завод им. Курчатова", []),
    ("Luhansk People's Republic", [("UA-09", "Luhansk People's Republic", "region")]),
    # --- no false positives on ordinary words ---
    ("по данным Минобороны", []),
    ("Мир и Белый дом", []),
    ("белая машина, орла видели", []),
    ("сума грошей і суми коштів", []),
    ("по московскому времени", []),
    ("лиман реки", []),
    ("Russia's Defence Ministry said on Monday", []),
    ("Ukraine's air force", []),
    ("Курский вокзал", []),
]


def _spans(text: str, expected: Expected) -> list[tuple[str, int, int, str, str]]:
    out: list[tuple[str, int, int, str, str]] = []
    pos = 0
    for code, surface, level in expected:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append((code, start, pos, surface, level))
    return out


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find(text: str, expected: Expected) -> None:
    got = [(p.code, p.start, p.end, p.surface, p.level) for p in gazetteer().find(text)]
    assert got == _spans(text, expected)


def test_exact_offsets_and_names() -> None:
    text = "Над Курской областью и Шебекино"
    assert gazetteer().find(text) == [
        Place("RU-KRS", 4, 20, "Курской областью", "region", "Kursk Oblast"),
        Place("RU-BEL", 23, 31, "Шебекино", "city", "Shebekino"),
    ]


def test_offsets_survive_case_folding_that_changes_length() -> None:
    # "İ".lower() is two characters; offsets must still point into the original text.
    text = "İİ Kursk"
    assert gazetteer().find(text) == [Place("RU-KRS", 3, 8, "Kursk", "city", "Kursk")]


def test_capital_required_for_forms_that_are_common_words() -> None:
    assert [p.code for p in gazetteer().find("Суми і Лиман")] == ["UA-59", "UA-14"]
    assert gazetteer().find("суми і лиман") == []


def test_one_word_names_need_a_capital_in_every_language() -> None:
    g = gazetteer()
    assert [p.code for p in g.find("Perm, Тула, Київ")] == ["RU-PER", "RU-TUL", "UA-30"]
    assert g.find("perm, тула, київ") == []
    assert [p.code for p in g.find("КИЕВ")] == ["UA-30"]  # all capitals pass
    # Multiword names and region phrases do not depend on case.
    assert [p.code for p in g.find("black sea, курской области")] == ["SEA-BLACK", "RU-KRS"]


def test_short_forms_that_are_common_words_are_dropped() -> None:
    # Genitive plural "Сум" (of Суми) is also the word "сум"; "Сумах" is unambiguous.
    assert [p.surface for p in gazetteer().find("до Сум і в Сумах")] == ["Сумах"]


def test_abbreviations_only_in_capitals() -> None:
    assert [p.code for p in gazetteer().find("ДНР и ЛНР")] == ["UA-14", "UA-09"]
    assert gazetteer().find("днр") == []


def test_separators_inside_a_name() -> None:
    g = gazetteer()
    assert [p.surface for p in g.find("Kursk\nregion")] == ["Kursk\nregion"]
    # A sentence boundary other than a period breaks a name.
    assert [(p.surface, p.level) for p in g.find("Kursk; region")] == [("Kursk", "city")]


def test_sorted_and_non_overlapping() -> None:
    text = "Белгород, Белгород-Днестровский, Белгородская область и Белгород"
    found = gazetteer().find(text)
    assert [p.code for p in found] == ["RU-BEL", "UA-51", "RU-BEL", "RU-BEL"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


_WORDS = [
    "Курской", "области", "Kursk", "region", "and", "и", "та", "Київ", "Суми", "суми",
    "İ", "Ё", "Орёл", "Кам’янське", "St.", "Petersburg", "Ростов-на-Дону", "ДНР",
    "районе", "Белгородском", "улица", "Кирова", "—", ",", "Black", "Sea", "ǅ", "42",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from([" ", "  ", "\n", "-"]))
def test_spans_point_into_the_original_text(words: list[str], sep: str) -> None:
    text = sep.join(words)
    found = gazetteer().find(text)
    assert all(text[p.start : p.end] == p.surface and p.start < p.end for p in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(p.code in _CODES for p in found)


def test_homonyms_carry_their_other_regions() -> None:
    """A name listed for two regions means the first row's by default and carries the
    other's code for the report's context to pick."""
    (zolochiv,) = gazetteer().find("Zolochiv")
    assert (zolochiv.code, zolochiv.alternates) == ("UA-63", ("UA-46",))
    (kursk,) = gazetteer().find("Kursk")
    assert kursk.alternates == ()
