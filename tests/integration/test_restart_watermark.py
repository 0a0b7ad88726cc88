"""A worker that restarts (or takes raw partitions over) on a persistent broker keeps
closing hours: raw partitions read to their end before it started do not hold the
others back, as they do not for a worker that never restarted, nor for a replay.

Before, a restarted worker wrote no watermark until every raw partition it owned had
given a claim again (it had taken nothing from them since it started, so each "might
hold any hour"): the two reports below raised nothing live, while a replay of the raw
topic raised the surges they complete.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.broker import EmbeddedBroker
from stream.replay import replay
from stream.settings import RAW_TOPIC

from .conftest import ROOT, Deployment, Worker, produce, wait_until

pytestmark = pytest.mark.integration

SAMPLES = ROOT / "stream" / "data" / "samples" / "reports-2025-07.jsonl"

#: three days after the samples end: an MoD bulletin over Kursk and Bryansk, then a
#: later one that carries event time past the first one's hour plus the grace
LATER = [
    {"id": "restart-1", "source": "telegram:mod_russia", "published_at": "2025-07-16T04:10:00Z",
     "text": "Russian air defences destroyed 160 Ukrainian drones overnight, including 120 over "
             "the Kursk region and 40 over the Bryansk region, the Defence Ministry said."},
    {"id": "restart-2", "source": "telegram:mod_russia", "published_at": "2025-07-16T09:30:00Z",
     "text": "Russian air defences destroyed 6 Ukrainian drones over the Belgorod region this "
             "morning, the Defence Ministry said."},
]


def _ingest(dep: Deployment, lines: list[bytes]) -> None:
    keys: list[bytes | None] = [orjson.loads(line)["id"].encode() for line in lines]
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), lines, keys=keys))


def _rows(alerts: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((a["alert_id"], a["kind"], a["region"], a["state"], a["observed"], a["expected"],
                   tuple(a["claim_ids"])) for a in alerts)


def _replayed(dep: Deployment) -> list[tuple[Any, ...]]:
    engine, _ = asyncio.run(replay(dep.broker.bootstrap, dep.topic(RAW_TOPIC), kind="raw"))
    return _rows([a.model_dump(mode="json") for a in engine.alerts.values()])


def _live(worker: Worker) -> list[tuple[Any, ...]]:
    return _rows(worker.json("/api/alerts")["alerts"])


def _settle(dep: Deployment, worker: Worker, what: str) -> list[tuple[Any, ...]]:
    expected = _replayed(dep)
    wait_until(lambda: _live(worker) == expected, timeout=180, what=what)
    return expected


@pytest.fixture
def persistent(broker: EmbeddedBroker, tmp_path: Path) -> Any:
    dep = Deployment.create(broker, tmp_path, tag="rs")
    yield dep
    dep.close()


def test_a_restarted_worker_scores_new_hours_without_new_reports_on_every_partition(
        persistent: Deployment) -> None:
    dep = persistent
    _ingest(dep, SAMPLES.read_bytes().splitlines())
    first = dep.start_worker()
    first.wait_ready()
    before = _settle(dep, first, "the first worker to raise the samples' alerts")
    assert before, "the samples raise alerts"
    first.stop()  # Ctrl-C: its raw offsets are committed, its partitions read to their end

    again = dep.start_worker()
    again.wait_ready()
    wait_until(lambda: _live(again) == before, timeout=120, what="the restarted worker to fold the log")
    _ingest(dep, [orjson.dumps(r) for r in LATER])
    after = _settle(dep, again, "the restarted worker to score the new hours as a replay does")
    new = {(kind, region) for _, kind, region, *_ in set(after) - set(before)}
    assert ("surge", "RU-BRY") in new, new  # 40 over Bryansk, in an hour scored only once closed


def test_a_worker_that_takes_over_idle_partitions_does_not_wait_for_them(
        persistent: Deployment) -> None:
    """Two workers; one stops and the other takes its raw partitions over (a rebalance):
    the survivor closes the new hours at once, with reports on only some partitions."""
    dep = persistent
    _ingest(dep, SAMPLES.read_bytes().splitlines())
    survivor, leaving = dep.start_worker(), dep.start_worker()
    survivor.wait_ready()
    leaving.wait_ready()
    before = _settle(dep, survivor, "two workers to raise the samples' alerts")
    leaving.stop()
    _ingest(dep, [orjson.dumps(r) for r in LATER])
    after = _settle(dep, survivor, "the survivor to score the new hours as a replay does")
    assert set(after) - set(before), "the new reports raise alerts"
