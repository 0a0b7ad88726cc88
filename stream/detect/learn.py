"""PURE: how a track learns: level, profile, spread, and the incident bookkeeping on its ring.

Kept apart from `track` (prediction and tests) so that what may update the
baseline, and when, reads in one place.
"""

from __future__ import annotations

from stream.detect.nb import zinb_grid_logpmf
from stream.detect.track import LEVEL_PRIOR_A, Track, TrackParams, dispersion, predict


def learn(track: Track, bin_index: int, y: float, factor: float, mu: float, params: TrackParams) -> None:
    """Fold a non-anomalous step (seasonal factor `factor`) into the baseline."""
    learn_spread(track, factor, y, mu, params)
    ld = params.level_decay
    track.a = ld * track.a + y
    track.b = ld * track.b + factor
    learn_profile(track, bin_index, y, params)
    track.learned += 1


def learn_spread(track: Track, factor: float, y: float, mu: float, params: TrackParams) -> None:
    """Dispersion and zero-share update alone. Also fed the hours of a surge: dropping
    every tail value from the spread estimate would shrink it and breed false alerts;
    the winsorisation bounds what one burst can do."""
    resid2 = (y - mu) ** 2
    var = mu + dispersion(track, params) * mu * mu
    resid2 = min(resid2, 64.0 * var)
    dd = params.dispersion_decay
    size = predict(track, factor, params)[1]
    # floored: an impossible share or one wild count must not dominate (and the
    # state stays finite for JSON)
    fresh = zinb_grid_logpmf(y, mu, size)
    track.zero_ll = [dd * old + max(-50.0, new) for old, new in zip(track.zero_ll, fresh, strict=True)]
    track.disp_num = dd * track.disp_num + (resid2 - mu)
    track.disp_den = dd * track.disp_den + mu * mu


def learn_profile(track: Track, bin_index: int, y: float, params: TrackParams) -> None:
    """Profile-only update (used inside long CSV episodes, with a clipped value):
    the seasonal shape keeps learning while the level stays frozen."""
    pd = params.profile_decay
    track.prof_sum = [v * pd for v in track.prof_sum]
    track.prof_n = [v * pd for v in track.prof_n]
    track.prof_sum[bin_index] += y
    track.prof_n[bin_index] += 1.0


def mark_surge(track: Track, steps: int) -> None:
    """Flag the last `steps` ring entries as part of a reported surge."""
    for entry in track.ring[-steps:]:
        entry[3] = 1.0


def window_ratio(track: Track, hours: int) -> float:
    """Observed / expected over the last `hours` steps of the ring."""
    win = track.ring[-hours:]
    exp = sum(e[0] for e in win)
    return sum(e[2] for e in win) / exp if exp > 0 else 0.0


def relevel(track: Track, ratio: float) -> None:
    """Accept a lasting change of level by `ratio` (after an over-long incident)."""
    track.a = max(0.0, ratio * (track.a + LEVEL_PRIOR_A) - LEVEL_PRIOR_A)
    track.cusum = 0.0
    track.cusum_start = None
