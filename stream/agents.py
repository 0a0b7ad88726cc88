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
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, NamedTuple

import faust
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.partitioner import DefaultPartitioner

from stream import heap
from stream.aggregate import Fact, claim_event_time
from stream.app import Runtime, kafka_client_kwargs
from stream.models import Claim, Rejection
from stream.offload import Outcome
from stream.pipeline import (
    TICK_KEY,
    InputWatermark,
    Place,
    claim_bytes,
    decode_fact,
    decode_watermark,
    is_late,
    tick_bytes,
)
from stream.replay import hold_ahead, rewind_at

__all__ = ["ClaimsFollower", "Produced", "claim_bytes", "deliver", "install"]

log = logging.getLogger(__name__)

NORMALIZE_BATCH = 500
#: Normalize batches in flight at once: `STREAM_NORMALIZE_IN_FLIGHT` (default 2). With
#: 2, the normalizer's child parses one batch while the other's claims are delivered
#: and acked and the next is gathered (0.60-0.65 x instead of 0.53-0.55 x the
#: in-process rate on a backlog, benchmarks/pipeline.py), but a steady feed is cut into
#: twice as many produce requests: on the embedded broker, whose fetch cost grows with
#: every record batch a partition holds, alert p99 at 500 reports/s for 2 minutes was
#: 0.4-1 s against ~440 ms with 1. (With 1, tests/integration/test_exactness.py found
#: one live alert's expected value differing from the replay's: open, see README.)
#: Each batch acks its own raw records after delivering its claims; the consumer
#: commits a partition only up to its lowest record not yet acked, and a watermark
#: covers only batches taken before any still in flight.
#: how long a normalize batch waits to fill: every batch writes a record batch to each
#: claims partition it touches, and the embedded broker's fetch cost grows with every
#: record batch a partition holds (../shared/notes/broker.md), so a steady feed must
#: not be cut into one-claim batches
NORMALIZE_WITHIN_S = 0.04
#: while a batch that was not full is processed, how often the agent looks whether a
#: full batch has arrived behind it (a burst starting: then it takes that one at once)
BACKLOG_POLL_S = 0.01
#: a watermark round that no normalize batch took within this long goes alone
WATERMARK_ALONE_S = 0.1
#: the claims follower starts a fold cycle at most this often when claims keep coming
FOLLOW_CYCLE_S = 0.05
#: how long an idle follower fetch parks on the broker (the embedded broker answers a
#: parked fetch only when the wait expires: new claims wait for it)
FOLLOW_FETCH_WAIT_MS = 25
FOLLOW_MAX_RECORDS = 20_000
#: what one follower fetch may bring (aiokafka keeps a whole fetch in memory whatever
#: `max_records` is): 1 MiB a partition is ~1,600 claims, plenty for a 50 ms cycle
FOLLOW_PARTITION_FETCH_BYTES = 1024 * 1024
FOLLOW_FETCH_BYTES = 16 * 1024 * 1024
#: the follower yields to the event loop after folding this many records: a long fold
#: (a busy feed, a catch-up) must not leave the normalizer's child without work
FOLD_SLICE = 256
#: the follower gives the C heap's free pages back (`heap.Trimmer`) at most this often
#: while it catches up (a trim takes ~13 ms of a 300 MB heap) ...
TRIM_CATCHING_UP_S = 1.0
#: ... and once caught up
TRIM_S = 30.0
#: consumer lag gauges are refreshed at most this often
LAG_EXPORT_S = 1.0
#: an idle follower (no claims folded) asks the watermark writer for a round at most
#: this often: raw partitions taken over in a rebalance count as read to their end
#: only once their high-water marks and committed offsets are known, which may be
#: after the last claim was folded (`Ticker.refresh`)
IDLE_REFRESH_S = 0.5
#: the raw topic's lag (the group's committed offsets against the end offsets, a few
#: requests to the cluster) is refreshed at most this often
RAW_LAG_EXPORT_S = 5.0
#: claims kept for the follower (see `Produced`); it reads them back within a cycle or
#: two (a normalize batch writes ~1,250)
PRODUCED_CAP = 8_000
#: longest wait between re-sends of a record the broker did not take
DELIVERY_BACKOFF_MAX_S = 5.0
DUPLICATE_OUTCOMES = frozenset({"relay", "duplicate", "stale", "expired"})

ClaimHook = Callable[[Runtime, list[tuple[Claim | Fact, Any]]], Awaitable[None]]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Pending:
    """One enqueued send: its delivery future, and how to enqueue it again."""

    fut: Any
    topic: str
    resend: Callable[[], Awaitable[Any]]


def _failed(exc: Exception) -> asyncio.Future[Any]:
    fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    fut.set_exception(exc)
    return fut


async def _send(rt: Runtime, topic: str, key: bytes | None, value: bytes,
                partition: int | None = None) -> Pending:
    """Enqueue one record; a failure to enqueue comes back in the future, for `deliver`."""

    async def enqueue() -> Any:
        try:
            return await (rt.out.send(topic, key, value) if partition is None
                          else rt.out.send(topic, key, value, partition))
        except Exception as exc:
            return _failed(exc)

    return Pending(await enqueue(), topic, enqueue)


async def _send_batch(rt: Runtime, topic: str, partition: int,
                      records: list[tuple[bytes, bytes]]) -> Pending:
    """Enqueue records for one partition as one explicit record batch (see `_send`)."""

    async def enqueue() -> Any:
        try:
            return await rt.out.send_batch(topic, partition, records)
        except Exception as exc:
            return _failed(exc)

    return Pending(await enqueue(), topic, enqueue)


async def deliver(rt: Runtime, sent: list[Pending]) -> list[Any]:
    """Wait until the broker has every record; re-send any that failed, for as long as
    it takes. The normalize agent's raw records are acked when this returns (and Faust
    acks a batch even when its agent raises), so giving up would lose claims; a
    re-sent claim counts once. Returns the delivery results, in order."""
    out: list[Any] = []
    for item in sent:
        fut = item.fut
        backoff = min(0.1, DELIVERY_BACKOFF_MAX_S)
        while True:
            try:
                out.append(await fut)
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("delivery to %s failed (%r); re-sending in %.1fs", item.topic, exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, DELIVERY_BACKOFF_MAX_S)
                fut = await item.resend()
    return out


async def send_rejection(rt: Runtime, rej: Rejection) -> None:
    """Dead-letter a record and wait until the broker has it."""
    await deliver(rt, [await _send_rejection(rt, rej)])
    rt.metrics.dlq_by(rej.reason).inc()


async def _send_rejection(rt: Runtime, rej: Rejection) -> Pending:
    return await _send(rt, rt.names["dlq"], (rej.key or "").encode() or None, rej.model_dump_json().encode())


class Intake:
    """Whether the normalize agent is gathering its next batch out of a backlog.

    Faust hands a stream one record per turn of the event loop (its stream iterator
    awaits `sleep(0)` before each record), so a coroutine that holds the loop for a
    few milliseconds a turn (the follower folding a slice of claims) slows the
    gathering of a batch to about a record per slice: the batch's `within` window then
    closes on a handful of records, and the normalizer's child waits for work (on a
    backlog, 1 in 3 batches had under 50 of 500 records). While a batch is gathered
    from records Faust has already read, the follower holds off between its slices,
    for at most `hold` seconds (a stream that yields nothing must not stop the fold)."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self._open = asyncio.Event()
        self._open.set()

    def gathering(self) -> None:
        """The agent starts gathering a batch out of records already read."""
        self._open.clear()

    def taken(self) -> None:
        """The agent has its batch (or stopped)."""
        self._open.set()

    @property
    def holding(self) -> bool:
        """Whether a batch is being gathered (the follower should wait)."""
        return not self._open.is_set()

    async def wait(self) -> float:
        """Yield to the event loop; while a batch is being gathered, until it is taken
        (at most `hold` seconds). Returns the seconds held."""
        if self._open.is_set():
            await asyncio.sleep(0)
            return 0.0
        started = time.perf_counter()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._open.wait(), self.hold)
        return time.perf_counter() - started


class Produced:
    """Claims this worker is writing (as the Facts the fold reads), by the bytes they
    are written as, until its follower reads those bytes back from the log: the
    follower then folds that Fact instead of decoding the same bytes again. Decoding
    `claim_bytes(c)` gives a Claim equal to `c`, whose Fact is `Fact.of(c)`, so the
    fold still follows the log, record by record, whatever the source of the object;
    bytes not found here (another worker's claims, a restart, an evicted entry) are
    decoded. Claims are added when they are enqueued,
    so the follower finds them even when it reads a record before the producer has
    reported its delivery. Bounded: the oldest entry goes first."""

    def __init__(self, cap: int = PRODUCED_CAP) -> None:
        self.cap = cap
        self.by_value: dict[bytes, Claim | Fact] = {}

    @property
    def size(self) -> int:
        return len(self.by_value)

    def add(self, value: bytes, claim: Claim | Fact) -> None:
        memo = self.by_value
        if self.cap <= 0 or value in memo:
            return
        if len(memo) >= self.cap:
            del memo[next(iter(memo))]  # insertion order: the oldest
        memo[value] = claim

    def take(self, value: bytes | None) -> Claim | Fact | None:
        return None if value is None else self.by_value.pop(value, None)


def install(app: faust.App, rt: Runtime, *, on_claims: list[ClaimHook] | None = None) -> None:
    """Attach the agents and the claims follower to `app`."""
    hooks = on_claims or []
    produced = Produced()
    intake = Intake(hold=2 * NORMALIZE_WITHIN_S)
    raw_positions = _raw_positions(app, rt.topics["raw"].get_topic_name())
    ticker = Ticker(rt, positions=raw_positions)

    async def process(events: list[Any], number: int) -> None:
        """Normalize one batch, enqueue its claims and dead letters, wait until the
        broker has them all."""
        latest = None
        try:
            items = [(e.message.value, Place(e.message.topic, e.message.partition, e.message.offset),
                      e.message.key) for e in events]
            batch = Batch(rt, produced, await rt.out.partitions(rt.names["claims"]), ticker)
            # chunks come back in order, their outcomes in the items' order; a chunk's
            # claims are enqueued while the normalizer's children parse the next ones
            i = 0
            for chunk in rt.normalizer.submit(items, _now()):
                for outcome in await chunk:
                    await batch.emit(outcome, items[i][1].partition, items[i][1])
                    i += 1
            await batch.flush()
            delivered = await deliver(rt, batch.pending)
            await batch.dead_letter_late(delivered)
            batch.count()
            latest = batch.latest
        finally:
            await ticker.finish(number, latest)

    def begin(events: list[Any]) -> int:
        offsets: dict[int, int] = {}
        for e in events:
            m = e.message
            if m.offset > offsets.get(m.partition, -1):
                offsets[m.partition] = m.offset
        return ticker.begin(offsets)

    async def process_then_ack(events: list[Any], number: int) -> None:
        await process(events, number)
        for e in events:  # the final ack: Faust may now commit past these records
            e.ack()

    in_flight = rt.settings.normalize_in_flight

    @app.agent(rt.topics["raw"], name="normalize")
    async def normalize_agent(stream: Any) -> None:  # faust.Stream; its stubs lack take_events
        # Batches: every claim of a batch is enqueued on the producer, then all its
        # deliveries are awaited together: one produce request per batch, not per
        # report. Faust acks a batch's raw records (and may commit past them) only
        # after its claims are delivered.
        #
        # One batch is taken at a time; with `in_flight` > 1 a full batch (a backlog)
        # is processed in a task while the next ones are taken, which keeps the
        # normalizer's children busy while the worker delivers. A batch that is not
        # full is finished before the next is taken, as with one in flight, unless a
        # full batch arrives behind it meanwhile: a steady feed is cut into as few
        # batches (produce requests, record batches on the broker) as the
        # `NORMALIZE_WITHIN_S` window gives. Faust acks what
        # `take_events` yielded when the loop moves on, so each record holds one more
        # reference until its batch is delivered (`process_then_ack`).
        #
        # While the next batch is gathered out of at least a full batch of records
        # Faust has already read (a backlog), the follower holds off between fold slices
        # (`Intake`); a steady feed, whose batches close on `within`, is not held.
        if in_flight <= 1:
            try:
                async for events in stream.take_events(NORMALIZE_BATCH, within=NORMALIZE_WITHIN_S):
                    intake.taken()
                    await process(events, begin(events))
                    if _backlog(stream) >= NORMALIZE_BATCH:
                        intake.gathering()
            finally:
                intake.taken()
            return
        tasks: set[asyncio.Task[None]] = set()
        try:
            async for events in stream.take_events(NORMALIZE_BATCH, within=NORMALIZE_WITHIN_S):
                intake.taken()
                for e in events:
                    e.message.incref()
                tasks.add(asyncio.ensure_future(process_then_ack(list(events), begin(events))))
                # a batch not full, without a full batch read behind it, is no backlog:
                # finish it before taking the next (a steady feed then makes the
                # fewest, largest produce requests)
                backlog = len(events) >= NORMALIZE_BATCH or _backlog(stream) >= NORMALIZE_BATCH
                limit = in_flight if backlog else 1
                while tasks and (len(tasks) >= limit or any(t.done() for t in tasks)):
                    done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED,
                                                 timeout=None if limit >= in_flight else BACKLOG_POLL_S)
                    tasks -= done
                    for t in done:
                        t.result()  # a batch that raised stops the agent, as inline
                    if limit < in_flight and _backlog(stream) >= NORMALIZE_BATCH:
                        # a full batch arrived behind a partial one (a burst begins):
                        # take it now, as on a backlog
                        limit = in_flight
                if _backlog(stream) >= NORMALIZE_BATCH:
                    intake.gathering()
        finally:
            intake.taken()
            for t in tasks:
                t.cancel()

    @app.task
    async def follow_claims() -> None:
        await ClaimsFollower(rt, hooks, produced, intake, raw_partitions=lambda: raw_positions().of,
                             ticker=ticker).run()


def _backlog(stream: Any) -> int:
    """Records Faust has read for `stream` and not handed to it yet (0 if unknown)."""
    try:
        return int(stream.channel.queue.qsize())
    except Exception:  # not a Faust topic channel (tests): no backlog known
        return 0


class Batch:
    """What one normalize batch enqueues: claims (as record batches per claims
    partition, written after each chunk) and dead letters, with the latest event time
    of its claims and its metric counts (incremented once per batch and label)."""

    def __init__(self, rt: Runtime, produced: Produced, partitions: list[int],
                 ticker: Ticker | None = None) -> None:
        self.rt = rt
        self.produced = produced
        self.partitions = partitions
        self.ticker = ticker
        self.topic = rt.names["claims"]
        self.partition_of = _partitioner(self.topic, partitions)
        self.pending: list[Pending] = []
        self.parts: dict[int, list[tuple[bytes, bytes]]] = {}
        #: per raw partition: the latest event time of the claims from it
        self.latest: dict[int, datetime] = {}
        self.reports: dict[str, int] = {}
        self.claims: dict[tuple[str, str], int] = {}
        #: late claims (sent alone, so their delivery names their offset): the index of
        #: the send in `pending`, the claim, its key and bytes, the raw record's place
        self.late: list[tuple[int, Fact, bytes, bytes, Place | None]] = []

    async def emit(self, outcome: Outcome, raw_partition: int = -1, where: Place | None = None) -> None:
        """Take what one raw record (read at `where`) gave: its claims, or its dead letter
        (enqueued). A late claim is written too (the claims log keeps every claim), alone,
        and dead-lettered once delivered (`dead_letter_late`)."""
        rt = self.rt
        rt.metrics.stage("normalize").observe(outcome.seconds)
        if outcome.rejection is not None:
            rt.metrics.dlq_by(outcome.rejection.reason).inc()
            self.pending.append(await _send_rejection(rt, outcome.rejection))
            return
        self.reports[outcome.lang] = self.reports.get(outcome.lang, 0) + 1
        produced, parts, counts, partition_of = self.produced, self.parts, self.claims, self.partition_of
        lateness = rt.engine.lateness
        for fact in outcome.facts:
            value = fact.origin
            if not isinstance(value, bytes):  # Outcome's facts carry their bytes
                value = claim_bytes(fact.claim())
            key = fact.key.encode()
            p = partition_of(key)
            if is_late(fact, lateness):
                self.late.append((len(self.pending), fact, key, value, where))
                self.pending.append(await _send(rt, self.topic, key, value, p))
            else:
                produced.add(value, fact)
                records = parts.get(p)
                if records is None:
                    records = parts[p] = []
                records.append((key, value))
            label = (fact.kind, fact.claimant)
            counts[label] = counts.get(label, 0) + 1
            t = claim_event_time(fact)
            seen = self.latest.get(raw_partition)
            if seen is None or t > seen:
                self.latest[raw_partition] = t

    async def flush(self) -> None:
        """Enqueue the claims taken so far: per claims partition one explicit record
        batch (a watermark round that is due first), so the embedded broker, whose fetch
        cost grows with the number of record batches a partition holds
        (../shared/notes/broker.md), gets one per partition per normalize batch, and
        the worker pays one producer call per partition instead of one per claim."""
        rt, topic, pending = self.rt, self.topic, self.pending
        parts = self.parts
        tick = self.ticker.take_round() if self.ticker is not None and parts else None
        if tick is not None:  # a watermark round that is due goes first, with these claims
            for p in self.partitions:
                parts[p] = [(TICK_KEY, tick), *parts.get(p, ())]
        for p, records in parts.items():
            pending.append(await _send_batch(rt, topic, p, records))
        self.parts = {}

    async def dead_letter_late(self, delivered: list[Any]) -> None:
        """Dead-letter the late claims of this batch, now delivered (`delivered`: the
        results of `pending`), at their place in the claims log, and wait until the
        broker has them (the raw records are acked after this). One dead letter per
        late claim written: the followers that fold it count it, and write none."""
        for index, fact, key, value, where in self.late:
            got = delivered[index]
            place = Place(self.topic, got.partition, got.offset)
            source = "" if where is None else f" (report {where})"
            await send_rejection(self.rt, Rejection.of(
                reason="late", error=f"{place}: event time {_window_end(fact).isoformat()} is older "
                f"than its publication time minus the allowed lateness{source}",
                original=value, topic=place.topic, partition=place.partition, offset=place.offset,
                rejected_at=_now(), key=key))
        self.late = []

    def count(self) -> None:
        metrics = self.rt.metrics
        for lang, n in self.reports.items():
            metrics.reports_by(lang).inc(n)
        for (kind, claimant), n in self.claims.items():
            metrics.claims_by(kind, claimant).inc(n)


class RawPositions(NamedTuple):
    """The raw partitions assigned to this worker with the high-water marks its consumer
    last saw (None: not fetched yet), how many the raw topic has, and the group's
    committed offsets of those partitions (below them every record's claims are
    delivered: see `InputWatermark.value`)."""

    ends: Mapping[int, int | None]
    of: int | None
    committed: Mapping[int, int] = MappingProxyType({})


def _raw_positions(app: faust.App, topic: str) -> Callable[[], RawPositions]:
    """This worker's `RawPositions`, as its Faust consumer knows them. The committed
    offsets are the ones Faust read when the partitions were assigned (a restart, a
    rebalance) and has committed since (`Consumer._committed_offset`, which it keeps for
    its own commits; a Faust without it: none known, and partitions this worker has not
    read from since it started hold until they give claims, as before)."""
    def positions() -> RawPositions:
        try:
            consumer = app.consumer
            mine = [tp for tp in consumer.assignment() if tp.topic == topic]
            known = getattr(consumer, "_committed_offset", None) or {}
            committed = {tp.partition: int(c) for tp in mine if isinstance(c := known.get(tp), int)}
            return RawPositions({tp.partition: consumer.highwater(tp) for tp in mine},
                                consumer.topic_partitions(topic), committed)
        except Exception:  # no consumer yet (starting, tests): no partition holds
            return RawPositions({}, None)
    return positions


_PARTITIONS: dict[tuple[str, tuple[int, ...]], Callable[[bytes], int]] = {}


def _partitioner(topic: str, partitions: list[int]) -> Callable[[bytes], int]:
    """key -> partition as the producer's default partitioner (murmur2, as the Java
    client) picks it, memoized per key: claims have ~100 distinct keys (regions)."""
    parts = tuple(partitions)
    found = _PARTITIONS.get((topic, parts))
    if found is not None:
        return found
    pick = DefaultPartitioner()
    memo: dict[bytes, int] = {}

    def partition_of(key: bytes) -> int:
        p = memo.get(key)
        if p is None:
            p = memo[key] = pick(key, list(parts), list(parts))
        return p

    _PARTITIONS[(topic, parts)] = partition_of
    return partition_of


def _window_end(claim: Claim | Fact) -> datetime:
    if isinstance(claim, Fact):
        return datetime.fromtimestamp(claim.window_end, UTC)
    return claim.window_end


class Ticker:
    """Writes a watermark record to every claims partition when the event time of the
    claims this worker has delivered enters a new hour (after those claims, so in each
    partition it follows them). The detectors close a partition's hours at its
    watermarks (`Engine.tick`): a quiet partition then closes its hours at the same
    place in the log in a live run and in a replay.

    What it covers is `InputWatermark`: the least over this worker's raw partitions of
    what each has given, counting only batches taken before every one still in flight
    (`STREAM_NORMALIZE_IN_FLIGHT` batches run at once and may finish out of order).

    Watermarks are periodic (`STREAM_WATERMARK_INTERVAL_MS`): at most one round per
    interval, for the latest hour asked for. A live feed enters a new hour once an
    hour, so this changes nothing there; a backlog or a replay of raw history crosses
    many hours a second, and a round per hour would be a one-record batch per
    partition each time (the embedded broker's fetch cost grows with every record batch
    a partition holds). For the same reason a round that is due goes with the next
    batch's claims (`take_round`), and alone only when no batch comes within
    `WATERMARK_ALONE_S`."""

    def __init__(self, rt: Runtime, *, clock: Callable[[], float] = time.monotonic,
                 positions: Callable[[], RawPositions] | None = None) -> None:
        self.rt = rt
        self.clock = clock
        #: this worker's raw partitions, their high-water marks (see InputWatermark),
        #: how many the raw topic has and the group's committed offsets
        self.positions = positions or (lambda: RawPositions({}, None))
        self.interval = rt.settings.watermark_interval_ms / 1000
        self.last: datetime | None = None  # hour of the last round written
        self.last_raw: frozenset[int] | None = None  # the raw partitions it covered (None: all)
        self.last_at: float | None = None  # when (clock)
        self.want: datetime | None = None  # latest hour to write
        #: the raw partitions it covers (None: all, e.g. without a Kafka assignment)
        self.want_raw: tuple[frozenset[int], int] | None = None
        self.input = InputWatermark()
        #: how many partitions the raw topic has, from the producer's metadata (see
        #: `raw_count`); None: not looked up yet
        self._raw_count: int | None = None
        self._raw_count_failed = False
        self.timer: asyncio.Task[None] | None = None
        self.due = False  # the interval has passed: the next batch takes the round
        self._lock = asyncio.Lock()

    def begin(self, offsets: Mapping[int, int] | None = None) -> int:
        """A batch is taken: per raw partition the greatest offset in it."""
        return self.input.begin(offsets or {})

    async def finish(self, batch: int, latest: Mapping[int, datetime] | None) -> None:
        """Batch `batch` has delivered its claims: per raw partition the latest event
        time of the claims from it (None: not delivered)."""
        self.input.finish(batch, latest)
        await self.refresh()

    async def refresh(self) -> None:
        """Ask for a round at what this worker has written everything up to: after a
        batch, and after the follower folds claims (when every raw partition of this
        worker is read to its end, that is the latest event time of the log, so an idle
        worker's last round, or one from before it restarted, does not hold the others
        back; see `InputWatermark.value`)."""
        ends, of, committed = self.positions()
        if ends and not of:
            of = await self.raw_count()
            if not of:  # a round naming no count would cover every raw partition
                return
        mark = self.input.value(ends, committed, self.rt.engine.watermark)
        if mark is not None:
            await self.advance(mark, (frozenset(ends), of) if ends and of else None)

    async def raw_count(self) -> int | None:
        """How many partitions the raw topic has, when the Faust consumer does not say:
        it reads the group's topic metadata snapshot, which aiokafka keeps on the
        group's leader only, so every other worker would write rounds that cover all
        raw partitions (closing hours before the leader's claims of them are in).
        Asked of the producer's metadata once (None: not known, asked again)."""
        topic = self.rt.names.get("raw")
        if self._raw_count is None and topic is not None:
            try:
                self._raw_count = len(await self.rt.out.partitions(topic)) or None
            except Exception as exc:  # the next refresh asks again; no round meanwhile
                if not self._raw_count_failed:
                    log.warning("cannot read how many partitions %s has (will keep trying): %r", topic, exc)
                    self._raw_count_failed = True
        return self._raw_count

    async def advance(self, event_time: datetime,
                      raw: tuple[frozenset[int], int] | None = None) -> None:
        """Ask for a round at `event_time`'s hour covering the raw partitions `raw`
        (this worker's, of how many; None: all). A round goes when the hour advances,
        or when it covers raw partitions the last did not (taken over in a rebalance)."""
        hour = event_time.replace(minute=0, second=0, microsecond=0)
        if _says_as_much(self.want, None if self.want_raw is None else self.want_raw[0], hour, raw):
            return
        self.want, self.want_raw = hour, raw
        if self.timer is None or self.timer.done():
            wait = 0.0 if self.last_at is None else self.last_at + self.interval - self.clock()
            self.timer = asyncio.ensure_future(self._later(max(0.0, wait)))

    async def _later(self, wait: float) -> None:
        """When the interval ends the round is due: the next normalize batch enqueues it
        with its claims (`take_round`); if none does within `WATERMARK_ALONE_S` (a quiet
        feed), it goes alone."""
        while True:
            await asyncio.sleep(wait)
            self.due = True
            await asyncio.sleep(WATERMARK_ALONE_S)
            if self.due:
                try:
                    await self.write()
                except Exception:  # the next round retries; nothing is lost meanwhile
                    log.exception("writing a watermark failed")
            # asked for since the last round went (while this timer ran): another
            if self.want is None or _says_as_much(self.last, self.last_raw, self.want, self.want_raw):
                return
            last_at = self.clock() if self.last_at is None else self.last_at
            wait = max(0.0, last_at + self.interval - self.clock())

    def take_round(self) -> bytes | None:
        """The round that is due, for a batch about to enqueue claims: its records go
        first in every claims partition, and the producer joins them with the claims
        into one record batch per partition (a round alone is one one-record batch per
        partition, each of which the embedded broker pays for at every fetch). It
        covers only batches finished before it (`finish`), which precede it."""
        if not self.due:
            return None
        self.due = False
        hour, raw = self.want, self.want_raw
        if hour is None or _says_as_much(self.last, self.last_raw, hour, raw):
            return None
        self.last, self.last_raw = hour, None if raw is None else raw[0]
        self.last_at = self.clock()
        return tick_bytes(hour) if raw is None else tick_bytes(hour, raw[0], raw[1])

    async def write(self) -> None:
        """One round alone: the latest wanted hour to every claims partition (delivered)."""
        async with self._lock:
            value = self.take_round() if self.due else None
            if value is None:
                return
            topic = self.rt.names["claims"]
            sent = [await _send(self.rt, topic, TICK_KEY, value, p)
                    for p in await self.rt.out.partitions(topic)]
            await deliver(self.rt, sent)


def _says_as_much(hour0: datetime | None, raw0: frozenset[int] | None, hour: datetime,
                  raw: tuple[frozenset[int], int] | None) -> bool:
    """Whether a round at `hour0` covering `raw0` (None: every raw partition) says all a
    round at `hour` covering `raw` would."""
    if hour0 is None or hour > hour0:
        return False
    if hour < hour0:
        return True
    return raw0 is None or (raw is not None and raw[0] <= raw0)


class ClaimsFollower:
    """Reads every partition of the claims topic from the beginning into the Engine.

    Paced: a fold cycle starts at most every `FOLLOW_CYCLE_S`, so a busy feed is
    folded in batches of many claims (the detectors advance, listeners run and the
    web caches turn over once per batch, not once per few claims) and the consumer
    fetches a few times per cycle instead of in a tight loop; an idle feed costs a
    parked fetch per `FOLLOW_FETCH_WAIT_MS`. Both bound the fold delay a claim sees.
    """

    def __init__(self, rt: Runtime, hooks: list[ClaimHook], produced: Produced | None = None,
                 intake: Intake | None = None, *,
                 raw_partitions: Callable[[], int | None] | None = None,
                 ticker: Ticker | None = None) -> None:
        self.rt = rt
        #: this worker's watermark writer: told when the log's event time moves (an idle
        #: worker then covers its raw partitions up to it, see `Ticker.refresh`)
        self.ticker = ticker
        #: how many partitions the raw topic has, as the worker's Faust consumer knows
        #: it (None: not known yet; then the follower's metadata, then the setting)
        self.raw_partitions = raw_partitions or (lambda: None)
        self.intake = intake or Intake(hold=0)
        self.hooks = hooks
        self.produced = produced or Produced(cap=0)
        self.topic = rt.names["claims"]
        self.trimmer = heap.Trimmer()
        self._lag_at = 0.0
        self._raw_lag_at = 0.0
        self._raw_lag_failed = False
        #: a consumer of the normalize agents' group, to read its committed offsets
        self._group: AIOKafkaConsumer | None = None

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
            auto_offset_reset="earliest", max_partition_fetch_bytes=FOLLOW_PARTITION_FETCH_BYTES,
            fetch_max_bytes=FOLLOW_FETCH_BYTES, fetch_max_wait_ms=FOLLOW_FETCH_WAIT_MS,
            **kafka_client_kwargs(rt.settings))
        await consumer.start()
        try:
            tps = await self._assign(consumer)
            # the normalize agents write watermarks into every claims partition: hold
            # each until its first one is read (Engine.frontier)
            rt.engine.partitions = frozenset(tp.partition for tp in tps)
            rt.engine.expect_ticks = True
            caught_up = False
            refreshed = time.monotonic()
            paused: set[TopicPartition] = set()  # read far ahead of the others (hold_ahead)
            while True:
                if self.intake.holding:  # a batch being gathered goes first
                    await self.intake.wait()
                cycle = time.perf_counter()
                batch = await consumer.getmany(timeout_ms=200, max_records=FOLLOW_MAX_RECORDS)
                if batch:
                    rewound = await self._apply_batch(batch, await self._lagging(consumer, tps))
                    for tp, offset in rewound.items():  # read ahead of a watermark: again later
                        consumer.seek(tp, offset)
                    hold_ahead(consumer, rt.engine, tps, set(), paused)
                # what a fetch decoded is freed among the state it grew (`heap.Trimmer`)
                self.trimmer.maybe(time.monotonic(), TRIM_CATCHING_UP_S if not caught_up else TRIM_S)
                if self.ticker is not None and (batch or time.monotonic() - refreshed >= IDLE_REFRESH_S):
                    refreshed = time.monotonic()
                    await self.ticker.refresh()
                if not caught_up:
                    caught_up = await self._caught_up(consumer, tps)
                    rt.ready = caught_up
                await self._export_lag(consumer, tps)
                if batch and caught_up:
                    rest = FOLLOW_CYCLE_S - (time.perf_counter() - cycle)
                    if rest > 0:
                        await asyncio.sleep(rest)
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()
            if self._group is not None:
                with contextlib.suppress(Exception):
                    await self._group.stop()

    async def _lagging(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> set[int]:
        """Partitions behind their high-water mark: they hold the detectors back (see
        `Engine.frontier`), so a catch-up scores each hour with every partition read."""
        out = set()
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is None or await consumer.position(tp) < hw:
                out.add(tp.partition)
        return out

    async def _caught_up(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> bool:
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is None or await consumer.position(tp) < hw:
                return False
        return True

    async def _export_lag(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> None:
        now = time.monotonic()
        if now - self._lag_at < LAG_EXPORT_S:
            return
        self._lag_at = now
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is not None:
                lag = max(0, hw - await consumer.position(tp))
                self.rt.metrics.consumer_lag.labels(topic=tp.topic, partition=str(tp.partition)).set(lag)
        if now - self._raw_lag_at >= RAW_LAG_EXPORT_S:
            self._raw_lag_at = now
            await self._export_raw_lag(consumer)

    async def _export_raw_lag(self, consumer: AIOKafkaConsumer) -> None:
        """The raw topic's lag: per partition, its end offset less the offset the
        normalize agents' consumer group has committed there (what a worker starting
        now would read again; from the start where nothing is committed). Every worker
        exports every raw partition, as the cluster tells it (the recording rule takes
        the max per partition), so a partition keeps one series across rebalances. The
        committed offsets are read by a consumer of the group that never subscribes (it
        takes no part in the group's assignment). Failures are logged once, skipped."""
        rt = self.rt
        raw = rt.names.get("raw")
        if raw is None:
            return
        try:
            if self._group is None:
                self._group = AIOKafkaConsumer(bootstrap_servers=rt.bootstrap, group_id=rt.settings.app_id,
                                               enable_auto_commit=False, **kafka_client_kwargs(rt.settings))
                await self._group.start()
            count = self.raw_partitions()
            parts = (set(range(count)) if count else None) or consumer.partitions_for_topic(raw) or set(
                range(rt.settings.raw_partitions))
            tps = [TopicPartition(raw, p) for p in sorted(parts)]
            ends = await consumer.end_offsets(tps)
            done = {tp: await self._group.committed(tp) for tp in tps}
        except Exception as exc:  # an observability extra: never stops the follower
            if not self._raw_lag_failed:
                log.warning("cannot read the raw topic's lag (will keep trying quietly): %r", exc)
                self._raw_lag_failed = True
            return
        for tp, end in ends.items():
            lag = max(0, end - (done.get(tp) or 0))
            rt.metrics.consumer_lag.labels(topic=raw, partition=str(tp.partition)).set(lag)

    async def _apply_batch(self, batch: dict[TopicPartition, list[Any]],
                           lagging: set[int] | None = None) -> dict[TopicPartition, int]:
        """Fold a fetch; return, per partition read ahead of a watermark whose hours are
        not scored yet, the offset to read again from (`replay.rewind_at`)."""
        rt = self.rt
        metrics = rt.metrics
        applied_batch: list[tuple[Claim | Fact, Any]] = []
        now = _now()
        take = self.produced.take
        engine = rt.engine
        apply, engine_tick, duplicates_by = engine.apply, engine.tick, metrics.duplicates_by
        late_before = engine.detector_late
        rewound: dict[TopicPartition, int] = {}

        # what the batch folded, for the hooks and, once caught up, the listeners: a
        # catch-up does not hold a whole fetch's claims for nobody (~15 MB a fetch)
        keep = rt.ready or bool(self.hooks)

        def account(claim: Claim | Fact, applied: Any) -> None:
            outcome = applied.outcome
            if outcome == "late":
                # counted by every worker that folds it; dead-lettered once, by the
                # normalize agent that wrote it (`Batch.dead_letter_late`)
                metrics.late_claims_total.inc()
                return
            if outcome in DUPLICATE_OUTCOMES:
                duplicates_by(outcome).inc()
            if keep:
                applied_batch.append((claim, applied))
        started = time.perf_counter()
        if self.intake.holding:
            started += await self.intake.wait()
        # Fold in offset order within each partition (the per-partition offset watermark
        # in the state relies on it); the detectors advance once, after the whole batch.
        # Each record is decoded only when its turn comes: a partition read ahead of a
        # watermark is rewound there (`rewind_at`), and what follows is not decoded.
        decoding = 0.0
        perf = time.perf_counter
        i = 0
        for tp, msgs in batch.items():
            p = tp.partition
            # each record is let go once folded, not held to the end of the fetch
            msgs.reverse()
            while msgs:
                m = msgs.pop()
                i += 1
                if i % FOLD_SLICE == 0:
                    # let the normalize agent hand its child more work (not fold time)
                    started += await self.intake.wait()
                if m.key == TICK_KEY:  # a watermark: taken in its place among the claims
                    tick = decode_watermark(m.value)
                    if tick is not None:
                        engine_tick(p, tick.event_time, tick.raw, tick.of)
                    continue
                if rewind_at(engine, p, engine.partitions):
                    rewound[tp] = m.offset  # read again once the others have caught up
                    break
                t = perf()
                claim = take(m.value) or decode_fact(m.value, Place(tp.topic, p, m.offset), now, m.key)
                decoding += perf() - t
                if isinstance(claim, Rejection):
                    await send_rejection(rt, claim)
                    continue
                applied = apply(claim, partition=p, offset=m.offset)
                if applied.outcome != "held":  # held behind a watermark: folded by `detect`
                    account(claim, applied)
        if i:
            rt.folded_at = time.time()
        metrics.stage("decode").observe(decoding)
        metrics.stage("aggregate").observe(perf() - started - decoding)
        if self.intake.holding:
            await self.intake.wait()
        started = time.perf_counter()
        alerts = rt.engine.detect(lagging=lagging)
        for claim, applied in rt.engine.take_released():
            account(claim, applied)
        if rt.engine.detector_late > late_before:
            metrics.detector_late_claims_total.inc(rt.engine.detector_late - late_before)
        metrics.stage("detect").observe(time.perf_counter() - started)
        sent = []
        for alert in alerts:
            sent.append(await _send(rt, rt.names["alerts"], alert.alert_id.encode(),
                                    alert.model_dump_json().encode()))
        metrics.count_alerts(alerts, caught_up=rt.ready)
        await deliver(rt, sent)
        for listener in rt.listeners:
            try:
                listener(applied_batch, alerts)
            except Exception:  # a broken listener (e.g. a web client) must not stop folding
                log.exception("listener failed")
        for hook in self.hooks:
            await hook(rt, applied_batch)
        return rewound
