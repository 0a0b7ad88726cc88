"""NB tails: the cheap lower bounds that let the live detector skip exact tails."""

from __future__ import annotations

import itertools
import math

import pytest

from stream.detect.nb import (
    ZI_GRID,
    nb_cdf,
    nb_cdf_lower,
    nb_sf,
    nb_sf_lower,
    zinb_grid_logpmf,
    zinb_logpmf,
    zinb_sum_cdf,
    zinb_sum_cdf_lower,
    zinb_sum_sf,
    zinb_sum_sf_lower,
)

MEANS = (0.05, 0.7, 3.0, 25.0)
SIZES = (0.4, 1.0, 4.0, 60.0)
COUNTS = (0, 1, 2, 5, 12, 40, 90)


def test_lower_bounds_never_exceed_the_exact_tails() -> None:
    for mu, r, k in itertools.product(MEANS, SIZES, COUNTS):
        assert nb_sf_lower(k, mu, r) <= nb_sf(k, mu, r) * (1 + 1e-9)
        assert nb_cdf_lower(k, mu, r) <= nb_cdf(k, mu, r) * (1 + 1e-9)
    for mu, r, k, pi in itertools.product(MEANS, SIZES, COUNTS, ZI_GRID):
        mus = [mu, 1.5 * mu, 0.5 * mu]
        assert zinb_sum_sf_lower(k, mus, r, pi) <= zinb_sum_sf(k, mus, r, pi) * (1 + 1e-9)
        assert zinb_sum_cdf_lower(k, mus, r, pi) <= zinb_sum_cdf(k, mus, r, pi) * (1 + 1e-9)


def test_lower_bounds_are_tight_where_they_matter() -> None:
    # within a factor 2 in the far upper tail, and exact at the trivial ends
    assert 0.5 < nb_sf_lower(12, 3.0, 4.0) / nb_sf(12, 3.0, 4.0) <= 1.0
    assert 0.5 < nb_cdf_lower(2, 25.0, 4.0) / nb_cdf(2, 25.0, 4.0) <= 1.0
    assert nb_sf_lower(0, 3.0, 4.0) == 1.0
    assert nb_cdf_lower(0, 3.0, 4.0) == pytest.approx(nb_cdf(0, 3.0, 4.0), rel=1e-12)
    assert nb_cdf(0, 3.0, 4.0) == pytest.approx((4.0 / 7.0) ** 4, rel=1e-12)


def test_grid_logpmf_matches_one_share_at_a_time() -> None:
    for y, mu, size in ((0.0, 1.3, 0.9), (4.0, 1.3, 0.9), (17.0, 9.0, 3.0)):
        grid = zinb_grid_logpmf(y, mu, size)
        for got, pi in zip(grid, ZI_GRID, strict=True):
            want = zinb_logpmf(y, mu, size, pi)
            assert got == want or (math.isinf(got) and math.isinf(want)) or abs(got - want) < 1e-12
