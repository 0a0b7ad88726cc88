"""Labelled multi-region series simulator: deterministic, events present in the values."""

from __future__ import annotations

import itertools
import statistics
from datetime import UTC, datetime

from stream.simulate.series import simulate_regions

SIM = simulate_regions(24, 60, seed=3)


def hours_of(start: datetime, end: datetime) -> range:
    return range(
        int((start - SIM.start).total_seconds()) // 3600, int((end - SIM.start).total_seconds()) // 3600
    )


def test_deterministic_for_a_seed() -> None:
    again = simulate_regions(24, 60, seed=3)
    assert again.values == SIM.values
    assert again.events == SIM.events
    assert simulate_regions(24, 60, seed=4).values != SIM.values


def test_shape_and_event_kinds() -> None:
    assert SIM.start == datetime(2026, 1, 1, tzinfo=UTC)
    assert SIM.hours == 1440
    assert sorted(SIM.values) == [f"R{i:03d}" for i in range(24)]
    kinds = {e.kind for e in SIM.events}
    assert kinds == {"surge", "step_rise", "silence", "feed_silence", "first_seen", "mass_attack"}
    assert all(e.start >= SIM.hour(7 * 24) for e in SIM.events)  # after the warm-up


def test_silences_are_zero_and_only_where_activity_is_expected() -> None:
    for e in SIM.events:
        if e.kind == "silence":
            assert e.region is not None
            assert SIM.profiles[e.region].rate >= 1.0
            assert all(SIM.values[e.region][h] == 0 for h in hours_of(e.start, e.end))
        if e.kind == "feed_silence":
            assert all(SIM.values[r][h] == 0 for r in SIM.values for h in hours_of(e.start, e.end))


def test_first_seen_regions_are_dormant_before() -> None:
    first = [e for e in SIM.events if e.kind == "first_seen"]
    assert [e.region for e in first] == ["R023", "R022"]  # the last 24 // 12 regions, by time
    for e in first:
        assert e.region is not None
        h0 = hours_of(SIM.start, e.start).stop
        assert sum(SIM.values[e.region][:h0]) == 0
        assert SIM.values[e.region][h0] >= 1


def test_step_rises_double_the_level() -> None:
    ratios = []
    for e in SIM.events:
        if e.kind == "step_rise" and e.region is not None:
            prof = SIM.profiles[e.region]
            hours = hours_of(e.start, e.end)
            seen = sum(SIM.values[e.region][h] for h in hours)
            usual = sum(prof.mean(h % 24) for h in hours)
            ratios.append(seen / usual)
    assert len(ratios) >= 20
    assert 1.6 < statistics.median(ratios) < 2.5


def test_surges_and_mass_attacks_add_sigmas() -> None:
    mass = [e for e in SIM.events if e.kind == "mass_attack"]
    assert mass and all(3 <= len(e.regions) <= 8 and e.region is None for e in mass)
    for e in SIM.events:
        if e.kind == "surge" and e.region is not None:
            prof = SIM.profiles[e.region]
            for h in hours_of(e.start, e.end):
                assert SIM.values[e.region][h] >= 3.0 * prof.sd(prof.mean(h % 24)) * 0.5


def test_events_of_one_region_do_not_overlap() -> None:
    spans: dict[str, list[tuple[datetime, datetime]]] = {}
    for e in SIM.events:
        for r in (e.region,) if e.region else e.regions or tuple(SIM.values):
            spans.setdefault(r, []).append((e.start, e.end))
    for region_spans in spans.values():
        region_spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(region_spans))


def test_means_are_the_null_rhythm_the_events_act_on() -> None:
    ratios = []
    for e in SIM.events:
        if e.kind == "step_rise" and e.region is not None:
            hours = hours_of(e.start, e.end)
            seen = sum(SIM.values[e.region][h] for h in hours)
            ratios.append(seen / sum(SIM.means[e.region][h] for h in hours))
    assert 1.7 < statistics.median(ratios) < 2.3
    for e in SIM.events:
        if e.kind == "first_seen" and e.region is not None:
            assert not any(SIM.means[e.region][: hours_of(SIM.start, e.start).stop])
    busy = SIM.profiles["R000"]
    assert len(SIM.means["R000"]) == SIM.hours
    # the drift stays within a factor ~2 of the region's rhythm
    assert all(0.4 < m / busy.mean(h % 24) < 2.5 for h, m in enumerate(SIM.means["R000"]))
