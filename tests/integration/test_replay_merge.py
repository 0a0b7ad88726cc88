"""A raw replay of weeks of reports folds them in publication order across partitions.

Before, a fetch returned up to megabytes of one partition, so a replay folded one
partition's reports to the end of the feed before another's first ones: those fell
behind the eviction horizon ("expired") and the alerts depended on which partition the
broker served first (114, 114, 43 and 115 alerts in four replays of one 36-day feed).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from stream.broker import EmbeddedBroker, ensure_topics
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.replay import replay
from stream.settings import RAW_TOPIC
from stream.simulate.reports import simulate_reports

from .conftest import _delete_prefixed, produce
from .scenarios import expected_docs, first_difference

pytestmark = pytest.mark.integration


@pytest.fixture
def topic(broker: EmbeddedBroker) -> Iterator[str]:
    tag = f"merge{uuid.uuid4().hex[:8]}."
    asyncio.run(ensure_topics(broker.bootstrap, [(f"{tag}{RAW_TOPIC}", 4)]))
    yield f"{tag}{RAW_TOPIC}"
    asyncio.run(_delete_prefixed(broker.bootstrap, (tag,)))


def _alerts(engine: Engine) -> list[tuple[Any, ...]]:
    return sorted((a.alert_id, a.state, a.observed, a.expected, tuple(a.claim_ids))
                  for a in engine.alerts.values())


def test_a_raw_replay_of_weeks_gives_the_same_answers_every_time(
        broker: EmbeddedBroker, topic: str) -> None:
    sims = list(simulate_reports(1_600, seed=7, start=datetime(2025, 3, 1, tzinfo=UTC)))
    values = [orjson.dumps(s.raw) for s in sims]
    # keyed by report id: each partition holds a quarter of the feed, spread over its weeks
    asyncio.run(produce(broker.bootstrap, topic, values, keys=[s.raw["id"].encode() for s in sims]))

    # the reference: one pass in publication order, as a live feed arrives
    reference = Engine()
    now = datetime.now(UTC)
    for n, (_pub, value) in enumerate(sorted(zip([s.raw["published_at"] for s in sims], values,
                                                 strict=True))):
        result = normalize_record(value, Place("offline", 0, n), now)
        if isinstance(result, Normalized):
            reference.apply_all(result.claims)
    reference.detect()
    assert len(reference.alerts) > 10, "weeks of the simulated feed raise alerts"

    runs = [asyncio.run(replay(broker.bootstrap, topic, kind="raw")) for _ in range(3)]
    for engine, summary in runs:
        assert summary.records == len(values)
        assert "expired" not in summary.outcomes, summary.outcomes
        diff = first_difference(expected_docs(engine), expected_docs(reference))
        assert not diff, diff
        assert _alerts(engine) == _alerts(reference)
