"""Agent tier: the normalize agent in Faust's test context (in-memory channel, no broker).

The agent's outputs are captured at the topic boundary; delivery itself is the
integration tier's business.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from unittest import mock

import orjson
import pytest

from stream.aggregate import claim_event_time
from stream.models import Claim, Rejection
from stream.pipeline import TICK_KEY, decode_tick
from stream.service import build
from stream.settings import load_settings

GOOD = {
    "id": "agent-1", "source": "telegram:mod_russia", "published_at": "2025-06-02T05:40:00Z",
    "text": "Air defences destroyed 57 Ukrainian drones over the Kursk region overnight, "
            "the Russian Defence Ministry said.",
}


class Sent:
    """Records what the agents send per topic and resolves the delivery futures
    with the record's place, as the producer does."""

    def __init__(self) -> None:
        self.by_topic: dict[str, list[tuple[bytes | None, bytes]]] = {}
        self.watermarks: list[tuple[int, bytes]] = []  # (partition, value)
        self.order: list[tuple[bytes | None, int | None]] = []  # (key, partition) in send order

    async def send(self, topic: str, key: bytes | None, value: bytes,
                   partition: int | None = None) -> asyncio.Future[Any]:
        self.order.append((key, partition))
        if key == TICK_KEY:
            assert partition is not None, "a watermark goes to one named partition"
            self.watermarks.append((partition, value))
            fut0: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            fut0.set_result(SimpleNamespace(topic=topic, partition=partition, offset=0))
            return fut0
        records = self.by_topic.setdefault(topic, [])
        records.append((key, value))
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        fut.set_result(SimpleNamespace(topic=topic, partition=0, offset=len(records) - 1))
        return fut

    async def partitions(self, topic: str) -> list[int]:
        return [0, 1, 2]


def per_record(send: Any) -> Any:
    """`Output.send_batch` over a fake `send`: each record of the batch, in order; the
    future fails if any record's does (an enqueue failure is raised)."""
    async def send_batch(topic: str, partition: int,
                         records: list[tuple[bytes | None, bytes]]) -> asyncio.Future[Any]:
        futs = [await send(topic, key, value, partition) for key, value in records]
        return asyncio.ensure_future(asyncio.gather(*futs))
    return send_batch


class Records:
    """The records one topic received (a view on `Sent`)."""

    def __init__(self, sent: Sent, topic: str) -> None:
        self.sent, self.topic = sent, topic

    @property
    def records(self) -> list[tuple[bytes | None, bytes]]:
        return self.sent.by_topic.get(self.topic, [])


@pytest.fixture
def wired(tmp_path: Any) -> Iterator[tuple[Any, Any, Records, Records]]:
    # in-process normalization: the test context runs the agent to its first await on
    # each put; the child processes are tested in tests/unit/test_offload.py and by
    # every integration test (the worker's default)
    # one batch in flight: Faust's test context hands every record to each actor, where
    # a shared Kafka topic gives each record to one
    settings = load_settings(data_dir=tmp_path, app_id="agents-test", normalize_processes=0,
                             normalize_in_flight=1)
    app, rt = build(settings, "127.0.0.1:1")
    sent = Sent()
    # a watermark round no batch takes goes alone at once (see `Ticker.take_round`)
    with mock.patch.object(rt.out, "send", sent.send), \
            mock.patch.object(rt.out, "send_batch", per_record(sent.send)), \
            mock.patch.object(rt.out, "partitions", sent.partitions), \
            mock.patch("stream.agents.WATERMARK_ALONE_S", 0.0):
        yield app, rt, Records(sent, rt.names["claims"]), Records(sent, rt.names["dlq"])


async def settle(ticker: Any = None) -> None:
    """Let a pending watermark round go (its timer)."""
    if ticker is not None and ticker.timer is not None:
        await asyncio.wait_for(ticker.timer, 5)
    else:
        await asyncio.sleep(0.05)


async def test_good_report_becomes_claims_keyed_by_region(wired: Any) -> None:
    app, _rt, claims, dlq = wired
    agent = app.agents["normalize"]
    async with agent.test_context() as ctx:
        await ctx.put(orjson.dumps(GOOD), key=b"agent-1")
        await settle()
    assert dlq.records == []
    decoded = [(k, Claim.model_validate_json(v)) for k, v in claims.records]
    assert [(k, c.region, c.weapon, c.measure, c.count, c.claimant) for k, c in decoded] == [
        (b"RU-KRS", "RU-KRS", "drone", "intercepted", 57, "ru-mod")]
    claim = decoded[0][1]
    assert GOOD["text"][claim.span[0]:claim.span[1]].count("57") == 1
    # then a watermark to every claims partition: its claims are written up to their hour
    hour = claim_event_time(claim).replace(minute=0, second=0, microsecond=0)
    sent = _rt.out.send.__self__  # the Sent fake
    assert [(p, decode_tick(v)) for p, v in sent.watermarks] == [(p, hour) for p in (0, 1, 2)]


async def test_a_watermark_is_written_once_per_hour_of_event_time(wired: Any) -> None:
    app, rt, claims, _dlq = wired
    agent = app.agents["normalize"]
    async with agent.test_context() as ctx:
        await ctx.put(orjson.dumps(GOOD), key=b"agent-1")
        await settle()
        await ctx.put(orjson.dumps({**GOOD, "id": "again"}), key=b"agent-2")  # same hour
        await settle()
    sent = rt.out.send.__self__
    assert len(claims.records) == 2 and len(sent.watermarks) == 3


@pytest.mark.parametrize(("value", "reason"), [
    (b"{not json", "decode"),
    (b"\xff\xfe\xfa", "decode"),
    (orjson.dumps({**GOOD, "text": "   "}), "invalid"),
    (orjson.dumps({**GOOD, "published_at": "yesterday"}), "invalid"),
    (orjson.dumps(["a", "list"]), "invalid"),
    (orjson.dumps({**GOOD, "text": "x" * 600_000}), "too_large"),
])
async def test_bad_record_goes_to_dlq_and_agent_keeps_running(wired: Any, value: bytes, reason: str) -> None:
    app, _rt, claims, dlq = wired
    agent = app.agents["normalize"]
    async with agent.test_context() as ctx:
        await ctx.put(value, key=b"k")
        await ctx.put(orjson.dumps(GOOD), key=b"agent-1")  # still consuming afterwards
    assert len(dlq.records) == 1
    rejection = Rejection.model_validate_json(dlq.records[0][1])
    assert rejection.reason == reason
    assert base64.b64decode(rejection.original) == value
    assert len(claims.records) == 1


async def test_a_failed_delivery_is_sent_again_not_dropped(tmp_path: Any) -> None:
    # in-process normalization (see `wired`)
    settings = load_settings(data_dir=tmp_path, app_id="agents-test", normalize_processes=0,
                             normalize_in_flight=1)
    app, rt = build(settings, "127.0.0.1:1")
    sent = Sent()
    failures = {"left": 2}

    async def flaky(topic: str, key: bytes | None, value: bytes,
                    partition: int | None = None) -> asyncio.Future[Any]:
        if failures["left"]:
            failures["left"] -= 1
            if failures["left"] % 2:
                msg = "broker went away"
                raise ConnectionError(msg)  # failing to enqueue
            fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            fut.set_exception(TimeoutError("no ack"))  # failing to deliver
            return fut
        return await sent.send(topic, key, value, partition)

    with mock.patch.object(rt.out, "send", flaky), \
            mock.patch.object(rt.out, "send_batch", per_record(flaky)), \
            mock.patch.object(rt.out, "partitions", sent.partitions), \
            mock.patch("stream.agents.DELIVERY_BACKOFF_MAX_S", 0.01):
        async with app.agents["normalize"].test_context() as ctx:
            await ctx.put(orjson.dumps(GOOD), key=b"agent-1")
            for _ in range(200):  # the agent re-sends after a (patched) backoff
                if rt.names["claims"] in sent.by_topic:
                    break
                await asyncio.sleep(0.01)
    assert failures["left"] == 0
    claims = sent.by_topic[rt.names["claims"]]
    assert [Claim.model_validate_json(v).region for _, v in claims] == ["RU-KRS"]


async def test_a_watermark_covers_only_batches_taken_before_any_still_in_flight(wired: Any) -> None:
    from stream.agents import Ticker

    _app, rt, _claims, _dlq = wired
    sent = rt.out.send.__self__
    ticker = Ticker(rt)
    t0 = datetime(2025, 6, 2, 5, 10, tzinfo=UTC)
    first, second, third = ticker.begin(), ticker.begin(), ticker.begin()
    await ticker.finish(second, {0: t0 + timedelta(hours=3)})  # the first is still in flight
    await settle(ticker)
    assert sent.watermarks == []
    await ticker.finish(first, {0: t0})  # now batches 0 and 1 are done: up to the later one
    await settle(ticker)
    assert {decode_tick(v) for _, v in sent.watermarks} == {t0.replace(minute=0) + timedelta(hours=3)}
    await ticker.finish(third, None)  # nothing delivered: no new watermark
    await settle(ticker)
    assert len(sent.watermarks) == 3  # one per partition, once


async def test_watermarks_are_periodic_and_the_latest_hour_is_written_at_the_interval_end(
        wired: Any) -> None:
    """A backlog crosses many hours a second: at most one round per interval, and the
    hour reached meanwhile is written when the interval ends (by a timer, even if no
    batch follows)."""
    from stream.agents import Ticker

    _app, rt, _claims, _dlq = wired
    sent = rt.out.send.__self__
    now = [100.0]
    ticker = Ticker(rt, clock=lambda: now[0])
    ticker.interval = 0.05
    t0 = datetime(2025, 6, 2, 5, 10, tzinfo=UTC)

    def rounds() -> list[datetime | None]:
        hours = [decode_tick(v) for _, v in sent.watermarks]
        return hours[::3]  # three claims partitions: one entry per round

    await ticker.finish(ticker.begin(), {0: t0})
    await settle(ticker)
    assert rounds() == [t0.replace(minute=0)]  # the first round goes at once
    for h in range(1, 6):  # five more hours within the interval: nothing yet
        await ticker.finish(ticker.begin(), {0: t0 + timedelta(hours=h)})
    assert rounds() == [t0.replace(minute=0)]
    now[0] += 0.05
    await settle(ticker)
    assert rounds() == [t0.replace(minute=0), t0.replace(minute=0) + timedelta(hours=5)]
    # the hour already written does not go again, and an interval later a new one goes at once
    await ticker.finish(ticker.begin(), {0: t0 + timedelta(hours=5, minutes=30)})
    now[0] += 0.05
    await ticker.finish(ticker.begin(), {0: t0 + timedelta(hours=6)})
    await settle(ticker)
    assert rounds()[-1] == t0.replace(minute=0) + timedelta(hours=6)
    assert len(rounds()) == 3


async def test_watermarks_name_the_raw_partitions_they_cover(wired: Any) -> None:
    """Each writer's watermarks cover its own raw partitions; taking partitions over in
    a rebalance gives a round at once, even within the same hour."""
    from stream.agents import RawPositions, Ticker
    from stream.pipeline import decode_watermark

    _app, rt, _claims, _dlq = wired
    sent = rt.out.send.__self__
    assigned: dict[int, int | None] = {0: 100, 1: 100}
    ticker = Ticker(rt, positions=lambda: RawPositions(assigned, 4))
    ticker.interval = 0
    t0 = datetime(2025, 6, 2, 5, 10, tzinfo=UTC)
    await ticker.finish(ticker.begin({0: 5, 1: 7}), {0: t0, 1: t0 + timedelta(minutes=20)})
    await settle(ticker)
    ticks = [decode_watermark(v) for _, v in sent.watermarks]
    assert {(t.event_time, t.raw, t.of) for t in ticks if t} == {(t0.replace(minute=0), (0, 1), 4)}
    assigned.update({2: 50, 3: 50})  # the partitions of a worker that died
    await ticker.finish(ticker.begin({2: 9, 3: 9}), {2: t0, 3: t0})
    await settle(ticker)
    last = decode_watermark(sent.watermarks[-1][1])
    assert last is not None and (last.event_time, last.raw) == (t0.replace(minute=0), (0, 1, 2, 3))
    assert len(sent.watermarks) == 6  # two rounds over three claims partitions


async def test_a_worker_that_is_not_the_group_leader_still_names_its_raw_partitions(wired: Any) -> None:
    """Faust's count of raw partitions comes from a metadata snapshot aiokafka keeps on
    the group's leader only: any other worker asks the producer, and never writes a
    round that covers every raw partition (it would close hours before the leader's
    claims of them are in)."""
    from stream.agents import RawPositions, Ticker
    from stream.pipeline import decode_watermark

    _app, rt, _claims, _dlq = wired
    sent = rt.out.send.__self__
    ticker = Ticker(rt, positions=lambda: RawPositions({1: 100}, None))
    ticker.interval = 0
    t0 = datetime(2025, 6, 2, 5, 10, tzinfo=UTC)
    await ticker.finish(ticker.begin({1: 5}), {1: t0})
    await settle(ticker)
    ticks = [decode_watermark(v) for _, v in sent.watermarks]
    assert {(t.event_time, t.raw, t.of) for t in ticks if t} == {(t0.replace(minute=0), (1,), 3)}


async def test_a_due_round_goes_first_with_the_next_batch_of_claims(wired: Any) -> None:
    """A round that is due goes with the next batch's claims (the producer joins them
    into one record batch per partition), not alone."""
    app, rt, claims, _dlq = wired
    sent = rt.out.send.__self__
    later = {**GOOD, "id": "later", "published_at": "2025-06-02T09:40:00Z",
             "text": GOOD["text"].replace("overnight", "this morning")}
    with mock.patch("stream.agents.WATERMARK_ALONE_S", 0.3):
        async with app.agents["normalize"].test_context() as ctx:
            await ctx.put(orjson.dumps(GOOD), key=b"agent-1")
            await asyncio.sleep(0.05)
            assert sent.watermarks == []  # due, but waiting for a batch to take it
            await ctx.put(orjson.dumps(later), key=b"agent-2")
            await asyncio.sleep(0.35)  # (the timer finds the round taken)
    assert len(claims.records) == 2
    (first_key, _), *rest = sent.order
    assert first_key == b"RU-KRS"
    assert sorted(p for k, p in rest if k == TICK_KEY) == [0, 1, 2]  # one round, then
    second = next(p for k, p in rest if k == b"RU-KRS")  # in the second claim's partition
    assert [k for k, p in rest if p == second] == [TICK_KEY, b"RU-KRS"]  # the round goes first


async def test_a_round_asked_for_while_the_timer_waits_still_goes(wired: Any) -> None:
    """A batch takes the round that is due; an hour asked for after that, with no batch
    to follow (the end of a feed), still goes (alone) from the same timer."""
    from stream.agents import Ticker

    _app, rt, _claims, _dlq = wired
    sent = rt.out.send.__self__
    ticker = Ticker(rt)
    ticker.interval = 0
    t0 = datetime(2025, 6, 2, 5, 10, tzinfo=UTC)
    with mock.patch("stream.agents.WATERMARK_ALONE_S", 0.05):
        await ticker.finish(ticker.begin(), {0: t0})
        await asyncio.sleep(0.02)  # the round is due; its timer waits for a batch
        assert ticker.take_round() is not None  # a batch took it
        await ticker.finish(ticker.begin(), {0: t0 + timedelta(hours=2)})
        await settle(ticker)
    assert [decode_tick(v) for _, v in sent.watermarks] == [t0.replace(minute=0) + timedelta(hours=2)] * 3


STALE = {"id": "late-1", "source": "telegram:mod_russia", "published_at": "2025-06-15T08:00:00Z",
         "text": "В ночь на 2 июня дежурными средствами ПВО перехвачены и уничтожены 14 украинских "
                 "беспилотников над территорией Брянской области."}


async def test_a_late_claim_is_written_and_dead_lettered_once_at_its_place(wired: Any) -> None:
    """The normalize agent that writes a late claim dead-letters it, naming where it is
    in the claims log; the claims followers (every worker, at every start) only count it."""
    app, rt, claims, dlq = wired
    async with app.agents["normalize"].test_context() as ctx:
        await ctx.put(orjson.dumps(GOOD), key=b"agent-1")
        await ctx.put(orjson.dumps(STALE), key=b"late-1")
        await settle()
    written = [(i, v) for i, (_, v) in enumerate(claims.records)
               if Claim.model_validate_json(v).report_id == "late-1"]
    assert len(written) == 1, "the claims log keeps the late claim"
    offset, value = written[0]
    assert len(dlq.records) == 1
    rejection = Rejection.model_validate_json(dlq.records[0][1])
    assert (rejection.reason, rejection.topic, rejection.offset) == ("late", rt.names["claims"], offset)
    assert base64.b64decode(rejection.original) == value
    assert f"(report {rt.names['raw']}[" in rejection.error
    assert rt.metrics.dlq_by("late")._value.get() == 1
