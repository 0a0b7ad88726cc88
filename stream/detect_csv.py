"""PURE scoring of any regular count series (CSV `timestamp,value`) with the live detectors.

The series' own step is inferred (minutes, hours, days...), its seasonal profile
is time-of-day below a day (at most 48 bins; from 15-minute steps up, times a
factor per bin and weekday, as weekends have their own shape) and day-of-week
for daily data, and the same baseline and tests as the live detector
(`stream.detect.track`) score each point from the past only. The false-alert
budget is read per week, or per 168 steps for series coarser than hourly.
Non-integer or under-dispersed values are put on a count-like scale estimated
from the warm-up, so the negative-binomial model neither drowns tiny
fluctuations of large values nor ignores them; a series that goes below zero is
shifted up (`warmup_origin`), not clamped. Where the model does not fit, a
calibration gate (`_Calibration`) keeps alerts to the series' own most extreme
points. On a count scale a silence is tested against the expectation times the
recent observed/expected ratio (`recent_ratio`: a declining series is not silent for
keeping its decline) and needs the window well below it (`SILENCE_MAX_RATIO`).
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
import statistics
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dateutil.parser

from stream.detect.config import HOURS_PER_WEEK, DetectorConfig
from stream.detect.learn import learn, mark_surge, relevel, window_ratio
from stream.detect.nb import zinb_sum_cdf, zinb_sum_sf
from stream.detect.track import StepScore, Track, TrackParams, profile, recent_ratio, score, zero_share

_DAY = timedelta(days=1)
_YEAR = timedelta(days=365.25)
# Below this step the level (half-life ~1 day) already follows day-to-day changes.
_WEEKLY_MIN_STEP = timedelta(minutes=15)
_MAX_DAY_BINS = 48
# the calibration gate (`_Calibration`): its share of the most extreme points is this
# many times the false-alert budget per step, over at most this many recent points
GATE_FACTOR = 10.0
GATE_MIN_EXCEEDANCES = 4.0
_GATE_WINDOW = timedelta(days=28)
_GATE_MAX_POINTS = 20_000
# below the points that quantile needs, it is extrapolated from the tail of at least
# this many points, and never asks for more than this power of the nominal level
_TAIL_MIN_POINTS = 100
_TAIL_MAX_POWER = 1.5
# a silence on a count scale needs the window at most this share of its expectation
SILENCE_MAX_RATIO = 0.7
# a series below zero is shifted so its warm-up minimum sits this many warm-up ranges
# above zero (`warmup_origin`)
_ORIGIN_MARGIN = 1.0


@dataclass(frozen=True)
class ScoredRow:
    timestamp: datetime
    value: float
    anomaly_score: float  # 0..1; 0.5 at the detectors' own thresholds, 1 at their square
    alert: bool  # an incident opens at this step (what would page an analyst)
    kinds: tuple[str, ...] = ()  # surge | sustained_rise | silence, while one is open
    expected: float | None = None
    open: bool = False  # an incident is open at this step (it opened here or before)
    # set where the value, after the warm-up, is below the lowest the detectors can score
    # (0, or the shifted zero of a series that went below zero in its warm-up): scored as it
    floor: float | None = None


@dataclass(frozen=True)
class SeriesShape:
    step: timedelta
    bins: int  # slots of the day below a day (at most 48), 7 (day of week) or 1
    cycle: int  # steps per seasonal cycle

    def bin_of(self, moment: datetime) -> int:
        if self.step >= _DAY:
            return moment.astimezone(UTC).weekday() if self.bins == 7 else 0
        utc = moment.astimezone(UTC)
        seconds = utc.hour * 3600 + utc.minute * 60 + utc.second
        return min(self.bins - 1, seconds * self.bins // 86400)


def infer_shape(timestamps: Sequence[datetime]) -> SeriesShape:
    """Step = median of the first positive gaps (the past only: later rows cannot change it).

    Below a day the profile has a bin per step of the day, at most 48 (half-hours):
    a half-hourly series changes by a quarter within an hour at night, and finer bins
    would each see too few points to learn from."""
    gaps = [b - a for a, b in itertools.pairwise(timestamps[:51]) if b > a]
    step = statistics.median_low(gaps) if gaps else timedelta(hours=1)
    if step < _DAY:
        cycle = max(1, round(_DAY / step))
        return SeriesShape(step, min(cycle, _MAX_DAY_BINS), cycle)
    if step == _DAY:
        return SeriesShape(step, 7, 7)
    return SeriesShape(step, 1, 1)


def _level_half_life(shape: SeriesShape) -> float:
    """Half-life of the level in steps: about a week of data, but never fewer than 14
    steps (daily or coarser series: two weeks; with 28 a daily series with a yearly
    swing of 30% lagged it by a fifth, and a x1.6 day was flagged 3 times in 10, now 7)
    nor more than 336 (minute-level series must follow shifts)."""
    return min(336.0, max(14.0, timedelta(days=7) / shape.step))


def _params(config: DetectorConfig, shape: SeriesShape) -> TrackParams:
    steps_per_week = timedelta(days=7) / shape.step
    level = _level_half_life(shape)
    # the budget is per week, or per 168 steps for series coarser than hourly (a
    # five-minute series must not spend a week's false alerts every 14 hours), but at
    # least per year: 168 steps of a weekly series are three years, and at half a false
    # alert per three years an outbreak of two to three times the usual count over a
    # few weeks of a small weekly series went unflagged (on 26 weekly public-health
    # series 10 outbreaks caught with 36 false alerts, per year 12 with 29, with the
    # episode limit below; on 177 simulated ones 58 -> 82 caught, false 56 -> 79 of
    # a nominal 174). Daily series are unchanged (168 days are under a year).
    budget_steps = max(steps_per_week, min(float(HOURS_PER_WEEK), _YEAR / shape.step))
    scaled = replace(
        config,
        false_alerts_per_region_week=config.false_alerts_per_region_week * HOURS_PER_WEEK / budget_steps,
        level_half_life_hours=level,
        profile_half_life_hours=4 * level,
        dispersion_half_life_hours=2 * level,  # early model error must fade from the spread
    )
    # long enough to see every weekday of a sub-daily series (weekends), at most 600 steps
    week = round(timedelta(days=7) / shape.step) + shape.cycle if shape.step < _DAY else 0
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


def warmup_origin(values: Sequence[float]) -> float:
    """Shift for a series that goes below zero (a measurement, not a count): its
    warm-up minimum moves up to the warm-up's range above zero, so the model sees
    positive values and later falls below that minimum still register."""
    if not values or min(values) >= 0.0:
        return 0.0
    return -min(values) + _ORIGIN_MARGIN * (max(values) - min(values))


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
    # in steps: the live limit read as time (4 days), at least two seasonal cycles, and
    # from a day up at least the level's half-life: after two weeks of a weekly outbreak
    # the level was reset to the outbreak's count, the rest of it went unseen and its
    # end raised a silence (16 of 36 false alerts on 26 weekly public-health series;
    # daily series: 14 steps, as before)
    max_open = max(round(timedelta(hours=cfg.max_open_hours) / shape.step), 2 * shape.cycle)
    if shape.step >= _DAY:
        max_open = max(max_open, round(_level_half_life(shape)))
    run = _Run(cfg, params, shape, max_open)
    out: list[ScoredRow] = []
    was_open = False
    for i, (ts, raw) in enumerate(data):
        if i == params.warmup:
            # Fix the count scale from the warm-up, then relearn the warm-up in that unit.
            warm_values = [v for _, v in data[:i] if not math.isnan(v)]
            origin = warmup_origin(warm_values)
            run.restart(count_scale([v + origin for v in warm_values]), origin)
            for j, (past_ts, past) in enumerate(data[:i]):
                if not math.isnan(past):
                    run.step(j, past_ts, past)
        if math.isnan(raw):
            out.append(ScoredRow(ts, raw, 0.0, False))
            continue
        sc, kinds, p_norm = run.step(i, ts, raw)
        warm = sc.warm
        is_open = bool(kinds) and warm
        out.append(
            ScoredRow(
                timestamp=ts,
                value=raw,
                anomaly_score=_to_score(p_norm, params.surge_alpha) if warm else 0.0,
                # one alert per incident: the rows it stays open add no alert of their
                # own (an evaluation that counts flagged rows would count one incident
                # of ten hours as ten false alerts); the score shows how it goes on
                alert=is_open and not was_open,
                kinds=kinds if warm else (),
                expected=sc.mu * run.unit - run.origin,
                open=is_open,
                floor=0.0 - run.origin + 0.0 if i >= params.warmup and raw + run.origin < 0.0 else None,
            )
        )
        was_open = is_open
    return out


class _Calibration:
    """The series' own record of how extreme its points have been, to set the alert
    threshold from the false-alert budget when the model does not fit.

    The negative-binomial p-values are exact only for the model; a real series
    (a sensor, a web service, city traffic) departs from it, and then nominal
    p-values below the per-step level come far more often than the level says. An
    episode therefore opens only if its evidence (-log p) is also among the
    `share` most extreme of the scored points in the window (the last four weeks),
    `share` being `GATE_FACTOR` times the budget per step: on a series the model
    fits, the nominal level is the stricter of the two and the gate seldom binds
    (on 60 simulated region-months of strike counts the surges caught went from 48
    to 44 of 224, silences from 21 to 20 of 33, step rises stayed 69 of 112, and
    false alerts went from 100 to 91). Where it binds is after a stretch the model
    did not fit (a disturbed week, a holiday season): the window is full of its
    extremes, and only worse ones open an alert for the next four weeks.
    Until the window holds `GATE_MIN_EXCEEDANCES` / `share` points (five and a
    half days at the default budget, whatever the step) the quantile is
    extrapolated from the tail of the points seen, once there are
    `_TAIL_MIN_POINTS`: the excesses of the top tenth over its lowest value are
    taken as exponential (peaks over a threshold), and the quantile is read from
    that tail, but never above `_TAIL_MAX_POWER` times the nominal evidence (an
    extrapolation from a few days must not silence a point at the square of the
    level). On three bursty tweet-count series the first days had raised a third
    of their false alerts before the gate could bind."""

    def __init__(self, window: int, share: float) -> None:
        self.window, self.share = max(1, window), share
        self.cap = math.inf
        self.sorted: list[float] = []
        self.order: deque[float] = deque()

    def threshold(self) -> float | None:
        """The evidence an opening needs beyond the nominal level, if known yet."""
        n = len(self.sorted)
        if n * self.share >= GATE_MIN_EXCEEDANCES:
            return self.sorted[min(n - 1, int(n * (1.0 - self.share)))]
        if n < _TAIL_MIN_POINTS or self.share <= 0.0:
            return None
        # Too few points for that quantile: extrapolate it from the tail (peaks over a
        # threshold, exponential excesses) of the top tenth of the points seen.
        top = max(2, n // 10)
        base = self.sorted[n - top - 1]
        scale = sum(v - base for v in self.sorted[n - top :]) / top
        if scale <= 0.0:
            return None
        return min(self.cap, base + scale * math.log(top / n / self.share))

    def add(self, evidence: float) -> None:
        bisect.insort(self.sorted, evidence)
        self.order.append(evidence)
        if len(self.order) > self.window:
            old = self.order.popleft()
            del self.sorted[bisect.bisect_left(self.sorted, old)]


class _Weekly:
    """Slot-of-week factor on top of the profile of a sub-daily series: weekends differ
    in shape, not only in level (city traffic is busy on weekend nights and quiet on
    their mornings). A slot is one of the profile's bins on one weekday; its factor is
    observed over expected, shrunk to 1 by pseudo-events like the profile, forgotten
    with a four-week half-life (lazily: a slot is decayed when it is next read), and
    normalised so that the seven days of one bin average 1 (the profile keeps the
    bin's own level)."""

    def __init__(self, shape: SeriesShape, step_decay: float, prior_events: float) -> None:
        self.shape, self.decay, self.prior = shape, step_decay, prior_events
        slots = 7 * shape.bins
        self.seen = [0.0] * slots
        self.expected = [0.0] * slots
        self.stamp = [0] * slots
        self.now = 0

    def _raw(self, slot: int) -> float:
        fade = self.decay ** (self.now - self.stamp[slot])
        return (self.seen[slot] * fade + self.prior) / (self.expected[slot] * fade + self.prior)

    def factor(self, moment: datetime) -> float:
        bins, b = self.shape.bins, self.shape.bin_of(moment)
        raw = [self._raw(day * bins + b) for day in range(7)]
        mean = sum(raw) / 7.0
        return max(0.05, raw[moment.astimezone(UTC).weekday()] / mean)

    def learn(self, moment: datetime, y: float, expected: float) -> None:
        slot = moment.astimezone(UTC).weekday() * self.shape.bins + self.shape.bin_of(moment)
        fade = self.decay ** (self.now - self.stamp[slot])
        self.seen[slot] = self.seen[slot] * fade + y
        self.expected[slot] = self.expected[slot] * fade + expected
        self.stamp[slot] = self.now

    def tick(self) -> None:
        self.now += 1


class _Run:
    """One series being scored: its track, episodes and count unit."""

    def __init__(self, cfg: DetectorConfig, params: TrackParams, shape: SeriesShape, max_open: int) -> None:
        self.cfg, self.params, self.shape, self.max_open = cfg, params, shape, max_open
        self.restart(1.0, 0.0)

    def restart(self, unit: float, origin: float) -> None:
        self.unit, self.origin = unit, origin
        # a count scale: no shift and at least Poisson-dispersed in its own unit
        self.counts = unit == 1.0 and origin == 0.0
        self.params = replace(self.params, recent_lull=self.counts)
        budget_per_step = self.params.surge_alpha / self.cfg.surge_share
        window = min(_GATE_MAX_POINTS, round(_GATE_WINDOW / self.shape.step))
        self.calibration = _Calibration(window, GATE_FACTOR * budget_per_step)
        self.calibration.cap = _TAIL_MAX_POWER * -math.log(self.params.surge_alpha)
        self.track = Track(self.shape.bins)
        self.episode = _Episode()
        # steps since the current run of episodes began, and clean steps since the last
        # one: a level shift flickers in and out of alarm, so only a full clean cycle
        # ends the run (in alarm the level learns only clipped values and may lag)
        self.blocked = 0
        self.clean = 0
        week_steps = timedelta(days=28) / self.shape.step  # four weeks of memory
        self.weekly = (
            _Weekly(self.shape, 0.5 ** (1.0 / week_steps), self.params.profile_prior_events)
            if self.shape.step < _DAY and self.shape.step >= _WEEKLY_MIN_STEP
            else None
        )

    def step(self, i: int, ts: datetime, raw: float) -> tuple[StepScore, tuple[str, ...], float]:
        params, track = self.params, self.track
        y = max(0.0, raw + self.origin) / self.unit
        b = self.shape.bin_of(ts)
        week = self.weekly.factor(ts) if self.weekly else 1.0
        if self.weekly:
            self.weekly.tick()
        prof = profile(track, None, params)
        sc = score(track, i, prof[b] * week, y, params)
        short_lull = False
        if not sc.silence and sc.warm and y < sc.mu:
            sc, short_lull = self._short_silence(sc)
        if sc.surge and self.counts:
            sc = self._surge_against_recent(sc)
        ep = self.episode
        opening = not (ep.surge or ep.silence or ep.rise_since is not None)
        # on a count scale a lull is a ratio: a tenth fewer than expected over the window
        # is a lagging level (a declining series), not silence, and the expectation is
        # the recent ratio's (`track.score`); on a shifted or rescaled measurement
        # (a temperature) ratios mean nothing and the p-value alone decides
        lull = SILENCE_MAX_RATIO * min(1.0, recent_ratio(track)) if self.counts else math.inf
        kinds, p_norm = _step(self.cfg, params, track, ep, sc, i, lull, short_lull)
        evidence = -math.log(max(p_norm, 1e-300))
        gate = self.calibration.threshold() if sc.warm else None
        if kinds and opening and gate is not None and evidence < gate:
            kinds = ()  # as extreme as this series often is: not an alert
            ep.surge = ep.silence = False
            ep.rise_since = None
        if sc.warm:
            self.calibration.add(evidence)
        if gate is not None and gate > 0.0:
            # the score reaches 0.5 at the stricter of the nominal and the calibrated level
            p_norm = max(p_norm, params.surge_alpha ** (evidence / gate))
        # the track learns week-adjusted values; the weekly factor learns the rest
        base = sc.mu / week
        in_episode = ep.surge or ep.silence or ep.rise_since is not None
        if in_episode:
            self.blocked += 1
            self.clean = 0
            # Inside an episode the baseline keeps learning, from the value clipped to
            # 3 sd above the expectation: a spike moves it no more than an ordinary point
            # would, and a lasting change of level or shape (or a warm-up that got it
            # wrong) is followed instead of keeping the series in alarm until the episode
            # is cut at `max_open`. Not clipped below: a trough the profile has not
            # learnt yet (a quiet night) must not be held up at mu - 3 sd for days.
            spread = 3.0 * math.sqrt(sc.mu + sc.mu**2 / sc.size)
            kept = min(y, sc.mu + spread)
        else:
            self.clean += 1
            if self.blocked:
                self.blocked = 0 if self.clean >= self.shape.cycle else self.blocked + 1
            kept = y
        # the weekly factor learns once the track has seen a whole day: before that the
        # expectation is the prior's, and one slot's observed/expected would be thousands
        # (and every other slot's factor next to nothing)
        learns_week = self.weekly is not None and track.learned >= self.shape.cycle
        learn(track, b, kept / week, prof[b], base, params)
        if self.weekly and learns_week:
            self.weekly.learn(ts, kept, base)
        if in_episode and self.blocked >= self.max_open:  # a lasting change is the new normal
            relevel(track, max(window_ratio(track, self.cfg.cusum_resolve_hours), 1e-3))
            self.episode = _Episode()
            self.blocked = 0
        return sc, kinds, p_norm


    def _short_silence(self, sc: StepScore) -> tuple[StepScore, bool]:
        """A drop shorter than the silence window (a busy series at zero for an hour,
        a feed that skipped a beat): the windows of the last 1 .. window-1 steps are
        tested like the whole one, with a Bonferroni correction for the scan, the
        recent ratio and on a count scale the same ratio limit."""
        params = self.params
        width = params.silence_window
        ratio = min(1.0, recent_ratio(self.track)) if self.counts else 1.0
        lull = SILENCE_MAX_RATIO if self.counts else math.inf
        ring = self.track.ring
        pi = zero_share(self.track)
        obs = exp = 0.0
        for k in range(1, min(width, len(ring) + 1)):
            entry = ring[-k]
            obs += entry[2]
            exp += entry[0] * ratio
            if exp < params.silence_min_expected or obs > lull * exp:
                continue
            p_k = width * zinb_sum_cdf(obs, [e[0] * ratio for e in ring[-k:]], sc.size, pi)
            if p_k < params.silence_alpha:
                return replace(sc, p_low=min(sc.p_low, p_k), silence=True), True
        return sc, False

    def _surge_against_recent(self, sc: StepScore) -> StepScore:
        """The same for a surge on a rising series: its scan window is tested against
        the expectation times the recent ratio when that is above 1 (a series rising
        1% a day raised a surge every fortnight, 3% a day every five days)."""
        ratio = recent_ratio(self.track)
        if ratio <= 1.0:
            return sc
        window = self.track.ring[-sc.scan_len :]
        mus = [e[0] * ratio for e in window]
        obs = sum(e[2] for e in window)
        p = zinb_sum_sf(obs, mus, sc.size, zero_share(self.track)) * self.params.surge_scan
        surge = p < self.params.surge_alpha and obs - sum(mus) >= self.params.min_excess
        return replace(sc, p_scan=max(sc.p_scan, p), surge=surge)


def _step(
    cfg: DetectorConfig,
    params: TrackParams,
    track: Track,
    ep: _Episode,
    sc: StepScore,
    i: int,
    lull: float = math.inf,
    short_lull: bool = False,
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
    opens = sc.silence and (short_lull or window_ratio(track, cfg.silence_hours) <= lull)
    if opens or (ep.silence and sc.y < max(1.0, 0.5 * sc.mu)):
        kinds.append("silence")
    ep.silence = "silence" in kinds
    p_rise = params.surge_alpha ** (sc.cusum / sc.threshold) if sc.threshold > 0 else 1.0
    p_low = sc.p_low * params.surge_alpha / params.silence_alpha
    return tuple(kinds), min(1.0, sc.p_scan, p_low, p_rise)


# the largest magnitude a value may have: the model squares differences of values and
# sums them, and 1e308 overflows (1e100 is far beyond any count or measurement)
MAX_ABS_VALUE = 1e100

# how public series mark a missing value (R's NA, JSON's null, a spreadsheet's dash)
_MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "-"})

# Numeric times below this (about 1973 as epoch seconds) are step numbers (1, 2, 3...),
# as some labelled benchmarks write them; they are read as hours from `_INDEX_EPOCH`.
_INDEX_LIMIT = 1e8
_INDEX_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday at midnight


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 (naive = UTC), epoch seconds (milliseconds if > 1e11), or a step
    number below 1e8, read as that many hours after 2000-01-03 (a series indexed 1, 2,
    3... gives no unit: hours are the commonest, and the daily profile then has 24 bins
    whatever the real step)."""
    text = text.strip()
    try:
        number = float(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            # other layouts public series come in ("02/26/2015 21:42", "26-Feb-2015")
            try:
                moment = dateutil.parser.parse(text)
            except (ValueError, OverflowError) as exc:
                msg = f"not a time: {text!r}"
                raise ValueError(msg) from exc
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if not math.isfinite(number):
        msg = f"not a time: {text!r}"
        raise ValueError(msg)
    if abs(number) < _INDEX_LIMIT:
        return _INDEX_EPOCH + timedelta(hours=number)
    if number > 1e11:
        number /= 1000.0
    return datetime.fromtimestamp(number, tz=UTC)


def order_problems(times: Sequence[datetime], lines: Sequence[int], texts: Sequence[str]) -> list[str]:
    """What a user must hear about a series that is not in strict time order: rows earlier
    than a row above them, and rows repeating an earlier row's time, each with its count
    and first line (`lines` and `texts`: the rows' line numbers and time as written)."""
    first: dict[datetime, int] = {}
    latest: int | None = None  # index of the latest time so far
    back: list[int] = []
    repeats: list[tuple[int, int]] = []
    for k, t in enumerate(times):
        if t in first:
            repeats.append((k, first[t]))
        elif latest is not None and t < times[latest]:
            back.append(k)
        first.setdefault(t, k)
        if latest is None or t > times[latest]:
            latest = k
    out = []
    if back:
        k = back[0]
        prior = max(range(k), key=lambda j: times[j])
        out.append(f"{len(back)} row(s) earlier than a row above them (first: line {lines[k]}, {texts[k]!r}, "
                   f"after {texts[prior]!r} on line {lines[prior]}); scored in time order, written in "
                   "input order")
    if repeats:
        k, j = repeats[0]
        out.append(f"{len(repeats)} row(s) repeat an earlier row's time (first: line {lines[k]}, "
                   f"{texts[k]!r}, as line {lines[j]}); each is scored as a step of its own")
    return out


def score_csv_file(
    input_path: str | Path, output_path: str | Path, config: DetectorConfig | None = None,
    warn: Callable[[str], None] | None = None,
) -> int:
    """Read `timestamp,value` (header required), write `timestamp,value,anomaly_score,alert`.

    Rows are scored in time order; rows out of order and repeated times are reported
    through `warn` (`order_problems`), each message starting with the file's name.
    Returns the number of data rows written (every input row, in input order).
    """
    src = Path(input_path)
    with src.open(newline="", encoding="utf-8-sig") as fh:  # a spreadsheet's BOM is not a name
        first = fh.readline()
        fh.seek(0)
        # comma, else what the header is split by: semicolons (spreadsheets where the
        # comma is the decimal mark) or tabs
        delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
        reader = csv.reader(fh, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            msg = f"{src}: empty file, expected a header row"
            raise ValueError(msg)
        names = [h.strip().lower() for h in header]
        t_col = names.index("timestamp") if "timestamp" in names else 0
        v_col = names.index("value") if "value" in names else 1
        raw: list[tuple[str, str]] = []
        parsed: list[tuple[datetime, float]] = []
        line_numbers: list[int] = []
        for row in reader:
            line_no = reader.line_num  # the file's line (a quoted field may span several)
            if not row or all(not c.strip() for c in row):
                continue
            try:
                ts_text, value_text = row[t_col], row[v_col]
                number = value_text if delimiter == "," else value_text.replace(",", ".")  # 3,5
                value = math.nan if value_text.strip().lower() in _MISSING else float(number)
                if math.isinf(value) or abs(value) > MAX_ABS_VALUE:
                    msg = (f"value {value_text.strip()!r} is not a finite number" if math.isinf(value)
                           else f"value {value_text.strip()!r} is out of range (at most {MAX_ABS_VALUE:g} "
                                "either side of zero)")
                    raise ValueError(msg)
                parsed.append((parse_timestamp(ts_text), value))
            except (IndexError, ValueError, OverflowError) as exc:
                msg = f"{src}:{line_no}: bad row {row!r}: {exc}"
                raise ValueError(msg) from exc
            raw.append((ts_text, value_text))
            line_numbers.append(line_no)
    if warn is not None:
        for problem in order_problems([t for t, _ in parsed], line_numbers, [t for t, _ in raw]):
            warn(f"{src}: {problem}")
    order = sorted(range(len(parsed)), key=lambda k: parsed[k][0])
    scored = score_series([parsed[k] for k in order], config)
    by_index = dict(zip(order, scored, strict=True))
    floored = [k for k in range(len(raw)) if by_index[k].floor is not None]
    if warn is not None and floored:
        k = floored[0]
        floor = by_index[k].floor
        warn(f"{src}: {len(floored)} row(s) after the warm-up are below {floor:g}, the lowest value the "
             f"detectors can score (a series is shifted up only for values below zero in its warm-up) "
             f"(first: line {line_numbers[k]}, value {raw[k][1]!r}); each is scored as {floor:g}")
    with Path(output_path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["timestamp", "value", "anomaly_score", "alert"])
        for k, (ts_text, value_text) in enumerate(raw):
            row_score = by_index[k]
            writer.writerow([ts_text, value_text, f"{row_score.anomaly_score:.6f}", int(row_score.alert)])
    return len(raw)
