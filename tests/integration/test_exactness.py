"""Exactly-once effect without Kafka transactions, on the real embedded broker.

- SIGKILL one of two workers mid-stream: the survivor's aggregates equal the
  ground truth computed offline from the same input.
- One worker and two workers give identical aggregates; a replay of the raw
  topic (and of the claims topic) after the live run gives the same documents
  and the same alerts.
"""

from __future__ import annotations

import asyncio
import os
import random

import pytest

from stream.replay import replay
from stream.settings import CLAIMS_TOPIC, RAW_TOPIC

from .conftest import Deployment, produce, wait_until
from .scenarios import (
    crash_run,
    expected_docs,
    first_difference,
    generated_reports,
    live_docs,
    offline_fold,
)

pytestmark = pytest.mark.integration


def test_sigkill_one_of_two_workers_keeps_every_aggregate_exact(deployment: Deployment) -> None:
    seed = int(os.environ.get("STRIKESTREAM_CRASH_SEED", random.randrange(1_000_000)))
    fraction = random.Random(seed).uniform(0.2, 0.8)
    result = crash_run(deployment, n=20_000, seed=seed, kill_fraction=fraction)
    assert result.exact, (f"seed={seed} killed after {result.killed_after:.0%}: "
                          f"{result.difference}")


@pytest.mark.parametrize("in_flight", ["1", "2"])
def test_one_worker_two_workers_and_replay_agree(deployment: Deployment, in_flight: str) -> None:
    lines = generated_reports(3000, seed=42)
    expected = expected_docs(offline_fold(lines))
    # (with one normalize batch in flight, the live detectors once scored hours before
    # a claims partition's first watermark had been read; see Engine.frontier)
    solo = deployment.start_worker(STREAM_NORMALIZE_IN_FLIGHT=in_flight)
    solo.wait_ready()
    asyncio.run(produce(deployment.broker.bootstrap, deployment.topic(RAW_TOPIC), lines))
    wait_until(lambda: not first_difference(live_docs(solo), expected), timeout=180,
               what="one worker to match the offline fold")

    # A second worker joins: it folds the whole claims log and serves the same numbers.
    second = deployment.start_worker()
    second.wait_ready()
    wait_until(lambda: live_docs(second) == live_docs(solo), timeout=120,
               what="two workers to serve identical aggregates")

    engines = {}
    for topic, kind in ((RAW_TOPIC, "raw"), (CLAIMS_TOPIC, "claims")):
        engine, summary = asyncio.run(replay(deployment.broker.bootstrap, deployment.topic(topic),
                                             kind=kind))  # type: ignore[arg-type]
        assert summary.records >= len(lines) if kind == "raw" else summary.records > 0
        diff = first_difference(expected_docs(engine), live_docs(solo))
        assert not diff, (kind, diff)
        engines[kind] = engine

    # The alerts are a function of the reports: the detectors read each hour as it was
    # published by its close, so the live worker, a worker that caught up from the
    # claims log (other batches, partitions interleaved by other fetches), a replay of
    # the claims topic and one of the raw topic (normalized again, in another order)
    # find the same alerts, with the same states, figures and claims.
    def alert_rows(alerts: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return sorted((a["alert_id"], a["kind"], a["region"], a["state"], a["observed"],
                       a["expected"], tuple(a["claim_ids"])) for a in alerts)  # type: ignore[arg-type]

    replayed = alert_rows([a.model_dump(mode="json") for a in engines["claims"].alerts.values()])
    assert replayed, "the scenario raises alerts"
    assert engines["claims"].detector_late == engines["raw"].detector_late == 0
    assert alert_rows([a.model_dump(mode="json") for a in engines["raw"].alerts.values()]) == replayed
    assert alert_rows(second.json("/api/alerts")["alerts"]) == replayed
    assert alert_rows(solo.json("/api/alerts")["alerts"]) == replayed
