"""A simulated surge streamed through the embedded broker: exactly one alert, same id on
re-delivery, resolved after the surge ends."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from stream.broker import EmbeddedBroker
from stream.models import Alert
from stream.settings import ALERTS_TOPIC, RAW_TOPIC
from stream.simulate.reports import reports_from_series
from stream.simulate.series import SimulatedSeries

from .conftest import Deployment, produce, read_topic, wait_until

pytestmark = pytest.mark.integration

SURGE_HOUR = 24 * 12


def surge_reports() -> list[bytes]:
    """Two weeks of 2-7 drones an hour over Belgorod, with 90 an hour for 3 hours on day 12."""
    rng = random.Random(3)
    values = [rng.choice([2, 3, 4, 5, 6, 7]) for _ in range(24 * 14)]
    for h in range(SURGE_HOUR, SURGE_HOUR + 3):
        values[h] = 90
    series = SimulatedSeries(values={"R000": values}, start=datetime(2025, 3, 1, tzinfo=UTC), events=[])
    return [orjson.dumps(r.raw) for r in
            reports_from_series(series, seed=1, region_map={"R000": "RU-BEL"}, relay_rate=0.2)]


def alerts_on_topic(dep: Deployment) -> list[Alert]:
    msgs = asyncio.run(read_topic(dep.broker.bootstrap, dep.topic(ALERTS_TOPIC), timeout=5))
    return [Alert.model_validate_json(m.value) for m in msgs]


@pytest.fixture
def ordered(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[Deployment]:
    """One raw partition: the reports reach the detectors in publication order, as a live
    feed does (a bulk load over several partitions interleaves days of history)."""
    dep = Deployment.create(broker, tmp_path, raw_partitions=1)
    yield dep
    dep.close()


def test_surge_gives_one_alert_that_resolves_and_survives_redelivery(ordered: Deployment) -> None:
    deployment = ordered
    lines = surge_reports()
    worker = deployment.start_worker()
    worker.wait_ready()
    asyncio.run(produce(deployment.broker.bootstrap, deployment.topic(RAW_TOPIC), lines))

    def belgorod_surges() -> list[Alert]:
        return [a for a in alerts_on_topic(deployment) if a.region == "RU-BEL" and a.kind == "surge"]

    surges = wait_until(lambda: (s := belgorod_surges()) and s[-1].state == "resolved" and s,
                        timeout=180, what="the Belgorod surge alert to open and resolve")
    assert len({a.alert_id for a in surges}) == 1
    assert surges[0].state == "open"
    assert [a.state for a in surges].count("resolved") == 1
    opened = surges[0]
    assert opened.observed >= 90 > opened.expected
    assert opened.window_start.hour == 0 and opened.window_start.day == 13
    assert opened.claim_ids, "the alert names the claims that triggered it"

    # Re-delivery of the whole raw stream (e.g. after a crash) adds no alert.
    before = alerts_on_topic(deployment)
    folded_before = datetime.fromisoformat(worker.json("/healthz")["folded_at"])
    resent_at = datetime.now(UTC)
    asyncio.run(produce(deployment.broker.bootstrap, deployment.topic(RAW_TOPIC), lines))
    health = wait_until(lambda: (h := worker.json("/healthz"))["claims_applied"] >= 2 * len(lines) and h,
                        timeout=180, what="the re-delivered reports to be folded")
    # /healthz tells when the follower last folded: the re-delivered claims, just now
    folded_at = datetime.fromisoformat(health["folded_at"])
    assert folded_before < resent_at < folded_at <= datetime.now(UTC)
    after = alerts_on_topic(deployment)
    assert {a.alert_id for a in after} == {a.alert_id for a in before}
    assert len(after) == len(before)
    api = worker.json("/api/alerts")["alerts"]
    assert [a["state"] for a in api if a["alert_id"] == opened.alert_id] == ["resolved"]
