"""parse_window: named windows in local time -> UTC intervals, deterministic for relays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from stream.normalize.windows import parse_window


def u(day: int, hour: int, minute: int = 0, month: int = 6) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# Moscow is UTC+3 all year; Kyiv is UTC+3 in summer (EEST), UTC+2 in winter.
CASES: list[tuple[str, datetime, Any, Any, datetime, datetime, str]] = [
    # text, published (UTC), claimant, lang, start (UTC), end (UTC), label
    ("С 20:00 до 23:00 мск сбиты 48 БПЛА.", u(1, 20, 30), "ru-mod", "ru",
     u(1, 17), u(1, 20), "range"),
    ("From 20:00 to 23:00 Moscow time, 48 drones were downed.", u(2, 6), "other", "en",
     u(1, 17), u(1, 20), "range"),
    ("з 18:00 до 07:00 збито 30 шахедів", u(2, 5), "ua-military", "uk",
     u(1, 15), u(2, 4), "range"),
    ("в период с 23.00 до 07.00 перехвачены 120 беспилотников", u(2, 5), "ru-mod", "ru",
     u(1, 20), u(2, 4), "range"),
    ("between 23:00 and 07:00 UTC", u(2, 9), "other", "en", u(1, 23), u(2, 7), "range"),
    # a night in Moscow time is 23:00-07:00 (the MoD's night bulletin; its evening one is 20-23)
    ("Overnight, air defences downed 57 drones.", u(2, 5, 10), "ru-mod", "en",
     u(1, 20), u(2, 4), "night"),
    ("За ночь сбиты 57 БПЛА", u(2, 4, 30), "ru-mod", "ru", u(1, 20), u(2, 4), "night"),
    ("Минувшей ночью сбиты 12 дронов", u(2, 10), "ru-official", "ru",
     u(1, 20), u(2, 4), "night"),
    ("Вночі ворог атакував 40 шахедами", u(2, 6), "ua-military", "uk",
     u(1, 15), u(2, 4), "night"),
    ("У ніч на 1 червня ворог атакував", u(1, 6), "ua-military", "uk",
     u(31, 15, month=5), u(1, 4), "night"),
    ("В ночь на 2 июня уничтожены 20 БПЛА", u(3, 12), "other", "ru",
     u(1, 20), u(2, 4), "night"),
    ("On the night of June 1 to 2, Russia launched 100 drones", u(2, 9), "other", "en",
     u(1, 18), u(2, 7), "night"),
    ("Over the past 24 hours, 168 drones were shot down.", u(2, 5), "ru-mod", "en",
     u(1, 4), u(2, 4), "24h"),
    ("За минувшие сутки сбиты 168 БПЛА", u(2, 11, 40), "ru-mod", "ru",
     u(1, 4), u(2, 4), "24h"),
    ("За добу збито 50 дронів", u(2, 3), "ua-military", "uk", u(31, 4, month=5), u(1, 4), "24h"),
    ("Протягом дня ворог скинув 20 КАБів", u(2, 16), "ua-official", "uk",
     u(2, 4), u(2, 15), "day"),
    ("During the day, 5 drones were downed", u(2, 10), "other", "en", u(2, 7), u(2, 18), "day"),
    ("В течение дня сбиты 5 БПЛА", u(2, 20), "ru-official", "ru", u(2, 4), u(2, 15), "day"),
    # a week: seven nights and days up to the latest 07:00, holding its night bulletins whole
    ("Over the past week, 900 drones were shot down", u(7, 12), "ru-mod", "en",
     u(30, 20, month=5), u(7, 4), "week"),
    ("За неделю сбиты 900 БПЛА", u(7, 12), "ru-mod", "ru", u(30, 20, month=5), u(7, 4), "week"),
    # no time stated: the local calendar day, from the night before it (23:00 Moscow time,
    # 18:00 elsewhere), so it holds the night an untimed morning relay relays
    ("Сбиты 5 БПЛА", u(2, 22), "ru-official", "ru", u(2, 20), u(3, 21), "default"),
    ("Five drones were shot down", u(2, 22), "other", "en", u(1, 18), u(3, 0), "default"),
    ("Збито 5 дронів", u(2, 22), "other", "uk", u(2, 15), u(3, 21), "default"),
    # winter: Kyiv is UTC+2
    ("Вночі збито 10 дронів", datetime(2026, 1, 15, 8, tzinfo=UTC), "ua-military", "uk",
     datetime(2026, 1, 14, 16, tzinfo=UTC), datetime(2026, 1, 15, 5, tzinfo=UTC), "night"),
    # claimant "other": a named military claimant sets the zone (relays match originals)
    ("Air defenses destroyed 162 drones overnight, Russia's Defense Ministry said.",
     u(2, 9), "other", "en", u(1, 20), u(2, 4), "night"),
    ("Ukraine's air force said Russia fired 4 missiles overnight.", u(2, 9), "other", "en",
     u(1, 15), u(2, 4), "night"),
    ("Міноборони РФ заявило, що вночі збито 30 дронів", u(2, 9), "other", "uk",
     u(1, 20), u(2, 4), "night"),
    # dates are not time ranges
    ("с 01.06 по 07.06 сбиты 900 БПЛА", u(7, 12), "ru-mod", "ru",
     u(6, 20), u(7, 21), "default"),
]


@pytest.mark.parametrize(("text", "published", "claimant", "lang", "start", "end", "label"),
                         CASES)
def test_parse_window(text: str, published: datetime, claimant: Any, lang: Any,
                      start: datetime, end: datetime, label: str) -> None:
    w = parse_window(text, published, claimant, lang)
    assert (w.start, w.end, w.label) == (start, end, label)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("За ночь сбиты 57 БПЛА", "ru"), ("Overnight 57 drones were downed", "en"),
     ("За минувшие сутки сбиты 168 БПЛА", "ru"), ("с 20:00 до 23:00 сбиты 48 БПЛА", "ru")],
)
def test_relays_published_through_the_morning_share_one_window(text: str, lang: Any) -> None:
    times = [u(1, 20, 5), u(2, 4, 10), u(2, 5), u(2, 7, 45), u(2, 10, 59)]
    if "20:00" not in text:
        times = times[2:]
    windows = {parse_window(text, t, "ru-mod", lang) for t in times}
    assert len(windows) == 1


def test_all_windows_are_utc_and_ordered() -> None:
    for text, published, claimant, lang, *_ in CASES:
        w = parse_window(text, published, claimant, lang)
        assert w.start < w.end
        assert w.start.utcoffset() == w.end.utcoffset() == UTC.utcoffset(None)


@pytest.mark.parametrize(("text", "published", "claimant", "lang", "start", "end", "label"),
                         CASES)
def test_case_does_not_matter(text: str, published: datetime, claimant: Any, lang: Any,
                              start: datetime, end: datetime, label: str) -> None:
    # The patterns run on lowercased text (speed); upper-case spellings must still match.
    w = parse_window(text.upper(), published, claimant, lang)
    assert (w.start, w.end, w.label) == (start, end, label)


def test_english_relay_naming_the_ministry_gets_moscow_window() -> None:
    w = parse_window("RUSSIA'S DEFENCE MINISTRY said 57 drones were downed OVERNIGHT.",
                     u(2, 5), "other", "en")
    assert (w.start, w.end, w.label) == (u(1, 20), u(2, 4), "night")


def test_no_time_words_give_the_local_calendar_day_from_the_night_before() -> None:
    w = parse_window("Сбиты 5 БПЛА над Курской областью.", u(2, 5), "ru-mod", "ru")
    assert (w.start, w.end, w.label) == (u(1, 20), u(2, 21), "default")
    night = parse_window("В период с 23.00 мск 1 июня до 7.00 мск 2 июня перехвачены 5 БПЛА", u(2, 4, 5),
                         "ru-mod", "ru")
    assert w.start <= night.start and night.end <= w.end  # an untimed relay holds the night


def test_an_own_channel_post_with_no_time_stated_is_its_minute_or_hour() -> None:
    text = "Над Воронежской областью уничтожены 2 беспилотника"
    post = parse_window(text, u(1, 16, 20) + timedelta(seconds=30), "ru-official", "ru", own_post=True)
    assert (post.start, post.end, post.label) == (u(1, 16, 20), u(1, 16, 21), "post")
    relay = parse_window(text, u(1, 16, 20), "ru-official", "ru")
    assert relay.label == "default" and relay.start <= post.start and post.end <= relay.end
    # an update takes the hour, which holds the minutes it corrects
    upd = parse_window("UPD: " + text, u(1, 16, 50), "ru-official", "ru", own_post=True)
    assert (upd.start, upd.end) == (u(1, 16), u(1, 17))
    # a ministry's post is the hour (its bulletin comes in two languages minutes apart)
    mod = parse_window(text, u(1, 16, 20), "ru-mod", "ru", own_post=True)
    assert (mod.start, mod.end, mod.label) == (u(1, 16), u(1, 17), "post")
    # a time the post states still wins
    night = parse_window("За ночь " + text, u(2, 5), "ru-official", "ru", own_post=True)
    assert night.label == "night"


@pytest.mark.parametrize(
    ("text", "published", "claimant", "lang", "start", "end"),
    [
        # a range whose ends name their dates (the ministry's morning bulletin, the Air Force's)
        ("В период с 23.00 мск 3 июня до 7.00 мск 4 июня перехвачены 194 БПЛА", u(4, 5, 2), "ru-mod", "ru",
         u(3, 20), u(4, 4)),
        ("З 18:00 4 червня до 07:00 5 червня противник атакував 80 БпЛА", u(5, 6), "ua-military", "uk",
         u(4, 15), u(5, 4)),
        # English clock times
        ("Between 8 p.m. and 11 p.m. Moscow time, air defences destroyed 20 drones", u(4, 20, 30), "ru-mod",
         "en", u(4, 17), u(4, 20)),
        ("Between 7 a.m. and noon Moscow time, 72 more drones were destroyed", u(4, 10), "other", "en",
         u(4, 4), u(4, 9)),
        # "Упродовж доби": the 24 hours, also in an official's own post
        ("Упродовж доби окупанти скинули 23 керовані авіабомби", u(1, 6), "ua-official", "uk",
         u(31, 4, month=5), u(1, 4)),
    ],
)
def test_dated_and_clock_ranges(text: str, published: datetime, claimant: Any, lang: Any,
                                start: datetime, end: datetime) -> None:
    w = parse_window(text, published, claimant, lang, own_post=True)
    assert (w.start, w.end) == (start, end)


def test_an_overnight_relay_holds_the_bulletin_it_relays() -> None:
    bulletin = parse_window("В период с 23.00 мск 3 июня до 7.00 мск 4 июня перехвачены 181 БПЛА", u(4, 5),
                            "ru-mod", "ru", own_post=True)
    relay = parse_window("Overnight, air defence systems destroyed 181 drones, the ministry said.",
                         u(4, 6, 30), "ru-mod", "en")
    assert relay.start <= bulletin.start and bulletin.end <= relay.end


@pytest.mark.parametrize(
    ("text", "published", "claimant", "lang", "start", "end"),
    [
        ("Средства ПВО в ночь на воскресенье уничтожили 64 беспилотника, сообщило Минобороны РФ.",
         datetime(2025, 11, 16, 9, 15, tzinfo=UTC), "other", "ru",
         datetime(2025, 11, 15, 20, tzinfo=UTC), datetime(2025, 11, 16, 4, tzinfo=UTC)),
        ("В ночь с субботы на воскресенье сбиты 64 БПЛА", datetime(2025, 11, 16, 9, tzinfo=UTC),
         "ru-mod", "ru", datetime(2025, 11, 15, 20, tzinfo=UTC), datetime(2025, 11, 16, 4, tzinfo=UTC)),
        ("У ніч на неділю ворог атакував 50 дронами", datetime(2025, 11, 17, 9, tzinfo=UTC),
         "ua-military", "uk", datetime(2025, 11, 15, 16, tzinfo=UTC), datetime(2025, 11, 16, 5, tzinfo=UTC)),
        ("Russia launched 100 drones on Saturday night, Ukraine's air force said",
         datetime(2025, 11, 16, 9, tzinfo=UTC), "other", "en",
         datetime(2025, 11, 15, 16, tzinfo=UTC), datetime(2025, 11, 16, 5, tzinfo=UTC)),
        ("Overnight into Sunday, Russia launched 100 drones, Ukraine's air force said",
         datetime(2025, 11, 16, 9, tzinfo=UTC), "other", "en",
         datetime(2025, 11, 15, 16, tzinfo=UTC), datetime(2025, 11, 16, 5, tzinfo=UTC)),
        ("Уночі 16 листопада ворог атакував 50 дронами", datetime(2025, 11, 17, 9, tzinfo=UTC),
         "ua-military", "uk", datetime(2025, 11, 15, 16, tzinfo=UTC), datetime(2025, 11, 16, 5, tzinfo=UTC)),
        ("Ночью 16 ноября сбиты 64 БПЛА", datetime(2025, 11, 18, 9, tzinfo=UTC), "ru-mod", "ru",
         datetime(2025, 11, 15, 20, tzinfo=UTC), datetime(2025, 11, 16, 4, tzinfo=UTC)),
        ("On the night of Nov. 16, Russia launched 100 drones, Ukraine's air force said",
         datetime(2025, 11, 16, 9, tzinfo=UTC), "other", "en",
         datetime(2025, 11, 15, 16, tzinfo=UTC), datetime(2025, 11, 16, 5, tzinfo=UTC)),
    ],
)
def test_nights_named_by_weekday_or_date_are_the_night(text: str, published: datetime, claimant: Any,
                                                       lang: Any, start: datetime, end: datetime) -> None:
    """Relays name the night as their readers do ("в ночь на воскресенье", "on Saturday night"):
    the night's window, so they share the bulletin's identity (a day window had counted them
    beside it)."""
    w = parse_window(text, published, claimant, lang)
    assert (w.start, w.end, w.label) == (start, end, "night")


def test_a_running_toll_holds_the_days_earlier_posts_and_tallies() -> None:
    """Casualty-only posts that give a running total take the day so far, from the night before:
    the official's earlier minute posts and the tally before lie inside it, so the latest total
    counts, not their sum (a rising Kyiv toll had read 24 dead for an attack that killed 6)."""
    first = parse_window("Вже відомо про 6 постраждалих у Києві.", u(16, 2, 11, month=11), "ua-official",
                         "uk", own_post=True, tally=True)
    post = parse_window("Київ. Загинули 2 людини, ще 15 поранені.", u(16, 4, 46, month=11), "ua-official",
                        "uk", own_post=True, tally=True)
    upd = parse_window("UPD: кількість загиблих у Києві зросла до 4, поранених — 21.", u(16, 7, 22, month=11),
                       "ua-official", "uk", own_post=True, tally=True)
    relay = parse_window("Загинули п'ятеро людей, 24 поранені, повідомив Кличко.", u(16, 12, 40, month=11),
                         "other", "uk")
    assert (first.label, post.label, upd.label, relay.label) == ("tally", "post", "tally", "default")
    assert upd.start == first.start == u(15, 16, month=11) and upd.end == u(16, 7, 23, month=11)
    for inner in (first, post):
        assert upd.start <= inner.start and inner.end <= upd.end
    assert relay.start <= upd.start and upd.end <= relay.end
    # a running toll of a named day's attack, two days on, still holds that day's tallies
    later = parse_window("Кількість загиблих внаслідок атаки на Київ 16 листопада зросла до 6.",
                         u(18, 10, 30, month=11), "ua-official", "uk", own_post=True, tally=True)
    assert later.start == upd.start and upd.end < later.end
    # counts are no tally: a correction of a drone figure keeps the hour
    drones = parse_window("UPD: збито не 2, а 3 дрони", u(16, 7, 22, month=11), "ua-official", "uk",
                          own_post=True)
    assert (drones.start, drones.end) == (u(16, 7, month=11), u(16, 8, month=11))


def test_a_week_holds_the_night_bulletins_of_its_seven_days() -> None:
    week = parse_window("Всего за прошедшую неделю над Брянской областью уничтожено более 130 БПЛА",
                        u(16, 14, month=11), "other", "ru")
    for day in range(10, 17):  # the nights into Nov 10 .. 16, as the MoD bounds them
        night = parse_window(f"В ночь на {day} ноября сбиты 20 БПЛА", u(16, 14, month=11), "ru-mod", "ru")
        assert week.start <= night.start and night.end <= week.end, day


@pytest.mark.parametrize(
    ("text", "published", "claimant", "lang", "day"),
    [
        # a relay published just after midnight names the evening just past
        ("ПВО за вечер сбили семь беспилотников, летевших на Москву, сообщил Собянин",
         datetime(2025, 11, 20, 21, tzinfo=UTC), "ru-official", "ru", 20),
        ("Air defences downed seven drones heading for Moscow on Thursday evening, the mayor said",
         datetime(2025, 11, 20, 21, 20, tzinfo=UTC), "ru-official", "en", 20),
        ("Вечером 15 ноября над Брянской областью сбиты 5 БПЛА", datetime(2025, 11, 17, 9, tzinfo=UTC),
         "ru-mod", "ru", 15),
        ("В среду вечером над Курском сбиты 3 БПЛА", datetime(2025, 11, 20, 9, tzinfo=UTC), "other", "ru",
         19),
        ("Вчора ввечері ворог атакував Харків дронами", datetime(2025, 11, 17, 9, tzinfo=UTC), "ua-official",
         "uk", 16),
    ],
)
def test_an_evening_is_six_to_midnight_of_the_day_it_names(text: str, published: datetime, claimant: Any,
                                                            lang: Any, day: int) -> None:
    w = parse_window(text, published, claimant, lang)
    local = ZoneInfo("Europe/Kyiv" if lang == "uk" else "Europe/Moscow")
    assert w.label == "evening"
    assert w.start == datetime(2025, 11, day, 18, tzinfo=local).astimezone(UTC)
    assert w.end == datetime(2025, 11, day, 18, tzinfo=local).astimezone(UTC) + timedelta(hours=6)
    # it holds the mayor's posts of that evening
    post = parse_window("Отражена атака одного БПЛА, летевшего на Москву.",
                        datetime(2025, 11, day, 19, 40, tzinfo=UTC), "ru-official", "ru", own_post=True)
    if lang == "ru" and claimant == "ru-official":
        assert w.start <= post.start and post.end <= w.end


@pytest.mark.parametrize("text", ["За цей тиждень росіяни випустили по Україні понад 1500 ударних дронів",
                                  "За эту неделю сбиты 900 БПЛА", "This week Russia launched 1,500 drones",
                                  "Протягом цього тижня ворог застосував понад тисячу КАБів"])
def test_this_week_is_a_week(text: str) -> None:
    assert parse_window(text, u(16, 12, month=11), "ua-official", "uk", own_post=True).label == "week"
