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
window sum, against the level times the recent observed/expected ratio when that
is below 1: `recent_ratio`). Learning lives in `learn`.
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
    zinb_sum_cdf_lower,
    zinb_sum_sf,
    zinb_sum_sf_lower,
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
    # per step: how fast the recent observed/expected ratio forgets (one seasonal cycle)
    recent_decay: float
    # False: lulls are measured against the level alone (the CSV scorer's rescaled or
    # shifted measurements, where ratios mean nothing)
    recent_lull: bool = True
    # False: the live detector skips a tail whose cheap lower bound is above every
    # decision level and reports it as 1.0; True (CSV scores): every tail is exact.
    exact_tails: bool = True

    @property
    def up_level(self) -> float:
        """Largest level a one-step upper tail is compared with (hysteresis, scan)."""
        return max(self.keep_alpha, max(self.surge_alpha, self.mass_alpha) / self.surge_scan)

    @classmethod
    def from_config(
        cls,
        config: DetectorConfig,
        *,
        bins: int = 24,
        step_hours: float = 1.0,
        warmup: int | None = None,
        n_series: int = 1,
        exact_tails: bool = True,
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
            recent_decay=float(0.5 ** (1.0 / bins)),
            exact_tails=exact_tails,
        )


@dataclass
class Track:
    """Mutable per-series state; callers `clone()` before stepping (see engine.advance)."""

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
    # observed and expected of the steps that left the ring (surge steps left out),
    # forgotten with a half-life of one seasonal cycle: `recent_ratio`
    recent_obs: float = 0.0
    recent_exp: float = 0.0

    def __post_init__(self) -> None:
        if not self.prof_sum:
            self.prof_sum = [0.0] * self.bins
            self.prof_n = [0.0] * self.bins
        if not self.zero_ll:
            self.zero_ll = [0.0] * len(ZI_GRID)

    def clone(self) -> Track:
        return Track(
            self.bins,
            self.learned,
            self.a,
            self.b,
            self.prof_sum[:],
            self.prof_n[:],
            self.disp_num,
            self.disp_den,
            self.cusum,
            self.cusum_start,
            [e[:] for e in self.ring],
            self.zero_ll[:],
            self.recent_obs,
            self.recent_exp,
        )

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
            self.recent_obs,
            self.recent_exp,
        ]

    @classmethod
    def from_list(cls, data: Sequence[Any]) -> Track:
        bins, learned, a, b, ps, pn, dn, dd, cs, cst, ring = data[:11]
        zero_ll = data[11] if len(data) > 11 else []  # absent in states from before it existed
        recent = data[12:14] if len(data) > 13 else [0.0, 0.0]  # likewise
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
            float(recent[0]),
            float(recent[1]),
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


def _raw_profile(track: Track, prior: Sequence[float] | None, params: TrackParams) -> list[float]:
    total_n = sum(track.prof_n)
    rate = sum(track.prof_sum) / total_n if total_n > 0 else 0.0
    m = params.profile_prior_events
    if prior is None:
        return [(s + m) / (n * rate + m) for s, n in zip(track.prof_sum, track.prof_n, strict=True)]
    return [
        (s + m * p) / (n * rate + m) for s, n, p in zip(track.prof_sum, track.prof_n, prior, strict=True)
    ]


def profile(track: Track, prior: Sequence[float] | None, params: TrackParams) -> list[float]:
    """Seasonal factors (mean 1): the series' own, shrunk toward `prior` when sparse."""
    raw = _raw_profile(track, prior, params)
    scale = len(raw) / sum(raw, 0.0)
    return [max(_PROFILE_FLOOR, v * scale) for v in raw]


def profile_factor(track: Track, prior: Sequence[float] | None, params: TrackParams, bin_index: int) -> float:
    """`profile(...)[bin_index]` without building the floored list (the live hot path)."""
    raw = _raw_profile(track, prior, params)
    return max(_PROFILE_FLOOR, raw[bin_index] * len(raw) / sum(raw, 0.0))


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
    ll = track.zero_ll
    best = 0
    for i in range(1, len(ll)):
        if ll[i] > ll[best]:  # ties go to the smaller share
            best = i
    return ZI_GRID[best]


def _upper(obs: float, mus: Sequence[float], size: float, pi: float, level: float, exact: bool) -> float:
    """Upper tail of a window sum, or 1.0 when its lower bound shows it is above `level`."""
    if not exact and obs == int(obs) and zinb_sum_sf_lower(obs, mus, size, pi) >= level:
        return 1.0
    return zinb_sum_sf(obs, mus, size, pi)


# pseudo-events holding the recent ratio near 1 where counts are few (a quiet day is
# noise there, not a trend)
RECENT_PRIOR_EVENTS = 10.0


def recent_ratio(track: Track) -> float:
    """Observed over expected in about the last seasonal cycle before the ring."""
    return (track.recent_obs + RECENT_PRIOR_EVENTS) / (track.recent_exp + RECENT_PRIOR_EVENTS)


def score(track: Track, step: int, factor: float, y: float, params: TrackParams) -> StepScore:
    """Run the tests for value y at `step`; mutates only the CUSUM, the ring and the
    recent sums (a step leaving the ring)."""
    exact = params.exact_tails
    level = (track.a + LEVEL_PRIOR_A) / (track.b + LEVEL_PRIOR_B)
    mu = max(_MU_FLOOR, level * factor)
    size = 1.0 / (dispersion(track, params) + 1.0 / (track.a + LEVEL_PRIOR_A + 1.0))
    warm = track.learned >= params.warmup
    pi = zero_share(track)
    p_up = _upper(y, [mu], size, pi, params.up_level, exact) if y > mu else 1.0
    # NB CUSUM with the threshold for this series' mean level (Siegmund); one step may
    # add at most a third of it, so a single spike is the surge detector's business.
    level_mu = max(_MU_FLOOR, level)
    threshold = cusum_threshold(params.cusum_arl0, nb_llr_drift(level_mu, size, params.cusum_ratio))
    inc = min(nb_llr(y, mu, size, params.cusum_ratio), threshold / 3.0)
    before = track.cusum
    track.cusum = max(0.0, before + inc)
    if track.cusum == 0.0:
        track.cusum_start = None
    elif before == 0.0 or track.cusum_start is None:
        track.cusum_start = step
    ring = track.ring
    ring.append([mu, size, y, 0.0])
    if len(ring) > params.window:
        gone = ring.pop(0)
        keep = params.recent_decay
        track.recent_obs *= keep
        track.recent_exp *= keep
        if not gone[3]:  # a surge is not the series' normal
            track.recent_obs += gone[2]
            track.recent_exp += gone[0]
    # Surge scan: sums over the last 1..scan steps (a wave of strikes lasts a few hours).
    scan = params.surge_scan
    p_scan, scan_len, excess = min(1.0, p_up * scan), 1, y - mu
    if y > mu:
        scan_level = max(params.surge_alpha, params.mass_alpha) / scan
        obs, exp = y, mu
        for k in range(2, min(scan, len(ring)) + 1):
            entry = ring[-k]
            if entry[3]:  # a step already reported in a surge is not evidence twice
                break
            obs += entry[2]
            exp += entry[0]
            if obs <= exp:
                continue
            p_k = _upper(obs, [e[0] for e in ring[-k:]], size, pi, min(scan_level, p_scan / scan), exact)
            if p_k * scan < p_scan:
                p_scan, scan_len, excess = p_k * scan, k, obs - exp
    excess_ok = excess >= params.min_excess
    n_win = min(params.silence_window, len(ring))
    win_obs = win_exp = 0.0
    for e in ring[-n_win:]:
        win_obs += e[2]
        win_exp += e[0]
    # a lull is measured against the level times the recent ratio when that is below 1:
    # the level lags a decline by about its half-life, and a region whose activity
    # falls 3% a day is not silent for keeping its decline
    lower = min(1.0, recent_ratio(track)) if params.recent_lull else 1.0
    win_exp *= lower
    p_low = 1.0
    if len(ring) >= params.silence_window and win_exp >= params.silence_min_expected and win_obs < win_exp:
        mus = [e[0] * lower for e in ring[-n_win:]]
        if (
            exact
            or win_obs != int(win_obs)
            or zinb_sum_cdf_lower(win_obs, mus, size, pi, params.silence_alpha) < params.silence_alpha
        ):
            p_low = zinb_sum_cdf(win_obs, mus, size, pi)
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
