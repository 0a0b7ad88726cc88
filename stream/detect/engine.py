"""PURE: the live detector API: new_state / observe / advance.

`observe` records the current total of (region, hour) with SET semantics, so
re-delivery is a no-op and a correction overwrites. `advance` is an event-time
watermark: it scores, in time order, every hour that closed (hour_end + grace
<= now), each from the state built on earlier hours only, and returns the alerts
opened, updated or resolved. The same inputs give the same alerts (and alert ids)
whatever the granularity of the `advance` calls.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from stream.detect import feedwide, lifecycle
from stream.detect.config import DetectorConfig
from stream.detect.learn import learn, learn_spread
from stream.detect.state import AGGREGATE, DetectorState, SeriesState, hour_index, hour_start
from stream.detect.track import Track, TrackParams, profile, profile_factor, score
from stream.models import Alert

_BINS = 24  # hour-of-day profile (UTC)


def new_state(config: DetectorConfig | None = None) -> DetectorState:
    return DetectorState(config=config or DetectorConfig())


def is_late(state: DetectorState, hour_start: datetime) -> bool:
    """True when that hour was already scored: `observe` would only count it as late."""
    return state.watermark is not None and hour_index(hour_start) < state.watermark


def closed_before(state: DetectorState, now: datetime) -> datetime:
    """Start of the first hour `advance(state, now=now)` leaves unscored: every hour
    before it is scored by then (it ended at least the grace before `now`)."""
    return hour_start(hour_index(now - state.config.hour_close_grace))


def observe(
    state: DetectorState,
    *,
    region: str,
    hour_start: datetime,
    value: int,
    claim_ids: Sequence[str] = (),
) -> DetectorState:
    """Set the total activity of (region, hour); `region == "ALL"` is the unregioned total.

    An hour already scored is not re-scored: the observation is counted in
    `late_observations` and otherwise ignored (the agent routes it as late).
    """
    if not region:
        msg = "region is empty"
        raise ValueError(msg)
    if value < 0:
        msg = f"value {value} for {region} is negative"
        raise ValueError(msg)
    h = hour_index(hour_start)
    if state.watermark is not None and h < state.watermark:
        return replace(state, late_observations=state.late_observations + 1)
    ids = tuple(sorted(set(claim_ids)))[: state.config.max_claim_ids]
    known = region == AGGREGATE or region in state.series
    if known and state.pending.get(region, {}).get(h) == (value, ids):
        return state
    pending = dict(state.pending)
    pending[region] = {**pending.get(region, {}), h: (value, ids)}
    series = state.series
    if region != AGGREGATE:
        current = series.get(region)
        if current is None or h < current.start:
            series = dict(series)
            series[region] = (
                SeriesState(start=h, track=Track(_BINS)) if current is None else replace(current, start=h)
            )
    return replace(state, pending=pending, series=series)


def advance(state: DetectorState, *, now: datetime) -> tuple[DetectorState, list[Alert]]:
    """Score every hour closed by `now` (event time) and return the alert changes."""
    last_closed = hour_index(now - state.config.hour_close_grace) - 1
    start = state.watermark
    if start is None:
        hours = [h for by_hour in state.pending.values() for h in by_hour]
        if not hours:
            return state, []
        start = min(hours)
    if start > last_closed:
        return state, []
    st = replace(
        state,
        series={k: s.clone() for k, s in state.series.items()},
        mass=None if state.mass is None else state.mass.clone(),
    )
    # The mass-attack level depends on how many regions are watched: those whose series
    # began by the hour scored (not those known when `advance` runs, which would make
    # an hour's score depend on how far later hours had been observed).
    starts = sorted(s.start for k, s in st.series.items() if k != AGGREGATE)
    by_count: dict[int, TrackParams] = {}
    out: list[Alert] = []
    for h in range(start, last_closed + 1):
        n_regions = bisect.bisect_right(starts, h)
        params = by_count.get(n_regions)
        if params is None:
            params = by_count[n_regions] = TrackParams.from_config(
                st.config, bins=_BINS, n_series=n_regions, exact_tails=False)
        _score_hour(st, h, params, out)
    st.watermark = last_closed + 1
    # pending is shared with the input state: rebuild it without the scored hours
    pending = {}
    for key, by_hour in state.pending.items():
        rest = {h: v for h, v in by_hour.items() if h > last_closed}
        if rest:
            pending[key] = rest
    st.pending = pending
    return st, out


def _union(ids: list[str], extra: Sequence[str], cap: int) -> list[str]:
    out = list(ids)
    for cid in extra:
        if len(out) >= cap:
            break
        if cid not in out:
            out.append(cid)
    return out


def _score_hour(st: DetectorState, h: int, params: TrackParams, out: list[Alert]) -> None:
    cfg = st.config
    if st.first_hour is None:
        st.first_hour = h
    bin_index = h % _BINS
    values: dict[str, tuple[int, tuple[str, ...]]] = {}
    none: dict[int, tuple[int, tuple[str, ...]]] = {}
    for key in sorted(st.series):
        if key != AGGREGATE and st.series[key].start <= h:
            values[key] = st.pending.get(key, none).get(h, (0, ()))
    agg_value, agg_ids = st.pending.get(AGGREGATE, none).get(h, (0, ()))
    total = max(agg_value, sum(v for v, _ in values.values()))
    all_ids: list[str] = list(agg_ids)
    for _, ids in values.values():
        all_ids = _union(all_ids, ids, cfg.max_claim_ids)
    agg = st.series.setdefault(AGGREGATE, SeriesState(start=h, track=Track(_BINS)))

    agg_prof = profile(agg.track, None, params)
    agg_factor = agg_prof[bin_index]
    agg_score = score(agg.track, h, agg_factor, float(total), params)
    lifecycle.series_alerts(cfg, params, AGGREGATE, agg, agg_score, h, all_ids, True, out)
    # A region is in a lull only if the rest of the feed spoke in every hour of its
    # silence window; otherwise it is (or follows) a whole-feed outage.
    feed_spoke = all(e[2] > 0 for e in agg.track.ring[-cfg.silence_hours :])
    feed_out = lifecycle.feed_outage(agg)

    scores = {}
    for key, (value, ids) in values.items():
        ser = st.series[key]
        factor = profile_factor(ser.track, agg_prof, params, bin_index)
        sc = score(ser.track, h, factor, float(value), params)
        scores[key] = sc
        lifecycle.series_alerts(cfg, params, key, ser, sc, h, list(ids), feed_spoke, out)
        feedwide.first_seen(cfg, key, ser, sc, h, list(ids), st.first_hour, out)
        if sc.mass:
            ser.last_mass, ser.mass_ids = h, list(ids)
        _learn(ser, bin_index, float(value), factor, sc.mu, params, feed_out)
    st.mass = feedwide.mass_attack(cfg, st.mass, st.series, scores, values, h, out)
    _learn(agg, bin_index, float(total), agg_factor, agg_score.mu, params, False)


def _learn(
    ser: SeriesState,
    bin_index: int,
    y: float,
    factor: float,
    mu: float,
    params: TrackParams,
    feed_out: bool,
) -> None:
    """No baseline update inside an open incident; a surge hour still informs the spread."""
    if feed_out:
        return
    if not lifecycle.blocks_learning(ser):
        learn(ser.track, bin_index, y, factor, mu, params)
    elif set(ser.alerts) <= {"surge", "first_seen"}:
        learn_spread(ser.track, factor, y, mu, params)
