"""A claims replay leaves a partition read ahead of a watermark for later, on the real broker.

The broker serves thousands of records of one partition per fetch, so a reader gets a
partition's claims past watermarks the others have not reached. Held in memory until
the detectors caught up, they cost the worker's catch-up of 1,000,000 claims 20-27 MB
of peak RSS; the reader now seeks back to the first of them and reads them again later
(`replay.rewind_at`). The answers must be those of a fold in log order, every time.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest

from stream.broker import EmbeddedBroker, ensure_topics
from stream.errors import ReplayError
from stream.models import Claim
from stream.pipeline import TICK_KEY, claim_bytes, tick_bytes
from stream.replay import replay
from stream.settings import CLAIMS_TOPIC
from tests.unit.test_detect_order import PARTITIONS, _fold_replay, _key, _out_of_order, _produced_log

from .conftest import _delete_prefixed

pytestmark = pytest.mark.integration


@pytest.fixture
def topic(broker: EmbeddedBroker) -> Iterator[str]:
    tag = f"rewind{uuid.uuid4().hex[:8]}."
    asyncio.run(ensure_topics(broker.bootstrap, [(f"{tag}{CLAIMS_TOPIC}", PARTITIONS)]))
    yield f"{tag}{CLAIMS_TOPIC}"
    asyncio.run(_delete_prefixed(broker.bootstrap, (tag,)))


async def _produce(bootstrap: str, topic: str, log: list[list[Claim | datetime]]) -> None:
    from aiokafka import AIOKafkaProducer

    # large batches, as the benchmarks write: a fetch brings a partition's whole log
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=20, max_batch_size=1024 * 1024,
                                max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        futs = []
        for p, records in enumerate(log):
            for item in records:
                if isinstance(item, datetime):
                    futs.append(await producer.send(topic, tick_bytes(item), key=TICK_KEY, partition=p))
                else:
                    futs.append(await producer.send(topic, claim_bytes(item), key=item.key.encode(),
                                                    partition=p))
        await producer.flush()
        for f in futs:
            await f
    finally:
        await producer.stop()


def test_a_claims_replay_rewinds_partitions_read_ahead_and_finds_the_log_order_answers(
        broker: EmbeddedBroker, topic: str) -> None:
    log = _out_of_order(_produced_log(with_watermarks=True), random.Random(4))
    reference = _fold_replay(log)
    assert reference.detector_late > 5
    ref = _key(sorted(reference.alerts.values(), key=lambda a: a.alert_id))
    claims = sum(not isinstance(item, datetime) for records in log for item in records)
    asyncio.run(_produce(broker.bootstrap, topic, log))
    rereads = []
    for _ in range(2):
        engine, summary = asyncio.run(replay(broker.bootstrap, topic, kind="claims"))
        assert _key(sorted(engine.alerts.values(), key=lambda a: a.alert_id)) == ref
        assert engine.detector_late == reference.detector_late
        assert engine.counts == reference.counts
        assert summary.claims == claims and engine.held_count() == 0
        rereads.append(summary.set_aside)
    # each fetch brought a partition past watermarks the others had not reached
    assert min(rereads) > 0, rereads


def test_a_claims_replay_names_a_missing_topic_and_an_offset_past_the_end(
        broker: EmbeddedBroker, topic: str) -> None:
    """The read-ahead child's errors reach the caller as the replay's own."""
    missing = f"missing{uuid.uuid4().hex[:8]}"
    with pytest.raises(ReplayError, match=f"topic '{missing}' does not exist on {broker.bootstrap}"):
        asyncio.run(replay(broker.bootstrap, missing, kind="claims"))
    log = _produced_log(with_watermarks=True)
    asyncio.run(_produce(broker.bootstrap, topic, log))
    beyond = max(len(records) for records in log) + 1
    with pytest.raises(ReplayError, match=f"offset {beyond} is past the end"):
        asyncio.run(replay(broker.bootstrap, topic, kind="claims", from_offset=beyond))
    engine, summary = asyncio.run(replay(broker.bootstrap, topic, kind="claims", from_offset=0))
    assert summary.records == sum(len(records) for records in log) and engine.held_count() == 0
