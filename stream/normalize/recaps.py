"""PURE: sentences that recap an earlier attack: "Нагадаємо, у ніч на 16 листопада ...",
"Як повідомлялося, минулого тижня Росія випустила ...", "Ранее, в августе, над Мурманской
областью были сбиты 3 беспилотника".

A recap marker ("нагадаємо", "напомним", "як повідомлялося", "ранее", "previously") with a
time that ended before the report's own night began (a night or a day named by its date,
"last week", a whole month other than the report's) tells of an attack reported at its time:
its weapon figures and casualties are not the report's (an analyst adding the report to its
window would count that attack twice). A recap without such a time ("Цієї ночі, нагадаємо,
збито 386 ...") is the report's own figure told again, and one that names the day before a
night ("Нагадаємо, 31 грудня ...") may still belong to it: both stand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

from stream.normalize.tokens import Token

_RECAP: Final = frozenset({"нагадаємо", "нагадаю", "напомним", "напомню", "повідомлялося", "повідомлялось",
                           "сообщалось", "ранее", "раніше", "earlier", "previously", "recall"})
_LAST: Final = frozenset({"last", "прошлой", "прошлом", "прошлого", "минулого", "минулому", "минулий",
                          "минулої", "прошедшей", "минувшей"})
_PERIOD: Final = frozenset({"week", "month", "year", "неделе", "недели", "неделю", "месяце", "месяца", "году",
                            "года", "тижня", "тижні", "тиждень", "місяця", "місяці", "року", "році"})
_NIGHT: Final = frozenset({"ніч", "ночь", "night"})
_NIGHT_TO: Final = frozenset({"на", "of", "to"})
# month stems, longest first within a language ("листопад" before "лип"...): ru, uk, en
_MONTHS: tuple[tuple[str, int], ...] = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7), ("август", 8),
    ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
)  # fmt: skip
_MAY: Final = frozenset({"мая", "май", "мае", "may"})
_IN: Final = frozenset({"в", "у", "in", "во"})
# the report's own night began in the evening before its publication
_OWN_NIGHT: Final = timedelta(hours=6)


def _month(tok: Token) -> int | None:
    if tok.kind != "word":
        return None
    if tok.low in _MAY:
        return 5
    return next((m for stem, m in _MONTHS if tok.low.startswith(stem)), None)


def _ended(day: int, month: int, hour: int, published: datetime) -> datetime | None:
    """When a day of a month (at `hour`, 24 for its end) ended: in the publication's year,
    else the year before when that lies after the publication."""
    try:
        at = datetime(published.year, month, day, tzinfo=UTC) + timedelta(hours=hour)
    except ValueError:
        return None
    if at.date() > published.date() + timedelta(days=1):
        at = at.replace(year=at.year - 1)
    return at


def _past_time(toks: list[Token], lo: int, hi: int, published: datetime) -> bool:
    """Whether [lo, hi) names a time that ended before the report's own night began."""
    published = published.astimezone(UTC)
    own_start = datetime.combine(published.date(), datetime.min.time(), UTC) - _OWN_NIGHT
    for k in range(lo, hi):
        tok = toks[k]
        if tok.low in _LAST and k + 1 < hi and toks[k + 1].low in _PERIOD:
            return True  # "минулого тижня", "last week", "в прошлом месяце"
        month = _month(tok)
        if month is None:
            continue
        before = toks[k - 1] if k > lo else None
        if before is not None and before.kind == "num" and before.text.isdigit():
            night = k >= lo + 3 and toks[k - 2].low in _NIGHT_TO and toks[k - 3].low in _NIGHT
            # "у ніч на 16 листопада" ended that morning; "16 листопада" at that day's end
            ended = _ended(int(before.text), month, 7 if night else 24, published)
            if ended is not None and ended <= own_start:
                return True
        elif before is not None and before.low in _IN and month != published.month:
            return True  # "в августе", "у серпні": a whole month, not the report's
    return False


def recap_sentences(toks: list[Token], bounds: list[tuple[int, int]], published: datetime) -> frozenset[int]:
    """Sentences that recap an earlier attack (see the module docstring)."""
    out: set[int] = set()
    for s, (lo, hi) in enumerate(bounds):
        if any(t.low in _RECAP for t in toks[lo:hi]) and _past_time(toks, lo, hi, published):
            out.add(s)
    return frozenset(out)
