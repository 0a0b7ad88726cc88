"""PURE: alert lifecycles with hysteresis: one incident -> one alert (open, updated..., resolved).

Alert ids are identity(region, kind, window_start), so a re-scored or re-delivered
incident keeps its id. `updated` is emitted only when what an analyst sees changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stream.detect.config import DetectorConfig
from stream.detect.learn import mark_surge, relevel, window_ratio
from stream.detect.state import AGGREGATE, OpenAlert, SeriesState, hour_start
from stream.detect.track import StepScore, TrackParams
from stream.models import Alert, AlertState, identity

_LEARNING_BLOCKERS = ("surge", "sustained_rise", "silence")
#: what the series counts (aggregate.hourly_series): weapons a claimant says were
#: launched, or downed when it gives no launch figure, the largest claimant's figure
UNIT = "drones/missiles claimed launched or downed"


def emit(region_key: str | None, op: OpenAlert, state: AlertState, hour: int, out: list[Alert]) -> None:
    region = None if region_key in (None, AGGREGATE) else region_key
    window_start = hour_start(op.start)
    out.append(
        Alert(
            alert_id=identity(region, op.kind, window_start.isoformat()),
            kind=op.kind,
            state=state,
            severity=op.severity,
            region=region,
            window_start=window_start,
            updated_at=hour_start(hour + 1),
            observed=op.observed,
            expected=op.expected,
            p_value=op.p_value,
            statistic=op.statistic,
            claim_ids=list(op.claim_ids),
            message=op.message,
        )
    )


def merge_ids(ids: list[str], extra: Sequence[str], cap: int) -> list[str]:
    out = list(ids)
    for cid in extra:
        if len(out) < cap and cid not in out:
            out.append(cid)
    return out


def update(
    region_key: str,
    op: OpenAlert,
    h: int,
    out: list[Alert],
    *,
    observed: float,
    expected: float,
    severity: str,
    p_value: float | None,
    statistic: float | None,
    claim_ids: list[str],
) -> None:
    changed = (observed, severity, claim_ids) != (op.observed, op.severity, op.claim_ids)
    op.observed, op.expected, op.severity = observed, expected, severity
    op.p_value, op.statistic, op.claim_ids = p_value, statistic, claim_ids
    if changed:
        emit(region_key, op, "updated", h, out)


def blocks_learning(ser: SeriesState) -> bool:
    """Points inside an open incident must not teach the baseline what is normal."""
    return any(k in ser.alerts for k in _LEARNING_BLOCKERS)


def feed_outage(agg: SeriesState) -> bool:
    op = agg.alerts.get("silence")
    return op is not None and op.kind == "feed_silence"


def trailing_run(ring: Sequence[Sequence[float]], low: Callable[[float, float], bool]) -> int:
    """How many of the most recent ring entries [mu, r, y] satisfy low(mu, y)."""
    n = 0
    for entry in reversed(ring):
        if not low(entry[0], entry[2]):
            break
        n += 1
    return n


def _is_low(mu: float, y: float) -> bool:
    return y < max(1.0, 0.5 * mu)


def series_alerts(
    cfg: DetectorConfig,
    params: TrackParams,
    key: str,
    ser: SeriesState,
    sc: StepScore,
    h: int,
    ids: list[str],
    feed_spoke: bool,
    out: list[Alert],
) -> None:
    """feed_spoke: the whole feed had claims in every hour of the silence window."""
    _surge(cfg, params, key, ser, sc, h, ids, out)
    _rise(cfg, params, key, ser, sc, h, ids, out)
    _silence(cfg, key, ser, sc, h, feed_spoke, out)


def _surge(
    cfg: DetectorConfig,
    params: TrackParams,
    key: str,
    ser: SeriesState,
    sc: StepScore,
    h: int,
    ids: list[str],
    out: list[Alert],
) -> None:
    op = ser.alerts.get("surge")
    severity = "critical" if sc.p_scan < params.surge_alpha * 1e-3 else "warning"
    if op is None:
        if sc.surge:
            recent = ser.track.ring[-sc.scan_len :]
            observed = sum(e[2] for e in recent)
            expected = sum(e[0] for e in recent)
            op = OpenAlert(
                "surge",
                h - sc.scan_len + 1,
                h,
                severity,
                observed,
                expected,
                sc.p_scan,
                None,
                ids[: cfg.max_claim_ids],
                f"{observed:g} {UNIT} in {sc.scan_len} h vs {expected:.2f} expected",
            )
            ser.alerts["surge"] = op
            mark_surge(ser.track, sc.scan_len)
            emit(key, op, "open", h, out)
        return
    # Hysteresis: stays open while the current hour is still clearly above normal.
    if sc.warm and sc.p_up < params.keep_alpha and sc.y > sc.mu:
        severity = "critical" if op.severity == "critical" else severity
        mark_surge(ser.track, 1)
        # The figures below become the last hour's: the message says so (it must not keep
        # naming the opening window's figures next to them).
        op.message = f"{sc.y:g} {UNIT} in the last hour vs {sc.mu:.2f} expected: still above normal"
        update(
            key,
            op,
            h,
            out,
            observed=sc.y,
            expected=sc.mu,
            severity=severity,
            p_value=sc.p_up,
            statistic=None,
            claim_ids=merge_ids(op.claim_ids, ids, cfg.max_claim_ids),
        )
        return
    del ser.alerts["surge"]
    emit(key, op, "resolved", h, out)


def _rise(
    cfg: DetectorConfig,
    params: TrackParams,
    key: str,
    ser: SeriesState,
    sc: StepScore,
    h: int,
    ids: list[str],
    out: list[Alert],
) -> None:
    op = ser.alerts.get("sustained_rise")
    if op is None and not sc.rise:
        return  # the common case: nothing to open, nothing to follow
    hours = cfg.cusum_resolve_hours
    win = ser.track.ring[-hours:]
    observed = sum(e[2] for e in win)
    expected = sum(e[0] for e in win)
    ratio = window_ratio(ser.track, hours)
    severity = "critical" if ratio >= 2.0 * cfg.cusum_ratio else "warning"
    if op is None:
        if sc.rise:
            start = sc.cusum_start if sc.cusum_start is not None else h
            op = OpenAlert(
                "sustained_rise",
                start,
                h,
                severity,
                observed,
                expected,
                None,
                sc.cusum,
                ids[: cfg.max_claim_ids],
                _rise_message(ratio, hours, observed, expected),
            )
            ser.alerts["sustained_rise"] = op
            emit(key, op, "open", h, out)
        return
    if h - op.opened >= cfg.max_open_hours:
        del ser.alerts["sustained_rise"]
        relevel(ser.track, max(ratio, 1.0))
        op.message = "lasted beyond max_open_hours: accepted as the new level"
        emit(key, op, "resolved", h, out)
        return
    if ratio <= (1.0 + cfg.cusum_ratio) / 2.0:
        del ser.alerts["sustained_rise"]
        ser.track.cusum, ser.track.cusum_start = 0.0, None
        emit(key, op, "resolved", h, out)
        return
    # Cap the statistic while open so it reflects the present, not the incident's length.
    ser.track.cusum = min(ser.track.cusum, 2.0 * sc.threshold)
    op.message = _rise_message(ratio, hours, observed, expected)
    update(
        key,
        op,
        h,
        out,
        observed=observed,
        expected=expected,
        severity=severity,
        p_value=None,
        statistic=ser.track.cusum,
        claim_ids=merge_ids(op.claim_ids, ids, cfg.max_claim_ids),
    )


def _rise_message(ratio: float, hours: int, observed: float, expected: float) -> str:
    return f"x{ratio:.1f} over the last {hours} h: {observed:g} {UNIT} vs {expected:.1f} expected (NB CUSUM)"


def _silence(
    cfg: DetectorConfig, key: str, ser: SeriesState, sc: StepScore, h: int, feed_spoke: bool, out: list[Alert]
) -> None:
    op = ser.alerts.get("silence")
    if op is None:
        # On the aggregate only a whole-feed outage (nothing at all) is news. A region is
        # in a lull only if the rest of the feed spoke while it was quiet.
        aggregate = key == AGGREGATE
        run = max(1, trailing_run(ser.track.ring, _is_low))
        if sc.silence and (sc.win_obs == 0 if aggregate else feed_spoke):
            kind = "feed_silence" if aggregate else "silence"
            # observed/expected cover the quiet run itself; p is the window test's
            run_entries = ser.track.ring[-run:]
            observed = sum(e[2] for e in run_entries)
            expected = sum(e[0] for e in run_entries)
            op = OpenAlert(
                kind,
                h - run + 1,
                h,
                "critical" if kind == "feed_silence" else "warning",
                observed,
                expected,
                sc.p_low,
                None,
                [],
                f"{observed:g} {UNIT} in {run} h vs {expected:.1f} expected",
            )
            ser.alerts["silence"] = op
            emit(key, op, "open", h, out)
        return
    back = sc.y > 0 if op.kind == "feed_silence" else not _is_low(sc.mu, sc.y)
    if back or h - op.opened >= cfg.max_open_hours:
        del ser.alerts["silence"]
        emit(key, op, "resolved", h, out)
