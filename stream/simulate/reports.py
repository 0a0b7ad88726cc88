"""PURE: labelled raw-report streams for tests, demos and benchmarks.

`simulate_reports` plays out day after day of the air war as a producer on
`strikes.raw.v1` would see it: Russian MoD bulletins (evening, overnight,
daytime and 24-hour windows that overlap), Ukrainian Air Force overnight
summaries, governors' and regional administrations' posts, wire relays of all
of these in English, Russian and Ukrainian, and later corrections of casualty
tolls. Every report carries its `Truth`: the tuples the eval labelling rules
give for its text, so a normalizer can be scored on any stream. Deterministic
for a seed; time is an argument. Templates and the region table live here
with the API because they are one concern: how reports are phrased.
"""

from __future__ import annotations

import heapq
import io
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal, cast

import orjson

from stream.models import Claimant, DamageKind, Lang, Measure, Weapon

if TYPE_CHECKING:
    from collections.abc import Mapping

    from stream.simulate.series import SimulatedSeries

Count = tuple[str | None, Weapon, Measure, int]
Damage = tuple[str | None, DamageKind]
Casualty = tuple[str | None, Literal["killed", "injured"], int]
WindowLabel = Literal["evening", "overnight", "day", "24h", "hour", "post", "none"]
BulletinWindow = Literal["evening", "overnight", "day", "hour"]


@dataclass(frozen=True, slots=True)
class Truth:
    """What the text of one report states, by the eval labelling rules."""

    claimant: Claimant | None
    lang: Lang
    counts: tuple[Count, ...] = ()
    damage: tuple[Damage, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    window: WindowLabel = "post"
    relay_of: str | None = None
    corrects: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "claimant": self.claimant,
            "lang": self.lang,
            "counts": [list(c) for c in self.counts],
            "damage": [list(d) for d in self.damage],
            "casualties": [list(c) for c in self.casualties],
            "window": self.window,
            "relay_of": self.relay_of,
            "corrects": self.corrects,
        }


@dataclass(frozen=True, slots=True)
class SimReport:
    """One simulated raw report (`raw` holds RawReport fields) and its truth."""

    raw: dict[str, str]
    truth: Truth


# --------------------------------------------------------------------------- regions


@dataclass(frozen=True, slots=True)
class RuTarget:
    """A Russian-claimed area MoD bulletins and governors name (incl. Crimea, seas)."""

    code: str
    over_ru: str  # MoD bulletin phrase: "над территорией Курской области"
    over_ru_short: str  # relay phrase: "над Курской областью"
    in_ru: str  # "в Курской области"
    over_en: str  # "over the Kursk region"
    rate: float  # relative share of drones over it in MoD breakdowns
    gov_ru: str | None = None  # "губернатор Курской области Александр Хинштейн"
    gov_en: str | None = None  # "Kursk region Governor Alexander Khinshtein"
    handle: str | None = None
    places: tuple[tuple[str, str], ...] = ()  # (English name, Russian "в Рыльске")


@dataclass(frozen=True, slots=True)
class UaRegion:
    """A Ukrainian oblast (or Kyiv city) as its administration and media name it."""

    code: str
    en: str  # "the Kharkiv region"
    loc_uk: str  # "на Харківщині"
    gen_uk: str  # "Харківської області"
    rate: float
    head_uk: str  # "начальник Харківської ОВА Олег Синєгубов"
    head_en: str  # "regional governor Oleh Syniehubov"
    handle: str
    places: tuple[tuple[str, str], ...]  # (English, Ukrainian locative "у Харкові")
    glide: bool = False  # front-line region hit by guided aerial bombs


def _ru(
    code: str,
    adj: str,
    en: str,
    rate: float,
    gov_ru: str | None = None,
    gov_en: str | None = None,
    handle: str | None = None,
    places: tuple[tuple[str, str], ...] = (),
) -> RuTarget:
    # An oblast adjective in -ой is the same in the genitive, prepositional and
    # instrumental ("Курской"), so one form builds all the phrases.
    return RuTarget(
        code=code,
        over_ru=f"над территорией {adj} области",
        over_ru_short=f"над {adj} областью",
        in_ru=f"в {adj} области",
        over_en=f"over the {en} region",
        rate=rate,
        gov_ru=gov_ru,
        gov_en=gov_en,
        handle=handle,
        places=places,
    )


RU_TARGETS: tuple[RuTarget, ...] = (
    _ru("RU-KRS", "Курской", "Kursk", 9.0, gov_ru="врио губернатора Курской области Александр Хинштейн",
        gov_en="Acting Kursk region Governor Alexander Khinshtein", handle="telegram:khinshtein",
        places=(("Kurchatov", "в Курчатове"), ("Rylsk", "в Рыльске"), ("Lgov", "во Льгове"))),
    _ru("RU-BRY", "Брянской", "Bryansk", 7.0, gov_ru="губернатор Брянской области Александр Богомаз",
        gov_en="Bryansk region Governor Alexander Bogomaz", handle="telegram:bogomaz",
        places=(("Klintsy", "в Клинцах"), ("Novozybkov", "в Новозыбкове"))),
    _ru("RU-BEL", "Белгородской", "Belgorod", 6.0, gov_ru="губернатор Белгородской области Вячеслав Гладков",
        gov_en="Belgorod region Governor Vyacheslav Gladkov", handle="telegram:gladkov",
        places=(("Shebekino", "в Шебекино"), ("Graivoron", "в Грайвороне"), ("Valuyki", "в Валуйках"))),
    _ru("RU-ORL", "Орловской", "Oryol", 4.0, gov_ru="губернатор Орловской области Андрей Клычков",
        gov_en="Oryol region Governor Andrei Klychkov", handle="telegram:klychkov",
        places=(("Livny", "в Ливнах"), ("Mtsensk", "в Мценске"))),
    _ru("RU-VOR", "Воронежской", "Voronezh", 4.0, gov_ru="губернатор Воронежской области Александр Гусев",
        gov_en="Voronezh region Governor Alexander Gusev", handle="telegram:gusev_vrn",
        places=(("Liski", "в Лисках"), ("Rossosh", "в Россоши"))),
    _ru("RU-MOS", "Московской", "Moscow", 4.0),
    _ru("RU-TUL", "Тульской", "Tula", 2.5, gov_ru="губернатор Тульской области Дмитрий Миляев",
        gov_en="Tula region Governor Dmitry Milyaev", handle="telegram:milyaev",
        places=(("Novomoskovsk", "в Новомосковске"), ("Aleksin", "в Алексине"))),
    _ru("RU-KLU", "Калужской", "Kaluga", 2.5, gov_ru="губернатор Калужской области Владислав Шапша",
        gov_en="Kaluga region Governor Vladislav Shapsha", handle="telegram:shapsha",
        places=(("Lyudinovo", "в Людиново"),)),
    _ru("RU-RYA", "Рязанской", "Ryazan", 2.0, gov_ru="губернатор Рязанской области Павел Малков",
        gov_en="Ryazan region Governor Pavel Malkov", handle="telegram:malkov",
        places=(("Ryazan", "в Рязани"), ("Skopin", "в Скопине"))),
    _ru("RU-SMO", "Смоленской", "Smolensk", 2.0, gov_ru="губернатор Смоленской области Василий Анохин",
        gov_en="Smolensk region Governor Vasily Anokhin", handle="telegram:anokhin",
        places=(("Vyazma", "в Вязьме"),)),
    _ru("RU-LIP", "Липецкой", "Lipetsk", 1.5, gov_ru="губернатор Липецкой области Игорь Артамонов",
        gov_en="Lipetsk region Governor Igor Artamonov", handle="telegram:artamonov",
        places=(("Yelets", "в Ельце"),)),
    _ru("RU-TAM", "Тамбовской", "Tambov", 1.0, gov_ru="губернатор Тамбовской области Евгений Первышов",
        gov_en="Tambov region Governor Yevgeny Pervyshov", handle="telegram:pervyshov",
        places=(("Michurinsk", "в Мичуринске"),)),
    _ru("RU-ROS", "Ростовской", "Rostov", 3.0, gov_ru="врио губернатора Ростовской области Юрий Слюсарь",
        gov_en="Acting Rostov region Governor Yuri Slyusar", handle="telegram:slyusar",
        places=(("Novoshakhtinsk", "в Новошахтинске"), ("Millerovo", "в Миллерово"),
                ("Taganrog", "в Таганроге"))),
    _ru("RU-VGG", "Волгоградской", "Volgograd", 1.5, gov_ru="губернатор Волгоградской области Андрей Бочаров",
        gov_en="Volgograd region Governor Andrei Bocharov", handle="telegram:bocharov",
        places=(("Volgograd", "в Волгограде"), ("Kotovo", "в Котово"))),
    _ru("RU-SAR", "Саратовской", "Saratov", 1.0, gov_ru="губернатор Саратовской области Роман Бусаргин",
        gov_en="Saratov region Governor Roman Busargin", handle="telegram:busargin",
        places=(("Engels", "в Энгельсе"), ("Saratov", "в Саратове"))),
    _ru("RU-NIZ", "Нижегородской", "Nizhny Novgorod", 0.8,
        gov_ru="губернатор Нижегородской области Глеб Никитин",
        gov_en="Nizhny Novgorod region Governor Gleb Nikitin", handle="telegram:nikitin",
        places=(("Kstovo", "в Кстове"),)),
    _ru("RU-TVE", "Тверской", "Tver", 1.0, gov_ru="губернатор Тверской области Игорь Руденя",
        gov_en="Tver region Governor Igor Rudenya", handle="telegram:rudenya",
        places=(("Toropets", "в Торопце"),)),
    _ru("RU-YAR", "Ярославской", "Yaroslavl", 0.6, gov_ru="губернатор Ярославской области Михаил Евраев",
        gov_en="Yaroslavl region Governor Mikhail Yevrayev", handle="telegram:evraev",
        places=(("Yaroslavl", "в Ярославле"),)),
    _ru("RU-LEN", "Ленинградской", "Leningrad", 0.6,
        gov_ru="губернатор Ленинградской области Александр Дрозденко",
        gov_en="Leningrad region Governor Alexander Drozdenko", handle="telegram:drozdenko",
        places=(("Ust-Luga", "в Усть-Луге"), ("Kirishi", "в Киришах"))),
    RuTarget("RU-KDA", "над территорией Краснодарского края", "над Краснодарским краем",
             "в Краснодарском крае", "over the Krasnodar region", 2.0,
             gov_ru="оперативный штаб Краснодарского края",
             gov_en="the Krasnodar region's emergency headquarters", handle="telegram:kuban_opershtab",
             places=(("Tuapse", "в Туапсе"), ("Slavyansk-on-Kuban", "в Славянске-на-Кубани"),
                     ("Novorossiysk", "в Новороссийске"))),
    RuTarget("RU-TA", "над территорией Республики Татарстан", "над Татарстаном",
             "в Татарстане", "over Tatarstan", 0.4,
             gov_ru="раис Татарстана Рустам Минниханов",
             gov_en="Tatarstan's leader Rustam Minnikhanov", handle="telegram:tatarstan_gov",
             places=(("Yelabuga", "в Елабуге"), ("Nizhnekamsk", "в Нижнекамске"))),
    RuTarget("UA-43", "над территорией Республики Крым", "над Крымом", "в Крыму",
             "over Crimea", 2.5, gov_ru="глава Крыма Сергей Аксёнов",
             gov_en="Moscow-installed Crimea head Sergei Aksyonov", handle="telegram:aksenov",
             places=(("Dzhankoi", "в Джанкое"), ("Feodosia", "в Феодосии"))),
    RuTarget("UA-40", "над Севастополем", "над Севастополем", "в Севастополе",
             "over Sevastopol", 0.8, gov_ru="губернатор Севастополя Михаил Развожаев",
             gov_en="Sevastopol Governor Mikhail Razvozhayev", handle="telegram:razvozhaev",
             places=(("Sevastopol", "в Севастополе"),)),
    RuTarget("SEA-BLACK", "над акваторией Черного моря", "над Черным морем", "",
             "over the Black Sea", 3.0),
    RuTarget("SEA-AZOV", "над акваторией Азовского моря", "над Азовским морем", "",
             "over the Sea of Azov", 1.5),
)


def _ua(
    code: str,
    en: str,
    loc_uk: str,
    gen_uk: str,
    rate: float,
    head_uk: str,
    head_en: str,
    handle: str,
    places: tuple[tuple[str, str], ...],
    glide: bool = False,
) -> UaRegion:
    return UaRegion(code, en, loc_uk, gen_uk, rate, head_uk, head_en, handle, places, glide)


_OVA_UK = "в обласній військовій адміністрації"
_OVA_EN = "the regional military administration"

UA_REGIONS: tuple[UaRegion, ...] = (
    _ua("UA-63", "the Kharkiv region", "на Харківщині", "Харківської області", 8.0,
        "начальник Харківської ОВА Олег Синєгубов", "regional governor Oleh Syniehubov",
        "telegram:synegubov", (("Kharkiv", "у Харкові"), ("Kupiansk", "у Куп'янську"),
                               ("Chuhuiv", "у Чугуєві")), glide=True),
    _ua("UA-59", "the Sumy region", "на Сумщині", "Сумської області", 6.0,
        "начальник Сумської ОВА Олег Григоров", "regional governor Oleh Hryhorov",
        "telegram:sumy_ova", (("Sumy", "у Сумах"), ("Shostka", "у Шостці"),
                              ("Okhtyrka", "в Охтирці")), glide=True),
    _ua("UA-12", "the Dnipropetrovsk region", "на Дніпропетровщині",
        "Дніпропетровської області", 6.0, "голова Дніпропетровської ОВА Сергій Лисак",
        "regional governor Serhiy Lysak", "telegram:dnipro_ova",
        (("Dnipro", "у Дніпрі"), ("Nikopol", "у Нікополі"), ("Pavlohrad", "у Павлограді"))),
    _ua("UA-23", "the Zaporizhzhia region", "на Запоріжжі", "Запорізької області", 5.0,
        "начальник Запорізької ОВА Іван Федоров", "regional governor Ivan Fedorov",
        "telegram:zoda_gov_ua", (("Zaporizhzhia", "у Запоріжжі"), ("Orikhiv", "в Оріхові")),
        glide=True),
    _ua("UA-14", "the Donetsk region", "на Донеччині", "Донецької області", 4.0,
        "начальник Донецької ОВА Вадим Філашкін", "regional governor Vadym Filashkin",
        "telegram:donetsk_ova", (("Kramatorsk", "у Краматорську"),
                                 ("Sloviansk", "у Слов'янську"),
                                 ("Kostiantynivka", "у Костянтинівці")), glide=True),
    _ua("UA-51", "the Odesa region", "на Одещині", "Одеської області", 4.0,
        "начальник Одеської ОВА Олег Кіпер", "regional governor Oleh Kiper",
        "telegram:odesa_ova", (("Odesa", "в Одесі"), ("Izmail", "в Ізмаїлі"))),
    _ua("UA-30", "Kyiv", "у Києві", "Києва", 4.0,
        "начальник Київської міської військової адміністрації Тимур Ткаченко",
        "Tymur Tkachenko, head of the city military administration,",
        "telegram:kyiv_city_mva", (("Kyiv", "у Києві"),)),
    _ua("UA-32", "the Kyiv region", "на Київщині", "Київської області", 3.0,
        "начальник Київської ОВА Микола Калашник", "regional governor Mykola Kalashnyk",
        "telegram:kyiv_ova", (("Bila Tserkva", "у Білій Церкві"), ("Brovary", "у Броварах"))),
    _ua("UA-74", "the Chernihiv region", "на Чернігівщині", "Чернігівської області", 3.0,
        "начальник Чернігівської ОВА В'ячеслав Чаус", "regional governor Viacheslav Chaus",
        "telegram:chernihiv_ova", (("Chernihiv", "у Чернігові"), ("Nizhyn", "у Ніжині"))),
    _ua("UA-48", "the Mykolaiv region", "на Миколаївщині", "Миколаївської області", 2.0,
        "начальник Миколаївської ОВА Віталій Кім", "regional governor Vitaliy Kim",
        "telegram:mykolaiv_ova", (("Mykolaiv", "у Миколаєві"), ("Ochakiv", "в Очакові"))),
    _ua("UA-65", "the Kherson region", "на Херсонщині", "Херсонської області", 3.0,
        "начальник Херсонської ОВА Олександр Прокудін", "regional governor Oleksandr Prokudin",
        "telegram:kherson_ova", (("Kherson", "у Херсоні"), ("Beryslav", "у Бериславі"))),
    _ua("UA-53", "the Poltava region", "на Полтавщині", "Полтавської області", 1.5,
        "начальник Полтавської ОВА Володимир Когут", "regional governor Volodymyr Kohut",
        "telegram:poltava_ova", (("Kremenchuk", "у Кременчуці"), ("Poltava", "у Полтаві"))),
    _ua("UA-46", "the Lviv region", "на Львівщині", "Львівської області", 0.8,
        "начальник Львівської ОВА Максим Козицький", "regional governor Maksym Kozytskyi",
        "telegram:lviv_ova", (("Lviv", "у Львові"), ("Stryi", "у Стрию"))),
    _ua("UA-71", "the Cherkasy region", "на Черкащині", "Черкаської області", 1.0,
        "начальник Черкаської ОВА Ігор Табурець", "regional governor Ihor Taburets",
        "telegram:cherkasy_ova", (("Cherkasy", "у Черкасах"), ("Smila", "у Смілі"))),
    _ua("UA-68", "the Khmelnytskyi region", "на Хмельниччині", "Хмельницької області", 0.8,
        _OVA_UK, _OVA_EN, "telegram:khmelnytskyi_ova",
        (("Starokostiantyniv", "у Старокостянтинові"), ("Khmelnytskyi", "у Хмельницькому"))),
    _ua("UA-05", "the Vinnytsia region", "на Вінниччині", "Вінницької області", 0.8,
        _OVA_UK, _OVA_EN, "telegram:vinnytsia_ova",
        (("Vinnytsia", "у Вінниці"), ("Kalynivka", "у Калинівці"))),
    _ua("UA-18", "the Zhytomyr region", "на Житомирщині", "Житомирської області", 0.6,
        _OVA_UK, _OVA_EN, "telegram:zhytomyr_ova", (("Zhytomyr", "у Житомирі"),)),
    _ua("UA-56", "the Rivne region", "на Рівненщині", "Рівненської області", 0.5,
        _OVA_UK, _OVA_EN, "telegram:rivne_ova", (("Rivne", "у Рівному"), ("Dubno", "у Дубні"))),
    _ua("UA-07", "the Volyn region", "на Волині", "Волинської області", 0.4,
        _OVA_UK, _OVA_EN, "telegram:volyn_ova", (("Lutsk", "у Луцьку"), ("Kovel", "у Ковелі"))),
    _ua("UA-35", "the Kirovohrad region", "на Кіровоградщині", "Кіровоградської області", 0.6,
        _OVA_UK, _OVA_EN, "telegram:kirovohrad_ova", (("Kropyvnytskyi", "у Кропивницькому"),
                                                     ("Oleksandriia", "в Олександрії"))),
)

#: Every region code the simulator can put in a truth tuple.
REGION_CODES: frozenset[str] = frozenset(
    [t.code for t in RU_TARGETS] + [u.code for u in UA_REGIONS] + ["RU-MOW"]
)

# --------------------------------------------------------------------------- phrasing

_EN_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)
_RU_WORDS = ("", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь",
             "девять", "десять")
_UK_WORDS = ("", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім",
             "дев'ять", "десять")
_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_UK_MONTHS = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
              "серпня", "вересня", "жовтня", "листопада", "грудня")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MSK = timedelta(hours=3)


def _en_num(rng: random.Random, n: int, word_rate: float) -> str:
    """English numbers as the wires write them: words up to ten, sometimes beyond."""
    if n == 24 and rng.random() < word_rate * 2:
        return "two dozen"
    if n <= 9 or (n <= 20 and rng.random() < word_rate):
        return _EN_WORDS[n]
    return f"{n:,}"


def _sl_num(rng: random.Random, n: int, lang: Lang, word_rate: float) -> str:
    """Russian/Ukrainian numbers before indeclinable БПЛА/БпЛА: words only up to ten."""
    if 1 <= n <= 10 and rng.random() < word_rate:
        return (_RU_WORDS if lang == "ru" else _UK_WORDS)[n]
    return str(n)


def _plural(n: int, one: str, few: str, many: str) -> str:
    """East Slavic agreement of a noun with a number: 1/21 one, 2-4/22-24 few, else many."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _ru_date(t: datetime) -> str:
    return f"{t.day} {_RU_MONTHS[t.month - 1]}"


def _uk_date(t: datetime) -> str:
    return f"{t.day} {_UK_MONTHS[t.month - 1]}"


def _kyiv(t: datetime) -> datetime:
    # Kyiv keeps summer time from the last Sunday of March to the last of October;
    # month granularity is close enough for wording the local date.
    return t + timedelta(hours=3 if 4 <= t.month <= 10 else 2)


# Damage phrases: kind -> sentences that state exactly that kind of damage.
_DAMAGE_RU: dict[DamageKind, tuple[str, ...]] = {
    "residential": ("повреждены окна и кровля частного жилого дома",
                    "в многоквартирном доме выбиты стекла",
                    "повреждены несколько частных домовладений"),
    "fire": ("в результате падения обломков возник пожар",
             "произошло возгорание, его оперативно потушили"),
    "energy": ("повреждена линия электропередачи, часть потребителей временно без света",
               "атакована подстанция, возникли перебои с электроснабжением"),
    "fuel": ("пострадал резервуар на территории нефтебазы",
             "на нефтеперерабатывающем заводе поврежден резервуар"),
    "transport": ("временно ограничено движение по федеральной трассе",
                  "повреждено железнодорожное полотно, задерживаются поезда"),
    "industrial": ("повреждено здание промышленного предприятия",
                   "пострадал складской комплекс"),
    "other": ("поврежден легковой автомобиль", "выбиты окна в здании школы"),
    "military": ("",),
}
_DAMAGE_UK: dict[DamageKind, tuple[str, ...]] = {
    "residential": ("пошкоджено багатоповерховий житловий будинок",
                    "зруйновано приватний будинок", "пошкоджено кілька приватних будинків"),
    "fire": ("виникла пожежа", "спалахнула пожежа, її вже ліквідували"),
    "energy": ("пошкоджено об'єкт енергетичної інфраструктури, частина абонентів без світла",
               "пошкоджено лінію електропередачі"),
    "fuel": ("уражено нафтобазу", "пошкоджено резервуари з пальним"),
    "transport": ("пошкоджено залізничну інфраструктуру", "пошкоджено автомобільний міст"),
    "industrial": ("пошкоджено складські приміщення", "пошкоджено підприємство"),
    "other": ("пошкоджено автомобілі", "пошкоджено будівлю ліцею", "пошкоджено магазин"),
    "military": ("",),
}
_DAMAGE_EN: dict[DamageKind, tuple[str, ...]] = {
    "residential": ("damaged several private houses", "blew out windows in an apartment block",
                    "damaged a high-rise residential building"),
    "fire": ("started a fire", "sparked a blaze that was later put out"),
    "energy": ("damaged a power line, cutting electricity to part of the area",
               "hit an electrical substation"),
    "fuel": ("hit an oil depot", "damaged a fuel storage tank at a refinery"),
    "transport": ("damaged railway infrastructure", "disrupted traffic on a highway"),
    "industrial": ("damaged a warehouse", "hit an industrial enterprise"),
    "other": ("damaged cars", "damaged a school building", "damaged a shop"),
    "military": ("",),
}
_CIVIL_KINDS: tuple[DamageKind, ...] = (
    "residential", "fire", "energy", "fuel", "transport", "industrial", "other"
)
_KIND_WEIGHTS = (5.0, 4.0, 2.5, 1.0, 1.2, 1.5, 2.0)


def _damage_en(rng: random.Random, kinds: Sequence[DamageKind]) -> list[str]:
    """English damage clauses; a repeated leading "damaged" is dropped for flow."""
    out: list[str] = []
    for kind in kinds:
        phrase = rng.choice(_DAMAGE_EN[kind])
        if out and out[-1].startswith("damaged ") and phrase.startswith("damaged "):
            phrase = phrase.removeprefix("damaged ")
        out.append(phrase)
    return out


def _pick_damage(rng: random.Random, max_kinds: int) -> list[DamageKind]:
    k = rng.randint(0, max_kinds)
    kinds: list[DamageKind] = []
    for kind in rng.choices(_CIVIL_KINDS, _KIND_WEIGHTS, k=k):
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def _join(parts: Sequence[str], last: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _ru_casualties(rng: random.Random, killed: int, injured: int) -> str:
    parts = []
    if killed == 1:
        parts.append(rng.choice(("погиб мирный житель", "погибла женщина")))
    elif killed > 1:
        parts.append(f"погибли {killed} {_plural(killed, 'человек', 'человека', 'человек')}")
    if injured == 1:
        parts.append(rng.choice(("ранен мужчина", "осколочные ранения получила женщина")))
    elif injured == 2 and rng.random() < 0.5:
        parts.append("пострадали двое мирных жителей")
    elif injured > 1:
        parts.append(f"ранения получили {injured} {_plural(injured, 'человек', 'человека', 'человек')}")
    return _cap(_join(parts, "и")) + "." if parts else ""


def _uk_casualties(rng: random.Random, killed: int, injured: int) -> str:
    parts = []
    if killed == 1:
        parts.append(rng.choice(("загинув чоловік", "загинула 67-річна жінка")))
    elif killed > 1:
        parts.append(f"загинули {killed} {_plural(killed, 'людина', 'людини', 'людей')}")
    if injured == 1:
        parts.append(rng.choice(("поранено чоловіка", "травмована жінка")))
    elif injured > 1:
        parts.append(f"поранено {injured} {_plural(injured, 'особу', 'особи', 'осіб')}")
    return _cap(_join(parts, "та")) + "." if parts else ""


def _en_casualties(rng: random.Random, killed: int, injured: int, wr: float) -> str:
    """"killing two people and injuring 11" (no leading comma)."""
    k = ""
    if killed:
        k = "killing one person" if killed == 1 else f"killing {_en_num(rng, killed, wr)} people"
    i = ""
    if injured:
        i = (rng.choice(("injuring a woman", "wounding one man")) if injured == 1
             else f"injuring {_en_num(rng, injured, wr)}")
    return " and ".join(p for p in (k, i) if p)


def _en_casualty_sentence(rng: random.Random, killed: int, injured: int, wr: float) -> str:
    """"One person was killed and three were injured." (empty without casualties)."""
    parts = []
    if killed:
        parts.append("One person was killed" if killed == 1
                     else f"{_cap(_en_num(rng, killed, wr))} people were killed")
    if injured:
        if injured == 1:
            parts.append("a woman was injured" if parts else "A woman was injured")
        else:
            n = _en_num(rng, injured, wr)
            parts.append(f"{n} were injured" if parts else f"{_cap(n)} people were injured")
    return " and ".join(parts) + "." if parts else ""


# --------------------------------------------------------------------------- context


@dataclass(slots=True)
class _Ctx:
    """Generation state of one stream: the rng, region pools and the pending heap."""

    rng: random.Random
    prefix: str
    ru: tuple[RuTarget, ...]
    ua: tuple[UaRegion, ...]
    moscow: bool
    relay_rate: float
    correction_rate: float
    word_rate: float
    noise_rate: float
    intensity: float = 1.0
    serial: int = 0
    heap: list[tuple[datetime, int, SimReport]] = field(default_factory=list)

    def emit(self, when: datetime, source: str, text: str, truth: Truth,
             title: str | None = None) -> str:
        self.serial += 1
        rid = f"{self.prefix}{self.serial:07d}"
        raw = {"id": rid, "source": source, "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
               "text": text}
        if title is not None:
            raw["title"] = title
        heapq.heappush(self.heap, (when, self.serial, SimReport(raw=raw, truth=truth)))
        return rid

    def relays(self, outlets: Sequence[tuple[str, Lang, float]]) -> list[tuple[str, Lang]]:
        """The outlets that relay one original; each relays with relay_rate x weight."""
        return [(s, lang) for s, lang, w in outlets if self.rng.random() < self.relay_rate * w]

    def later(self, when: datetime, lo: float, hi: float) -> datetime:
        return when + timedelta(minutes=self.rng.uniform(lo, hi))


def _weighted_sample(rng: random.Random, items: Sequence[RuTarget], k: int) -> list[RuTarget]:
    # Efraimidis-Spirakis: weighted sampling without replacement in one pass.
    keyed = sorted(items, key=lambda t: rng.random() ** (1.0 / t.rate), reverse=True)
    return keyed[:k]


# --------------------------------------------------------------------------- Russian MoD

_MOD_OUTLETS: tuple[tuple[str, Lang, float], ...] = (
    ("telegram:mod_russia_en", "en", 0.8), ("tass", "en", 1.4), ("reuters", "en", 1.6),
    ("interfax", "en", 0.9), ("tass", "ru", 0.7), ("ria", "ru", 0.8),
)
_WINDOW_RU = {"evening": "Сегодня в период с 20.00 до 23.00 мск",
              "day": "Сегодня в период с 8.00 до 14.00 мск"}
_WINDOW_EN = {"overnight": "overnight", "evening": "between 8 p.m. and 11 p.m. Moscow time",
              "day": "between 8 a.m. and 2 p.m. Moscow time"}
_WINDOW_RU_SHORT = {"overnight": "минувшей ночью", "evening": "с 20:00 до 23:00 мск",
                    "day": "с 8:00 до 14:00 мск"}
_MOD_SIZES = {"overnight": (3, 12, 14.0), "evening": (1, 5, 5.0), "day": (1, 4, 4.0)}


def _mod_noun(n: int, short: bool) -> tuple[str, str]:
    """(verb, noun phrase) agreeing with n: "перехвачены и уничтожены", "... БПЛА"."""
    one = n % 10 == 1 and n % 100 != 11
    verb = "перехвачен и уничтожен" if one else "перехвачены и уничтожены"
    if short:
        return verb, ("украинский БПЛА" if one else "украинских БПЛА")
    noun = _plural(n, "украинский беспилотный летательный аппарат",
                   "украинских беспилотных летательных аппарата",
                   "украинских беспилотных летательных аппаратов")
    return verb, noun + " самолетного типа"


def _mod_bulletin(ctx: _Ctx, when: datetime, window: Literal["evening", "overnight", "day"]) -> None:
    rng = ctx.rng
    lo, hi, scale = _MOD_SIZES[window]
    targets = _weighted_sample(rng, ctx.ru, min(len(ctx.ru), rng.randint(lo, hi)))
    kursk = next((t for t in ctx.ru if t.code == "RU-KRS"), None)
    if window == "overnight" and kursk and kursk not in targets and rng.random() < 0.6:
        targets.append(kursk)  # Kursk is in nearly every overnight bulletin
    parts = sorted(((t, max(1, round(rng.expovariate(1.0) * scale * t.rate / 3))) for t in targets),
                   key=lambda p: -p[1])
    total = sum(n for _, n in parts)
    mos_sub = 0
    items = []
    for t, n in parts:
        item = f"{n} – {t.over_ru}"
        if t.code == "RU-MOS" and n > 1 and rng.random() < 0.6:
            mos_sub = rng.randint(1, n)
            item += f", в том числе {mos_sub}, летевших на Москву"
        items.append(item)
    verb, noun = _mod_noun(total, rng.random() < 0.4)
    msk = when + _MSK
    if window == "overnight":
        intro = rng.choice((
            f"В течение прошедшей ночи дежурными средствами ПВО {verb} {total} {noun}",
            "Минувшей ночью пресечена попытка киевского режима осуществить террористическую "
            "атаку с применением беспилотных летательных аппаратов самолетного типа по объектам "
            f"на территории Российской Федерации.\nДежурными средствами ПВО {verb} {total} {noun}",
            f"В период с 23.00 мск {_ru_date(msk - timedelta(days=1))} до 7.00 мск "
            f"{_ru_date(msk)} дежурными средствами ПВО {verb} {total} {noun}",
        ))
    else:
        intro = f"{_WINDOW_RU[window]} дежурными средствами ПВО {verb} {total} {noun}"
    if len(parts) == 1:
        text = f"{intro} {parts[0][0].over_ru}."
        counts: tuple[Count, ...] = ((parts[0][0].code, "drone", "intercepted", total),)
    else:
        sep = ",\n" if rng.random() < 0.3 else ", "
        text = f"{intro}:{chr(10) if sep != ', ' else ' '}{sep.join(items)}."
        counts = ((None, "drone", "intercepted", total),
                  *((t.code, "drone", "intercepted", n) for t, n in parts))
    truth = Truth("ru-mod", "ru", counts, window=window)
    rid = ctx.emit(when, "telegram:mod_russia", text, truth)
    for source, lang in ctx.relays(_MOD_OUTLETS):
        _mod_relay(ctx, ctx.later(when, 4, 90), source, lang, rid, window, parts, total, mos_sub)


def _mod_relay(ctx: _Ctx, when: datetime, source: str, lang: Lang, rid: str,
               window: BulletinWindow, parts: list[tuple[RuTarget, int]], total: int,
               mos_sub: int, spans: tuple[str, str] | None = None) -> None:
    """A relay of a bulletin; `spans` (English, Russian) names a window not in the tables."""
    rng, wr = ctx.rng, ctx.word_rate
    when_en, when_ru = spans or (_WINDOW_EN[window], _WINDOW_RU_SHORT[window])
    if source == "telegram:mod_russia_en":
        shown = parts  # the ministry's English channel translates the whole bulletin
    else:
        shown = parts[: rng.randint(0 if len(parts) > 1 else 1, min(3, len(parts)))]
    title = None
    if lang == "en":
        bits = []
        for t, n in shown:
            bit = f"{_en_num(rng, n, wr)} {t.over_en}"
            if t.code == "RU-MOS" and mos_sub and rng.random() < 0.5:
                bit += f", {_en_num(rng, mos_sub, wr)} of them flying towards Moscow"
            bits.append(bit)
        tot = _en_num(rng, total, wr)
        noun = "drone" if total == 1 else "drones"
        if source == "telegram:mod_russia_en":
            head = f"{when_en.capitalize()}, on-duty air defence systems intercepted and destroyed"
            text = (f"{head} {tot} Ukrainian fixed-wing {'UAV' if total == 1 else 'UAVs'}"
                    + (f": {'; '.join(bits)}." if len(parts) > 1 else f" {parts[0][0].over_en}."))
        elif len(parts) == 1:
            text = (f"Russian air defences destroyed {tot} Ukrainian {noun} {parts[0][0].over_en} "
                    f"{when_en}, the Defence Ministry said.")
        else:
            incl = f", including {_join(bits, 'and')}" if bits else ""
            text = rng.choice((
                f"Russian air defences intercepted and destroyed {tot} Ukrainian {noun} "
                f"{when_en}, the Defence Ministry said{incl}.",
                f"Russia's Defence Ministry said its air defence units downed {tot} Ukrainian "
                f"fixed-wing {noun} {when_en}{incl}.",
                f"Air defence systems shot down {tot} Ukrainian {noun} {when_en}{incl}, "
                "according to Russia's Defence Ministry.",
            ))
            if rng.random() < 0.5:
                title = f"Russia says it downed {total} Ukrainian drones {when_en}"
        counts = shown
    else:
        noun = _plural(total, "украинский беспилотник", "украинских беспилотника",
                       "украинских беспилотников")
        if len(parts) == 1:
            text = (f"Дежурные средства ПВО {when_ru} перехватили и уничтожили "
                    f"{total} {noun} {parts[0][0].over_ru_short}, сообщили в Минобороны России.")
        else:
            incl = "".join(f", {n} — {t.over_ru_short}" for t, n in shown)
            text = rng.choice((
                f"Силы ПВО {when_ru} уничтожили {total} {noun}{incl}, "
                "сообщили в Минобороны РФ.",
                f"Минобороны России сообщило, что {when_ru} дежурные средства "
                f"ПВО перехватили и уничтожили {total} {noun}{incl}.",
            ))
        counts = shown
    base: tuple[Count, ...] = () if len(parts) == 1 else ((None, "drone", "intercepted", total),)
    truth = Truth("ru-mod", lang,
                  base + tuple((t.code, "drone", "intercepted", n) for t, n in counts),
                  window=window, relay_of=rid)
    ctx.emit(when, source, text, truth, title)


_DAILY_ITEMS: tuple[tuple[Weapon, str, str, str, str, float], ...] = (
    ("glide_bomb", "управляемая авиационная бомба", "управляемые авиационные бомбы",
     "управляемых авиационных бомб", "guided aerial bombs", 0.7),
    ("missile", "реактивный снаряд системы залпового огня HIMARS",
     "реактивных снаряда системы залпового огня HIMARS",
     "реактивных снарядов системы залпового огня HIMARS", "HIMARS rockets", 0.5),
    ("missile", "крылатая ракета «Нептун-Д»", "крылатые ракеты «Нептун-Д»",
     "крылатых ракет «Нептун-Д»", "Neptune-D cruise missiles", 0.12),
    ("drone", "беспилотный летательный аппарат самолетного типа",
     "беспилотных летательных аппарата самолетного типа",
     "беспилотных летательных аппаратов самолетного типа", "fixed-wing drones", 1.0),
)


def _mod_daily(ctx: _Ctx, when: datetime) -> None:
    """The ministry's 24-hour summary: front-wide counts, no regions."""
    rng = ctx.rng
    used: set[int] = set()
    chosen: list[tuple[Weapon, int, str, str]] = []
    for weapon, one, few, many, en, p in _DAILY_ITEMS:
        if rng.random() < p:
            n = rng.randint(2, 12) if weapon != "drone" else rng.randint(40, 400)
            while n in used:  # two equal figures would read as one repeated figure
                n += 1
            used.add(n)
            chosen.append((weapon, n, _plural(n, one, few, many), en))
    listed = _join([f"{n} {ru}" for _, n, ru, _ in chosen], "и")
    areas = rng.randint(120, 190)
    text = ("Оперативно-тактической авиацией, ударными беспилотными летательными аппаратами, "
            "ракетными войсками и артиллерией группировок войск Вооруженных Сил Российской "
            f"Федерации нанесено поражение пунктам временной дислокации ВСУ в {areas} районах.\n"
            f"Средствами противовоздушной обороны за сутки сбиты {listed}.")
    counts: tuple[Count, ...] = tuple((None, w, "intercepted", n) for w, n, _, _ in chosen)
    rid = ctx.emit(when, "telegram:mod_russia", text, Truth("ru-mod", "ru", counts, window="24h"))
    for source, lang in ctx.relays((("tass", "en", 1.2), ("interfax", "en", 0.8),
                                    ("ria", "ru", 0.6))):
        if lang == "en":
            wr = ctx.word_rate
            listed_en = _join([f"{_en_num(rng, n, wr)} {en}" for _, n, _, en in chosen], "and")
            text = (f"Russian air defences shot down {listed_en} over the past day, the Defence "
                    "Ministry said in its daily briefing.")
        else:
            text = f"Силы ПВО за сутки сбили {listed}, сообщили в Минобороны России."
        truth = Truth("ru-mod", lang, counts, window="24h", relay_of=rid)
        ctx.emit(ctx.later(when, 5, 60), source, text, truth)


# --------------------------------------------------------------------------- Ukrainian Air Force

_ORIGINS = ("Курськ", "Орел", "Брянськ", "Міллерово", "Приморсько-Ахтарськ", "Шаталово",
            "Навля", "мис Чауда – ТОТ Криму", "Гвардійське – ТОТ Криму", "Донецьк – ТОТ")
_AF_OUTLETS: tuple[tuple[str, Lang, float], ...] = (
    ("kyiv-independent", "en", 1.4), ("reuters", "en", 1.0), ("ukrinform", "en", 0.8),
    ("ukrinform", "uk", 0.8), ("suspilne", "uk", 0.7),
)


@dataclass(frozen=True, slots=True)
class _AfAttack:
    launched: int
    ballistic: int
    cruise: int
    cruise_down: int
    down: int  # shot down (or the combined figure when suppressed == -1)
    suppressed: int  # -1: the bulletin gives one "shot down/suppressed" figure


def _af_counts(a: _AfAttack, with_missiles: bool) -> tuple[Count, ...]:
    counts: list[Count] = [(None, "drone", "launched", a.launched)]
    if with_missiles:
        counts += [(None, "missile", "launched", n) for n in (a.ballistic, a.cruise) if n]
        if a.cruise_down:
            counts.append((None, "missile", "intercepted", a.cruise_down))
    counts.append((None, "drone", "intercepted", a.down))
    if a.suppressed > 0:
        counts.append((None, "drone", "suppressed", a.suppressed))
    return tuple(counts)


def _airforce(ctx: _Ctx, when: datetime) -> None:
    rng = ctx.rng
    launched = int(min(700, max(20, rng.lognormvariate(4.6, 0.6))))
    ballistic = cruise = cruise_down = 0
    if rng.random() < 0.3:
        ballistic = rng.choice((0, 1, 2, 3, 4, 6))
        cruise = rng.choice((0, 0, 4, 8, 12, 20, 31))
        ballistic = ballistic or (0 if cruise else 2)
        cruise_down = rng.randint(cruise // 2, cruise) if cruise else 0
    if rng.random() < 0.5:
        a = _AfAttack(launched, ballistic, cruise, cruise_down,
                      rng.randint(launched * 6 // 10, launched * 95 // 100), -1)
    else:
        down = rng.randint(launched * 4 // 10, launched * 7 // 10)
        a = _AfAttack(launched, ballistic, cruise, cruise_down, down,
                      rng.randint(1, max(1, (launched - down) * 9 // 10)))
    local = _kyiv(when)
    prev = local - timedelta(days=1)
    missiles = []
    if a.ballistic:
        word = "балістичною ракетою" if a.ballistic == 1 else "балістичними ракетами"
        missiles.append(f"{a.ballistic} {word} Іскандер-М/KN-23")
    if a.cruise:
        missiles.append(f"{a.cruise} крилатими ракетами Х-101")
    m_text = f", а також {_join(missiles, 'та')}" if missiles else ""
    origins = ", ".join(rng.sample(_ORIGINS, rng.randint(2, 4)))
    lines = [
        f"У ніч на {_uk_date(local)} (з 18:00 {_uk_date(prev)}) противник атакував "
        f"{a.launched} ударними БпЛА типу Shahed, «Гербера» та дронами-імітаторами різних "
        f"типів{m_text}.",
        f"Напрямки пусків: {origins}.",
        "Повітряний напад відбивали авіація, зенітні ракетні війська, підрозділи РЕБ та "
        "безпілотних систем, мобільні вогневі групи Сил оборони України.",
    ]
    at = f"станом на {rng.choice(('08:30', '09:00', '09:30'))}"
    if a.suppressed < 0:
        lines.append(f"За попередніми даними, {at} протиповітряною обороною збито/подавлено "
                     f"{a.down} ворожих БпЛА на півночі, сході та в центрі країни.")
    else:
        lines.append(f"За попередніми даними, {at} підтверджено збиття {a.down} БпЛА, ще "
                     f"{a.suppressed} – локаційно втрачені (імітатори, без негативних наслідків).")
    if a.cruise_down:
        rockets = _plural(a.cruise_down, "крилату ракету", "крилаті ракети", "крилатих ракет")
        lines.append(f"Також збито {a.cruise_down} {rockets} Х-101.")
    if rng.random() < 0.6:
        lines.append(f"Зафіксовано влучання {rng.randint(3, 25)} ударних БпЛА на "
                     f"{rng.randint(2, 12)} локаціях.")
    text = "\n".join(lines)
    rid = ctx.emit(when, "telegram:kpszsu", text,
                   Truth("ua-military", "uk", _af_counts(a, True), window="overnight"))
    for source, lang in ctx.relays(_AF_OUTLETS):
        _af_relay(ctx, ctx.later(when, 10, 150), source, lang, rid, a, local)


def _af_relay(ctx: _Ctx, when: datetime, source: str, lang: Lang, rid: str, a: _AfAttack,
              local: datetime) -> None:
    rng, wr = ctx.rng, ctx.word_rate
    with_missiles = bool(a.ballistic or a.cruise) and rng.random() < 0.8
    if lang == "en":
        day = _EN_DAYS[local.weekday()]
        m = []
        if with_missiles and a.ballistic:
            m.append(f"{_en_num(rng, a.ballistic, wr)} Iskander-M ballistic "
                     f"{'missile' if a.ballistic == 1 else 'missiles'}")
        if with_missiles and a.cruise:
            m.append(f"{_en_num(rng, a.cruise, wr)} Kh-101 cruise missiles")
        m_en = f" as well as {_join(m, 'and')}" if m else ""
        lead = rng.choice((
            f"Russia attacked Ukraine overnight with {a.launched} Shahed-type attack drones and "
            f"decoys{m_en}, Ukraine's Air Force said on {day}.",
            f"Russian forces launched {a.launched} drones{m_en} at Ukraine overnight on "
            f"{day}, the Air Force reported.",
        ))
        if a.suppressed < 0:
            tail = (f" Air defence shot down or suppressed {a.down} of the drones, it said.")
        else:
            tail = (f" Air defence downed {a.down} drones, while {a.suppressed} more were "
                    "\"locationally lost\", likely jammed by electronic warfare.")
        if with_missiles and a.cruise_down:
            tail += f" {_cap(_en_num(rng, a.cruise_down, wr))} cruise missiles were intercepted."
        text = lead + tail
    else:
        m_uk = ""
        if with_missiles:
            m_uk = " і ракетами"  # the relay names missiles but keeps only the drone figures
            with_missiles = False
        if a.suppressed < 0:
            tail = f"Сили ППО збили або подавили {a.down} дронів."
        else:
            tail = f"Збито {a.down} дронів, ще {a.suppressed} локаційно втрачені."
        text = (f"У ніч на {_uk_date(local)} росіяни атакували Україну {a.launched} ударними "
                f"дронами{m_uk}, повідомили в Повітряних силах. {tail}")
    truth = Truth("ua-military", lang, _af_counts(a, with_missiles), window="overnight",
                  relay_of=rid)
    ctx.emit(when, source, text, truth)


# --------------------------------------------------------------------------- Russian officials

_GOV_OUTLETS: tuple[tuple[str, Lang, float], ...] = (
    ("tass", "en", 1.0), ("reuters", "en", 0.9), ("ria", "ru", 0.4), ("tass", "ru", 0.3),
)


def _ru_governor(ctx: _Ctx, when: datetime, t: RuTarget) -> None:
    rng, wr = ctx.rng, ctx.word_rate
    assert t.handle is not None and t.gov_ru is not None and t.gov_en is not None  # noqa: S101
    place_en, place_ru = rng.choice(t.places)
    n = max(1, round(rng.expovariate(1.0) * 2 * t.rate)) if rng.random() < 0.7 else 0
    kinds = _pick_damage(rng, 3 if n else 2) or ([] if n else ["residential"])
    killed = rng.choice((1, 1, 2, 3)) if rng.random() < 0.08 else 0
    injured = rng.randint(1, 6) if rng.random() < 0.25 else 0
    sents = []
    if n:
        num = _sl_num(rng, n, "ru", wr)
        one = n % 10 == 1 and n % 100 != 11
        verb = "уничтожен" if one else "уничтожены"
        found = "обнаружен" if one else "обнаружены"
        sents.append(rng.choice((
            f"Ночью {t.over_ru_short} дежурными средствами ПВО {found} и {verb} {num} БПЛА.",
            f"Отражена атака ВСУ с применением беспилотников {t.in_ru}: {verb} {num} БПЛА.",
            f"Минувшей ночью {t.over_ru_short} сбиты {n} "
            f"{_plural(n, 'вражеский беспилотник', 'вражеских беспилотника', 'вражеских беспилотников')}."
            if n > 1 else f"Минувшей ночью {t.over_ru_short} сбит вражеский беспилотник.",
        )))
    if kinds:
        phrases = [rng.choice(_DAMAGE_RU[k]) for k in kinds]
        sents.append(f"{_cap(place_ru)} {', '.join(phrases)}.")
    cas = _ru_casualties(rng, killed, injured)
    if cas:
        sents.append(cas)
    elif rng.random() < 0.7:
        sents.append("Пострадавших нет." if kinds else "Пострадавших и разрушений нет.")
    if not n and not kinds and not cas:
        return
    original = " ".join(sents)
    counts: tuple[Count, ...] = ((t.code, "drone", "intercepted", n),) if n else ()
    damage = tuple((t.code, k) for k in kinds)
    casualties = _casualties(t.code, killed, injured)
    rid = ctx.emit(when, t.handle, original,
                   Truth("ru-official", "ru", counts, damage, casualties))
    for source, lang in ctx.relays(_GOV_OUTLETS):
        if lang == "en":
            bits = []
            if n:
                noun = "drone was" if n == 1 else "drones were"
                bits.append(f"{_cap(_en_num(rng, n, wr))} Ukrainian {noun} destroyed {t.over_en} "
                            f"overnight, {t.gov_en} said on Telegram.")
            if kinds:
                phrases = _damage_en(rng, kinds)
                who = "Falling debris" if n else f"A drone attack on {place_en}, {t.gov_en} said,"
                where = f" in {place_en}" if n else ""
                bits.append(f"{who} {_join(phrases, 'and')}{where}.")
            bits.append(_en_casualty_sentence(rng, killed, injured, wr)
                        or ("No casualties were reported." if rng.random() < 0.6 else ""))
            text = " ".join(b for b in bits if b)
        else:
            text = f"{original} Об этом сообщил {t.gov_ru}."
        truth = Truth("ru-official", lang, counts, damage, casualties, relay_of=rid)
        ctx.emit(ctx.later(when, 5, 100), source, text, truth)


def _casualties(code: str, killed: int, injured: int) -> tuple[Casualty, ...]:
    out: list[Casualty] = []
    if killed:
        out.append((code, "killed", killed))
    if injured:
        out.append((code, "injured", injured))
    return tuple(out)


def _sobyanin(ctx: _Ctx, when: datetime) -> None:
    rng = ctx.rng
    n = 1 if rng.random() < 0.5 else rng.randint(2, 12)
    if n == 1:
        text = rng.choice(("Сбит ещё один беспилотник, летевший на Москву.",
                           "Силы ПВО Минобороны отразили атаку одного БПЛА, летевшего на Москву."))
    else:
        text = (f"Силами ПВО Минобороны отражена атака {n} БПЛА, летевших на Москву. "
                "На месте падения обломков работают специалисты экстренных служб.")
    counts: tuple[Count, ...] = (("RU-MOW", "drone", "intercepted", n),)
    rid = ctx.emit(when, "telegram:sobyanin", text, Truth("ru-official", "ru", counts))
    for source, lang in ctx.relays((("tass", "en", 1.0), ("ria", "ru", 0.8))):
        if lang == "en":
            what = "one more drone" if n == 1 else f"{_en_num(rng, n, ctx.word_rate)} drones"
            text = (f"Air defences shot down {what} flying towards Moscow, Mayor Sergei Sobyanin "
                    "said.")
        else:
            what_ru = "одного БПЛА, летевшего" if n == 1 else f"{n} БПЛА, летевших"
            text = f"Собянин: силы ПВО отразили атаку {what_ru} на Москву."
        ctx.emit(ctx.later(when, 3, 40), source, text,
                 Truth("ru-official", lang, counts, relay_of=rid))


_REFINERIES = {"RU-RYA": 0, "RU-VGG": 0, "RU-SAR": 1, "RU-KDA": 0, "RU-NIZ": 0,
               "RU-LEN": 1, "RU-TA": 1, "RU-ROS": 0}


def _general_staff(ctx: _Ctx, when: datetime) -> None:
    """Ukraine's General Staff claiming a hit on a Russian refinery, via Kyiv Independent."""
    pool = [t for t in ctx.ru if t.code in _REFINERIES]
    if not pool:
        return
    t = ctx.rng.choice(pool)
    place = t.places[_REFINERIES[t.code]][0]
    region = t.over_en.removeprefix("over ")
    text = (f"Ukraine's General Staff said its drones struck an oil refinery in {place} in "
            f"{region} overnight, adding that a fire broke out at the facility. The extent of the "
            "damage is being clarified.")
    ctx.emit(when, "kyiv-independent", text,
             Truth("ua-military", "en", damage=((t.code, "fuel"), (t.code, "fire"))))


# --------------------------------------------------------------------------- Ukrainian officials

_ADMIN_OUTLETS: tuple[tuple[str, Lang, float], ...] = (
    ("kyiv-independent", "en", 1.0), ("ukrinform", "en", 0.8), ("reuters", "en", 0.6),
    ("ukrinform", "uk", 0.4), ("suspilne", "uk", 0.4),
)


def _ua_admin(ctx: _Ctx, when: datetime, r: UaRegion) -> None:
    rng, wr = ctx.rng, ctx.word_rate
    place_en, place_uk = rng.choice(r.places)
    n = rng.randint(1, 30) if rng.random() < 0.3 else 0
    g = rng.randint(3, 40) if r.glide and rng.random() < 0.4 else 0
    kinds = _pick_damage(rng, 3) or ["residential"]
    killed = rng.choice((1, 1, 2, 3, 4, 6)) if rng.random() < 0.3 else 0
    injured = rng.randint(1, 25) if rng.random() < 0.5 else 0
    weapon_uk = rng.choice(("атаки ударних БпЛА", "ракетного удару",
                            "удару КАБ" if r.glide else "атаки дронів"))
    sents = []
    if n:
        sents.append(f"{_cap(r.loc_uk)} протягом ночі сили ППО знешкодили "
                     f"{_sl_num(rng, n, 'uk', wr)} ворожих БпЛА.")
    if g:
        sents.append(f"Упродовж доби окупанти скинули {g} "
                     f"{_plural(g, 'керовану авіабомбу', 'керовані авіабомби', 'керованих авіабомб')} "
                     f"по населених пунктах {r.gen_uk}.")
    phrases = [rng.choice(_DAMAGE_UK[k]) for k in kinds]
    sents.append(f"{_cap(place_uk)} внаслідок {weapon_uk} {', '.join(phrases)}.")
    cas = _uk_casualties(rng, killed, injured)
    sents.append(cas or rng.choice(("Обійшлося без постраждалих.", "Люди не постраждали.")))
    original = " ".join(sents)
    counts: list[Count] = []
    if n:
        counts.append((r.code, "drone", "intercepted", n))
    if g:
        counts.append((r.code, "glide_bomb", "launched", g))
    damage = tuple((r.code, k) for k in kinds)
    casualties = _casualties(r.code, killed, injured)
    truth = Truth("ua-official", "uk", tuple(counts), damage, casualties)
    rid = ctx.emit(when, r.handle, original, truth)
    for source, lang in ctx.relays(_ADMIN_OUTLETS):
        if lang == "en":
            what = {"атаки ударних БпЛА": "Russian drones hit", "атаки дронів": "Drones hit",
                    "ракетного удару": "A Russian missile struck",
                    "удару КАБ": "Russian guided bombs hit"}[weapon_uk]
            hurt = _en_casualties(rng, killed, injured, wr)
            text = (f"{what} {place_en} overnight"
                    f"{', ' + hurt if hurt else ''}, {r.head_en} said. The attack "
                    f"{_join(_damage_en(rng, kinds), 'and')}.")
            if not hurt:
                text += " No one was hurt."
            if g:
                text += (f" Russian forces dropped {g} guided aerial bombs on {r.en} over the "
                         "past day.")
            if n:
                text += f" Air defence destroyed {_en_num(rng, n, wr)} drones over {r.en}."
        else:
            said = "повідомили" if r.head_uk.startswith("в ") else "повідомив"
            text = f"{original} Про це {said} {r.head_uk}."
        ctx.emit(ctx.later(when, 8, 120), source, text,
                 Truth("ua-official", lang, truth.counts, damage, casualties, relay_of=rid))
    if (killed or injured) and rng.random() < ctx.correction_rate:
        _ua_correction(ctx, ctx.later(when, 90, 600), r, rid, place_en, place_uk, killed, injured)


def _ua_correction(ctx: _Ctx, when: datetime, r: UaRegion, rid: str, place_en: str,
                   place_uk: str, killed: int, injured: int) -> None:
    """A later post raising the toll: it restates both figures it knows."""
    rng = ctx.rng
    k2 = killed + rng.randint(1, 3) if killed else 0
    i2 = injured + rng.randint(1, 6)
    text = (f"Оновлена інформація щодо наслідків атаки {place_uk}. "
            f"{_uk_casualties(rng, k2, i2)}")
    cas = _casualties(r.code, k2, i2)
    cid = ctx.emit(when, r.handle, text, Truth("ua-official", "uk", casualties=cas, corrects=rid))
    if rng.random() < ctx.relay_rate * 1.5:
        wr = ctx.word_rate
        if k2:
            text = (f"The death toll from the Russian attack on {place_en} has risen to "
                    f"{_en_num(rng, k2, wr)}, with {_en_num(rng, i2, wr)} people injured, "
                    f"{r.head_en} said.")
        else:
            text = (f"The number of people injured in the Russian attack on {place_en} has risen "
                    f"to {_en_num(rng, i2, wr)}, {r.head_en} said.")
        ctx.emit(ctx.later(when, 10, 60), "kyiv-independent", text,
                 Truth("ua-official", "en", casualties=cas, relay_of=cid, corrects=rid))


_NOISE: tuple[tuple[str, Lang], ...] = (
    ("Delegations from Russia and Ukraine are expected to meet again for talks, a Turkish "
     "diplomatic source said, without giving a date.", "en"),
    ("The Kremlin declined to comment on reports of new drone attacks, saying all questions "
     "should be addressed to the Defence Ministry.", "en"),
    ("European Union foreign ministers discussed a new package of sanctions against Russia.",
     "en"),
    ("В Кремле заявили, что не видят оснований для пересмотра позиции по переговорам.", "ru"),
    ("Росавиация сообщила о возобновлении работы аэропорта в штатном режиме.", "ru"),
    ("Президент провів засідання Ставки, обговорили посилення протиповітряної оборони.", "uk"),
    ("Укренерго повідомило, що графіки відключень сьогодні не застосовуватимуться.", "uk"),
)
_NOISE_SOURCES = {"en": ("reuters", "ap", "kyiv-independent"), "ru": ("ria", "interfax"),
                  "uk": ("ukrinform", "suspilne")}


def _noise(ctx: _Ctx, when: datetime) -> None:
    """A report with nothing to count: the normalizer must return empty lists."""
    text, lang = ctx.rng.choice(_NOISE)
    ctx.emit(when, ctx.rng.choice(_NOISE_SOURCES[lang]), text,
             Truth(None, lang, window="none"))


# --------------------------------------------------------------------------- schedule and API


def _scaled(rng: random.Random, k: int, intensity: float) -> int:
    """k x intensity, rounded at random so fractional intensities keep their mean."""
    x = k * intensity
    frac = x - int(x)
    # No draw for whole numbers: intensity 1.0 leaves the stream as it was.
    return int(x) + (frac > 0 and rng.random() < frac)


def _plan_day(ctx: _Ctx, day: datetime) -> None:
    """Push one UTC day of originals (and their relays) onto the heap."""
    rng = ctx.rng

    def at(h0: float, h1: float) -> datetime:
        return day + timedelta(hours=rng.uniform(h0, h1))

    if ctx.ru:
        if rng.random() < 0.95:
            _mod_bulletin(ctx, at(4.0, 5.5), "overnight")
        if rng.random() < 0.35:
            _mod_bulletin(ctx, at(11.1, 11.7), "day")
        if rng.random() < 0.55:
            _mod_bulletin(ctx, at(20.1, 20.7), "evening")
        if rng.random() < 0.7:
            _mod_daily(ctx, at(12.3, 14.0))
        govs = [t for t in ctx.ru if t.handle]
        for _ in range(_scaled(rng, rng.randint(1, 6), ctx.intensity) if govs else 0):
            _ru_governor(ctx, at(0.0, 20.0), _weighted_sample(rng, govs, 1)[0])
        if rng.random() < 0.12:
            _general_staff(ctx, at(6.0, 12.0))
    if ctx.moscow and rng.random() < 0.3:
        for _ in range(rng.randint(1, 2)):
            _sobyanin(ctx, at(0.0, 4.0) if rng.random() < 0.6 else at(17.0, 23.5))
    if ctx.ua:
        if rng.random() < 0.95:
            _airforce(ctx, at(5.5, 8.0))
        weights = [r.rate for r in ctx.ua]
        for _ in range(_scaled(rng, rng.randint(2, 7), ctx.intensity)):
            _ua_admin(ctx, at(0.0, 18.0), rng.choices(ctx.ua, weights)[0])
    if rng.random() < ctx.noise_rate:
        _noise(ctx, at(6.0, 22.0))


def simulate_reports(
    n: int,
    *,
    seed: int,
    start: datetime,
    regions: Sequence[str] | None = None,
    relay_rate: float = 0.35,
    correction_rate: float = 0.2,
    word_rate: float = 0.15,
    noise_rate: float = 0.3,
    intensity: float = 1.0,
    id_prefix: str | None = None,
) -> Iterator[SimReport]:
    """Yield `n` labelled reports published from `start` on, ordered by published_at.

    `regions` limits the attacked regions (ISO codes, "RU-MOW" for Moscow
    mayor posts); `relay_rate` scales how often outlets relay an original;
    `correction_rate` is the chance a casualty report is later corrected;
    `word_rate` how often small numbers are spelled out; `noise_rate` the
    daily chance of a report with nothing to count; `intensity` scales the
    governors' and administrations' posts per day (about 28 reports a day at
    1.0). Ids are `{id_prefix}{serial}` (default prefix `sim{seed}-`). Same
    arguments, same stream.
    """
    if intensity < 0:
        msg = f"intensity must be >= 0, got {intensity}"
        raise ValueError(msg)
    if start.tzinfo is None or start.utcoffset() != timedelta(0):
        msg = f"start must be a UTC-aware datetime, got {start!r}"
        raise ValueError(msg)
    if n < 0:
        msg = f"n must be >= 0, got {n}"
        raise ValueError(msg)
    wanted = set(regions) if regions is not None else REGION_CODES
    unknown = sorted(wanted - REGION_CODES)
    if unknown:
        msg = f"unknown regions {unknown}; known: {sorted(REGION_CODES)}"
        raise ValueError(msg)
    ctx = _Ctx(
        rng=random.Random(seed),  # noqa: S311 - simulation, not cryptography
        prefix=id_prefix if id_prefix is not None else f"sim{seed}-",
        ru=tuple(t for t in RU_TARGETS if t.code in wanted),
        ua=tuple(r for r in UA_REGIONS if r.code in wanted),
        moscow="RU-MOW" in wanted,
        relay_rate=relay_rate,
        correction_rate=correction_rate,
        word_rate=word_rate,
        noise_rate=noise_rate,
        intensity=intensity,
    )
    if not (ctx.ru or ctx.ua or ctx.moscow or noise_rate > 0):
        msg = "nothing to simulate: no regions and noise_rate == 0"
        raise ValueError(msg)
    day = start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    emitted = 0
    while emitted < n:
        _plan_day(ctx, day)
        day += timedelta(days=1)
        # Everything planned later starts at or after `day`, so what is earlier is final.
        while ctx.heap and ctx.heap[0][0] < day and emitted < n:
            when, _, report = heapq.heappop(ctx.heap)
            if when >= start:
                emitted += 1
                yield report


# --------------------------------------------------------------------------- hourly series


def default_region_map(names: Sequence[str]) -> dict[str, str]:
    """Series region names -> ISO codes: names already known stay; others take the
    busiest Russian and Ukrainian regions in turn (R000 -> RU-KRS, R001 -> UA-63, ...)."""
    ru = [t.code for t in sorted(RU_TARGETS, key=lambda t: -t.rate)]
    ua = [r.code for r in sorted(UA_REGIONS, key=lambda r: -r.rate)]
    pool = [c for pair in zip(ru, ua, strict=False) for c in pair] + ru[len(ua):] + ua[len(ru):]
    out = {n: n for n in names if n in REGION_CODES}
    free = iter(c for c in pool if c not in out.values())
    for name in names:
        if name not in out:
            code = next(free, None)
            if code is None:
                msg = f"more series regions than known codes ({len(REGION_CODES)}); pass region_map"
                raise ValueError(msg)
            out[name] = code
    return out


def reports_from_series(
    series: SimulatedSeries,
    *,
    seed: int,
    region_map: Mapping[str, str] | None = None,
    relay_rate: float = 0.3,
    id_prefix: str | None = None,
) -> Iterator[SimReport]:
    """Render hourly counts as the reports that would have carried them.

    Each hour's counts over Russian-claimed regions become one MoD bulletin
    "В период с 14.00 до 15.00 мск ... N – над территорией ..." (window
    "hour"); each Ukrainian region's count becomes its administration's post
    for that hour. Relays follow at `relay_rate`; an hour of zeros gives no
    report, so injected silences stay silent. The counts in the truth of the
    originals add up, per region and hour, to `series.values`.
    """
    names = list(series.values)
    mapping = dict(region_map) if region_map is not None else default_region_map(names)
    unknown = sorted({mapping.get(n, "?" + n) for n in names} - REGION_CODES)
    if unknown:
        msg = f"region_map gives unknown codes {unknown}"
        raise ValueError(msg)
    ru_by_code = {t.code: t for t in RU_TARGETS}
    ua_by_code = {r.code: r for r in UA_REGIONS}
    ctx = _Ctx(rng=random.Random(seed), prefix=id_prefix if id_prefix is not None else f"ser{seed}-",  # noqa: S311
               ru=RU_TARGETS, ua=UA_REGIONS, moscow=True, relay_rate=relay_rate,
               correction_rate=0.0, word_rate=0.1, noise_rate=0.0)
    hours = len(next(iter(series.values.values()))) if names else 0
    for h in range(hours):
        begin = series.start + timedelta(hours=h)
        end = begin + timedelta(hours=1)
        ru_parts: dict[str, int] = {}
        for name in names:
            n = series.values[name][h]
            code = mapping[name]
            if n <= 0:
                continue
            if code in ua_by_code:
                _ua_hour_post(ctx, ctx.later(end, 1, 20), ua_by_code[code], n, begin)
            else:
                ru_parts[code] = ru_parts.get(code, 0) + n
        if ru_parts:
            parts = sorted(((ru_by_code.get(c, _MOSCOW), n)
                            for c, n in ru_parts.items()), key=lambda p: -p[1])
            _mod_hour_bulletin(ctx, ctx.later(end, 2, 25), parts, begin)
        # Reports of hour h are published after `end`; relays may run later still.
        horizon = end + timedelta(hours=1)
        while ctx.heap and ctx.heap[0][0] < horizon:
            yield heapq.heappop(ctx.heap)[2]
    while ctx.heap:
        yield heapq.heappop(ctx.heap)[2]


#: Moscow city as a bulletin part ("flying towards Moscow"), for series mapped to RU-MOW.
_MOSCOW = RuTarget("RU-MOW", "на подлете к Москве", "на подлете к Москве", "в Москве",
                   "flying towards Moscow", 1.0)


def _mod_hour_bulletin(ctx: _Ctx, when: datetime, parts: list[tuple[RuTarget, int]],
                       begin: datetime) -> None:
    total = sum(n for _, n in parts)
    b, e = begin + _MSK, begin + _MSK + timedelta(hours=1)
    verb, noun = _mod_noun(total, ctx.rng.random() < 0.5)
    intro = f"В период с {b.hour}.00 до {e.hour}.00 мск дежурными средствами ПВО {verb} {total} {noun}"
    if len(parts) == 1:
        text = f"{intro} {parts[0][0].over_ru}."
        counts: tuple[Count, ...] = ((parts[0][0].code, "drone", "intercepted", total),)
    else:
        text = f"{intro}: " + ", ".join(f"{n} – {t.over_ru}" for t, n in parts) + "."
        counts = ((None, "drone", "intercepted", total),
                  *((t.code, "drone", "intercepted", n) for t, n in parts))
    rid = ctx.emit(when, "telegram:mod_russia", text, Truth("ru-mod", "ru", counts, window="hour"))
    spans = (f"between {b.hour}:00 and {e.hour}:00 Moscow time", f"с {b.hour}:00 до {e.hour}:00 мск")
    for source, lang in ctx.relays(_MOD_OUTLETS):
        _mod_relay(ctx, ctx.later(when, 4, 50), source, lang, rid, "hour", parts, total, 0, spans)


def _ua_hour_post(ctx: _Ctx, when: datetime, r: UaRegion, n: int, begin: datetime) -> None:
    b = _kyiv(begin)
    e = b + timedelta(hours=1)
    text = (f"{_cap(r.loc_uk)} з {b.hour:02d}:00 до {e.hour:02d}:00 сили ППО знешкодили {n} "
            "ворожих БпЛА.")
    counts: tuple[Count, ...] = ((r.code, "drone", "intercepted", n),)
    rid = ctx.emit(when, r.handle, text, Truth("ua-official", "uk", counts, window="hour"))
    for source, lang in ctx.relays((("ukrinform", "en", 0.8), ("suspilne", "uk", 0.5))):
        if lang == "en":
            text = (f"Air defence destroyed {_en_num(ctx.rng, n, ctx.word_rate)} drones over "
                    f"{r.en} between {b.hour}:00 and {e.hour}:00, {r.head_en} said.")
        else:
            said = "повідомили" if r.head_uk.startswith("в ") else "повідомив"
            text = f"{text} Про це {said} {r.head_uk}."
        ctx.emit(ctx.later(when, 3, 40), source, text,
                 Truth("ua-official", lang, counts, window="hour", relay_of=rid))


def _line(report: SimReport, with_truth: bool) -> bytes:
    if with_truth:
        # The eval set's line shape, so score_normalize.py can read it.
        return orjson.dumps({"lang": report.truth.lang, "report": report.raw,
                             "gold": report.truth.as_dict()})
    return orjson.dumps(report.raw)


def write_jsonl(
    reports: Iterable[SimReport],
    out: str | Path | IO[bytes] | IO[str],
    *,
    with_truth: bool = False,
) -> int:
    """Write one JSON object per line to a path or an open stream; return the count.

    Plain lines are RawReport objects; `with_truth` writes eval-set lines
    `{"lang", "report", "gold"}` instead. Text streams (sys.stdout) get str.
    """
    if isinstance(out, str | Path):
        with Path(out).open("wb") as fh:
            return write_jsonl(reports, fh, with_truth=with_truth)
    count = 0
    if isinstance(out, io.TextIOBase):
        for report in reports:
            out.write(_line(report, with_truth).decode() + "\n")
            count += 1
    else:
        sink = cast(IO[bytes], out)
        for report in reports:
            sink.write(_line(report, with_truth) + b"\n")
            count += 1
    return count


def simulate_to_file(
    path: str | Path | IO[bytes] | IO[str],
    n: int,
    seed: int,
    start: datetime,
    with_truth: bool = False,
    *,
    regions: Sequence[str] | None = None,
    relay_rate: float = 0.35,
    correction_rate: float = 0.2,
    word_rate: float = 0.15,
    noise_rate: float = 0.3,
    intensity: float = 1.0,
) -> int:
    """CLI entry: simulate `n` reports and write them as JSON lines; return the count."""
    reports = simulate_reports(
        n, seed=seed, start=start, regions=regions, relay_rate=relay_rate,
        correction_rate=correction_rate, word_rate=word_rate, noise_rate=noise_rate,
        intensity=intensity,
    )
    return write_jsonl(reports, path, with_truth=with_truth)
