"""stream.metrics: exact exposition values on a fresh registry per test."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from stream.metrics import Metrics, Progress, RegionSample
from stream.models import Alert
from stream.regions import all_region_codes


def lines(m: Metrics, prefix: str) -> list[str]:
    """Sample lines of the exposition whose name starts with `prefix`."""
    body, _ = m.exposition()
    return [ln for ln in body.decode().splitlines() if ln.startswith(prefix)]


def test_default_registry_is_private() -> None:
    a, b = Metrics(), Metrics()
    assert a.registry is not REGISTRY
    assert a.registry is not b.registry
    a.reports_total.labels(lang="en").inc()
    assert b.registry.get_sample_value("strikestream_reports_total", {"lang": "en"}) == 0.0
    assert REGISTRY.get_sample_value("strikestream_reports_total", {"lang": "en"}) is None


def test_injected_registry_is_used() -> None:
    registry = CollectorRegistry()
    m = Metrics(registry)
    assert m.registry is registry
    m.late_claims_total.inc(3)
    assert registry.get_sample_value("strikestream_late_claims_total") == 3.0


def test_known_label_values_start_at_zero() -> None:
    m = Metrics()
    assert lines(m, "strikestream_reports_total") == [
        'strikestream_reports_total{lang="en"} 0.0',
        'strikestream_reports_total{lang="ru"} 0.0',
        'strikestream_reports_total{lang="uk"} 0.0',
    ]
    assert lines(m, "strikestream_dlq_total") == [
        'strikestream_dlq_total{reason="decode"} 0.0',
        'strikestream_dlq_total{reason="invalid"} 0.0',
        'strikestream_dlq_total{reason="too_large"} 0.0',
        'strikestream_dlq_total{reason="late"} 0.0',
        'strikestream_dlq_total{reason="internal"} 0.0',
    ]
    assert lines(m, "strikestream_duplicate_claims_total") == [
        'strikestream_duplicate_claims_total{outcome="relay"} 0.0',
        'strikestream_duplicate_claims_total{outcome="duplicate"} 0.0',
        'strikestream_duplicate_claims_total{outcome="stale"} 0.0',
        'strikestream_duplicate_claims_total{outcome="expired"} 0.0',
    ]
    assert len(lines(m, "strikestream_claims_total{")) == 3 * 5
    assert len(lines(m, "strikestream_alerts_total{")) == 6 * 3


def test_counters_and_gauge_exact_values() -> None:
    m = Metrics()
    m.reports_total.labels(lang="uk").inc()
    m.reports_total.labels(lang="uk").inc()
    m.claims_total.labels(kind="count", claimant="ru-mod").inc(7)
    m.dlq_total.labels(reason="decode").inc()
    m.duplicate_claims_total.labels(outcome="relay").inc(2)
    m.alerts_total.labels(kind="surge", state="open").inc()
    m.consumer_lag.labels(topic="strikes.raw.v1", partition="3").set(42)
    assert 'strikestream_reports_total{lang="uk"} 2.0' in lines(m, "strikestream_reports_total")
    assert (
        'strikestream_claims_total{claimant="ru-mod",kind="count"} 7.0'
        in lines(m, "strikestream_claims_total")
    )
    assert 'strikestream_dlq_total{reason="decode"} 1.0' in lines(m, "strikestream_dlq")
    assert (
        'strikestream_duplicate_claims_total{outcome="relay"} 2.0'
        in lines(m, "strikestream_duplicate")
    )
    assert (
        'strikestream_alerts_total{kind="surge",state="open"} 1.0'
        in lines(m, "strikestream_alerts_total")
    )
    assert lines(m, "strikestream_consumer_lag_messages") == [
        'strikestream_consumer_lag_messages{partition="3",topic="strikes.raw.v1"} 42.0'
    ]


def test_processing_histogram_buckets() -> None:
    m = Metrics()
    m.processing_seconds.labels(stage="normalize").observe(0.0003)
    m.processing_seconds.labels(stage="normalize").observe(0.02)
    got = lines(m, 'strikestream_processing_seconds_bucket{le="0.0005",stage="normalize"}')
    assert got == ['strikestream_processing_seconds_bucket{le="0.0005",stage="normalize"} 1.0']
    got = lines(m, 'strikestream_processing_seconds_bucket{le="0.025",stage="normalize"}')
    assert got == ['strikestream_processing_seconds_bucket{le="0.025",stage="normalize"} 2.0']
    assert m.registry.get_sample_value(
        "strikestream_processing_seconds_count", {"stage": "normalize"}
    ) == 2.0
    assert m.registry.get_sample_value(
        "strikestream_processing_seconds_sum", {"stage": "normalize"}
    ) == pytest.approx(0.0203)
    assert m.registry.get_sample_value(
        "strikestream_processing_seconds_count", {"stage": "detect"}
    ) == 0.0


def test_build_info() -> None:
    m = Metrics()
    m.set_build("0.1.0", "norm-3")
    assert lines(m, "strikestream_build_info") == [
        'strikestream_build_info{parser_version="norm-3",version="0.1.0"} 1.0'
    ]


def test_region_source_read_at_scrape_time_sorted_and_summed() -> None:
    m = Metrics()
    current: list[RegionSample] = [
        RegionSample("UA-63", "ua-military", "drone", "launched", "1h", 12),
        RegionSample("RU-BEL", "ru-mod", "drone", "intercepted", "7d", 140),
        RegionSample("UA-63", "ua-military", "drone", "launched", "1h", 3),
    ]
    m.set_region_source(lambda: current)
    assert lines(m, "strikestream_region_munitions") == [
        'strikestream_region_munitions{claimant="ru-mod",measure="intercepted",'
        'region="RU-BEL",weapon="drone",window="7d"} 140.0',
        'strikestream_region_munitions{claimant="ua-military",measure="launched",'
        'region="UA-63",weapon="drone",window="1h"} 15.0',
    ]
    current = [RegionSample("UA-46", "ua-military", "missile", "launched", "6h", 1.5)]
    assert lines(m, "strikestream_region_munitions") == [
        'strikestream_region_munitions{claimant="ua-military",measure="launched",'
        'region="UA-46",weapon="missile",window="6h"} 1.5',
    ]


def test_open_alerts_counted_per_region_kind_and_severity() -> None:
    m = Metrics()
    m.set_open_alerts_source(
        lambda: [("UA-63", "surge", "warning"), ("ALL", "mass_attack", "critical"),
                 ("UA-63", "surge", "warning"), ("RU-KRS", "surge", "critical")]
    )
    assert lines(m, "strikestream_open_alerts") == [
        'strikestream_open_alerts{kind="mass_attack",region="ALL",severity="critical"} 1.0',
        'strikestream_open_alerts{kind="surge",region="RU-KRS",severity="critical"} 1.0',
        'strikestream_open_alerts{kind="surge",region="UA-63",severity="warning"} 2.0',
    ]


def test_failing_snapshot_is_counted_and_does_not_break_scrape() -> None:
    def broken() -> Iterable[RegionSample]:
        msg = "table not ready"
        raise RuntimeError(msg)

    m = Metrics()
    m.set_region_source(broken)
    m.set_open_alerts_source(lambda: [("UA-63", "surge", "critical")])
    assert lines(m, "strikestream_region_munitions") == []
    assert lines(m, "strikestream_open_alerts") == [
        'strikestream_open_alerts{kind="surge",region="UA-63",severity="critical"} 1.0'
    ]
    assert lines(m, "strikestream_scrape_errors_total") == [
        'strikestream_scrape_errors_total{collector="region"} 2.0',
        'strikestream_scrape_errors_total{collector="open_alerts"} 0.0',
        'strikestream_scrape_errors_total{collector="progress"} 0.0',
    ]


def test_region_sample_rejects_unknown_window() -> None:
    with pytest.raises(ValueError, match="'2h' is not one of"):
        RegionSample("UA-63", "ua-military", "drone", "launched", "2h", 1)


def test_content_type_and_names() -> None:
    m = Metrics()
    m.set_region_source(lambda: [RegionSample("UA-63", "other", "drone", "launched", "1h", 1)])
    m.set_open_alerts_source(lambda: [("UA-63", "surge", "critical")])
    body, content_type = m.exposition()
    assert content_type.startswith("text/plain; version=")
    allowed_labels = {
        "lang", "kind", "claimant", "reason", "outcome", "stage", "le", "topic", "partition",
        "state", "version", "parser_version", "collector", "region", "weapon", "measure",
        "window", "generation", "severity",
    }
    families = list(text_string_to_metric_families(body.decode()))
    # the client library's standard families, under their usual names (what memory
    # and CPU alerts are written against)
    standard = {"process_resident_memory_bytes", "process_cpu_seconds", "process_open_fds",
                "python_gc_collections", "python_info"}
    assert standard <= {f.name for f in families}
    families = [f for f in families if not f.name.startswith(("process_", "python_"))]
    assert {f.name for f in families} >= {
        "strikestream_reports", "strikestream_claims", "strikestream_dlq",
        "strikestream_late_claims", "strikestream_duplicate_claims",
        "strikestream_detector_late_claims",
        "strikestream_processing_seconds", "strikestream_consumer_lag_messages",
        "strikestream_alerts", "strikestream_build_info", "strikestream_region_munitions",
        "strikestream_open_alerts", "strikestream_scrape_errors",
    }
    for family in families:
        assert family.name.startswith("strikestream_"), family.name
        for sample in family.samples:
            assert set(sample.labels) <= allowed_labels, sample
            if family.type == "counter" and not sample.name.endswith("_created"):
                assert sample.name.endswith("_total"), sample.name


def test_duplicate_outcomes_are_aggregate_outcomes() -> None:
    from typing import get_args

    from stream.aggregate.apply import Outcome
    from stream.metrics import DUPLICATE_OUTCOMES

    assert set(DUPLICATE_OUTCOMES) == set(get_args(Outcome)) - {"new", "correction", "late", "held"}


def test_gc_pauses_are_exported_per_generation() -> None:
    """A full collection timed by the heap's PauseTimer shows as one more generation-2
    pause, in the bucket its duration falls in."""
    from stream.heap import PauseTimer

    clock = iter([10.0, 10.03, 20.0, 20.0005]).__next__
    timer = PauseTimer(clock=clock)
    m = Metrics()
    m.set_gc_pause_source(timer.snapshot)
    timer("start", {"generation": 2})
    timer("stop", {"generation": 2, "collected": 0, "uncollectable": 0})
    timer("start", {"generation": 0})
    timer("stop", {"generation": 0, "collected": 0, "uncollectable": 0})
    body, _ = m.exposition()
    samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
               for f in text_string_to_metric_families(body.decode())
               if f.name == "strikestream_gc_pause_seconds" for s in f.samples}
    assert samples[("strikestream_gc_pause_seconds_count", (("generation", "2"),))] == 1
    assert samples[("strikestream_gc_pause_seconds_sum", (("generation", "2"),))] == pytest.approx(0.03)
    assert samples[("strikestream_gc_pause_seconds_bucket", (("generation", "2"), ("le", "0.025")))] == 0
    assert samples[("strikestream_gc_pause_seconds_bucket", (("generation", "2"), ("le", "0.05")))] == 1
    assert samples[("strikestream_gc_pause_seconds_bucket", (("generation", "0"), ("le", "0.001")))] == 1
    assert samples[("strikestream_gc_pause_seconds_count", (("generation", "1"),))] == 0


def test_no_created_series() -> None:
    m = Metrics()
    m.reports_total.labels(lang="uk").inc()
    m.processing_seconds.labels(stage="decode").observe(0.001)
    body, _ = m.exposition()
    created = [ln for ln in body.decode().splitlines() if "_created" in ln]
    assert created == []
    assert 'strikestream_reports_total{lang="uk"} 1.0' in lines(m, "strikestream_reports_total")


def test_every_stage_is_a_stage_the_worker_times() -> None:
    from stream.metrics import STAGES

    src = (Path(__file__).resolve().parents[2] / "stream" / "agents.py").read_text()
    timed = set(re.findall(r'stage\("(\w+)"\)\.observe', src))
    assert timed == set(STAGES)


#: the wall clock the alerts below are counted at; `_alert`'s scored hour ends 2 h before
NOW = datetime(2025, 6, 1, 5, 10, tzinfo=UTC)


def _alert(kind: str, state: str, region: str | None, severity: str = "critical",
           hour_end: datetime = datetime(2025, 6, 1, 3, tzinfo=UTC)) -> Alert:
    return Alert(alert_id=f"{kind}-{region}", kind=kind, state=state, severity=severity,  # type: ignore[arg-type]
                 region=region, window_start=hour_end - timedelta(hours=1), updated_at=hour_end,
                 observed=30.0, expected=2.0, p_value=None, statistic=None, claim_ids=[], message="")


def test_opened_alerts_counted_per_region_from_zero() -> None:
    m = Metrics()
    opened = lines(m, "strikestream_alerts_opened_total{")
    # every region the gazetteer knows with each per-region kind, and every kind feed-wide,
    # each at both severities the detectors raise
    assert len(opened) == 2 * (4 * len(all_region_codes()) + 6)
    assert all(ln.endswith(" 0.0") for ln in opened)
    assert ('strikestream_alerts_opened_total{kind="surge",region="RU-KRS",severity="warning"} 0.0'
            in opened)
    assert ('strikestream_alerts_opened_total{kind="mass_attack",region="ALL",severity="critical"} 0.0'
            in opened)
    # an alert that opens and resolves in one fold is counted once, by region and severity
    m.count_alerts([_alert("surge", "open", "RU-KRS", "warning"), _alert("surge", "resolved", "RU-KRS"),
                    _alert("mass_attack", "open", None), _alert("surge", "updated", "UA-63")],
                   caught_up=True, now=NOW)
    got = m.registry.get_sample_value

    def opened_n(region: str, kind: str, severity: str) -> float | None:
        return got("strikestream_alerts_opened_total",
                   {"region": region, "kind": kind, "severity": severity})

    assert opened_n("RU-KRS", "surge", "warning") == 1.0
    assert opened_n("RU-KRS", "surge", "critical") == 0.0
    assert opened_n("ALL", "mass_attack", "critical") == 1.0
    assert opened_n("UA-63", "surge", "critical") == 0.0
    assert got("strikestream_alerts_total", {"kind": "surge", "state": "open"}) == 1.0
    assert got("strikestream_alerts_total", {"kind": "surge", "state": "resolved"}) == 1.0
    assert got("strikestream_alerts_total", {"kind": "surge", "state": "updated"}) == 1.0


def test_alerts_refolded_while_catching_up_do_not_count_as_opened() -> None:
    m = Metrics()
    m.count_alerts([_alert("surge", "open", "RU-KRS")], caught_up=False, now=NOW)
    got = m.registry.get_sample_value
    assert got("strikestream_alerts_opened_total",
               {"region": "RU-KRS", "kind": "surge", "severity": "critical"}) == 0.0
    assert got("strikestream_history_alerts_opened_total", {"kind": "surge"}) == 0.0
    assert got("strikestream_alerts_total", {"kind": "surge", "state": "open"}) == 1.0


@pytest.mark.parametrize(
    ("age", "live"),
    [(timedelta(0), True), (timedelta(hours=12), True), (timedelta(hours=12, seconds=1), False),
     (timedelta(days=500), False)],
)
def test_openings_about_old_hours_are_history_not_pages(age: timedelta, live: bool) -> None:
    """`make run` loads samples ~500 days old into a caught-up worker: their openings are
    counted apart; an opening whose scored hour ended within the horizon pages."""
    m = Metrics()
    m.count_alerts([_alert("surge", "open", "RU-BRY", "warning", hour_end=NOW - age)],
                   caught_up=True, now=NOW)
    got = m.registry.get_sample_value
    assert got("strikestream_alerts_opened_total",
               {"region": "RU-BRY", "kind": "surge", "severity": "warning"}) == (1.0 if live else 0.0)
    assert got("strikestream_history_alerts_opened_total", {"kind": "surge"}) == (0.0 if live else 1.0)
    assert got("strikestream_alerts_total", {"kind": "surge", "state": "open"}) == 1.0


def test_live_horizon_is_a_parameter() -> None:
    m = Metrics(live_horizon=timedelta(hours=1))
    m.count_alerts([_alert("sustained_rise", "open", "UA-63")], caught_up=True, now=NOW)
    got = m.registry.get_sample_value
    assert got("strikestream_history_alerts_opened_total", {"kind": "sustained_rise"}) == 1.0
    assert got("strikestream_alerts_opened_total",
               {"region": "UA-63", "kind": "sustained_rise", "severity": "critical"}) == 0.0


def test_openings_default_to_the_wall_clock() -> None:
    m = Metrics()
    fresh = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    m.count_alerts([_alert("surge", "open", "UA-63", hour_end=fresh),
                    _alert("surge", "open", "UA-46", hour_end=datetime(2024, 7, 1, tzinfo=UTC))],
                   caught_up=True)
    got = m.registry.get_sample_value
    assert got("strikestream_alerts_opened_total",
               {"region": "UA-63", "kind": "surge", "severity": "critical"}) == 1.0
    assert got("strikestream_alerts_opened_total",
               {"region": "UA-46", "kind": "surge", "severity": "critical"}) == 0.0
    assert got("strikestream_history_alerts_opened_total", {"kind": "surge"}) == 1.0


def test_progress_read_at_scrape_time() -> None:
    m = Metrics()
    current = Progress(event_time=1_750_000_000.0, scored_before=None, kept_claims=42,
                       partitions=((3, 1_749_990_000.0), (0, 1_750_000_000.0)), held=((0, 7), (3, 0)),
                       ahead=((3, False), (0, True)))
    m.set_progress_source(lambda: current)
    assert lines(m, "strikestream_event_time_seconds") == ["strikestream_event_time_seconds 1.75e+09"]
    # absent until the detectors have scored an hour (an alert rule subtracts it)
    assert lines(m, "strikestream_detector_scored_before_seconds") == []
    assert lines(m, "strikestream_kept_claims") == ["strikestream_kept_claims 42.0"]
    assert lines(m, "strikestream_detector_partition_time_seconds") == [
        'strikestream_detector_partition_time_seconds{partition="0"} 1.75e+09',
        'strikestream_detector_partition_time_seconds{partition="3"} 1.74999e+09',
    ]
    assert lines(m, "strikestream_held_records") == [
        'strikestream_held_records{partition="0"} 7.0', 'strikestream_held_records{partition="3"} 0.0']
    assert lines(m, "strikestream_claims_partition_ahead") == [
        'strikestream_claims_partition_ahead{partition="0"} 1.0',
        'strikestream_claims_partition_ahead{partition="3"} 0.0']
    current = Progress(event_time=1_750_003_600.0, scored_before=1_749_992_400.0, kept_claims=40)
    assert lines(m, "strikestream_detector_scored_before_seconds") == [
        "strikestream_detector_scored_before_seconds 1.7499924e+09"]
    assert lines(m, "strikestream_detector_partition_time_seconds") == []


def test_failing_progress_snapshot_leaves_out_its_series_only() -> None:
    def broken() -> Progress:
        msg = "engine swapped"
        raise RuntimeError(msg)

    m = Metrics()
    m.set_progress_source(broken)
    m.set_open_alerts_source(lambda: [("UA-63", "surge", "critical")])
    assert lines(m, "strikestream_event_time_seconds") == []
    assert lines(m, "strikestream_kept_claims") == []
    assert len(lines(m, "strikestream_open_alerts")) == 1
    assert 'strikestream_scrape_errors_total{collector="progress"} 3.0' in lines(
        m, "strikestream_scrape_errors_total")
