"""What the hourly detectors read of an hour: its activity as published by the time
they score it (`aggregate.hour_activity`), the same in every arrival order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, note, settings
from hypothesis import strategies as st

from stream.aggregate import apply, hour_activity, hourly_series, new_state
from stream.aggregate.apply import ts
from stream.models import Claim
from stream.pipeline import Engine, Normalized, Place, normalize_record

from .test_aggregate import DAY24, EVENING, NIGHT, count_claim, t
from .test_aggregate_relays import DAY0, POST_SPEC, RELAY_SPEC, claims_of_spec

GRACE = 2 * 3600
SAMPLES = Path(__file__).parents[2] / "stream" / "data" / "samples" / "reports-2025-07.jsonl"


def bucket(end: datetime) -> int:
    """The hour bucket of an event ending at `end` (it holds (h, h + 1h])."""
    return ts(end - timedelta(seconds=1)) // 3600 * 3600


def at_close(state: object, end: datetime) -> tuple[int, list[str]]:
    h = bucket(end)
    return hour_activity(state, h, h + 3600 + GRACE)  # type: ignore[arg-type]


def test_a_correction_published_after_the_close_does_not_change_the_scored_hour() -> None:
    end = t(2, 3)
    first = count_claim(10, t(2, 0), end, published=end + timedelta(minutes=10), report_id="a")
    later = count_claim(25, t(2, 0), end, published=t(2, 9), report_id="b")  # a correction
    for order in ([first, later], [later, first]):
        state = new_state("RU-BEL")
        for off, c in enumerate(order):
            state, _ = apply(state, c, partition=0, offset=off)
        assert at_close(state, end) == (10, [first.claim_id])
        assert hour_activity(state, bucket(end), ts(t(3, 0))) == (25, [first.claim_id])
        assert dict(hourly_series(state, as_of=end, hours=1))[t(2, 2)] == 25  # the aggregates


def test_pieces_published_after_the_close_do_not_reduce_a_summary() -> None:
    """Evening 48 (published the next noon), night 120 and the 24 h summary 200 (both
    published at 07:10 MSK): when the 03:00 UTC hour is scored the evening piece was not
    out, so the summary added 80 beyond the night; the aggregates, with every piece,
    count 120 + 32 there and 48 in the evening."""
    claims = [count_claim(48, *EVENING, report_id="e", published=t(2, 12)),
              count_claim(120, *NIGHT, report_id="n", published=t(2, 4, 10)),
              count_claim(200, *DAY24, report_id="s", published=t(2, 4, 10))]
    for perm in itertools.permutations(claims):
        state = new_state("RU-BEL")
        for off, c in enumerate(perm):
            state, _ = apply(state, c, partition=0, offset=off)
        value, ids = at_close(state, t(2, 4))
        assert value == 200
        assert ids == sorted([claims[1].claim_id, claims[2].claim_id])
        assert at_close(state, t(1, 20)) == (0, [])
        series = dict(hourly_series(state, as_of=t(2, 5), hours=24))
        assert (series[t(2, 3)], series[t(1, 19)]) == (152, 48)
        assert hour_activity(state, bucket(t(2, 4)), ts(t(3, 0)))[0] == 152


def test_with_everything_published_it_is_the_hourly_series() -> None:
    """On the bundled sample reports, every hour of every key: the activity from every
    version (a cutoff after the last publication) is what `hourly_series` shows."""
    engine = Engine()
    now = datetime(2030, 1, 1, tzinfo=UTC)
    for n, line in enumerate(SAMPLES.read_bytes().splitlines()):
        result = normalize_record(line, Place("raw", 0, n), now)
        if isinstance(result, Normalized):
            engine.apply_all(result.claims)
    checked = 0
    for state in engine.states.values():
        for h in sorted(state.hours):
            hour = datetime.fromtimestamp(h, UTC)
            want = dict(hourly_series(state, as_of=hour + timedelta(hours=1), hours=1))[hour]
            assert hour_activity(state, h, ts(now))[0] == want, (state.key, hour)
            checked += want > 0
    assert checked > 100


def test_a_weeks_figure_is_no_hours_activity() -> None:
    """Zelensky's "this week Russia launched 1,500 drones" lands in one hour: counted in the
    aggregates, but not what that hour saw (the detectors would call every weekly summary a
    surge). A day's figure still is."""
    week = count_claim(1500, t(1, 0) - timedelta(days=6), t(1, 4), published=t(1, 3, 30), report_id="wk",
                       claimant="ua-official", measure="launched")
    day = count_claim(40, t(1, 4) - timedelta(days=1), t(1, 4), published=t(1, 3, 40), report_id="d",
                      claimant="ua-military", measure="launched")
    state = new_state("ALL")
    for off, c in enumerate([week, day]):
        state, _ = apply(state, c, partition=0, offset=off)
    assert at_close(state, t(1, 4)) == (40, [day.claim_id])
    assert dict(hourly_series(state, as_of=t(1, 4), hours=1))[t(1, 3)] == 1500  # the largest claimant


def test_a_report_published_after_its_hour_closed_is_read_in_the_hour_it_came_in() -> None:
    """The Air Force's night summary posted at 09:10 Kyiv (07:10 UTC) for a night that ended at
    05:00 UTC: its own hour closed at 07:00 UTC (end plus the 2 h grace) before it came out, so
    the detectors never saw the month's largest attack. Now the first hour that closes after
    its publication hour ended (06:00-07:00, closing at 09:00) reads it, less what the pieces posted on time
    already gave; a piece of a summary read before it is not read again."""
    night = (t(1, 16), t(2, 5))
    post = count_claim(50, t(2, 1, 10), t(2, 1, 11), published=t(2, 1, 10), report_id="post",
                       claimant="ua-military", measure="intercepted")
    summary = count_claim(442, *night, published=t(2, 7, 10), report_id="af", claimant="ua-military",
                          measure="intercepted")
    for perm in itertools.permutations([post, summary]):
        state = new_state("ALL")
        for off, c in enumerate(perm):
            state, _ = apply(state, c, partition=0, offset=off)
        assert at_close(state, t(2, 1, 11)) == (50, [post.claim_id])  # on time, in its hour
        assert at_close(state, t(2, 5)) == (0, [])  # the summary's own hour: not out yet
        assert at_close(state, t(2, 6)) == (0, [])  # closes at 08:00: its hour 07-08 not ended
        assert at_close(state, t(2, 7)) == (392, [summary.claim_id])  # where it came in
        assert at_close(state, t(2, 8)) == (0, [])
    # the evening's piece published the next noon lies in the 24 h summary read at 07:00
    piece = count_claim(48, *EVENING, report_id="e", published=t(2, 12))
    day = count_claim(200, *DAY24, report_id="s", published=t(2, 4, 10))
    state = new_state("RU-BEL")
    for off, c in enumerate([day, piece]):
        state, _ = apply(state, c, partition=0, offset=off)
    assert at_close(state, t(2, 11)) == (0, [])


def _published_by(c: Claim, cutoff: int) -> bool:
    """Whether a reader at `cutoff` had `c`: the hour it was published in had ended."""
    return -(-ts(c.published_at) // 3600) * 3600 < cutoff


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(POST_SPEC, RELAY_SPEC), min_size=1, max_size=10),
       st.randoms(use_true_random=False))
def test_an_hour_reads_what_was_published_by_its_cutoff_whatever_was_folded_since(
        spec: list[Any], rnd: Any) -> None:
    """Posts, relays of them under other windows, summaries holding them, corrections and
    re-reports by other sources (the same window drawn twice), published over 30 hours
    and folded in any order: every hour read at any cutoff is the hour read from only
    the claims published by then (a later correction or a later report by the post's own
    channel changes what is shadowed now, not what was read then)."""
    claims = claims_of_spec(spec)
    rnd.shuffle(claims)
    note(f"arrival order: {[(c.report_id, c.count, c.source, c.published_at) for c in claims]}")
    full = new_state("RU-BEL")
    for off, c in enumerate(claims):
        full, _ = apply(full, c, partition=0, offset=off)
    day0 = ts(DAY0)
    for cutoff in range(day0 + 3600, day0 + 32 * 3600, 3600):
        then = new_state("RU-BEL")
        for off, c in enumerate(c for c in claims if _published_by(c, cutoff)):
            then, _ = apply(then, c, partition=0, offset=off)
        for h in range(day0, cutoff - 3600 + 1, 3600):
            assert hour_activity(full, h, cutoff) == hour_activity(then, h, cutoff), (h, cutoff)
