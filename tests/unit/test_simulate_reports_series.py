"""stream.simulate.reports.reports_from_series: hourly series rendered as report streams."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from stream.models import RawReport
from stream.simulate import SimReport, default_region_map, reports_from_series
from stream.simulate.series import SimulatedSeries, simulate_regions

START = datetime(2025, 7, 3, 21, tzinfo=UTC)


def _series() -> SimulatedSeries:
    return SimulatedSeries(
        values={"R000": [3, 0, 12], "R001": [0, 0, 5], "RU-MOW": [2, 0, 0], "UA-30": [1, 0, 0]},
        start=START,
        events=[],
    )


def _per_region_hour(reports: list[SimReport]) -> dict[tuple[str, int], int]:
    """Region counts of the originals by series hour (published within the next hour)."""
    out: Counter[tuple[str, int]] = Counter()
    for r in reports:
        if r.truth.relay_of:
            continue
        hour = datetime.fromisoformat(r.raw["published_at"]).replace(minute=0, second=0)
        index = int((hour - START - timedelta(hours=1)).total_seconds() // 3600)
        for region, _, _, n in r.truth.counts:
            if region is not None:
                out[(region, index)] += n
    return dict(out)


def test_default_map_keeps_iso_names_and_alternates_russia_ukraine() -> None:
    assert default_region_map(["R000", "R001", "RU-MOW", "UA-30", "R002"]) == {
        "R000": "RU-KRS", "R001": "UA-63", "RU-MOW": "RU-MOW", "UA-30": "UA-30",
        "R002": "RU-BRY",
    }


def test_originals_add_up_to_the_series_and_zero_hours_stay_silent() -> None:
    reports = list(reports_from_series(_series(), seed=3, relay_rate=0.0))
    assert _per_region_hour(reports) == {
        ("RU-KRS", 0): 3, ("RU-MOW", 0): 2, ("UA-30", 0): 1,
        ("RU-KRS", 2): 12, ("UA-63", 2): 5,
    }
    mod = [r for r in reports if r.raw["source"] == "telegram:mod_russia"]
    assert [c for r in mod for c in r.truth.counts if c[0] is None] == [
        (None, "drone", "intercepted", 5)
    ]
    assert mod[1].raw["text"].startswith(
        "В период с 2.00 до 3.00 мск дежурными средствами ПВО перехвачены и уничтожены 12 "
    )
    assert "над территорией Курской области" in mod[1].raw["text"]


def test_relays_follow_and_stream_is_ordered_and_valid() -> None:
    series = simulate_regions(n_regions=8, days=3, seed=2, start=START)
    reports = list(reports_from_series(series, seed=2, relay_rate=0.5))
    times = [r.raw["published_at"] for r in reports]
    assert times == sorted(times)
    by_id = {r.raw["id"]: r for r in reports}
    assert sum(1 for r in reports if r.truth.relay_of) > 20
    for r in reports:
        RawReport.model_validate(r.raw)
        if r.truth.relay_of:
            assert not Counter(r.truth.counts) - Counter(by_id[r.truth.relay_of].truth.counts)
    mapping = default_region_map(list(series.values))
    total = sum(sum(v) for v in series.values.values())
    stated = sum(n for r in reports if not r.truth.relay_of
                 for region, _, _, n in r.truth.counts if region is not None)
    assert stated == total
    assert set(mapping.values()) >= {c[0] for r in reports for c in r.truth.counts if c[0]}


def test_same_seed_same_reports() -> None:
    a = [r.raw for r in reports_from_series(_series(), seed=9)]
    b = [r.raw for r in reports_from_series(_series(), seed=9)]
    assert a == b


def test_unknown_mapped_code_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"unknown codes \['RU-XXX'\]"):
        next(reports_from_series(_series(), seed=1, region_map={
            "R000": "RU-XXX", "R001": "UA-63", "RU-MOW": "RU-MOW", "UA-30": "UA-30"}))
