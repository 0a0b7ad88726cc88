"""PURE: the reporting window a report speaks of, as a UTC interval.

Owns turning "с 20:00 до 23:00 мск", "overnight", "за добу", "during the day",
"over the past week" into a `ReportingWindow` in UTC.

Time zone: an explicit mention wins ("мск", "Moscow time", "за київським
часом", "Kyiv time", "UTC", "GMT"); else the claimant's side (ru-* -> Moscow,
ua-* -> Kyiv); else, for claimant "other", a military claimant the text names
("Russia's Defence Ministry" -> Moscow, "Ukraine's air force" -> Kyiv) so a
relay gets the original's window; else the language (ru -> Moscow, uk -> Kyiv,
en -> UTC: an English text by nobody in particular has no better guess).

Determinism: relays of one bulletin published at different times must give the
same window (claim identity depends on it), so every window is snapped to named
local boundaries, never to the publication minute:
- range "с 20:00 до 23:00": the latest such interval ending no later than one
  hour after publication (a bulletin may be posted just before its end time);
- night ("overnight", "за ночь", "вночі", "в ночь на 2 июня"): 18:00 local the
  previous day (23:00 in Moscow time: the Russian MoD's night bulletin starts then,
  after its 20:00-23:00 evening one) -> 07:00 local on the named date, else on the
  publication date;
- 24 h ("over the past 24 hours", "за сутки", "за добу"): the 24 h ending at the
  latest local 07:00 at or before publication (so a morning summary contains the
  night's pieces, and relays during the day agree);
- day ("during the day", "в течение дня", "протягом дня"): 07:00-18:00 local on
  the publication date (may end after publication; kept fixed for identity);
- evening ("за вечер", "вечером", "увечері", "this evening", "on Thursday evening",
  "вчера вечером"): 18:00-24:00 local of the day named, or of publication (before 07:00:
  the evening just past), so a relay published after midnight of a mayor's evening posts
  holds them instead of counting beside them;
- week ("over the past week", "за неделю", "за тиждень"): the seven nights and days
  ending at the latest local 07:00 at or before publication (from the night start eight
  days before it), so it holds the week's night bulletins and 24-hour summaries whole;
- nothing stated, in a post on the claimant's own channel: a governor's or mayor's
  post is the minute it was published, a ministry's or military's the hour. Officials
  post incident by incident ("attack of one drone repelled" at 21:05, "of one more" at
  21:20, "2 drones destroyed" at 16:20, "60 more" at 18:10): a longer window would make
  each post a revision of the one before and lose it. A post that corrects or updates
  ("UPD", "Уточнение", "не 2, а 3") takes the hour instead, which contains the minutes it
  corrects, and ministries post a bulletin in two languages minutes apart, so theirs is
  the hour, where the second is a relay of the first. Relays of those posts by outlets
  keep the day window, which contains the hours and minutes, so the containment rules of
  `stream.aggregate.reconcile` count the day once;
- a toll told as a running total ("the death toll rose to 5", "число пострадавших возросло
  до 5", "вже 12 поранених", "UPD"), in a report whose figures are casualties only: from
  the night before the local day of publication to the minute it was posted. Tolls rise
  through the day, post by post; as the day's total so far it holds the earlier posts
  (the minutes of an official's incident-by-incident posts, the night) and the tally
  before it, so reconciliation takes the latest running total, not the sum of them all;
- nothing stated otherwise: the local calendar day of publication, from the night
  before it (23:00 Moscow time, 18:00 elsewhere): an untimed relay of the night's
  bulletin or of a morning's toll, published during the day, holds what it relays.
Priority when several appear: range, dated night, 24 h, week, tally, night, evening, day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

from stream.models import Claimant, Lang, ReportingWindow

MOSCOW: Final = ZoneInfo("Europe/Moscow")
KYIV: Final = ZoneInfo("Europe/Kyiv")
UTC_ZONE: Final = ZoneInfo("UTC")

NIGHT_START: Final = time(18, 0)
# The Russian MoD's night is 23:00-07:00 Moscow time (its evening bulletin covers 20:00-23:00), so
# a night told in Moscow time starts at 23:00: "overnight" relays of the 23-07 bulletin then share
# its window, and the evening bulletin is not taken for a part of the night.
MOSCOW_NIGHT_START: Final = time(23, 0)
MORNING: Final = time(7, 0)
EVENING: Final = time(18, 0)
RANGE_TOLERANCE: Final = timedelta(hours=1)

# Speed (the normalizer's budget is ~200 us a report): the text is lowercased
# once and the patterns are case-sensitive (IGNORECASE costs 2-3x per search),
# and each pattern runs only when a substring that every match must contain is
# present (`_has`): most reports name no time zone, range, week or day.
_F: Final = re.UNICODE

_TZ_PATTERNS: Final = [
           (re.compile(r"\bмск\b|московско\w* врем|\bmsk\b|moscow time", _F), MOSCOW,
            ("мск", "московско", "msk", "moscow time")),
           (re.compile(r"київськ\w* час|киевско\w* врем|kyiv time|kiev time", _F), KYIV,
            ("київськ", "киевско", "kyiv time", "kiev time")),
           (re.compile(r"\butc\b|\bgmt\b", _F), UTC_ZONE, ("utc", "gmt")),
       ]

# "20:00" or "20.00"; with a dot only quarter hours, so dates like "01.06" never match.
_HM: Final = r"(\d{1,2})(?::(\d{2})|\.(00|15|30|45))(?!\d|\.\d)"
_RANGE: Final = re.compile(
    rf"(?:\b(?:с|з|із|від|от|между|між|from|between)\s+)?{_HM}\s*(?:\(?(?:мск|msk)\)?\s*)?"
    rf"(?:\s(?:до|по|to|until|till|and|і|и)\s+|\s*[-–—]\s*){_HM}",
    _F,
)

_MONTHS: Final = {
           # ru genitive, uk genitive, en
           "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
           "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
           "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
           "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
           "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
           "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
           # wire style: "on the night of Nov. 16" (the dot is matched after the name)
           "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
           "oct": 10, "nov": 11, "dec": 12,
       }
_MONTH_RE: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "в ночь на 2 июня", "в ночь с 1 на 2 июня", "у ніч на 1 червня", "у ніч проти 1 червня"
_NIGHT_DATED_SLAVIC: Final = re.compile(
    rf"\b(?:в|у|во)\s+ніч\w*\s+(?:з\s+\d{{1,2}}\s+)?(?:на|проти)\s+(\d{{1,2}})\s+({_MONTH_RE})"
    rf"|\b(?:в|во)\s+ночь\s+(?:с\s+\d{{1,2}}\s+)?на\s+(\d{{1,2}})\s+({_MONTH_RE})"
    # "вночі 16 листопада", "уночі 16 листопада", "ночью 16 ноября": the night ending that day
    rf"|(?:\bвночі|\bуночі|\bночью)\s+(\d{{1,2}})\s+({_MONTH_RE})",
    _F,
)
# "overnight into June 2", "on the night of June 1 to 2", "night of 1-2 June"
_NIGHT_DATED_EN: Final = re.compile(
    rf"\bnight\s+(?:of|into|to)\s+(?:({_MONTH_RE})\.?\s+\d{{1,2}}\s*(?:to|-|–|into)\s*(\d{{1,2}})"
    rf"|\d{{1,2}}\s*(?:to|-|–|into)\s*(\d{{1,2}})\s+({_MONTH_RE})"
    rf"|({_MONTH_RE})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH_RE}))",
    _F,
)
# "с 23.00 мск 3 июля до 7.00 мск 4 июля", "з 18:00 4 липня до 07:00 5 липня": a range whose
# ends name their dates
_DATED_RANGE: Final = re.compile(
    rf"(?:\b(?:с|з|із|від|от|from|between)\s+){_HM}\s*(?:\(?(?:мск|msk)\)?\s*)?(\d{{1,2}})\s+({_MONTH_RE})"
    rf"\s*(?:\(?(?:мск|msk)\)?)?\s+(?:до|по|to|until|till|and)\s+{_HM}\s*(?:\(?(?:мск|msk)\)?\s*)?"
    rf"(\d{{1,2}})\s+({_MONTH_RE})",
    _F,
)
# "between 8 p.m. and 11 p.m. Moscow time", "from 7 a.m. to noon"
_CLOCK: Final = r"(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)|(noon|midnight)"
_EN_RANGE: Final = (
    re.compile(rf"\b(?:between|from)\s+(?:{_CLOCK})\s+(?:and|to|until|till)\s+(?:{_CLOCK})", _F))
_DAY24: Final = re.compile(
    r"past\s+24\s+hours|last\s+24\s+hours|past\s+day\b|previous\s+day\b|"
    r"упродовж\s+(?:минулої\s+)?доби|минулої\s+доби|"
    r"в\s+течение\s+(?:прошедших\s+|минувших\s+|последних\s+)?суток|минувших\s+суток|"
    r"за\s+(?:минувшие|прошедшие|последние|истекшие)?\s*сутки|"
    r"за\s+(?:минулу|останню|минулі)?\s*(?:добу|24\s+години)|протягом\s+(?:минулої\s+)?доби|"
    r"за\s+последние\s+24\s+часа",
    _F,
)
_WEEK: Final = re.compile(
    r"(?:past|last|previous|this)\s+(?:week|7\s+days|seven\s+days)|"
    r"за\s+(?:прошедшую|минувшую|последнюю|эту|текущую)?\s*неделю|за\s+(?:последние\s+)?7\s+дней|"
    r"в\s+течение\s+(?:этой|прошедшей|минувшей)\s+недели|"
    r"за\s+(?:минулий|останній|цей|поточний)?\s*тиждень|за\s+(?:останні\s+)?7\s+днів|"
    r"протягом\s+(?:цього|минулого)\s+тижня",
    _F,
)
_NIGHT: Final = re.compile(
    r"overnight|over\s+night|during\s+the\s+night|last\s+night|tonight|"
    r"за\s+(?:(?:прошедшую|минувшую|эту)\s+)?ночь|(?:минувшей|прошедшей|этой|сегодняшней)\s+ночью|"
    r"\bночью\b|в\s+течение\s+(?:(?:прошедшей|минувшей|этой)\s+)?ночи|"
    r"\bвночі\b|\bуночі\b|(?:цієї|минулої|сьогоднішньої)\s+ночі|протягом\s+(?:(?:минулої|цієї)\s+)?ночі|"
    r"за\s+(?:(?:минулу|цю)\s+)?ніч",
    _F,
)
_DAY: Final = re.compile(
    r"during\s+the\s+day|in\s+the\s+daytime|в\s+течение\s+дня|\bдн[её]м\b|за\s+день|"
    r"протягом\s+дня|\bвдень\b|за\s+день",
    _F,
)

# Substrings every match of a pattern contains (lowercased text), see _F.
_RANGE_CUE: Final = re.compile(r"\d[:.]\d")
_NIGHT_DATED_CUES: Final = ("ніч", "ночь", "night", "ночі", "ночью")
_DAY24_CUES: Final = ("24", "past", "previous", "сутки", "доб")
_WEEK_CUES: Final = ("week", "7", "seven", "недел", "тижд", "тижн")
_NIGHT_CUES: Final = ("night", "ноч", "ніч")
_DAY_CUES: Final = ("day", "дн", "день")
_RU_MILITARY_CUES: Final = ("defen", "минобороны", "министерств", "міноборони")
_UA_MILITARY_CUES: Final = ("air force", "general staff", "повітрян", "генштаб", "генеральн", "воздушн")


def _has(text: str, cues: tuple[str, ...]) -> bool:
    return any(c in text for c in cues)


# Who speaks, when the caller passes claimant "other": an English relay of a Russian
# MoD bulletin must get the bulletin's (Moscow) window, or its claims would not
# share the original's identity. Only the two military claimants are cued.
_RU_MILITARY: Final = re.compile(
    r"russia'?s? (?:defen[cs]e ministry|ministry of defen[cs]e)|russian defen[cs]e ministry|"
    r"минобороны (?:россии|рф)|министерств\w* обороны (?:россии|рф)|міноборони (?:рф|росії)",
    _F,
)
_UA_MILITARY: Final = re.compile(
    r"ukraine'?s? (?:air force|general staff)|ukrainian (?:air force|general staff)|"
    r"повітрян\w* сил\w*|генштаб\w* зсу|генеральн\w* штаб\w* зсу|воздушн\w* сил\w* (?:всу|украины)",
    _F,
)


def zone_for(text: str, claimant: Claimant, lang: Lang) -> ZoneInfo:
    """Explicit mention, else the claimant's side, else a military claimant named in
    the text, else the language (module docstring)."""
    return _zone_for(text.lower(), claimant, lang)


def _zone_for(low: str, claimant: Claimant, lang: Lang) -> ZoneInfo:
    # `low` is the lowercased text
    for pattern, zone, cues in _TZ_PATTERNS:
        if _has(low, cues) and pattern.search(low):
            return zone
    if claimant.startswith("ru-"):
        return MOSCOW
    if claimant.startswith("ua-"):
        return KYIV
    ru = _has(low, _RU_MILITARY_CUES) and bool(_RU_MILITARY.search(low))
    ua = _has(low, _UA_MILITARY_CUES) and bool(_UA_MILITARY.search(low))
    if ru != ua:
        return MOSCOW if ru else KYIV
    return {"ru": MOSCOW, "uk": KYIV}.get(lang, UTC_ZONE)


@lru_cache(maxsize=4096)
def _at(day: date, t: time, zone: ZoneInfo) -> datetime:
    # Cached: reports cluster on a few dates, and the zone conversion is the cost.
    return datetime.combine(day, t, tzinfo=zone).astimezone(UTC)


def _window(start: datetime, end: datetime, label: str) -> ReportingWindow:
    return ReportingWindow(start=start, end=end, label=label)


def _night_start(zone: ZoneInfo) -> time:
    return MOSCOW_NIGHT_START if zone is MOSCOW else NIGHT_START


def _dated(day: int, month: int, local_pub: datetime) -> date | None:
    """The date `day month` nearest to publication (handles New Year)."""
    best: date | None = None
    for year in (local_pub.year - 1, local_pub.year, local_pub.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - local_pub.date()).days) < abs((best - local_pub.date()).days):
            best = d
    return best


def _night_date(text: str, local_pub: datetime) -> date | None:
    if not _has(text, _NIGHT_DATED_CUES):
        return None
    m = _NIGHT_DATED_SLAVIC.search(text)
    if m:
        g = m.groups()
        day, month = next((g[i], g[i + 1]) for i in (0, 2, 4) if g[i])
        return _dated(int(day), _MONTHS[month.lower()], local_pub)
    m = _NIGHT_DATED_EN.search(text)
    if m:
        g = m.groups()
        pairs = [(g[1], g[0]), (g[2], g[3]), (g[5], g[4]), (g[6], g[7])]
        for day, month in pairs:
            if day and month:
                return _dated(int(day), _MONTHS[month.lower()], local_pub)
    return None


_WEEKDAYS: Final = {
           # the day a night ends on: ru/uk accusative and genitive, en
           "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
           "воскресенье": 6,
           "понеділок": 0, "вівторок": 1, "середу": 2, "четвер": 3, "п'ятницю": 4, "пʼятницю": 4,
           "суботу": 5, "неділю": 6, "понеділка": 0, "вівторка": 1, "середи": 2, "четверга": 3,
           "п'ятниці": 4, "пʼятниці": 4, "суботи": 5, "неділі": 6,
           "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6,
       }
_WEEKDAY_RE: Final = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
# "в ночь на воскресенье", "в ночь с субботы на воскресенье", "у ніч на неділю", "у ніч проти
# неділі", "overnight into Sunday", "the night to Sunday": the night ending on that day;
# "on Saturday night", "Saturday night": the night starting on that evening
_NIGHT_WEEKDAY: Final = re.compile(
    rf"\b(?:в|у|во)\s+(?:ночь|ніч)\s+(?:(?:с|со|з|із)\s+\S+\s+)?(?:на|проти)\s+({_WEEKDAY_RE})\b"
    rf"|\b(?:overnight|night)\s+(?:into|to)\s+({_WEEKDAY_RE})\b"
    rf"|\b({_WEEKDAY_RE})\s+night\b",
    _F,
)


_DAY_MONTH: Final = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\b|\b({_MONTH_RE})\.?\s+(\d{{1,2}})\b", _F)


def _tally_day(text: str, local_pub: datetime) -> date:
    """The day a running toll counts from: the day of the attack it names ("загиблих внаслідок
    атаки 16 листопада зросла до 6", published two days later), if within the week before
    publication; else the day of publication."""
    today = local_pub.date()
    for m in _DAY_MONTH.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        d = _dated(int(day), _MONTHS[month], local_pub) if 1 <= int(day) <= 31 else None
        if d is not None and today - timedelta(days=7) <= d <= today:
            return d
    return today


# "за вечер", "вечером", "сегодня вечером", "вчера вечером", "накануне вечером", "за вечір",
# "увечері", "ввечері", "this evening", "on Thursday evening", "yesterday evening", optionally with
# its date ("вечером 15 ноября", "on the evening of Nov. 15")
_EVENING: Final = re.compile(
    rf"\b(?:(вчера|накануне|вчора|yesterday|last)\s+|(?:в|во|у)\s+({_WEEKDAY_RE})\s+)?"
    rf"(?:за\s+вечер\b|вечером\b|в\s+течение\s+вечера|"
    rf"за\s+вечір|увечері|ввечері|протягом\s+вечора|(?:this|in\s+the|during\s+the)\s+evening|"
    rf"(?:on\s+)?({_WEEKDAY_RE})\s+evening|evening\b)"
    rf"(?:\s+(?:of\s+)?(?:(\d{{1,2}})\s+({_MONTH_RE})|({_MONTH_RE})\.?\s+(\d{{1,2}})))?",
    _F,
)
_EVENING_CUES: Final = ("вечер", "вечір", "вечора", "evening")


def _evening(text: str, local_pub: datetime) -> date | None:
    """The day whose evening (18:00-24:00 local) the text names: a date it gives, a weekday,
    "yesterday", else the day of publication (before 07:00: the evening just past)."""
    m = _EVENING.search(text)
    if m is None:
        return None
    before, slavic_weekday, weekday, d1, m1, m2, d2 = m.groups()
    weekday = weekday or slavic_weekday
    today = local_pub.date()
    if d1 or d2:
        return _dated(int(d1 or d2), _MONTHS[m1 or m2], local_pub)
    if weekday:
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[weekday]) % 7)
    if before or local_pub.time() < MORNING:
        return today - timedelta(days=1)
    return today


def _weekday_night(text: str, local_pub: datetime) -> date | None:
    """The date a night named by its weekday ends on: the latest such date on or before
    publication (a report in the evening may name the night just starting)."""
    m = _NIGHT_WEEKDAY.search(text)
    if m is None:
        return None
    ends_on, starts_on, evening_of = m.groups()
    wd = _WEEKDAYS[ends_on or starts_on] if (ends_on or starts_on) else (_WEEKDAYS[evening_of] + 1) % 7
    pub = local_pub.date()
    if local_pub.time() >= NIGHT_START and (pub + timedelta(days=1)).weekday() == wd:
        return pub + timedelta(days=1)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _dated_range(m: re.Match[str], local_pub: datetime, zone: ZoneInfo) -> ReportingWindow | None:
    h1, c1, d1, day1, mon1, h2, c2, d2, day2, mon2 = m.groups()
    hh1, m1, hh2, m2 = int(h1), int(c1 or d1), int(h2), int(c2 or d2)
    if hh1 > 24 or hh2 > 24 or m1 > 59 or m2 > 59:
        return None
    first = _dated(int(day1), _MONTHS[mon1], local_pub)
    last = _dated(int(day2), _MONTHS[mon2], local_pub)
    if first is None or last is None:
        return None
    start = _at(first, time(hh1 % 24, m1), zone)
    end = _at(last, time(hh2 % 24, m2), zone)
    return _window(start, end, "range") if start < end else None


def _hour24(h: str | None, minutes: str | None, half: str | None, word: str | None) -> tuple[int, int] | None:
    if word:
        return (12, 0) if word == "noon" else (0, 0)
    if h is None:
        return None
    hh, mm = int(h), int(minutes or 0)
    if hh < 1 or hh > 12 or mm > 59:
        return None
    pm = half is not None and half.startswith("p")
    return (hh % 12 + (12 if pm else 0), mm)


def _en_range(m: re.Match[str], local_pub: datetime, zone: ZoneInfo) -> ReportingWindow | None:
    g = m.groups()
    a, b = _hour24(*g[0:4]), _hour24(*g[4:8])
    if a is None or b is None or a == b:
        return None
    return _clock_range(time(*a), time(*b), local_pub, zone)


def _clock_range(t1: time, t2: time, local_pub: datetime, zone: ZoneInfo) -> ReportingWindow:
    """The latest t1-t2 local interval ending no later than an hour after publication."""
    end_day = local_pub.date()
    end = _at(end_day, t2, zone)
    if end > local_pub.astimezone(UTC) + RANGE_TOLERANCE:
        end_day -= timedelta(days=1)
        end = _at(end_day, t2, zone)
    start_day = end_day if t1 < t2 else end_day - timedelta(days=1)
    return _window(_at(start_day, t1, zone), end, "range")


def _range(m: re.Match[str], local_pub: datetime, zone: ZoneInfo) -> ReportingWindow | None:
    h1, c1, d1, h2, c2, d2 = m.groups()
    hh1, m1, hh2, m2 = int(h1), int(c1 or d1), int(h2), int(c2 or d2)
    if hh1 > 24 or hh2 > 24 or m1 > 59 or m2 > 59:
        return None
    return _clock_range(time(hh1 % 24, m1), time(hh2 % 24, m2), local_pub, zone)


# A post that corrects or updates an earlier one: "UPD", "Уточнение", "Оновлено", "не 2, а 3",
# "not 2 but 3", "corrected", "исправлено", "виправлено".
_CORRECTION: Final = re.compile(
    r"\bupd\b|\bupdate|уточн|оновлен|обновлен|\bcorrect|исправ|виправ|"
    r"\bне\s+\d+\s*,?\s+а\s+\d|\bnot\s+\d+\s*,?\s+but\s+\d",
    _F,
)


# A toll stated as a running total ("the death toll rose to 5", "число пострадавших возросло до
# 5", "кількість загиблих зросла до 4", "вже 12 поранених", "станом на 14:00"): what the day has
# cost so far, not one more incident.
_TALLY: Final = re.compile(
    r"\b(?:rose|risen|increased|climbed|jumped|grew|gone up)\s+to\b|\bnow\s+stands\s+at|"
    r"\bdeath\s+toll\b|\btoll\s+(?:has\s+)?(?:reached|rose|climbed|stands)|\bas\s+of\b|"
    r"\bin\s+total\b|"
    r"возросл\w*\s+до|увеличил\w*\s+до|выросл\w*\s+до|\bуже\b|по\s+состоянию\s+на|"
    r"в\s+общей\s+сложности|"
    r"зросл\w*\s+до|збільшил\w*\s+до|\bвже\b|станом\s+на|\bзагалом\b|"
    r"\bupd\b|\bupdate|уточн|оновлен|обновлен",
    _F,
)


def parse_window(
    text: str, published_at: datetime, claimant: Claimant, lang: Lang, own_post: bool = False,
    tally: bool = False,
) -> ReportingWindow:
    """The UTC window `text` speaks of, snapped to named local boundaries; `own_post`: the
    report is the claimant's own channel's post; `tally`: its figures are casualties only
    (see the module docstring)."""
    text = text.lower()
    zone = _zone_for(text, claimant, lang)
    local = published_at.astimezone(zone)
    today = local.date()
    if _RANGE_CUE.search(text):
        for m in _DATED_RANGE.finditer(text):
            w = _dated_range(m, local, zone)
            if w is not None:
                return w
        for m in _RANGE.finditer(text):
            w = _range(m, local, zone)
            if w is not None:
                return w
    if _has(text, ("a.m.", "p.m.", "am ", "pm ", "noon", "midnight")):
        for m in _EN_RANGE.finditer(text):
            w = _en_range(m, local, zone)
            if w is not None:
                return w
    night_day = _night_date(text, local)
    if night_day is None and _has(text, _NIGHT_CUES):
        night_day = _weekday_night(text, local)
    if night_day is not None:
        return _window(_at(night_day - timedelta(days=1), _night_start(zone), zone),
                       _at(night_day, MORNING, zone), "night")
    if _has(text, _DAY24_CUES) and _DAY24.search(text):
        end_day = today if local.time() >= MORNING else today - timedelta(days=1)
        return _window(_at(end_day - timedelta(days=1), MORNING, zone),
                       _at(end_day, MORNING, zone), "24h")
    if _has(text, _WEEK_CUES) and _WEEK.search(text):
        end_day = today if local.time() >= MORNING else today - timedelta(days=1)
        return _window(_at(end_day - timedelta(days=8), _night_start(zone), zone),
                       _at(end_day, MORNING, zone), "week")
    if tally and _TALLY.search(text):
        minute = published_at.astimezone(UTC).replace(second=0, microsecond=0)
        return _window(_at(_tally_day(text, local) - timedelta(days=1), _night_start(zone), zone),
                       minute + timedelta(minutes=1), "tally")
    if _has(text, _NIGHT_CUES) and _NIGHT.search(text):
        return _window(_at(today - timedelta(days=1), _night_start(zone), zone),
                       _at(today, MORNING, zone), "night")
    if _has(text, _EVENING_CUES):
        evening = _evening(text, local)
        if evening is not None:
            return _window(_at(evening, EVENING, zone), _at(evening + timedelta(days=1), time(0), zone),
                           "evening")
    if _has(text, _DAY_CUES) and _DAY.search(text):
        return _window(_at(today, MORNING, zone), _at(today, EVENING, zone), "day")
    if own_post:
        utc = published_at.astimezone(UTC)
        if claimant in ("ru-official", "ua-official") and not _CORRECTION.search(text):
            minute = utc.replace(second=0, microsecond=0)
            return _window(minute, minute + timedelta(minutes=1), "post")
        hour = utc.replace(minute=0, second=0, microsecond=0)
        return _window(hour, hour + timedelta(hours=1), "post")
    return _window(_at(today - timedelta(days=1), _night_start(zone), zone),
                   _at(today + timedelta(days=1), time(0), zone), "default")
