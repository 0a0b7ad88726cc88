"""PURE: alerts beyond one region's baseline: first appearance of a region, mass attacks.

Same lifecycle rules as `lifecycle` (one incident -> one alert, deterministic ids).
"""

from __future__ import annotations

from collections.abc import Mapping

from stream.detect.config import DetectorConfig
from stream.detect.lifecycle import emit, merge_ids, update
from stream.detect.state import AGGREGATE, OpenAlert, SeriesState
from stream.detect.track import StepScore
from stream.models import Alert


def first_seen(
    cfg: DetectorConfig,
    key: str,
    ser: SeriesState,
    sc: StepScore,
    h: int,
    ids: list[str],
    first_hour: int,
    out: list[Alert],
) -> None:
    op = ser.alerts.get("first_seen")
    if op is not None:
        if h - op.opened >= cfg.first_seen_hold_hours:
            del ser.alerts["first_seen"]
            emit(key, op, "resolved", h, out)
        elif sc.y > 0:
            update(
                key,
                op,
                h,
                out,
                observed=op.observed + sc.y,
                expected=0.0,
                severity=op.severity,
                p_value=None,
                statistic=None,
                claim_ids=merge_ids(op.claim_ids, ids, cfg.max_claim_ids),
            )
    if sc.y <= 0:
        return
    gap_hours = cfg.first_seen_days * 24
    if ser.last_active is None:
        new = h - first_hour >= gap_hours  # never seen: only once the detector has warmed up
        what = "first claim ever seen"
    else:
        new = h - ser.last_active >= gap_hours
        what = f"first claim in {(h - ser.last_active) // 24} days"
    ser.last_active = h
    if new and "first_seen" not in ser.alerts:
        op = OpenAlert("first_seen", h, h, "warning", sc.y, 0.0, None, None, ids[: cfg.max_claim_ids], what)
        ser.alerts["first_seen"] = op
        emit(key, op, "open", h, out)


def mass_attack(
    cfg: DetectorConfig,
    current: OpenAlert | None,
    series: Mapping[str, SeriesState],
    scores: Mapping[str, StepScore],
    values: Mapping[str, tuple[int, tuple[str, ...]]],
    h: int,
    out: list[Alert],
) -> OpenAlert | None:
    """Surge signals in >= K regions within one hour (this hour or the previous one)."""
    active = sorted(
        k
        for k, ser in series.items()
        if k != AGGREGATE and ser.last_mass is not None and ser.last_mass >= h - 1
    )
    # The incident's own figures: regions in surge against the number that makes a mass
    # attack (this hour's counts of regions that surged the hour before would read 0).
    observed, expected = float(len(active)), float(cfg.mass_min_regions)
    ids: list[str] = list(current.claim_ids) if current else []
    for k in active:
        ids = merge_ids(ids, series[k].mass_ids, cfg.max_claim_ids)
    message = f"{len(active)} regions: {', '.join(active)}"
    if current is None:
        if len(active) < cfg.mass_min_regions:
            return None
        start = min(series[k].last_mass or h for k in active)
        op = OpenAlert(
            "mass_attack", start, h, "critical", observed, expected, None, observed, ids, message
        )
        emit(None, op, "open", h, out)
        return op
    if len(active) < cfg.mass_min_regions:
        emit(None, current, "resolved", h, out)
        return None
    current.message = message
    update(
        AGGREGATE,
        current,
        h,
        out,
        observed=observed,
        expected=expected,
        severity="critical",
        p_value=None,
        statistic=observed,
        claim_ids=ids,
    )
    return current
