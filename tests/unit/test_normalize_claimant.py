"""Claimant of each count and of the report: attribution in the text, else the source."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stream.models import RawReport
from stream.normalize import PARSER_VERSION, normalize
from stream.normalize.numbers import find_numbers
from stream.normalize.tokens import tokenize


def _norm(text: str, source: str = "wire"):  # type: ignore[no-untyped-def]
    raw = RawReport(id="t", source=source, published_at=datetime(2025, 6, 1, tzinfo=UTC), text=text)
    return normalize(raw)


CASES = [
    ("Russia's Defence Ministry said air defences destroyed 40 drones over the Kursk region.",
     "wire", ["ru-mod"], "ru-mod"),
    ("The Defence Ministry said 40 drones were shot down over the Bryansk region.",
     "wire", ["ru-mod"], "ru-mod"),
    ("Ukraine's air force said Russia launched 90 drones overnight.", "wire", ["ua-military"],
     "ua-military"),
    ("Ukraine's General Staff said 20 drones were shot down.", "wire", ["ua-military"],
     "ua-military"),
    ("Governor Alexander Bogomaz said 11 drones were downed over the Bryansk region.", "wire",
     ["ru-official"], "ru-official"),
    ("Regional governor Oleh Syniehubov said Russia launched 6 drones at the Kharkiv region.",
     "wire", ["ua-official"], "ua-official"),
    ("Moscow Mayor Sergei Sobyanin said 5 drones flying towards Moscow were shot down.", "wire",
     ["ru-official"], "ru-official"),
    ("Sevastopol governor Mikhail Razvozhayev said 4 drones were shot down over Sevastopol.",
     "wire", ["ru-official"], "ru-official"),
    # a total's fate in the next sentence is told by the one who gave the total
    ("За словами начальника Тернопільської ОВА, по області ворог випустив 6 крилатих ракет.\n\n"
     "Загалом, за даними Повітряних сил, противник застосував 476 ударних БпЛА. Знешкоджено 442 "
     "дрони.", "wire", ["ua-official", "ua-military", "ua-military"], "ua-official"),
    # "it said": the speaker of the sentence before goes on
    ("Mayor Vitali Klitschko said fires broke out in Kyiv. Ukraine's air force said Russia "
     "launched 397 drones. Air defenses shot down 379 of the drones, it said.", "wire",
     ["ua-military", "ua-military"], "ua-military"),
    ("Призначений Кремлем губернатор Євген Балицький заявив, що в Енергодарі пошкоджено "
     "підстанцію. За його словами, «засобами ППО над Мелітополем знищено 5 безпілотників».",
     "wire", ["ru-official"], "ru-official"),
    ("На Черкащині, за словами Ігоря Табурця, знищено півтора десятка дронів.", "wire",
     ["ua-official"], "ua-official"),
    # regional commands of the Ukrainian forces; "air defence forces" names no claimant
    ("Воздушное командование «Восток» сообщило, что над Днепропетровской областью сбиты четыре "
     "ракеты.", "wire", ["ua-military"], "ua-military"),
    ("13 drones were destroyed over the Odesa region, Ukraine's Southern Defence Forces said.",
     "wire", ["ua-military"], "ua-military"),
    ("Sevastopol Governor Mikhail Razvozhayev said air defence forces shot down six drones over "
     "Sevastopol.", "wire", ["ru-official"], "ru-official"),
    ("Regional officials said 3 drones were destroyed over the Kursk region. The Defence "
     "Ministry said 57 drones were destroyed over the Bryansk region.", "wire",
     ["ru-official", "ru-mod"], "ru-official"),
    ("Над территорией Курской области уничтожены 12 беспилотников.", "telegram:mod_russia",
     ["ru-mod"], "ru-mod"),
    ("Ворог атакував 100 ударними БпЛА.", "telegram:kpszsu", ["ua-military"], "ua-military"),
    ("Над Одещиною збито 8 дронів.", "telegram:odesa_ova", ["ua-official"], "ua-official"),
    ("Губернатор Курской области сообщил, что над регионом сбиты 7 беспилотников.", "ria",
     ["ru-official"], "ru-official"),
    ("Як повідомили в Повітряних силах, над Київщиною збито 15 дронів.", "suspilne",
     ["ua-military"], "ua-military"),
    ("Drones reportedly hit 12 houses in the Kursk region, according to Ukrainian media.",
     "wire", [], "other"),
    ("Eight drones were shot down over the Kursk region.", "wire", ["other"], "other"),
    ("The SBU said its drones hit an oil refinery in the Ryazan region.", "wire", [],
     "ua-military"),
    ("Начальник Харківської ОВА повідомив, що ворог запустив 5 ракет по Харківщині.", "wire",
     ["ua-official"], "ua-official"),
    ("По данным Минобороны, за ночь над Брянской областью сбиты 15 беспилотников.", "meduza",
     ["ru-mod"], "ru-mod"),
    ("Міноборони Росії заявило про знищення 30 українських дронів.", "ukrpravda", ["ru-mod"],
     "ru-mod"),
    ("Генштаб ЗСУ повідомив, що за добу противник скинув 120 КАБів.", "ukrpravda",
     ["ua-military"], "ua-military"),
    ("Ukrainian Air Force spokesman Yuriy Ihnat said 30 drones were shot down.", "wire",
     ["ua-military"], "ua-military"),
    ("Ukrainian officials said 14 drones were downed over the Kyiv region.", "wire",
     ["ua-official"], "ua-official"),
    ("Russian officials said 14 drones were downed over the Kursk region.", "wire",
     ["ru-official"], "ru-official"),
    ("Monitoring groups said Russia launched 50 drones overnight.", "wire", ["other"], "other"),
    ("Russian Defence Minister Andrei Belousov said 1,000 drones had been destroyed.", "wire",
     ["ru-mod"], "ru-mod"),
    ("Drones hit an air force base in the Kursk region; 3 drones were shot down, officials "
     "said.", "wire", ["ru-official"], "ru-official"),
    ("The Russian military fired 8 missiles at the Odesa region.", "wire", ["other"], "other"),
    ("Мэр Москвы Сергей Собянин сообщил, что силы ПВО Минобороны отразили атаку двух "
     "беспилотников, летевших на Москву.", "interfax", ["ru-official"], "ru-official"),
    ("Russia's Defence Ministry said it destroyed 42 drones, and Ukraine's air force said "
     "Russia launched 87 drones.", "wire", ["ru-mod", "ua-military"], "ru-mod"),
    # a newsroom's own count is its own figure, whoever it drew on or names in the sentence
    ("By Astra's count, at least 20 drones were launched at the Tuapse district. The Krasnodar "
     "Krai operational headquarters said no one was hurt.", "astra", ["other"], "other"),
    ("Russia fired 6,297 drones at Ukraine in July, an AFP analysis of Ukrainian air force data "
     "showed. Moscow also fired 198 missiles over the month.", "afp", ["other", "other"], "other"),
    ("По подсчетам «Медузы», губернаторы девяти регионов сообщили о сбитых беспилотниках — всего "
     "не менее 118.", "meduza", ["other"], "other"),
    ("Ракет за місяць, за нашими підрахунками, було випущено щонайменше 130.", "pravda", ["other"],
     "other"),
    # ... but an official's count is the official's
    ("By the Defence Ministry's count, 50 drones were destroyed over the Bryansk region.", "wire",
     ["ru-mod"], "ru-mod"),
    # an anonymous source is no official, even with a governor in the next sentence
    ("At least 20 drones were launched at the refinery, a source in Ukraine's defence sector told "
     "Reuters. Governor Gleb Nikitin said debris caused a fire in Kstovo.", "reuters", ["other"],
     "other"),
    # a military's figures told on in the next sentence stay the military's
    ("The death toll rose to seven, regional governor Serhiy Tyurin said. Ukraine's air force said "
     "Russia launched 94 drones and six ballistic missiles overnight. Air defences shot down 71 drones.",
     "reuters", ["ua-military", "ua-military", "ua-military"], "ua-military"),
    # a summary bullet's figure stated again with its teller is the teller's; a casualty list's
    # "one in Zaporizhzhia" is no weapon
    ("Key developments:\n• Russia launched 53 missiles and 496 drones overnight\n• Four killed in Lviv "
     "Oblast, one in Zaporizhzhia\n\nRussian forces launched 496 drones and 53 missiles against "
     "Ukraine overnight, the Air Force reported.", "kyivindependent", ["ua-military", "ua-military"],
     "ua-military"),
    # a district military administration's channel; "скерували" (directed) is a launch
    ("Протягом дня росіяни гатили по Нікополю з артилерії та дронів. Скерували понад 20 FPV-дронів.",
     "telegram:nikopolska_rva", ["ua-official"], "ua-official"),
    # a newsroom's own figure set against the ministry's: each its teller's
    ("По нашим данным, над Брянской областью за ночь было сбито не менее 30 беспилотников, тогда как "
     "Минобороны отчиталось лишь о 12 сбитых над регионом БПЛА.", "telegram:sotaproject",
     ["other", "ru-mod"], "other"),
    # "in what officials called ...": a word on the attack, not the figures' teller
    ("Russia launched 539 drones and 11 missiles at Ukraine overnight in what officials called one of "
     "the largest aerial assaults of the war. Ukraine's air force said 268 drones were shot down.", "ap",
     ["ua-military", "ua-military", "ua-military"], "ua-military"),
    # occupation authorities and Russian-installed heads speak for Russia whatever their titles
    ("Окупаційна влада Запорізької області заявила, що над Бердянськом нібито збили чотири ракети ATACMS.",
     "ukrinform", ["ru-official"], "ru-official"),
    ("Над Токмаком силами ПВО сбиты пять БПЛА, сообщил губернатор Запорожской области Евгений Балицкий.",
     "tass", ["ru-official"], "ru-official"),
    # the Russian-installed governor's channel is a Russian official's, whatever the spelling
    ("Ещё две ракеты HIMARS были сбиты силами ПВО над Мелитополем.", "telegram:balitskiy_v",
     ["ru-official"], "ru-official"),
    # a bare "the ministry" is the ministry named last, whichever it was
    ("Минобороны РФ заявило, что над Крымом уничтожены 93 беспилотника. Кроме того, по данным "
     "министерства, над Черным морем сбиты три ракеты «Нептун».", "meduza", ["ru-mod", "ru-mod"], "ru-mod"),
    ("Міністерство енергетики повідомило про пошкодження. За даними міністерства, 3 ракети збито.",
     "wire", ["ua-official"], "ua-official"),
    # a newsroom's sum of what officials said is its own figure
    ("В сумме губернаторы, по подсчетам «Медузы», сообщили не менее чем о 40 сбитых беспилотниках.",
     "meduza", ["other"], "other"),
    # a speaker citing a body right after naming himself relays that body's claim
    ("Air defence forces destroyed five drones over the Tambov region overnight, Governor Yevgeny "
     "Pervyshov said, citing the Defence Ministry.", "tass", ["ru-mod"], "ru-mod"),
    ("Над Краснодарским краем ночью сбиты 20 беспилотников, сообщил оперштаб региона со ссылкой на "
     "Минобороны.", "unian", ["ru-mod"], "ru-mod"),
    # ... but one citing nobody specific keeps his own, and a cited body covers only its teller
    ("Governor Gladkov said 3 drones were shot down over Belgorod, citing local residents.", "wire",
     ["ru-official"], "ru-official"),
    ("Meduza, citing the Ukrainian Air Force, reported 50 drones launched overnight, while the Russian "
     "Defence Ministry said 30 were shot down.", "meduza", ["ua-military", "ru-mod"], "ua-military"),
]


@pytest.mark.parametrize(("text", "source", "per_count", "report"), CASES)
def test_claimant(text: str, source: str, per_count: list[str], report: str) -> None:
    rep = _norm(text, source)
    assert [o.claimant for o in rep.observations] == per_count
    assert rep.claimant == report


def test_report_fields() -> None:
    rep = _norm("Сили ППО знищили 14 дронів над Київщиною.", "telegram:kpszsu")
    assert rep.lang == "uk"
    assert rep.parser_version == PARSER_VERSION
    assert rep.report_id == "t"
    assert rep.source == "telegram:kpszsu"


def test_empty_report_is_valid() -> None:
    rep = _norm("Turkish officials said the talks would continue next week.")
    assert (rep.observations, rep.damage, rep.casualties) == ([], [], [])
    assert rep.lang == "en"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 30 drones were shot down over the Rostov region.", "at_least"),
        ("More than 90 drones were shot down over the Rostov region.", "more_than"),
        ("About 25 drones were shot down over the Rostov region.", "about"),
        ("Над Ростовской областью уничтожено около 25 беспилотников.", "about"),
        ("Понад 25 дронів збито над Харківщиною.", "more_than"),
        ("25 drones were shot down over the Rostov region.", "exact"),
    ],
)
def test_qualifier(text: str, qualifier: str) -> None:
    (obs,) = _norm(text).observations
    assert (obs.count, obs.qualifier) == (30 if "30" in text else 90 if "90" in text else 25,
                                          qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "Air defences destroyed 1,200 drones over the Kursk region.",
        "Ten of the cruise missiles were shot down over the Kyiv region.",
        "Two dozen drones were shot down over the Oryol region.",
        "Уничтожены 162 беспилотника: 57 — над Курской областью.",
        "Ворог атакував 472 ударними БпЛА, збито 210.",
    ],
)
def test_observation_span_contains_number(text: str) -> None:
    rep = _norm(text)
    assert rep.observations
    for obs in rep.observations:
        start, end = obs.span
        assert 0 <= start < end <= len(text)
        inner = tokenize(text[start:end], rep.lang)
        assert obs.count in [n.value for n in find_numbers(inner)]


@pytest.mark.parametrize(
    ("text", "damage_spans", "casualty_spans"),
    [
        ("Debris damaged two houses and a power line in the Kursk region; two people were "
         "killed.", ["houses", "power line"], ["two people were killed"]),
        ("У Києві пошкоджено склад, поранено трьох людей.", ["склад"], ["поранено трьох"]),
        ("В Белгороде возник пожар, погиб мужчина.", ["пожар"], ["погиб мужчина"]),
    ],
)
def test_evidence_spans(text: str, damage_spans: list[str], casualty_spans: list[str]) -> None:
    rep = _norm(text)
    assert [text[d.span[0] : d.span[1]] for d in rep.damage] == damage_spans
    assert [text[c.span[0] : c.span[1]] for c in rep.casualties] == casualty_spans
