"""PURE: detector configuration and the thresholds derived from a false-alert budget.

Analysts state what they can afford ("half a false alert per region and week");
every per-test threshold follows from that budget and a share per detector, so
no threshold is tuned per event or per data set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

HOURS_PER_WEEK = 168


@dataclass(frozen=True)
class DetectorConfig:
    """All knobs of the detectors. Units are hours for the live API; the CSV scorer
    reads them as "steps" of the series (see `stream.detect_csv`)."""

    # False-alert budget per region and week, split between the hourly tests.
    false_alerts_per_region_week: float = 0.5
    surge_share: float = 0.6
    rise_share: float = 0.25
    silence_share: float = 0.15
    # Feed-level alerts (mass_attack) have their own budget per week for the whole feed.
    feed_false_alerts_per_week: float = 0.25
    # Surge: upper NB tail and a minimum absolute excess over the expectation.
    min_excess: float = 3.0
    surge_scan_hours: int = 3  # a surge may span 1..N hours: scan sums, Bonferroni over N
    keep_alpha: float = 0.02  # hysteresis: an open surge stays open while p < keep_alpha
    # Sustained rise: NB CUSUM tuned to a multiplicative change of the mean.
    cusum_ratio: float = 2.0
    cusum_resolve_hours: int = 6
    # Silence: lower tail of the sum over a window, only where activity is expected.
    silence_hours: int = 6
    silence_min_expected: float = 4.0
    # First appearance after N days without claims (never-seen regions after warm-up).
    first_seen_days: int = 30
    first_seen_hold_hours: int = 24
    # Mass attack: at least K regions with a surge signal within one hour.
    mass_min_regions: int = 3
    # Event-time watermark: an hour is scored once hour_end + grace <= now.
    hour_close_grace: timedelta = timedelta(minutes=30)
    # Baseline: gamma-Poisson with exponential forgetting and an hour-of-day profile.
    # 4 days: the level must follow day-to-day drift (at 7 days busy simulated regions
    # overspent the budget, 0.53 false alerts / region-week, at the same recall)
    level_half_life_hours: float = 96.0
    profile_half_life_hours: float = 672.0
    dispersion_half_life_hours: float = 672.0
    profile_prior_events: float = 48.0  # shrinkage of a region's profile to the aggregate's
    dispersion_prior: float = 0.5  # prior extra-Poisson variance phi (var = mu + phi mu^2)
    dispersion_prior_weight: float = 4.0
    warmup_hours: int = 120
    max_open_hours: int = 96  # an incident longer than this is the new normal
    max_claim_ids: int = 50

    @property
    def surge_alpha(self) -> float:
        """Per-hour upper-tail level spending the surge share of the budget."""
        return self.false_alerts_per_region_week * self.surge_share / HOURS_PER_WEEK

    @property
    def silence_alpha(self) -> float:
        return self.false_alerts_per_region_week * self.silence_share / HOURS_PER_WEEK

    @property
    def cusum_arl0(self) -> float:
        """In-control average run length (hours) spending the rise share of the budget."""
        return HOURS_PER_WEEK / (self.false_alerts_per_region_week * self.rise_share)

    def mass_alpha(self, n_regions: int) -> float:
        """Per-region level such that >= K of n regions signalling within two hourly
        tests happens by chance at most `feed_false_alerts_per_week` times a week."""
        tau = self.feed_false_alerts_per_week / HOURS_PER_WEEK
        k = self.mass_min_regions
        lo, hi = 0.0, 2.0 * max(1, n_regions)

        def tail(lam: float) -> float:  # P(Poisson(lam) >= k)
            term, cdf = math.exp(-lam), 0.0
            for i in range(k):
                cdf += term
                term *= lam / (i + 1)
            return 1.0 - cdf

        for _ in range(60):
            mid = (lo + hi) / 2.0
            lo, hi = (mid, hi) if tail(mid) < tau else (lo, mid)
        return min(0.5, lo / (2.0 * max(1, n_regions)))

    def to_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.total_seconds() if isinstance(value, timedelta) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, float | int]) -> DetectorConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if "hour_close_grace" in known:
            grace = timedelta(seconds=float(known.pop("hour_close_grace")))
            return cls(hour_close_grace=grace, **known)  # type: ignore[arg-type]
        return cls(**known)  # type: ignore[arg-type]
