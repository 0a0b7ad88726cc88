"""Thin Faust agents: raw -> claims (normalize agent) and the claims follower.

Correctness does not rest on Faust's commit protocol (see ../shared/notes/broker.md):
- the normalize agent acks a raw record only after its claims (or its DLQ record)
  are delivered, so nothing committed is lost; a re-delivery re-sends claims with
  the same identity, which the aggregates count once;
- every worker folds the whole claims log into its read model (`Engine`), from the
  beginning, with the pure, order-independent, idempotent `stream.aggregate` step. A
  crash, a rebalance or a second worker cannot change a number.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import faust
import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from stream.app import Runtime, kafka_client_kwargs
from stream.models import Claim, Rejection
from stream.pipeline import Place, decode_claim, normalize_record

log = logging.getLogger(__name__)

NORMALIZE_BATCH = 500
NORMALIZE_WITHIN_S = 0.01

ClaimHook = Callable[[Runtime, list[tuple[Claim, Any]]], Awaitable[None]]


def _now() -> datetime:
    return datetime.now(UTC)


async def _send_rejection(rt: Runtime, rej: Rejection) -> Any:
    return await rt.topics["dlq"].send(
        key=(rej.key or "").encode() or None, value=rej.model_dump_json().encode())


async def send_rejection(rt: Runtime, rej: Rejection) -> None:
    """Dead-letter a record and wait until the broker has it."""
    await (await _send_rejection(rt, rej))
    rt.metrics.dlq_total.labels(reason=rej.reason).inc()


def claim_bytes(claim: Claim) -> bytes:
    return orjson.dumps(claim.model_dump(mode="json"))


def install(app: faust.App, rt: Runtime, *, on_claims: list[ClaimHook] | None = None) -> None:
    """Attach the agents and the claims follower to `app`."""
    hooks = on_claims or []

    @app.agent(rt.topics["raw"], name="normalize")
    async def normalize_agent(stream: Any) -> None:  # faust.Stream; its stubs lack take_events
        # Batches: every claim of the batch is sent, then all deliveries are awaited
        # together; Faust acks the batch's raw records only when the next batch is
        # taken, i.e. after delivery. One round trip per batch, not per report.
        async for events in stream.take_events(NORMALIZE_BATCH, within=NORMALIZE_WITHIN_S):
            pending: list[Any] = []
            for event in events:
                pending += await _normalize_one(rt, event.message)
            for fut in pending:
                await fut

    @app.task
    async def follow_claims() -> None:
        await ClaimsFollower(rt, hooks).run()


async def _normalize_one(rt: Runtime, msg: Any) -> list[Any]:
    """Normalize one raw record; return the delivery futures of what it sent."""
    where = Place(msg.topic, msg.partition, msg.offset)
    started = time.perf_counter()
    try:
        result = normalize_record(msg.value, where, _now(), msg.key)
    except Exception as exc:  # never crash the worker on input
        log.exception("unexpected failure at %s", where)
        result = Rejection.of(reason="internal", error=f"{where}: {exc!r}",
                              original=msg.value or b"", topic=where.topic,
                              partition=where.partition, offset=where.offset, rejected_at=_now())
    rt.metrics.processing_seconds.labels(stage="normalize").observe(time.perf_counter() - started)
    if isinstance(result, Rejection):
        rt.metrics.dlq_total.labels(reason=result.reason).inc()
        return [await _send_rejection(rt, result)]
    rt.metrics.reports_total.labels(lang=result.report.lang).inc()
    futs = []
    for claim in result.claims:
        futs.append(await rt.topics["claims"].send(key=claim.key.encode(), value=claim_bytes(claim)))
        rt.metrics.claims_total.labels(kind=claim.kind, claimant=claim.claimant).inc()
    return futs


class ClaimsFollower:
    """Reads every partition of the claims topic from the beginning into the Engine."""

    def __init__(self, rt: Runtime, hooks: list[ClaimHook]) -> None:
        self.rt = rt
        self.hooks = hooks
        self.topic = rt.topics["claims"].get_topic_name()

    async def _assign(self, consumer: AIOKafkaConsumer) -> list[TopicPartition]:
        while True:
            parts = consumer.partitions_for_topic(self.topic)
            if parts:
                tps = [TopicPartition(self.topic, p) for p in sorted(parts)]
                consumer.assign(tps)
                await consumer.seek_to_beginning(*tps)
                return tps
            await consumer._client.force_metadata_update()
            await asyncio.sleep(0.2)

    async def run(self) -> None:
        rt = self.rt
        consumer = AIOKafkaConsumer(
            bootstrap_servers=rt.bootstrap, group_id=None, enable_auto_commit=False,
            auto_offset_reset="earliest", max_partition_fetch_bytes=4 * 1024 * 1024,
            fetch_max_wait_ms=20, **kafka_client_kwargs(rt.settings))
        await consumer.start()
        try:
            tps = await self._assign(consumer)
            caught_up = False
            while True:
                batch = await consumer.getmany(timeout_ms=200, max_records=5000)
                if batch:
                    await self._apply_batch(batch)
                if not caught_up:
                    caught_up = await self._caught_up(consumer, tps)
                    rt.ready = caught_up
                await self._export_lag(consumer, tps)
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()

    async def _caught_up(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> bool:
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is None or await consumer.position(tp) < hw:
                return False
        return True

    async def _export_lag(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> None:
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is not None:
                lag = max(0, hw - await consumer.position(tp))
                self.rt.metrics.consumer_lag.labels(topic=tp.topic, partition=str(tp.partition)).set(lag)

    async def _apply_batch(self, batch: dict[TopicPartition, list[Any]]) -> None:
        rt = self.rt
        started = time.perf_counter()
        applied_batch: list[tuple[Claim, Any]] = []
        decoded: list[tuple[Claim, Place, Any]] = []
        for tp, msgs in batch.items():
            for m in msgs:
                where = Place(tp.topic, tp.partition, m.offset)
                claim = decode_claim(m.value, where, _now(), m.key)
                if isinstance(claim, Rejection):
                    await send_rejection(rt, claim)
                    continue
                decoded.append((claim, where, m))
        # Fold in offset order within each partition (the per-partition offset watermark
        # in the state relies on it); the detectors advance once, after the whole batch.
        for claim, where, m in decoded:
            applied = rt.engine.apply(claim, partition=where.partition, offset=where.offset)
            if applied.outcome == "late":
                rt.metrics.late_claims_total.inc()
                await send_rejection(rt, Rejection.of(
                    reason="late", error=f"{where}: event time {claim.event_time.isoformat()} "
                    f"is older than its publication time minus the allowed lateness",
                    original=m.value, topic=where.topic, partition=where.partition,
                    offset=where.offset, rejected_at=_now(), key=m.key))
                continue
            if applied.outcome in ("relay", "duplicate", "stale", "expired"):
                rt.metrics.duplicate_claims_total.labels(outcome=applied.outcome).inc()
            applied_batch.append((claim, applied))
        rt.metrics.processing_seconds.labels(stage="aggregate").observe(time.perf_counter() - started)
        started = time.perf_counter()
        alerts = rt.engine.detect(applied_batch)
        rt.metrics.processing_seconds.labels(stage="detect").observe(time.perf_counter() - started)
        sent = []
        for alert in alerts:
            sent.append(await rt.topics["alerts"].send(key=alert.alert_id.encode(),
                                                       value=alert.model_dump_json().encode()))
            rt.metrics.alerts_total.labels(kind=alert.kind, state=alert.state).inc()
        for fut in sent:
            await fut
        for listener in rt.listeners:
            try:
                listener(applied_batch, alerts)
            except Exception:  # a broken listener (e.g. a web client) must not stop folding
                log.exception("listener failed")
        for hook in self.hooks:
            await hook(rt, applied_batch)
