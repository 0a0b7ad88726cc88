"""Engine.detector_late (exported as strikestream_detector_late_claims_total) counts
only claims that change an hour the detectors already scored: a redelivery of the
same reports (a consumer retry, `dlq --redrive`, re-ingesting a file) or a relay of a
value they scored is no sign of a feed out of publication order."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from stream.models import Claim
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.simulate.reports import SimReport, simulate_reports

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def _claims(reports: list[SimReport], first_offset: int) -> list[Claim]:
    out: list[Claim] = []
    for i, report in enumerate(reports):
        result = normalize_record(orjson.dumps(report.raw), Place("raw", 0, first_offset + i), NOW)
        assert isinstance(result, Normalized)
        out += result.claims
    return out


@pytest.fixture(scope="module")
def reports() -> list[SimReport]:
    return list(simulate_reports(150, seed=11, start=datetime(2025, 6, 1, tzinfo=UTC)))


def _scored(claims: list[Claim]) -> Engine:
    """Every claim folded and every hour it closes scored."""
    engine = Engine.create()
    for offset, claim in enumerate(claims):
        engine.apply(claim, partition=0, offset=offset)
    engine.detect(lagging=set())
    assert engine.closed_before is not None
    assert engine.detector_late == 0
    return engine


def test_redelivered_reports_are_not_late(reports: list[SimReport]) -> None:
    claims = _claims(reports, 0)
    engine = _scored(claims)
    scored = [c for c in claims if engine.closed_before is not None
              and c.event_time < engine.closed_before]
    assert scored, "some claims fall in hours already scored"
    # the same reports again, read from later offsets (as a redrive writes them)
    again = _claims(reports, len(reports))
    outcomes = [engine.apply(c, partition=0, offset=len(claims) + i).outcome
                for i, c in enumerate(again)]
    assert set(outcomes) <= {"duplicate", "relay", "stale"}, set(outcomes)
    assert engine.detector_late == 0


def test_a_relay_of_a_scored_value_is_not_late(reports: list[SimReport]) -> None:
    claims = _claims(reports, 0)
    engine = _scored(claims)
    closed = engine.closed_before
    assert closed is not None
    early = min((c for c in claims if c.kind == "count"), key=lambda c: c.published_at)
    relay = early.model_copy(update={"source": "relay-channel", "report_id": "r" * 16})
    applied = engine.apply(relay, partition=0, offset=len(claims))
    assert applied.outcome == "relay"
    assert applied.event_time is not None and applied.event_time < closed
    assert engine.detector_late == 0


def test_a_corrected_value_for_a_scored_hour_is_late(reports: list[SimReport]) -> None:
    claims = _claims(reports, 0)
    engine = _scored(claims)
    early = min((c for c in claims if c.kind == "count" and c.count), key=lambda c: c.published_at)
    # the same identity with another value, published after the first (in force),
    # still in time for the hour: the detectors scored the hour without it
    fix = early.model_copy(update={"count": (early.count or 0) + 40, "report_id": "z" * 16,
                                   "source": "relay-channel"})
    applied = engine.apply(fix, partition=0, offset=len(claims))
    assert applied.outcome == "correction"
    assert engine.detector_late == 1
    # and the same correction redelivered is not counted twice
    assert engine.apply(fix, partition=0, offset=len(claims) + 1).outcome == "duplicate"
    assert engine.detector_late == 1
