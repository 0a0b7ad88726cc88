"""History ingested in two batches with a pause gives the live worker the alerts a replay
gives (and a pass over the reports in publication order).

Before, the claims a region's latest event time had left more than two weeks behind were
evicted whatever the detectors had scored: a bulk load reaches the worker one raw
partition's records weeks ahead of another's, so the claims still to come from the
partitions behind were expired, and a replay, which folds what it has buffered before it
scores, dropped reports published after their hour closed (a governor's "за минувшие
сутки" in the afternoon) before the hour they are read in was scored. A user audit's 360
reports in two batches: 41 alerts differed, `expected` off from weeks before the batch
boundary, while no claim counted as late for the detectors.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.broker import EmbeddedBroker
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.replay import replay
from stream.settings import RAW_TOPIC
from stream.simulate.reports import simulate_reports

from .conftest import Deployment, Worker, produce, wait_until

pytestmark = pytest.mark.integration

Row = tuple[Any, ...]


def _rows(alerts: list[dict[str, Any]]) -> list[Row]:
    return sorted((a["alert_id"], a["kind"], a["region"], a["state"], a["observed"], a["expected"],
                   tuple(a["claim_ids"])) for a in alerts)


def _in_publication_order(values: list[bytes]) -> list[Row]:
    """The reference: every report folded in publication order, each hour scored as soon
    as it closes, as a live feed arrives."""
    engine, now = Engine(), datetime.now(UTC)
    for n, value in enumerate(values):
        result = normalize_record(value, Place("offline", 0, n), now)
        if isinstance(result, Normalized):
            for claim in result.claims:
                engine.apply(claim, source=0)
        engine.detect(lagging={0})
    engine.detect(lagging=set())
    return _rows([a.model_dump(mode="json") for a in engine.alerts.values()])


def _replayed(dep: Deployment) -> list[Row]:
    engine, summary = asyncio.run(replay(dep.broker.bootstrap, dep.topic(RAW_TOPIC), kind="raw"))
    assert "expired" not in summary.outcomes, summary.outcomes
    return _rows([a.model_dump(mode="json") for a in engine.alerts.values()])


def _live(worker: Worker) -> list[Row]:
    return _rows(worker.json("/api/alerts?limit=1000")["alerts"])


def _ingest(dep: Deployment, values: list[bytes]) -> None:
    keys: list[bytes | None] = [orjson.loads(v)["id"].encode() for v in values]
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), values, keys=keys))


@pytest.fixture
def dep(broker: EmbeddedBroker, tmp_path: Path) -> Any:
    d = Deployment.create(broker, tmp_path, tag="burst")
    yield d
    d.close()


def test_history_in_two_batches_gives_the_alerts_of_a_replay(dep: Deployment) -> None:
    # five weeks of the simulated feed (more than the two weeks the aggregates keep
    # behind a region's latest claim), in publication order, keyed by report id over
    # four raw partitions
    sims = simulate_reports(1_000, seed=7, start=datetime(2025, 3, 1, tzinfo=UTC))
    values = [v for _, v in sorted((s.raw["published_at"], orjson.dumps(s.raw)) for s in sims)]
    first, second = values[:750], values[750:]
    expected_first, expected = _in_publication_order(first), _in_publication_order(values)
    assert len(expected) > len(expected_first) > 10, "weeks of the simulated feed raise alerts"

    worker = dep.start_worker()
    worker.wait_ready()
    _ingest(dep, first)
    # the pause: the worker folds the first batch and scores its hours before the rest comes
    wait_until(lambda: _live(worker) == expected_first, timeout=240,
               what="the first batch's alerts, as in publication order")
    _ingest(dep, second)
    wait_until(lambda: _live(worker) == expected, timeout=240,
               what="every alert, as in publication order")
    _, metrics = worker.get("/metrics")
    assert b'strikestream_duplicate_claims_total{outcome="expired"} 0.0' in metrics
    assert _replayed(dep) == _live(worker) == expected
