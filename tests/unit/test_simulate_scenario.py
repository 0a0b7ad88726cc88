"""stream.simulate.scenario: report streams with injected, labelled events, checked
against the alerts of the pure pipeline (normalize_record -> Engine), as a worker and a
replay raise them."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import orjson
import pytest

from stream.models import Alert, RawReport
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.simulate.reports import REGION_CODES, SimReport
from stream.simulate.scenario import EventLabel, Scenario, simulate_scenario, write_events

START = datetime(2025, 6, 1, tzinfo=UTC)
NOW = datetime(2030, 1, 1, tzinfo=UTC)
DAYS = 42
#: the detectors' false-alert budget per region and week (DetectorConfig default)
BUDGET = 0.5
#: an alert this long before an event, or this long after it ends, is the event's
#: (a baseline moved by a step rise or a surge takes a while to settle)
BEFORE, AFTER = timedelta(hours=6), timedelta(hours=48)
WARMUP = timedelta(hours=120)  # DetectorConfig.warmup_hours


def _alerts(scenario: Scenario) -> list[Alert]:
    engine = Engine.create()
    for i, report in enumerate(scenario.reports()):
        result = normalize_record(orjson.dumps(report.raw), Place("raw", 0, i), NOW)
        assert isinstance(result, Normalized), result
        for claim in result.claims:
            engine.apply(claim)
        if i % 50 == 0:
            engine.detect()
    engine.detect()
    return list(engine.alerts.values())


@pytest.fixture(scope="module")
def run() -> tuple[Scenario, list[Alert]]:
    scenario = simulate_scenario(DAYS, seed=1, start=START)
    return scenario, _alerts(scenario)


def _quiet(scenario: Scenario, region: str, at: datetime) -> bool:
    """`at` is after the detectors' warm-up and away from every event of `region`."""
    return at >= START + WARMUP and not any(
        e.covers(region) and e.start - BEFORE <= at < e.end + AFTER for e in scenario.events)


def _hit(event: EventLabel, alerts: list[Alert]) -> bool:
    return any(a.kind == event.alert and a.region == event.region
               and event.start <= a.window_start < event.end for a in alerts)


def test_labels_use_the_claims_region_codes_and_every_event_kind() -> None:
    scenario = simulate_scenario(DAYS, seed=1, start=START)
    assert {e.kind for e in scenario.events} == {
        "surge", "step_rise", "silence", "feed_silence", "first_seen", "mass_attack"}
    assert len(set(scenario.regions)) == 8 and set(scenario.regions) <= REGION_CODES
    for e in scenario.events:
        assert START + timedelta(days=7) <= e.start < e.end <= START + timedelta(days=DAYS)
        if e.kind == "mass_attack":
            assert e.region is None and len(e.regions) >= 3 and set(e.regions) <= set(scenario.regions)
        elif e.kind == "feed_silence":
            assert e.region is None and not e.regions
        else:
            assert e.region in scenario.regions
    out = io.BytesIO()
    assert write_events(scenario.events, out) == len(scenario.events)
    first = orjson.loads(out.getvalue().splitlines()[0])
    assert set(first) == {"kind", "alert", "region", "regions", "start", "end"}
    assert first["start"] == scenario.events[0].start.isoformat().replace("+00:00", "Z")


def test_reports_carry_the_series_and_injected_silences_stay_silent() -> None:
    scenario = simulate_scenario(14, seed=4, start=START, regions=5)
    reports = list(scenario.reports())
    code_of = scenario.region_map
    stated: dict[str, int] = {}
    for report in reports:
        RawReport.model_validate(report.raw)
        if report.truth.relay_of is None:
            for region, _, _, n in report.truth.counts:
                if region is not None:
                    stated[region] = stated.get(region, 0) + n
    assert stated == {code_of[name]: sum(v) for name, v in scenario.series.values.items() if sum(v)}
    for e in scenario.events:
        if e.kind in ("silence", "feed_silence"):
            # an hour's reports are published within the next hour (relays later)
            during = [r for r in reports if r.truth.relay_of is None
                      and e.start + timedelta(hours=1) <= _published(r) < e.end
                      and any(e.covers(c[0]) for c in r.truth.counts if c[0] is not None)]
            assert not during, e


def _published(report: SimReport) -> datetime:
    return datetime.fromisoformat(report.raw["published_at"])


def test_same_seed_same_stream_and_labels() -> None:
    a = simulate_scenario(10, seed=3, start=START, regions=4)
    b = simulate_scenario(10, seed=3, start=START, regions=4)
    assert a.events == b.events
    assert [r.raw for r in a.reports()] == [r.raw for r in b.reports()]
    assert a.events != simulate_scenario(10, seed=4, start=START, regions=4).events


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"start": datetime(2025, 6, 1, 0, 30, tzinfo=UTC)}, "on the hour"),
    ({"start": datetime(2025, 6, 1)}, "UTC-aware"),  # noqa: DTZ001 - the naive time under test
    ({"days": 5}, "days must be >= 9"),
    ({"regions": 2}, "between 4 and 40"),
])
def test_bad_arguments_are_named(kwargs: dict[str, object], match: str) -> None:
    args: dict[str, object] = {"days": 20, "seed": 1, "start": START, **kwargs}
    with pytest.raises(ValueError, match=match):
        simulate_scenario(**args)  # type: ignore[arg-type]


def test_injected_surges_are_alerted_in_their_window(run: tuple[Scenario, list[Alert]]) -> None:
    scenario, alerts = run
    surges = [e for e in scenario.events if e.kind == "surge"]
    assert any(_hit(e, alerts) for e in surges)
    # surges of 6 sd instead of 3: most are caught, each within its own labelled hours
    big = simulate_scenario(DAYS, seed=1, start=START, surge_sigmas=6.0)
    big_alerts = _alerts(big)
    big_surges = [e for e in big.events if e.kind == "surge"]
    assert sum(_hit(e, big_alerts) for e in big_surges) >= 0.5 * len(big_surges)


def test_other_labelled_events_are_alerted(run: tuple[Scenario, list[Alert]]) -> None:
    scenario, alerts = run
    for kind in ("first_seen", "silence", "step_rise"):
        assert any(_hit(e, alerts) for e in scenario.events if e.kind == kind), kind
    feed = [e for e in scenario.events if e.kind in ("feed_silence", "mass_attack")]
    for e in feed:
        assert any(a.kind == e.alert and a.region is None and e.start - timedelta(hours=1) <= a.window_start
                   < e.end for a in alerts), e


def test_event_free_stretches_stay_within_the_false_alert_budget(run: tuple[Scenario, list[Alert]]) -> None:
    scenario, alerts = run
    hours = [START + timedelta(hours=h) for h in range(DAYS * 24)]
    region_weeks = sum(_quiet(scenario, r, t) for r in scenario.regions for t in hours) / 168
    assert region_weeks > 15  # most of the stream is event-free
    false = [a for a in alerts if a.region is not None and _quiet(scenario, a.region, a.window_start)]
    assert len(false) <= BUDGET * region_weeks, [(a.kind, a.region, a.window_start) for a in false]
