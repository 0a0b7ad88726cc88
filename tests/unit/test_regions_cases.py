"""Every grammatical case of region, city and -щина names, Russian and Ukrainian."""

from __future__ import annotations

import pytest

from stream.regions import gazetteer

# (code, level, forms): each form alone in a sentence must be found with that code.
PARADIGMS: list[tuple[str, str, list[str]]] = [
    # Russian oblast: nominative, genitive, dative, accusative, instrumental (both), locative
    ("RU-BEL", "region", [
        "Белгородская область", "Белгородской области", "Белгородскую область",
        "Белгородской областью", "Белгородскою областью",
    ]),
    ("UA-63", "region", [
        "Харьковская область", "Харьковской области", "Харьковскую область",
        "Харьковской областью",
    ]),
    # Russian krai (masculine)
    ("RU-KDA", "region", [
        "Краснодарский край", "Краснодарского края", "Краснодарскому краю",
        "Краснодарским краем", "Краснодарском крае",
    ]),
    # Ukrainian oblast
    ("RU-BRY", "region", [
        "Брянська область", "Брянської області", "Брянській області",
        "Брянську область", "Брянською областю",
    ]),
    ("UA-65", "region", [
        "Херсонська область", "Херсонської області", "Херсонській області",
        "Херсонську область", "Херсонською областю",
    ]),
    # -щина, Russian and Ukrainian
    ("RU-BRY", "region", ["Брянщина", "Брянщины", "Брянщине", "Брянщину", "Брянщиной"]),
    ("UA-74", "region", [
        "Чернігівщина", "Чернігівщини", "Чернігівщині", "Чернігівщину", "Чернігівщиною",
    ]),
    # Cities, Russian
    ("RU-MOW", "city", ["Москва", "Москвы", "Москве", "Москву", "Москвой", "Москвою"]),
    ("UA-30", "city", ["Киев", "Киева", "Киеву", "Киевом", "Киеве"]),
    ("RU-VOR", "city", ["Воронеж", "Воронежа", "Воронежу", "Воронежем", "Воронеже"]),
    ("UA-59", "city", ["Сумы", "Сумам", "Сумами", "Сумах"]),
    # Cities, Ukrainian
    ("UA-30", "city", ["Київ", "Києва", "Києву", "Києвом", "Києві"]),
    ("RU-MOW", "city", ["Москва", "Москви", "Москві", "Москву", "Москвою"]),
    ("UA-63", "city", ["Харків", "Харкова", "Харкову", "Харковом", "Харкові"]),
    ("RU-KRS", "city", ["Курськ", "Курська", "Курську", "Курськом"]),
    ("UA-59", "city", ["Суми", "Сумам", "Сумами", "Сумах"]),
    ("UA-40", "city", ["Севастополь", "Севастополя", "Севастополю", "Севастополем",
                       "Севастополі"]),
    # Crimea in both languages
    ("UA-43", "region", ["Крым", "Крыма", "Крыму", "Крымом", "Крыме"]),
    ("UA-43", "region", ["Крим", "Криму", "Кримом", "Кримі"]),
]  # fmt: skip

CASES = [(code, level, form) for code, level, forms in PARADIGMS for form in forms]


@pytest.mark.parametrize(("code", "level", "form"), CASES)
def test_every_case_form(code: str, level: str, form: str) -> None:
    text = f"Сообщение: {form}."
    found = gazetteer().find(text)
    start = text.index(form)
    assert [(p.code, p.level, p.start, p.end) for p in found] == [(code, level, start, start + len(form))]
