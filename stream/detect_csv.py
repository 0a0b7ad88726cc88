"""PURE scoring of any regular count series (CSV `timestamp,value`) with the live detectors.

The series' own step is inferred (minutes, hours, days...), its seasonal profile
is hour-of-day below a day and day-of-week for daily data, and the same baseline
and tests as the live detector (`stream.detect.track`) score each point from the
past only. The false-alert budget is read per 168 steps (a week of hourly data).
Non-integer or under-dispersed values are put on a count-like scale estimated
from the warm-up, so the negative-binomial model neither drowns tiny
fluctuations of large values nor ignores them. Negative values are clamped to 0.
"""

from __future__ import annotations

import csv
import itertools
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stream.detect.config import DetectorConfig
from stream.detect.learn import learn, learn_profile, mark_surge, relevel, window_ratio
from stream.detect.track import StepScore, Track, TrackParams, profile, score

_DAY = timedelta(days=1)
# Below this step the level (half-life ~1 day) already follows day-to-day changes.
_WEEKLY_MIN_STEP = timedelta(minutes=15)


@dataclass(frozen=True)
class ScoredRow:
    timestamp: datetime
    value: float
    anomaly_score: float  # 0..1; 0.5 at the detectors' own thresholds, 1 at their square
    alert: bool
    kinds: tuple[str, ...] = ()  # surge | sustained_rise | silence
    expected: float | None = None


@dataclass(frozen=True)
class SeriesShape:
    step: timedelta
    bins: int  # 24 (hour of day), 7 (day of week) or 1
    cycle: int  # steps per seasonal cycle

    def bin_of(self, moment: datetime) -> int:
        if self.bins == 24:
            return moment.astimezone(UTC).hour
        if self.bins == 7:
            return moment.astimezone(UTC).weekday()
        return 0


def infer_shape(timestamps: Sequence[datetime]) -> SeriesShape:
    """Step = median of the first positive gaps (the past only: later rows cannot change it)."""
    gaps = [b - a for a, b in itertools.pairwise(timestamps[:51]) if b > a]
    step = statistics.median_low(gaps) if gaps else timedelta(hours=1)
    if step < _DAY:
        return SeriesShape(step, 24, max(1, round(_DAY / step)))
    if step == _DAY:
        return SeriesShape(step, 7, 7)
    return SeriesShape(step, 1, 1)


def _params(config: DetectorConfig, shape: SeriesShape) -> TrackParams:
    # Half-lives in steps: about a week of data, but never fewer than 28 steps (daily
    # or coarser series) nor more than 336 (minute-level series must follow shifts).
    level = min(336.0, max(28.0, timedelta(days=7) / shape.step))
    scaled = replace(
        config,
        level_half_life_hours=level,
        profile_half_life_hours=4 * level,
        dispersion_half_life_hours=2 * level,  # early model error must fade from the spread
    )
    # long enough to see every weekday of a sub-daily series (weekends), at most 600 steps
    week = round(timedelta(days=7) / shape.step) + shape.cycle if shape.bins == 24 else 0
    warmup = min(600, max(28, 4 * shape.cycle, week))
    return TrackParams.from_config(scaled, bins=shape.bins, warmup=warmup)


def count_scale(values: Sequence[float]) -> float:
    """Unit that makes the warm-up values at least Poisson-dispersed (1 for counts)."""
    positive = [max(0.0, v) for v in values]
    mean = statistics.fmean(positive) if positive else 0.0
    diffs = [(b - a) ** 2 for a, b in itertools.pairwise(positive)]
    if mean <= 0.0 or not diffs:
        return 1.0
    # median of a chi-square(1) is 0.4549: a robust variance from successive differences
    var = statistics.median(diffs) / (2 * 0.4549) or statistics.fmean(diffs) / 2
    return 1.0 if var <= 0.0 else min(1.0, var / mean)


def _to_score(p: float, alpha: float) -> float:
    if p >= 1.0:
        return 0.0
    return min(1.0, 0.5 * math.log(max(p, 1e-300)) / math.log(alpha))


class _Episode:
    """Hysteresis for the CSV scorer: the live lifecycle without Alert objects."""

    def __init__(self) -> None:
        self.surge = False
        self.rise_since: int | None = None
        self.silence = False


def score_series(
    rows: Iterable[tuple[datetime, float]], config: DetectorConfig | None = None
) -> list[ScoredRow]:
    """Score each (timestamp, value) from the points before it; rows in time order."""
    cfg = config or DetectorConfig()
    data = [(ts if ts.tzinfo else ts.replace(tzinfo=UTC), float(v)) for ts, v in rows]
    if not data:
        return []
    shape = infer_shape([ts for ts, _ in data])
    params = _params(cfg, shape)
    # in steps: the live limit read as time (4 days), at least two seasonal cycles
    max_open = max(round(timedelta(hours=cfg.max_open_hours) / shape.step), 2 * shape.cycle)
    run = _Run(cfg, params, shape, max_open)
    out: list[ScoredRow] = []
    for i, (ts, raw) in enumerate(data):
        if i == params.warmup:
            # Fix the count scale from the warm-up, then relearn the warm-up in that unit.
            run.restart(count_scale([v for _, v in data[:i] if not math.isnan(v)]))
            for j, (past_ts, past) in enumerate(data[:i]):
                if not math.isnan(past):
                    run.step(j, past_ts, past)
        if math.isnan(raw):
            out.append(ScoredRow(ts, raw, 0.0, False))
            continue
        sc, kinds, p_norm = run.step(i, ts, raw)
        warm = sc.warm
        out.append(
            ScoredRow(
                timestamp=ts,
                value=raw,
                anomaly_score=_to_score(p_norm, params.surge_alpha) if warm else 0.0,
                alert=bool(kinds) and warm,
                kinds=kinds if warm else (),
                expected=sc.mu * run.unit,
            )
        )
    return out


class _Weekly:
    """Day-of-week factor on top of the hour-of-day profile of a sub-daily series
    (web traffic has weekends); shrunk to 1 by pseudo-events like the profile."""

    def __init__(self, decay: float, prior_events: float) -> None:
        self.decay, self.prior = decay, prior_events
        self.seen = [0.0] * 7
        self.expected = [0.0] * 7

    def factors(self) -> list[float]:
        raw = [(o + self.prior) / (e + self.prior) for o, e in zip(self.seen, self.expected, strict=True)]
        mean = sum(raw) / 7.0
        return [max(0.05, v / mean) for v in raw]

    def learn(self, day: int, y: float, expected: float) -> None:
        for d in range(7):
            self.seen[d] *= self.decay
            self.expected[d] *= self.decay
        self.seen[day] += y
        self.expected[day] += expected


class _Run:
    """One series being scored: its track, episodes and count unit."""

    def __init__(self, cfg: DetectorConfig, params: TrackParams, shape: SeriesShape, max_open: int) -> None:
        self.cfg, self.params, self.shape, self.max_open = cfg, params, shape, max_open
        self.restart(1.0)

    def restart(self, unit: float) -> None:
        self.unit = unit
        self.track = Track(self.shape.bins)
        self.episode = _Episode()
        # steps since the current run of episodes began, and clean steps since the last
        # one: a level shift flickers in and out of alarm, so only a full clean cycle
        # ends the run (otherwise the level, frozen in alarm, never catches up)
        self.blocked = 0
        self.clean = 0
        week_steps = timedelta(days=28) / self.shape.step  # four weeks of memory
        self.weekly = (
            _Weekly(0.5 ** (1.0 / week_steps), self.params.profile_prior_events)
            if self.shape.bins == 24 and self.shape.step >= _WEEKLY_MIN_STEP
            else None
        )

    def step(self, i: int, ts: datetime, raw: float) -> tuple[StepScore, tuple[str, ...], float]:
        params, track = self.params, self.track
        y = max(0.0, raw) / self.unit
        b = self.shape.bin_of(ts)
        day = ts.astimezone(UTC).weekday()
        week = self.weekly.factors()[day] if self.weekly else 1.0
        prof = profile(track, None, params)
        sc = score(track, i, prof[b] * week, y, params)
        kinds, p_norm = _step(self.cfg, params, track, self.episode, sc, i)
        ep = self.episode
        # the track learns week-adjusted values; the weekly factor learns the rest
        base = sc.mu / week
        if not (ep.surge or ep.silence or ep.rise_since is not None):
            self.clean += 1
            if self.blocked:
                self.blocked = 0 if self.clean >= self.shape.cycle else self.blocked + 1
            learn(track, b, y / week, prof[b], base, params)
            if self.weekly:
                self.weekly.learn(day, y, base)
            return sc, kinds, p_norm
        self.blocked += 1
        self.clean = 0
        # The seasonal shape keeps learning (clipped), so a profile the warm-up got wrong
        # cannot keep the series in alarm; the level stays frozen inside the episode.
        clipped = min(y, sc.mu + 3.0 * math.sqrt(sc.mu + sc.mu**2 / sc.size))
        learn_profile(track, b, clipped / week, params)
        if self.weekly:
            self.weekly.learn(day, clipped, base)
        if self.blocked >= self.max_open:  # a lasting change is the new normal
            relevel(track, max(window_ratio(track, self.cfg.cusum_resolve_hours), 1e-3))
            self.episode = _Episode()
            self.blocked = 0
        return sc, kinds, p_norm


def _step(
    cfg: DetectorConfig,
    params: TrackParams,
    track: Track,
    ep: _Episode,
    sc: StepScore,
    i: int,
) -> tuple[tuple[str, ...], float]:
    """Update the episodes for this point; return the detectors that fire and the
    smallest p-value, each normalised to the surge level."""
    kinds: list[str] = []
    if sc.surge or (ep.surge and sc.p_up < params.keep_alpha and sc.y > sc.mu):
        kinds.append("surge")
        mark_surge(track, sc.scan_len if not ep.surge else 1)
    ep.surge = "surge" in kinds
    ratio = window_ratio(track, cfg.cusum_resolve_hours)
    if ep.rise_since is None and sc.rise:
        ep.rise_since = i
    elif ep.rise_since is not None:
        if ratio <= (1.0 + cfg.cusum_ratio) / 2.0:
            track.cusum, track.cusum_start, ep.rise_since = 0.0, None, None
        else:
            track.cusum = min(track.cusum, 2.0 * sc.threshold)
    if ep.rise_since is not None:
        kinds.append("sustained_rise")
    if sc.silence or (ep.silence and sc.y < max(1.0, 0.5 * sc.mu)):
        kinds.append("silence")
    ep.silence = "silence" in kinds
    p_rise = params.surge_alpha ** (sc.cusum / sc.threshold) if sc.threshold > 0 else 1.0
    p_low = sc.p_low * params.surge_alpha / params.silence_alpha
    return tuple(kinds), min(1.0, sc.p_scan, p_low, p_rise)


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 (naive = UTC) or epoch seconds (milliseconds if > 1e11)."""
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if number > 1e11:
        number /= 1000.0
    return datetime.fromtimestamp(number, tz=UTC)


def score_csv_file(input_path: str | Path, output_path: str | Path) -> int:
    """Read `timestamp,value` (header required), write `timestamp,value,anomaly_score,alert`.

    Returns the number of data rows written (every input row, in input order).
    """
    src = Path(input_path)
    with src.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            msg = f"{src}: empty file, expected a header row"
            raise ValueError(msg)
        names = [h.strip().lower() for h in header]
        t_col = names.index("timestamp") if "timestamp" in names else 0
        v_col = names.index("value") if "value" in names else 1
        raw: list[tuple[str, str]] = []
        parsed: list[tuple[datetime, float]] = []
        for line_no, row in enumerate(reader, start=2):
            if not row or all(not c.strip() for c in row):
                continue
            try:
                ts_text, value_text = row[t_col], row[v_col]
                value = float(value_text) if value_text.strip() else math.nan
                parsed.append((parse_timestamp(ts_text), value))
            except (IndexError, ValueError) as exc:
                msg = f"{src}:{line_no}: bad row {row!r}: {exc}"
                raise ValueError(msg) from exc
            raw.append((ts_text, value_text))
    order = sorted(range(len(parsed)), key=lambda k: parsed[k][0])
    scored = score_series([parsed[k] for k in order])
    by_index = dict(zip(order, scored, strict=True))
    with Path(output_path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["timestamp", "value", "anomaly_score", "alert"])
        for k, (ts_text, value_text) in enumerate(raw):
            row_score = by_index[k]
            writer.writerow([ts_text, value_text, f"{row_score.anomaly_score:.6f}", int(row_score.alert)])
    return len(raw)
