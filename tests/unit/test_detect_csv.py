"""CSV scorer: any regular interval, past-only scores, round trip through files."""

from __future__ import annotations

import csv
import itertools
import math
import os
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stream import detect_csv
from stream.detect_csv import (
    ScoredRow,
    count_scale,
    infer_shape,
    parse_timestamp,
    score_csv_file,
    score_series,
)
from stream.simulate.series import poisson

T0 = datetime(2021, 3, 1, tzinfo=UTC)


def daily_rows(days: int = 120, spike_day: int = 90) -> list[tuple[datetime, float]]:
    rng = random.Random(11)
    rows = []
    for d in range(days):
        t = T0 + timedelta(days=d)
        mu = 40 if t.weekday() < 5 else 15  # weekly rhythm
        v = sum(1 for _ in range(2 * mu) if rng.random() < 0.5)
        rows.append((t, float(v + (45 if d == spike_day else 0))))
    return rows


def five_minute_rows(n: int = 3000, shift_at: int = 2500) -> list[tuple[datetime, float]]:
    rng = random.Random(5)
    rows = []
    for i in range(n):
        v = 40.0 + 5.0 * math.sin(2 * math.pi * i / 288) + rng.gauss(0.0, 0.7)
        rows.append((T0 + timedelta(minutes=5 * i), v + (6.0 if shift_at <= i < shift_at + 6 else 0.0)))
    return rows


def write_csv(path: Path, rows: list[tuple[str, str]]) -> None:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["timestamp", "value"])
        w.writerows(rows)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="") as fh:
        return list(csv.reader(fh))


def test_infer_shape_from_the_step() -> None:
    def shape(step: timedelta) -> tuple[timedelta, int, int]:
        s = infer_shape([T0 + k * step for k in range(10)])
        return s.step, s.bins, s.cycle

    assert shape(timedelta(minutes=5)) == (timedelta(minutes=5), 48, 288)
    assert shape(timedelta(minutes=30)) == (timedelta(minutes=30), 48, 48)
    assert shape(timedelta(hours=1)) == (timedelta(hours=1), 24, 24)
    assert shape(timedelta(hours=2)) == (timedelta(hours=2), 12, 12)
    half_hours = infer_shape([T0 + k * timedelta(minutes=30) for k in range(10)])
    assert [half_hours.bin_of(T0 + timedelta(minutes=m)) for m in (0, 29, 30, 89, 1439)] == [0, 0, 1, 2, 47]
    odd = infer_shape([T0 + k * timedelta(minutes=206) for k in range(10)])  # 7 steps a day
    assert (odd.bins, odd.bin_of(T0 + timedelta(hours=23))) == (7, 6)  # a slot of the day, not a weekday
    assert shape(timedelta(days=1)) == (timedelta(days=1), 7, 7)
    assert shape(timedelta(days=7)) == (timedelta(days=7), 1, 1)


def test_daily_series_flags_the_spike_only() -> None:
    scored = score_series(daily_rows())
    assert [(r.timestamp.date().isoformat(), r.kinds) for r in scored if r.open] == [
        ("2021-05-30", ("surge",))
    ]
    assert all(0.0 <= r.anomaly_score <= 1.0 for r in scored)
    assert scored[90].anomaly_score == 1.0
    assert scored[89].anomaly_score < 0.5
    assert all(r.anomaly_score == 0.0 for r in scored[:28])  # warm-up: 4 weeks


def test_five_minute_continuous_values_flag_the_shift_only() -> None:
    scored = score_series(five_minute_rows())
    assert [i for i, r in enumerate(scored) if r.open] == [2500, 2501, 2502, 2503, 2504, 2505]


def test_each_point_is_scored_from_the_past_only() -> None:
    rows = five_minute_rows(2200, shift_at=2000)
    full = score_series(rows)
    assert score_series(rows[:1500]) == full[:1500]
    daily = daily_rows()
    assert score_series(daily[:95]) == score_series(daily)[:95]


def test_csv_round_trip_daily_iso(tmp_path: Path) -> None:
    src, dst = tmp_path / "daily.csv", tmp_path / "out.csv"
    write_csv(src, [(t.date().isoformat(), f"{v:g}") for t, v in daily_rows()])
    assert score_csv_file(src, dst) == 120
    out = read_csv(dst)
    assert out[0] == ["timestamp", "value", "anomaly_score", "alert"]
    assert len(out) == 121
    assert out[1][:2] == ["2021-03-01", f"{daily_rows()[0][1]:g}"]
    assert [row[0] for row in out[1:] if row[3] == "1"] == ["2021-05-30"]
    assert all(0.0 <= float(row[2]) <= 1.0 for row in out[1:])


def test_csv_round_trip_five_minute_epoch_seconds(tmp_path: Path) -> None:
    src, dst = tmp_path / "fast.csv", tmp_path / "out.csv"
    rows = five_minute_rows()
    write_csv(src, [(str(int(t.timestamp())), f"{v:.3f}") for t, v in rows])
    assert score_csv_file(src, dst) == 3000
    out = read_csv(dst)
    # one alert for the six-step shift: the step it opens at; its other steps score high
    flagged = [k for k, row in enumerate(out[1:]) if row[3] == "1"]
    assert flagged == [2500]
    shift = [float(row[2]) for row in out[1 + 2500 : 1 + 2506]]
    assert min(shift) > max(float(row[2]) for row in out[1 + 2400 : 1 + 2500])
    assert out[1][0] == str(int(T0.timestamp()))


def test_alert_marks_where_an_incident_opens_and_open_how_long_it_lasts() -> None:
    scored = score_series(five_minute_rows())
    assert [i for i, r in enumerate(scored) if r.open] == [2500, 2501, 2502, 2503, 2504, 2505]
    assert [i for i, r in enumerate(scored) if r.alert] == [2500]
    assert scored[2503].kinds and not scored[2503].alert


def test_missing_values_are_kept_unscored(tmp_path: Path) -> None:
    src, dst = tmp_path / "gap.csv", tmp_path / "out.csv"
    write_csv(
        src, [("2021-03-01T00:00:00Z", "3"), ("2021-03-01T01:00:00Z", ""), ("2021-03-01T02:00:00Z", "4")]
    )
    assert score_csv_file(src, dst) == 3
    assert read_csv(dst)[2] == ["2021-03-01T01:00:00Z", "", "0.000000", "0"]


@pytest.mark.parametrize("marker", ["NA", "null", "N/A", "NaN", "-", "None"])
def test_missing_value_markers_are_kept_unscored(tmp_path: Path, marker: str) -> None:
    src, dst = tmp_path / "gap.csv", tmp_path / "out.csv"
    rows = [(f"2021-03-01T{h:02d}:00:00Z", marker if h == 1 else "3") for h in range(3)]
    write_csv(src, rows)
    assert score_csv_file(src, dst) == 3
    assert read_csv(dst)[2] == ["2021-03-01T01:00:00Z", marker, "0.000000", "0"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files(tmp_path: Path, delimiter: str) -> None:
    rows = daily_rows()
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    # a decimal comma, as where the semicolon separates: 41 -> "41,0"
    values = [f"{v:.1f}".replace(".", ",") for _, v in rows]
    dates = [t.date() for t, _ in rows]
    body = [f"{d}{delimiter}{v}" for d, v in zip(dates, values, strict=True)]
    lines = [f"timestamp{delimiter}value", *body]
    src.write_text("\n".join(lines) + "\n")
    assert score_csv_file(src, dst) == len(rows)
    flagged = [row[0] for row in read_csv(dst)[1:] if row[3] == "1"]
    assert flagged  # the spike
    assert flagged == [r.timestamp.date().isoformat() for r in score_series(rows) if r.alert]


def test_bad_row_names_the_line(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    write_csv(src, [("2021-03-01", "3"), ("yesterday", "4")])
    with pytest.raises(ValueError, match=r"bad\.csv:3: bad row"):
        score_csv_file(src, tmp_path / "out.csv")


def test_timestamps_and_count_scale() -> None:
    assert parse_timestamp("2021-03-01 04:00:00") == datetime(2021, 3, 1, 4, tzinfo=UTC)
    assert parse_timestamp("1614571200") == datetime(2021, 3, 1, 4, tzinfo=UTC)
    assert parse_timestamp("1614571200000") == datetime(2021, 3, 1, 4, tzinfo=UTC)
    # step numbers (1, 2, 3...) are hours from a Monday midnight, not 1970's first seconds
    assert parse_timestamp("1") == datetime(2000, 1, 3, 1, tzinfo=UTC)
    assert parse_timestamp("1420") - parse_timestamp("1419") == timedelta(hours=1)
    with pytest.raises(ValueError, match="not a time"):
        parse_timestamp("nan")
    assert parse_timestamp("02/26/2015 21:42") == datetime(2015, 2, 26, 21, 42, tzinfo=UTC)
    assert parse_timestamp("26-Feb-2015") == datetime(2015, 2, 26, tzinfo=UTC)
    with pytest.raises(ValueError, match="not a time"):
        parse_timestamp("yesterday")
    assert count_scale([5.0, 5.0, 5.0]) == 1.0
    assert count_scale([40.0, 40.5, 40.0, 40.5]) == pytest.approx(0.25 / 2 / 0.4549 / 40.25)


def test_hourly_series_with_weekends_flags_the_spike_not_the_weekends() -> None:
    rng = random.Random(2)
    monday = datetime(2021, 1, 4, tzinfo=UTC)
    rows = []
    for i in range(24 * 7 * 10):
        t = monday + timedelta(hours=i)
        mu = (
            2000 * (1 + 0.6 * math.sin(2 * math.pi * (t.hour - 6) / 24)) * (0.55 if t.weekday() >= 5 else 1.0)
        )
        v = max(0.0, rng.gauss(mu, 0.05 * mu)) * (1.6 if i == 24 * 7 * 8 + 30 else 1.0)
        rows.append((t, float(round(v))))
    scored = score_series(rows)
    late = [(r.timestamp, r.kinds) for r in scored if r.open and r.timestamp >= monday + timedelta(days=14)]
    assert late == [(datetime(2021, 3, 2, 6, tzinfo=UTC), ("surge",))]


def shifted_daily_rows(days: int = 200, shift_day: int = 140) -> list[tuple[datetime, float]]:
    """Non-integer daily values with a weekly rhythm; the level rises by 60% for good."""
    rng = random.Random(4)
    rows = []
    for d in range(days):
        t = T0 + timedelta(days=d)
        mu = (120.0 if t.weekday() < 5 else 45.0) * (1.6 if d >= shift_day else 1.0)
        rows.append((t, round(max(0.0, rng.gauss(mu, 0.12 * mu)), 1)))
    return rows


def test_daily_level_shift_is_flagged_then_accepted_as_the_new_level() -> None:
    scored = score_series(shifted_daily_rows())
    flagged = [i for i, r in enumerate(scored) if r.open]
    # from the first shifted day (a Monday), within its first two weeks (two weekly
    # cycles); nothing before, nothing once the level is accepted: inside the episode
    # the baseline learns from values clipped to 3 sd, so it follows the new level
    assert flagged[0] == 140 and scored[140].kinds == ("surge",)
    assert len(flagged) >= 4 and flagged[-1] < 154
    weekday, weekend = scored[199], scored[195]  # a Thursday and a Sunday of the new level
    # (120 and 45 before; the daily level forgets with a 14-step half-life)
    assert weekday.expected is not None and 160.0 < weekday.expected < 215.0
    assert weekend.expected is not None and 60.0 < weekend.expected < 85.0


def city_rows(weeks: int = 10) -> list[tuple[datetime, float]]:
    """Half-hourly trips: weekdays have rush hours, weekends busy nights and quiet
    mornings (a shape, not only a level, per weekday); 3% noise."""
    rng = random.Random(8)
    rows = []
    for i in range(weeks * 7 * 48):
        t = T0 + timedelta(minutes=30 * i)  # T0 is a Monday
        h = t.hour + t.minute / 60.0

        def bump(at: float, width: float, h: float = h) -> float:
            return math.exp(-(((h - at) / width) ** 2))

        if t.weekday() < 5:
            mu = 3000 + 9000 * bump(8.0, 1.5) + 12000 * bump(19.0, 2.5)
        else:
            mu = 4000 + 9000 * bump(1.0, 2.0) + 10000 * bump(15.0, 4.0)
        rows.append((t, float(round(rng.gauss(mu, 0.03 * mu)))))
    return rows


def test_half_hourly_weekends_of_another_shape_raise_nothing_but_the_spike() -> None:
    rows = city_rows()
    spike = 8 * 7 * 48 + 5 * 48 + 18  # a Saturday at 09:00, when weekdays peak and weekends do not
    rows[spike] = (rows[spike][0], rows[spike][1] * 1.5)
    scored = score_series(rows)
    flagged = [i for i, r in enumerate(scored) if r.open and i >= 2 * 7 * 48]
    assert flagged == [spike]
    assert scored[spike].kinds == ("surge",)
    saturday_night = scored[spike - 16]  # 01:00, the weekend's busy night
    assert saturday_night.expected is not None
    assert abs(saturday_night.expected - saturday_night.value) < 0.1 * saturday_night.value


def volatile_week_rows(step_minutes: int) -> tuple[list[tuple[datetime, float]], int, int]:
    """Twelve weeks of a daily rhythm with 5% lognormal noise, except week 7, where the
    noise is 30% (a disturbed service, a failing sensor); a x3 point in week 11."""
    rng = random.Random(21)
    per_week = 7 * 24 * 60 // step_minutes
    rows = []
    for i in range(12 * per_week):
        t = T0 + timedelta(minutes=step_minutes * i)
        sigma = 0.3 if 6 * per_week <= i < 7 * per_week else 0.05
        mu = 200.0 * (1.0 + 0.5 * math.sin(2 * math.pi * (t.hour - 8) / 24))
        rows.append((t, float(round(mu * math.exp(rng.gauss(0.0, sigma))))))
    big = 10 * per_week + 13
    rows[big] = (rows[big][0], rows[big][1] * 3.0)
    return rows, per_week, big


@pytest.mark.parametrize(("step_minutes", "kept_share"), [(60, 0.9), (5, 0.5)])
def test_calibration_gate_stops_an_alert_storm_when_a_series_turns_volatile(
    monkeypatch: pytest.MonkeyPatch, step_minutes: int, kept_share: float
) -> None:
    rows, per_week, big = volatile_week_rows(step_minutes)

    def openings(scored: list[ScoredRow]) -> list[int]:
        return [i for i in range(1, len(scored)) if scored[i].open and not scored[i - 1].open]

    gated = score_series(rows)
    monkeypatch.setattr(detect_csv, "GATE_FACTOR", 0.0)  # the nominal level alone
    nominal = score_series(rows)
    storm = range(6 * per_week, 7 * per_week)
    in_storm = [len([i for i in openings(s) if i in storm]) for s in (gated, nominal)]
    # the nominal level opens an alert every few hours of the volatile week; the gate,
    # whose window has filled with that week's extremes, keeps only the worst (an
    # hourly window fills more slowly: 168 points in the week against 2,016)
    assert in_storm[1] >= 15
    assert in_storm[0] <= kept_share * in_storm[1]
    # the x3 point four weeks later is an alert either way, with the top score
    assert big in openings(gated) and big in openings(nominal)
    assert gated[big].anomaly_score == 1.0
    # the score follows the gate: at least 0.5 wherever an alert opens
    assert all(gated[i].anomaly_score >= 0.5 for i in openings(gated))
    assert all(0.0 <= r.anomaly_score <= 1.0 for r in gated)


def bursty_rows() -> tuple[list[tuple[datetime, float]], int]:
    """Five days of five-minute counts with bursts from the start (one step in 100
    begins 30 to 90 minutes at 1.5 to 2.5 times the rhythm: news, not the model's
    noise), and a x8 point on the fifth day."""
    rng = random.Random(4)
    rows = []
    left, factor = 0, 1.0
    for i in range(5 * 288):
        t = T0 + timedelta(minutes=5 * i)
        mu = 30.0 * (1.0 + 0.5 * math.sin(2 * math.pi * (t.hour - 8) / 24))
        if left == 0 and rng.random() < 0.01:
            left, factor = rng.randint(6, 18), rng.uniform(1.5, 2.5)
        rows.append((t, float(poisson(rng, mu * (factor if left else 1.0)))))
        left = max(0, left - 1)
    big = 4 * 288 + 150
    rows[big] = (rows[big][0], rows[big][1] * 8.0)
    return rows, big


def test_calibration_gate_extrapolates_its_tail_before_its_window_fills(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows, big = bursty_rows()

    def openings(scored: list[ScoredRow]) -> list[int]:
        return [i for i in range(1, len(scored)) if scored[i].open and not scored[i - 1].open]

    gated = openings(score_series(rows))
    monkeypatch.setattr(detect_csv, "_TAIL_MIN_POINTS", 10**9)  # the quantile only
    nominal = openings(score_series(rows))
    # five days are too few points for the gate's quantile: without the tail the
    # nominal level alone opens alerts all through them
    assert len(nominal) >= 8
    assert len(gated) <= len(nominal) // 2
    # a point far beyond the nominal level still opens one (the tail is capped)
    assert big in gated and big in nominal


def test_calibration_gate_seldom_binds_where_the_model_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = daily_rows(days=400, spike_day=300)  # binomial counts: the model's own world
    gated = [r.open for r in score_series(rows)]
    monkeypatch.setattr(detect_csv, "GATE_FACTOR", 0.0)
    assert gated == [r.open for r in score_series(rows)]
    assert gated[300]


def test_series_indexed_by_step_numbers_is_scored_as_hourly(tmp_path: Path) -> None:
    """A benchmark layout with step numbers and a label column: the label is ignored,
    the steps are hours (a daily rhythm of 24 steps is learnt) and the spike is found."""
    rng = random.Random(3)
    src, dst = tmp_path / "indexed.csv", tmp_path / "out.csv"
    with src.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["timestamp", "value", "is_anomaly"])
        for k in range(1, 1401):
            mu = 300 * (1.0 + 0.6 * math.sin(2 * math.pi * k / 24))
            v = rng.gauss(mu, 0.04 * mu) * (2.0 if k == 1200 else 1.0)
            w.writerow([k, f"{v:.1f}", int(k == 1200)])
    assert score_csv_file(src, dst) == 1400
    out = read_csv(dst)
    assert [row[0] for row in out[1:] if row[3] == "1"] == ["1200"]


def test_cli_budget_sets_the_thresholds(tmp_path: Path) -> None:
    """`python -m stream detect --false-alerts-per-week`: a larger budget lowers the
    thresholds (more rows flagged, the spike among them); a bad file exits 2."""
    src = tmp_path / "in.csv"
    rows, _, big = volatile_week_rows(60)
    write_csv(src, [(t.isoformat(), f"{v:g}") for t, v in rows])

    def flagged(budget: str) -> list[int]:
        dst = tmp_path / f"out-{budget}.csv"
        done = subprocess.run(
            [sys.executable, "-m", "stream", "detect", "--input", str(src), "--output", str(dst),
             "--false-alerts-per-week", budget],
            capture_output=True, text=True, check=False,
        )
        assert done.returncode == 0, done.stderr
        alerts = [k for k, row in enumerate(read_csv(dst)[1:]) if row[3] == "1"]
        assert f"scored {len(rows)} rows, {len(alerts)} alerts" in done.stderr
        return alerts

    strict, loose = flagged("0.5"), flagged("20")
    assert big in strict and big in loose
    assert len(loose) > len(strict)
    bad = tmp_path / "bad.csv"
    bad.write_text("timestamp,value\nyesterday,4\n")
    # a console as wide as the message: it would wrap it (the temporary path's length varies)
    done = subprocess.run(
        [sys.executable, "-m", "stream", "detect", "--input", str(bad), "--output", str(tmp_path / "x.csv")],
        capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "400"},
    )
    assert done.returncode == 2 and "bad.csv:2: bad row" in done.stderr


def declining_rows(lull_at: int | None = None, per_day: float = 0.01) -> list[tuple[datetime, float]]:
    """Hourly Poisson counts on a daily rhythm, the level falling `per_day` (1%) a day
    for ten weeks; optionally an 8-hour lull at 40% of the level."""
    rng = random.Random(5)
    rows = []
    for i in range(10 * 7 * 24):
        t = T0 + timedelta(hours=i)
        mu = 300 * (1 + 0.5 * math.sin(2 * math.pi * t.hour / 24)) * math.exp(-per_day * i / 24)
        if lull_at is not None and lull_at <= i < lull_at + 8:
            mu *= 0.4
        rows.append((t, float(poisson(rng, mu))))
    return rows


def test_a_declining_count_series_is_not_silent_but_a_lull_is() -> None:
    # the level lags a decline by a few percent: on a count scale that is no silence
    assert [r.timestamp for r in score_series(declining_rows()) if r.open] == []
    lull = 8 * 7 * 24 + 10
    flagged = [i for i, r in enumerate(score_series(declining_rows(lull))) if r.open]
    assert flagged and all(lull <= i < lull + 8 + 6 for i in flagged)


@pytest.mark.parametrize("per_day", [0.03, 0.05])
def test_a_steep_decline_is_not_silent_but_a_lull_in_it_is(per_day: float) -> None:
    # falling 3-5% a day the week-long level is a third above the series for weeks: the
    # lull is measured against the recent observed/expected ratio, not the lagging level
    assert [r.timestamp for r in score_series(declining_rows(per_day=per_day)) if "silence" in r.kinds] == []
    lull = 8 * 7 * 24 + 10
    flagged = [i for i, r in enumerate(score_series(declining_rows(lull, per_day))) if "silence" in r.kinds]
    assert flagged and all(lull <= i < lull + 8 + 6 for i in flagged)


def sine_rows(flat_from: int | None = None) -> list[tuple[datetime, float]]:
    """Five-minute measurements on a daily wave from -20 to 80 (most nights below
    zero), two weeks; optionally flat at the wave's middle for six hours."""
    rng = random.Random(3)
    rows = []
    for i in range(14 * 288):
        value = 30.0 + 50.0 * math.sin(2 * math.pi * i / 288) + rng.gauss(0.0, 2.0)
        if flat_from is not None and flat_from <= i < flat_from + 72:
            value = 30.0 + rng.gauss(0.0, 2.0)
        rows.append((T0 + timedelta(minutes=5 * i), value))
    return rows


def test_a_series_below_zero_is_shifted_not_clamped() -> None:
    clean = score_series(sine_rows())
    # clamped at 0, every night's trough read as a silence; shifted, nothing is flagged
    assert [r.timestamp for r in clean if r.open] == []
    # the expectation comes back in the series' own units, negative at night
    late = [r for r in clean[-288:] if r.expected is not None]
    assert min(r.expected for r in late) < -10.0
    assert max(abs(r.expected - r.value) for r in late) < 15.0
    flat_from = 11 * 288 + 100  # the wave's rising flank flattened to its middle
    flagged = [i for i, r in enumerate(score_series(sine_rows(flat_from))) if r.open]
    assert flagged and all(flat_from <= i < flat_from + 72 + 12 for i in flagged)


def rising_rows(per_day: float, spike_at: int | None = None) -> list[tuple[datetime, float]]:
    """Hourly overdispersed counts on a daily rhythm rising `per_day` a day for ten
    weeks; optionally three hours at three times the level."""
    rng = random.Random(8)
    rows = []
    for i in range(10 * 7 * 24):
        t = T0 + timedelta(hours=i)
        mu = 20 * (1 + 0.6 * math.sin(2 * math.pi * (t.hour - 8) / 24)) * math.exp(per_day * i / 24)
        if spike_at is not None and spike_at <= i < spike_at + 3:
            mu *= 3.0
        rows.append((t, float(poisson(rng, rng.gammavariate(20.0, mu / 20.0)))))
    return rows


@pytest.mark.parametrize("per_day", [0.01, 0.03])
def test_a_rising_count_series_is_no_string_of_surges_but_a_burst_in_it_is(per_day: float) -> None:
    # the week-long level lags a rise: surges are tested against the recent ratio
    # (against the level alone this series raised 5 surges at 1% a day, 9 at 3%)
    def surges(scored: list[ScoredRow]) -> list[int]:
        began = ["surge" in r.kinds and "surge" not in p.kinds for p, r in itertools.pairwise(scored)]
        return [i + 1 for i, b in enumerate(began) if b]

    assert len(surges(score_series(rising_rows(per_day)))) <= 1  # ten weeks: a fifth of the budget
    spike = 6 * 7 * 24 + 20
    opened = surges(score_series(rising_rows(per_day, spike)))
    assert any(spike <= i < spike + 3 for i in opened)
    assert len([i for i in opened if not spike <= i < spike + 3]) <= 2


def dip_rows(dip_at: int | None, share: float) -> list[tuple[datetime, float]]:
    """Eight weeks of hourly counts around 100 on a daily rhythm (gamma-Poisson), one
    hour cut to `share` of its count."""
    rng = random.Random(2)
    rows = []
    for i in range(8 * 7 * 24):
        t = T0 + timedelta(hours=i)
        mu = 100.0 * (1.0 + 0.5 * math.sin(2 * math.pi * (t.hour - 8) / 24))
        value = poisson(rng, rng.gammavariate(30.0, mu / 30.0))
        rows.append((t, float(round(value * share) if i == dip_at else value)))
    return rows


@pytest.mark.parametrize("share", [0.0, 0.2])
def test_one_hour_dropped_from_a_busy_series_is_a_silence(share: float) -> None:
    # the six-hour window alone missed it: five ordinary hours dilute one empty one
    dip = 6 * 7 * 24 + 15
    scored = score_series(dip_rows(dip, share))
    assert "silence" in scored[dip].kinds
    clean = score_series(dip_rows(None, 1.0))
    assert not clean[dip].open
    assert [i for i, r in enumerate(scored) if r.open and not dip <= i < dip + 6] == [
        i for i, r in enumerate(clean) if r.open and not dip <= i < dip + 6
    ]


def weekly_rows(weeks: int = 208, outbreak: tuple[int, int] = (120, 128), mean: float = 4.0,
                factor: float = 3.0, seed: int = 3) -> list[tuple[datetime, float]]:
    """Weekly case counts (a surveillance series): Poisson around `mean`, an outbreak of
    `factor` times the usual count over the weeks in [outbreak)."""
    rng = random.Random(seed)
    lo, hi = outbreak
    return [
        (T0 + timedelta(weeks=w), float(poisson(rng, mean * (factor if lo <= w < hi else 1.0))))
        for w in range(weeks)
    ]


def test_a_weekly_outbreak_is_one_incident_and_its_end_is_no_silence() -> None:
    """An incident on a weekly series stays open as long as the level takes to learn
    (14 steps), not two weeks: cut after two, the level had taken the outbreak's count
    and its end was a 'silence'."""
    scored = score_series(weekly_rows())
    opened = [i for i, r in enumerate(scored) if r.alert]
    assert any(120 <= i < 128 for i in opened)
    assert not any(128 <= i < 150 and "silence" in scored[i].kinds for i in opened)
    assert [i for i in opened if 120 <= i < 150] == [min(i for i in opened if i >= 120)]


def test_a_weekly_series_spends_its_budget_per_year() -> None:
    """0.5 false alerts per 168 steps would be one per three years of a weekly series;
    from a week up the budget is per year at least (52 steps): a fivefold budget."""
    week = detect_csv.SeriesShape(timedelta(weeks=1), 1, 1)
    day = detect_csv.SeriesShape(timedelta(days=1), 7, 7)
    cfg = detect_csv.DetectorConfig()
    weekly = detect_csv._params(cfg, week)
    daily = detect_csv._params(cfg, day)
    # per step: 0.5 / 52.18 for weekly series, 0.5 / 168 for daily ones (as before)
    assert weekly.surge_alpha / daily.surge_alpha == pytest.approx(168 / 52.18, rel=0.01)
    hourly = detect_csv._params(cfg, detect_csv.SeriesShape(timedelta(hours=1), 24, 24))
    assert hourly.surge_alpha == pytest.approx(daily.surge_alpha, rel=0.01)


def test_rows_out_of_order_and_repeated_times_are_reported(tmp_path: Path) -> None:
    texts = [(t.isoformat(), str(v)) for t, v in daily_rows()]
    # the audit's case: a time, the same time again, then the step before it
    shuffled = [*texts[:59], texts[60], texts[60], texts[59], *texts[61:]]
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    write_csv(src, shuffled)
    warnings: list[str] = []
    assert score_csv_file(src, dst, warn=warnings.append) == len(shuffled)
    assert warnings == [
        f"{src}: 1 row(s) earlier than a row above them (first: line 63, {texts[59][0]!r}, after "
        f"{texts[60][0]!r} on line 61); scored in time order, written in input order",
        f"{src}: 1 row(s) repeat an earlier row's time (first: line 62, {texts[60][0]!r}, as line 61); "
        "each is scored as a step of its own",
    ]
    out = read_csv(dst)[1:]
    assert [r[:2] for r in out] == [list(r) for r in shuffled]  # input order kept
    # every row is scored as in the same rows sorted by time, from its past only
    ordered = tmp_path / "ordered.csv"
    write_csv(ordered, [*texts[:59], texts[59], texts[60], texts[60], *texts[61:]])
    score_csv_file(ordered, tmp_path / "ordered.out.csv")
    expected = read_csv(tmp_path / "ordered.out.csv")[1:]
    assert out == [*expected[:59], expected[60], expected[61], expected[59], *expected[62:]]


def test_a_series_in_order_gets_no_warning(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    write_csv(src, [(t.isoformat(), str(v)) for t, v in daily_rows()])
    warnings: list[str] = []
    score_csv_file(src, tmp_path / "out.csv", warn=warnings.append)
    assert warnings == []


def test_order_problems_counts_each_kind() -> None:
    times = [T0 + timedelta(hours=h) for h in (0, 1, 1, 3, 2, 0, 4, 2)]
    lines = list(range(2, 10))
    problems = detect_csv.order_problems(times, lines, [t.isoformat() for t in times])
    assert len(problems) == 2
    assert problems[0].startswith("1 row(s) earlier than a row above them (first: line 6,")  # hour 2 after 3
    assert problems[1].startswith("3 row(s) repeat an earlier row's time (first: line 4,")  # 1, 0, 2 again


@pytest.mark.parametrize(("value", "why"), [
    ("inf", "is not a finite number"), ("-Infinity", "is not a finite number"),
    ("1e308", "is out of range"), ("-2e100", "is out of range"),
])
def test_values_the_model_cannot_take_are_one_error_naming_the_line(tmp_path: Path, value: str,
                                                                     why: str) -> None:
    texts = [(t.isoformat(), str(v)) for t, v in daily_rows()]
    texts[70] = (texts[70][0], value)
    src = tmp_path / "odd.csv"
    write_csv(src, texts)
    with pytest.raises(ValueError, match=rf"odd\.csv:72: bad row .*value '{value}' {why}"):
        score_csv_file(src, tmp_path / "out.csv")
    # the largest magnitude taken still scores (a spike, and a series of such values)
    texts[70] = (texts[70][0], str(detect_csv.MAX_ABS_VALUE))
    write_csv(src, texts)
    assert score_csv_file(src, tmp_path / "out.csv") == len(texts)
    assert read_csv(tmp_path / "out.csv")[71][3] == "1"  # the header, then line 72


def test_a_negative_count_after_the_warm_up_is_scored_as_zero_with_a_warning(tmp_path: Path) -> None:
    rows = daily_rows()
    texts = [(t.isoformat(), str(int(v))) for t, v in rows]
    texts[100] = (texts[100][0], "-100")
    texts[110] = (texts[110][0], "-3")
    src, dst = tmp_path / "neg.csv", tmp_path / "out.csv"
    write_csv(src, texts)
    warnings: list[str] = []
    score_csv_file(src, dst, warn=warnings.append)
    assert warnings == [
        f"{src}: 2 row(s) after the warm-up are below 0, the lowest value the detectors can score "
        "(a series is shifted up only for values below zero in its warm-up) (first: line 102, value '-100'); "
        "each is scored as 0"]
    # exactly as a 0 there: the warm-up saw no value below zero, so nothing is shifted
    zeroed = [*texts[:100], (texts[100][0], "0"), *texts[101:110], (texts[110][0], "0"), *texts[111:]]
    write_csv(tmp_path / "zero.csv", zeroed)
    quiet: list[str] = []
    score_csv_file(tmp_path / "zero.csv", tmp_path / "zero.out.csv", warn=quiet.append)
    assert quiet == []
    assert [r[2:] for r in read_csv(dst)] == [r[2:] for r in read_csv(tmp_path / "zero.out.csv")]
    assert [r.floor for r in score_series(rows)] == [None] * len(rows)


def test_a_negative_value_in_the_warm_up_shifts_the_series_without_a_warning(tmp_path: Path) -> None:
    rows = daily_rows()
    texts = [(t.isoformat(), str(int(v))) for t, v in rows]
    texts[5] = (texts[5][0], "-100")
    src = tmp_path / "neg.csv"
    write_csv(src, texts)
    warnings: list[str] = []
    score_csv_file(src, tmp_path / "out.csv", warn=warnings.append)
    assert warnings == []
    shifted = score_series([(t, float(v)) for (t, _), (_, v) in zip(rows, texts, strict=True)])
    # the origin moves the warm-up minimum one warm-up range above zero, so the
    # expectation (in the series' units) stays near the values and none is floored
    assert all(r.floor is None for r in shifted)
    late = [r for r in shifted[60:] if r.expected is not None]
    assert sorted(abs(r.expected - r.value) for r in late)[len(late) // 2] < 15.0
