"""PURE: negative-binomial (gamma-Poisson) tails and log-likelihood ratios.

The mean/size parametrisation is used throughout: mean ``mu``, size ``r``,
variance ``mu + mu**2 / r``. Tails go through the regularised incomplete beta
function, so they cost the same for 3 or 3 million counts and accept
non-integer counts (continuous extension), which the CSV scorer needs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

_EPS = 1e-13
_TINY = 1e-300
_MAX_ITER = 5000


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_ITER + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b) for a, b > 0."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    # Evaluate the fraction on the side where it converges fast; the direct side keeps
    # small tail probabilities accurate (no 1 - (1 - tiny)).
    if x < (a + 1.0) / (a + b + 2.0):
        return min(1.0, front * _betacf(a, b, x) / a)
    return max(0.0, 1.0 - front * _betacf(b, a, 1.0 - x) / b)


def nb_sf(k: float, mu: float, r: float) -> float:
    """Upper tail P(X >= k) of NB(mean mu, size r)."""
    if k <= 0.0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    return betainc(k, r, mu / (r + mu))


def nb_cdf(k: float, mu: float, r: float) -> float:
    """Lower tail P(X <= k) of NB(mean mu, size r)."""
    if k < 0.0:
        return 0.0
    if mu <= 0.0:
        return 1.0
    return betainc(r, k + 1.0, r / (r + mu))


def nb_llr(y: float, mu: float, r: float, ratio: float) -> float:
    """log p(y | mean ratio*mu) - log p(y | mean mu), same size r: the NB CUSUM increment."""
    alt = ratio * mu
    return r * math.log((r + mu) / (r + alt)) + y * math.log(ratio * (r + mu) / (r + alt))


def sum_size(mus: Sequence[float], sizes: Sequence[float]) -> float:
    """Size of the NB that matches the mean and extra-Poisson variance of a sum of NBs."""
    total = sum(mus)
    extra = sum(m * m / s for m, s in zip(mus, sizes, strict=True))
    if extra <= 0.0:
        return 1e9
    return total * total / extra


def nb_llr_drift(mu: float, r: float, ratio: float) -> float:
    """E[nb_llr] when the mean really is mu (negative: the in-control drift)."""
    alt = ratio * mu
    return r * math.log((r + mu) / (r + alt)) + mu * math.log(ratio * (r + mu) / (r + alt))


def cusum_threshold(arl0: float, drift: float) -> float:
    """Threshold h of an LLR CUSUM with in-control run length arl0.

    Siegmund's approximation ARL0 ~ (e^h - h - 1) / |drift| (overshoot ignored);
    for a sparse series |drift| is small and h can be lower than Wald's log(arl0).
    """
    target = arl0 * max(abs(drift), 1e-9)
    h = math.log(max(target, 1.0 + 1e-9))
    for _ in range(20):  # fixed point of h = log(target + h + 1): a contraction, fast
        nxt = math.log(target + h + 1.0)
        if abs(nxt - h) < 1e-12:
            h = nxt
            break
        h = nxt
    return max(1.0, h)


#: Candidate shares of structural zeros ("nobody reported that hour"); each series
#: picks the one with the best exponentially-forgotten log-likelihood.
ZI_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def zinb_part_size(size: float, pi: float) -> float | None:
    """Size of the NB part of a zero-inflated NB with the same mean and variance as
    NB(mean, size), or None when that share of zeros cannot produce the variance."""
    inv = (1.0 - pi) / size - pi
    return 1.0 / inv if inv > 1e-6 else None


def zinb_grid_logpmf(y: float, mu: float, size: float) -> list[float]:
    """`zinb_logpmf` for every share in ZI_GRID, sharing the work that does not
    depend on the share (one call per learned step)."""
    out: list[float] = []
    inv_size = 1.0 / size
    log_fact = math.lgamma(y + 1.0) if y > 0.0 else 0.0
    for pi in ZI_GRID:
        inv = (1.0 - pi) * inv_size - pi
        if inv <= 1e-6:
            out.append(-math.inf)
            continue
        r = 1.0 / inv
        m = mu / (1.0 - pi)
        log_nb0 = r * math.log(r / (r + m))
        if y <= 0.0:
            out.append(math.log(pi + (1.0 - pi) * math.exp(log_nb0)))
        else:
            log_nb = math.lgamma(y + r) - math.lgamma(r) - log_fact + log_nb0 + y * math.log(m / (r + m))
            out.append(math.log1p(-pi) + log_nb)
    return out


def zinb_logpmf(y: float, mu: float, size: float, pi: float) -> float:
    r = zinb_part_size(size, pi)
    if r is None:
        return -math.inf
    m = mu / (1.0 - pi)
    log_nb0 = r * math.log(r / (r + m))
    if y <= 0.0:
        return math.log(pi + (1.0 - pi) * math.exp(log_nb0))
    log_nb = math.lgamma(y + r) - math.lgamma(r) - math.lgamma(y + 1.0) + log_nb0 + y * math.log(m / (r + m))
    return math.log1p(-pi) + log_nb


def _active_mixture(mus: Sequence[float], size: float, pi: float) -> list[tuple[float, float, float]] | None:
    """(weight, mean, size) of the NB sum given j of k steps not structurally zero."""
    r = zinb_part_size(size, pi)
    if r is None or pi <= 0.0:
        return None
    k = len(mus)
    total = sum(mus) / (1.0 - pi)
    spread = sum(mus, 0.0) ** 2 / (k * sum((m * m for m in mus), 0.0)) if total > 0 else 1.0
    return [
        (math.comb(k, j) * (1.0 - pi) ** j * pi ** (k - j), total * j / k, r * j * spread)
        for j in range(k + 1)
    ]


def zinb_sum_sf(obs: float, mus: Sequence[float], size: float, pi: float) -> float:
    """P(sum of the steps >= obs) for independent zero-inflated NB steps."""
    mix = _active_mixture(mus, size, pi)
    if mix is None:
        return nb_sf(obs, sum(mus), sum_size(mus, [size] * len(mus)))
    return min(1.0, sum(w * nb_sf(obs, m, s) for w, m, s in mix if m > 0.0))


def zinb_sum_cdf(obs: float, mus: Sequence[float], size: float, pi: float) -> float:
    """P(sum of the steps <= obs) for independent zero-inflated NB steps."""
    mix = _active_mixture(mus, size, pi)
    if mix is None:
        return nb_cdf(obs, sum(mus), sum_size(mus, [size] * len(mus)))
    return min(1.0, sum(w * (nb_cdf(obs, m, s) if m > 0.0 else 1.0) for w, m, s in mix))


# Cheap lower bounds of the tails. The live detector only needs a p-value when it can
# fall below a decision level; a lower bound above every level proves it cannot, and
# costs one pmf instead of a continued fraction. Valid for integer counts only.


def _nb_logpmf(k: float, mu: float, r: float) -> float:
    return (
        math.lgamma(k + r) - math.lgamma(r) - math.lgamma(k + 1.0)
        + r * math.log(r / (r + mu)) + k * math.log(mu / (r + mu))
    )


def nb_sf_lower(k: float, mu: float, r: float) -> float:
    """A lower bound of P(X >= k), k integer: pmf(k) times the geometric series of the
    smallest successive pmf ratio beyond k, q * min(1, (k + r) / (k + 1))."""
    if k <= 0.0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    q = mu / (r + mu)
    rho = q * min(1.0, (k + r) / (k + 1.0))
    return math.exp(_nb_logpmf(k, mu, r)) / (1.0 - rho)


def nb_cdf_lower(k: float, mu: float, r: float) -> float:
    """A lower bound of P(X <= k), k integer: pmf(k) times the geometric series of the
    smallest backward pmf ratio j / (q (j - 1 + r)) over 1 <= j <= k."""
    if k < 0.0:
        return 0.0
    if mu <= 0.0:
        return 1.0
    q = mu / (r + mu)
    # j / (j - 1 + r) is monotone in j: its minimum over [1, k] is at an end
    sigma = min(1.0 / r, k / (k - 1.0 + r)) / q if k >= 1.0 else 1.0
    n = k + 1.0
    pmf = math.exp(_nb_logpmf(k, mu, r))
    series = n if abs(sigma - 1.0) < 1e-12 else (sigma**n - 1.0) / (sigma - 1.0) if sigma < 50.0 else math.inf
    return min(1.0, pmf * series)


def zinb_sum_sf_lower(obs: float, mus: Sequence[float], size: float, pi: float) -> float:
    mix = _active_mixture(mus, size, pi)
    if mix is None:
        return nb_sf_lower(obs, sum(mus), sum_size(mus, [size] * len(mus)))
    return sum(w * nb_sf_lower(obs, m, s) for w, m, s in mix if m > 0.0)


def zinb_sum_cdf_lower(obs: float, mus: Sequence[float], size: float, pi: float, level: float = 1.0) -> float:
    """Stops adding mixture components (largest weight first) once the bound reaches `level`."""
    mix = _active_mixture(mus, size, pi)
    if mix is None:
        return nb_cdf_lower(obs, sum(mus), sum_size(mus, [size] * len(mus)))
    total = 0.0
    for w, m, s in sorted(mix, reverse=True):
        total += w * (nb_cdf_lower(obs, m, s) if m > 0.0 else 1.0)
        if total >= level:
            break
    return min(1.0, total)
