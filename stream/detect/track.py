"""PURE: one count series' baseline and its per-step tests (shared by live and CSV).

Baseline: counts y_t ~ zero-inflated NB(mean level * profile[bin_t], size r). The
level is a gamma posterior with exponential forgetting (a = decayed sum of counts,
b = decayed sum of profile exposure), the profile is a decayed mean count per
seasonal bin shrunk toward a prior profile (the all-region aggregate's) by
pseudo-events, the extra-Poisson variance phi is a decayed method-of-moments
estimate from winsorised residuals, and the share of structural zeros is the grid
value with the best forgotten log-likelihood. Predictive size 1/r = phi + 1/(a + 1)
adds the level's own uncertainty, which matters for sparse or young series.

Tests per step, each using only the state before the step: surge (upper tail of
the sums over the last 1..3 steps, Bonferroni), NB CUSUM towards `ratio * mean`
with a Siegmund threshold for the series' level, and silence (lower tail of a
window sum). Learning lives in `learn`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from stream.detect.config import DetectorConfig
from stream.detect.nb import (
    ZI_GRID,
    cusum_threshold,
    nb_llr,
    nb_llr_drift,
    zinb_sum_cdf,
    zinb_sum_sf,
)

LEVEL_PRIOR_A = 0.05  # weak level prior (rate 1): forgotten after the first few steps
LEVEL_PRIOR_B = 0.05
_PHI_MIN = 1e-3
_PROFILE_FLOOR = 0.05
_MU_FLOOR = 1e-3


@dataclass(frozen=True)
class TrackParams:
    """Detector constants in units of the series' step."""

    bins: int
    level_decay: float
    profile_decay: float
    dispersion_decay: float
    profile_prior_events: float
    dispersion_prior: float
    dispersion_prior_weight: float
    warmup: int
    surge_alpha: float
    surge_scan: int
    keep_alpha: float
    mass_alpha: float
    min_excess: float
    cusum_ratio: float
    cusum_arl0: float
    window: int  # ring length
    silence_window: int
    silence_alpha: float
    silence_min_expected: float

    @classmethod
    def from_config(
        cls,
        config: DetectorConfig,
        *,
        bins: int = 24,
        step_hours: float = 1.0,
        warmup: int | None = None,
        n_series: int = 1,
    ) -> TrackParams:
        def decay(half_life_hours: float) -> float:
            return float(0.5 ** (step_hours / half_life_hours))

        return cls(
            bins=bins,
            level_decay=decay(config.level_half_life_hours),
            profile_decay=decay(config.profile_half_life_hours),
            dispersion_decay=decay(config.dispersion_half_life_hours),
            profile_prior_events=config.profile_prior_events,
            dispersion_prior=config.dispersion_prior,
            dispersion_prior_weight=config.dispersion_prior_weight,
            warmup=config.warmup_hours if warmup is None else warmup,
            surge_alpha=config.surge_alpha,
            surge_scan=max(1, config.surge_scan_hours),
            keep_alpha=config.keep_alpha,
            mass_alpha=config.mass_alpha(n_series),
            min_excess=config.min_excess,
            cusum_ratio=config.cusum_ratio,
            cusum_arl0=config.cusum_arl0,
            window=max(config.silence_hours, config.cusum_resolve_hours, config.surge_scan_hours),
            silence_window=config.silence_hours,
            silence_alpha=config.silence_alpha,
            silence_min_expected=config.silence_min_expected,
        )


@dataclass
class Track:
    """Mutable per-series state; callers copy before stepping (see engine.advance)."""

    bins: int
    learned: int = 0
    a: float = 0.0
    b: float = 0.0
    prof_sum: list[float] = field(default_factory=list)
    prof_n: list[float] = field(default_factory=list)
    disp_num: float = 0.0
    disp_den: float = 0.0
    cusum: float = 0.0
    cusum_start: int | None = None
    # last `window` steps as [mu, r, y, in_surge], oldest first
    ring: list[list[float]] = field(default_factory=list)
    # forgotten log-likelihood of each structural-zero share in ZI_GRID
    zero_ll: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.prof_sum:
            self.prof_sum = [0.0] * self.bins
            self.prof_n = [0.0] * self.bins
        if not self.zero_ll:
            self.zero_ll = [0.0] * len(ZI_GRID)

    def to_list(self) -> list[Any]:
        return [
            self.bins,
            self.learned,
            self.a,
            self.b,
            self.prof_sum,
            self.prof_n,
            self.disp_num,
            self.disp_den,
            self.cusum,
            self.cusum_start,
            self.ring,
            self.zero_ll,
        ]

    @classmethod
    def from_list(cls, data: Sequence[Any]) -> Track:
        bins, learned, a, b, ps, pn, dn, dd, cs, cst, ring = data[:11]
        zero_ll = data[11] if len(data) > 11 else []  # absent in states from before it existed
        return cls(
            int(bins),
            int(learned),
            float(a),
            float(b),
            [float(v) for v in ps],
            [float(v) for v in pn],
            float(dn),
            float(dd),
            float(cs),
            None if cst is None else int(cst),
            [[float(v) for v in e] for e in ring],
            [float(v) for v in zero_ll],
        )


@dataclass(frozen=True)
class StepScore:
    """What the tests saw at one step (before learning from it)."""

    mu: float
    size: float
    y: float
    warm: bool
    p_up: float  # upper tail of this step alone
    p_scan: float  # best upper tail over the last 1..scan steps, Bonferroni-corrected
    scan_len: int  # how many steps that best window spans
    surge: bool
    mass: bool
    cusum: float
    cusum_start: int | None
    threshold: float  # the CUSUM threshold in force at this step
    rise: bool
    win_obs: float
    win_exp: float
    p_low: float
    silence: bool


def profile(track: Track, prior: Sequence[float] | None, params: TrackParams) -> list[float]:
    """Seasonal factors (mean 1): the series' own, shrunk toward `prior` when sparse."""
    total_sum = sum(track.prof_sum)
    total_n = sum(track.prof_n)
    rate = total_sum / total_n if total_n > 0 else 0.0
    m = params.profile_prior_events
    raw = [
        (track.prof_sum[i] + m * (prior[i] if prior else 1.0)) / (track.prof_n[i] * rate + m)
        for i in range(track.bins)
    ]
    mean = sum(raw) / len(raw)
    return [max(_PROFILE_FLOOR, v / mean) for v in raw]


def dispersion(track: Track, params: TrackParams) -> float:
    w = params.dispersion_prior_weight
    phi = (track.disp_num + params.dispersion_prior * w) / (track.disp_den + w)
    return max(_PHI_MIN, phi)


def predict(track: Track, factor: float, params: TrackParams) -> tuple[float, float]:
    """Predictive NB (mean, size) for a step whose seasonal factor is `factor`."""
    mu = max(_MU_FLOOR, (track.a + LEVEL_PRIOR_A) / (track.b + LEVEL_PRIOR_B) * factor)
    inv_size = dispersion(track, params) + 1.0 / (track.a + LEVEL_PRIOR_A + 1.0)
    return mu, 1.0 / inv_size


def zero_share(track: Track) -> float:
    """The structural-zero share that has explained this series best lately."""
    best = max(range(len(ZI_GRID)), key=lambda i: (track.zero_ll[i], -i))
    return ZI_GRID[best]


def score(track: Track, step: int, factor: float, y: float, params: TrackParams) -> StepScore:
    """Run the tests for value y at `step`; mutates only the CUSUM and the ring."""
    mu, size = predict(track, factor, params)
    warm = track.learned >= params.warmup
    pi = zero_share(track)
    p_up = zinb_sum_sf(y, [mu], size, pi) if y > mu else 1.0
    # NB CUSUM with the threshold for this series' mean level (Siegmund); one step may
    # add at most a third of it, so a single spike is the surge detector's business.
    level_mu, level_size = predict(track, 1.0, params)
    threshold = cusum_threshold(params.cusum_arl0, nb_llr_drift(level_mu, level_size, params.cusum_ratio))
    inc = min(nb_llr(y, mu, size, params.cusum_ratio), threshold / 3.0)
    before = track.cusum
    track.cusum = max(0.0, before + inc)
    if track.cusum == 0.0:
        track.cusum_start = None
    elif before == 0.0 or track.cusum_start is None:
        track.cusum_start = step
    track.ring.append([mu, size, y, 0.0])
    if len(track.ring) > params.window:
        del track.ring[0]
    # Surge scan: sums over the last 1..scan steps (a wave of strikes lasts a few hours).
    p_scan, scan_len, excess = min(1.0, p_up * params.surge_scan), 1, y - mu
    for k in range(2, min(params.surge_scan, len(track.ring)) + 1):
        recent = track.ring[-k:]
        if recent[0][3]:  # a step already reported in a surge is not evidence twice
            break
        obs = sum(e[2] for e in recent)
        exp = sum(e[0] for e in recent)
        if obs <= exp or y <= mu:
            continue
        p_k = zinb_sum_sf(obs, [e[0] for e in recent], size, pi)
        if p_k * params.surge_scan < p_scan:
            p_scan, scan_len, excess = p_k * params.surge_scan, k, obs - exp
    excess_ok = excess >= params.min_excess
    win = track.ring[-min(params.silence_window, len(track.ring)) :]
    win_obs = sum(e[2] for e in win)
    win_exp = sum(e[0] for e in win)
    p_low = 1.0
    if (
        len(track.ring) >= params.silence_window
        and win_exp >= params.silence_min_expected
        and win_obs < win_exp
    ):
        p_low = zinb_sum_cdf(win_obs, [e[0] for e in win], size, pi)
    return StepScore(
        mu=mu,
        size=size,
        y=y,
        warm=warm,
        p_up=p_up,
        p_scan=p_scan,
        scan_len=scan_len,
        surge=warm and excess_ok and p_scan < params.surge_alpha,
        mass=warm and excess_ok and p_scan < params.mass_alpha,
        cusum=track.cusum,
        cusum_start=track.cusum_start,
        threshold=threshold,
        rise=warm and track.cusum > threshold,
        win_obs=win_obs,
        win_exp=win_exp,
        p_low=p_low,
        silence=warm and p_low < params.silence_alpha,
    )
