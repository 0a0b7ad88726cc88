"""Replay: bounded reads of `strikes.raw.v1` or `strikes.claims.v1` into a fresh Engine.

Only I/O lives here; records go through the same pure steps as the live agents
(`normalize_record`, `decode_fact`, `Engine.apply`), so the same input gives the
same aggregates. The end of each partition is captured at start from the fetch
high-watermark (the embedded broker's ListOffsets(latest) lags). A start time selects
reports by when they were published (`published_at`), not by the record timestamp
(when the record was written): reports are ingested late and out of order, so no
offset seek can find them and every record up to the end is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncGenerator, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from stream.aggregate import Applied, Fact
from stream.errors import BrokerError, ReplayError
from stream.models import Alert, Claim, Rejection
from stream.pipeline import (
    Engine,
    Place,
    decode_fact,
    decode_raw,
    normalize_record,
)
from stream.readahead import FACT, TICK, Entry, ReadAhead

#: (partition, offset, key, value) of a record read back
Record = tuple[int, int, bytes | None, bytes | None]
Kind = Literal["raw", "claims"]


@dataclass
class ReplaySummary:
    topic: str
    kind: Kind
    records: int = 0
    skipped_before_start: int = 0
    claims: int = 0
    alerts: int = 0  # distinct alerts (incidents) raised
    alert_updates: int = 0  # alert records written: openings, updates, resolutions
    alert_ids: set[str] = field(default_factory=set, repr=False)
    #: records read ahead of a watermark the other partitions had not reached, left in the
    #: read-ahead buffer until they had (`fold_buffered`)
    set_aside: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    end_offsets: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def count_alerts(self, updates: list[Alert]) -> None:
        self.alert_updates += len(updates)
        self.alert_ids.update(a.alert_id for a in updates)
        self.alerts = len(self.alert_ids)

    def count_applied(self, applied: list[tuple[Claim | Fact, Applied]]) -> None:
        """Count folded claims by outcome (a held one is counted when it is folded)."""
        for _, a in applied:
            if a.outcome != "held":
                self.claims += 1
                self.outcomes[a.outcome] = self.outcomes.get(a.outcome, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic, "kind": self.kind, "records": self.records,
            "skipped_before_start": self.skipped_before_start, "claims": self.claims, "alerts": self.alerts,
            "alert_updates": self.alert_updates, "set_aside": self.set_aside,
            "rejected": self.rejected, "outcomes": self.outcomes,
            "end_offsets": {str(k): v for k, v in sorted(self.end_offsets.items())},
            "seconds": round(self.seconds, 3),
            "records_per_second": round(self.records / self.seconds, 1) if self.seconds else None,
        }


async def start_client(client: Any, bootstrap: str) -> None:
    """Start an aiokafka client; a broker that cannot be reached is one BrokerError naming
    it (aiokafka would log a line per attempt and leave the client unclosed)."""
    from aiokafka.errors import KafkaError

    log = logging.getLogger("aiokafka")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        await client.start()
    except (KafkaError, OSError) as exc:
        with contextlib.suppress(Exception):
            await client.stop()
        msg = f"cannot reach Kafka at {bootstrap} ({type(exc).__name__})"
        raise BrokerError(msg) from exc
    finally:
        log.setLevel(level)


def published_before(kind: Kind, value: bytes | None, where: Place, now: datetime, since: int) -> bool:
    """Whether the report (raw) or claim (claims) in `value` was published before `since`
    (epoch seconds; to the second, as claims carry their times). A record that cannot be
    decoded has no publication time: it is not "before", so it is folded and counted as
    rejected as in a full replay."""
    if kind == "raw":
        raw = decode_raw(value, where, now)
        return not isinstance(raw, Rejection) and int(raw.published_at.timestamp()) < since
    fact = decode_fact(value, where, now)
    return not isinstance(fact, Rejection) and fact.published_at < since


def fold_record(engine: Engine, kind: Kind, value: bytes | None, where: Place, now: datetime,
                summary: ReplaySummary) -> None:
    """One record through the live logic (pure apart from counting)."""
    if kind == "raw":
        result = normalize_record(value, where, now)
        if isinstance(result, Rejection):
            summary.rejected[result.reason] = summary.rejected.get(result.reason, 0) + 1
            return
        # event time held per raw partition (Engine.frontier)
        summary.count_applied([(c, engine.apply(c, source=where.partition)) for c in result.claims])
        return
    fold_fact(engine, decode_fact(value, where, now), where.partition, where.offset, summary)


def fold_fact(engine: Engine, decoded: Fact | Rejection, partition: int, offset: int,
              summary: ReplaySummary) -> None:
    """One decoded claim (or its Rejection) through the live logic."""
    if isinstance(decoded, Rejection):
        summary.rejected[decoded.reason] = summary.rejected.get(decoded.reason, 0) + 1
        return
    outcome = engine.apply(decoded, partition=partition, offset=offset).outcome
    if outcome != "held":  # counted once folded (`Engine.take_released`)
        summary.claims += 1
        summary.outcomes[outcome] = summary.outcomes.get(outcome, 0) + 1


async def replay(
    bootstrap: str,
    topic: str,
    *,
    kind: Kind,
    engine: Engine | None = None,
    from_offset: int | None = None,
    from_time: datetime | None = None,
    client_kwargs: dict[str, Any] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[Engine, ReplaySummary]:
    """Read `topic` from the beginning (or an offset) up to the end seen at start; with
    `from_time`, fold only the reports (claims) published at or after it."""
    if from_time is not None and from_time.tzinfo is None:
        msg = "from_time must be timezone-aware (UTC)"
        raise ReplayError(msg)
    engine = engine or Engine()
    summary = ReplaySummary(topic=topic, kind=kind)
    since = int(from_time.timestamp()) if from_time is not None else None
    started = time.perf_counter()
    try:
        if kind == "claims":
            await _replay_claims(bootstrap, topic, engine, summary, from_offset=from_offset, since=since,
                                 client_kwargs=client_kwargs, on_progress=on_progress)
        else:
            await _replay_raw(bootstrap, topic, engine, summary, from_offset=from_offset, since=since,
                              client_kwargs=client_kwargs, on_progress=on_progress)
    finally:
        summary.seconds = time.perf_counter() - started
    return engine, summary


async def open_topic(bootstrap: str, topic: str, from_offset: int | None,
                     client_kwargs: dict[str, Any] | None) -> tuple[Any, list[Any], dict[Any, int], set[Any]]:
    """A started consumer assigned every partition of `topic`, at the beginning (or
    `from_offset`), with the end offsets seen now and the partitions already there
    (paused): (consumer, partitions, ends, done). The caller stops the consumer."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", max_partition_fetch_bytes=4 * 1024 * 1024,
                                fetch_max_wait_ms=50, **(client_kwargs or {}))
    await start_client(consumer, bootstrap)
    try:
        parts = consumer.partitions_for_topic(topic)
        if not parts:
            msg = f"topic {topic!r} does not exist on {bootstrap}"
            raise ReplayError(msg)
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await _capture_ends(consumer, tps)
        if from_offset is not None:
            for tp in tps:
                if from_offset > ends[tp]:
                    msg = f"{topic}[{tp.partition}]: offset {from_offset} is past the end {ends[tp]}"
                    raise ReplayError(msg)
                consumer.seek(tp, from_offset)
        done = {tp for tp in tps if await consumer.position(tp) >= ends[tp]}
        if done:
            consumer.pause(*done)
    except BaseException:
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await consumer.stop()
        raise
    return consumer, tps, ends, done


async def _replay_raw(bootstrap: str, topic: str, engine: Engine, summary: ReplaySummary, *,
                      from_offset: int | None, since: int | None, client_kwargs: dict[str, Any] | None,
                      on_progress: Callable[[int, int], None] | None) -> None:
    consumer, tps, ends, done = await open_topic(bootstrap, topic, from_offset, client_kwargs)
    try:
        summary.end_offsets = {tp.partition: ends[tp] for tp in tps}
        await _replay_raw_merged(consumer, engine, tps, ends, done, since, datetime.now(UTC), summary,
                                 on_progress, sum(ends.values()))
    finally:
        await consumer.stop()


async def _replay_claims(bootstrap: str, topic: str, engine: Engine, summary: ReplaySummary, *,
                         from_offset: int | None, since: int | None, client_kwargs: dict[str, Any] | None,
                         on_progress: Callable[[int, int], None] | None) -> None:
    """Fold a claims topic in the order a live run does (see `fold_buffered`), read and
    decoded by a child process (`readahead.ReadAhead`) while this one folds."""
    async with ReadAhead(bootstrap, topic, from_offset=from_offset, client_kwargs=client_kwargs) as reader:
        ends = reader.ends
        summary.end_offsets = dict(sorted(ends.items()))
        total = sum(ends.values())
        # hours close at the watermarks in the log, as in a live run
        engine.partitions = frozenset(p for p, end in ends.items() if end > 0)
        engine.expect_ticks = True
        now = datetime.now(UTC)
        buffered: dict[int, deque[Entry]] = {p: deque() for p in sorted(ends)}
        aside: dict[int, int] = {p: -1 for p in ends}
        paused: set[int] = set()
        while True:
            for p, entries in reader.poll():
                buffered[p].extend(entries)
            folded = fold_buffered(engine, topic, buffered, reader.finished, now, since, summary, aside)
            lagging = {p for p, q in buffered.items() if q or p not in reader.finished}
            if not folded and len(reader.finished) == len(ends) and lagging:
                # nothing more will come, and no detect moves these on: the engine holds them
                folded = fold_buffered(engine, topic, buffered, reader.finished, now, since, summary,
                                       aside, set_aside=False)
            # partitions not read to their end hold the detectors back (Engine.frontier)
            summary.count_alerts(engine.detect(lagging=lagging))
            summary.count_applied(engine.take_released())
            if on_progress:
                on_progress(summary.records, total)
            if not lagging:
                break
            _steer(reader, buffered, paused)
            if not folded:
                await reader.wait()
    if engine.held:
        # the end of the log: what waits behind a partition whose watermarks stop
        # short of the others' is folded (and its hours scored) all the same
        summary.count_applied(engine.release_all())
        summary.count_alerts(engine.detect(lagging=set()))
        summary.count_applied(engine.take_released())
    if not engine.ticked:
        # a log without watermarks (not written by the normalize agents): its hours
        # close at the claims' event times
        engine.expect_ticks = False
        summary.count_alerts(engine.detect(lagging=set()))


#: records folded between two reads of the reader's pipe (`fold_buffered`): the child
#: blocks while the pipe (1 MiB, ~1,700 claims) is full
FOLD_SLICE = 1_000
#: records of one partition buffered ahead of the fold before the reader is asked to
#: pause it: the broker serves thousands of records of one partition per fetch
READ_AHEAD = 10_000


def fold_buffered(engine: Engine, topic: str, buffered: dict[int, deque[Entry]], finished: Collection[int],
                  now: datetime, since: int | None, summary: ReplaySummary, aside: dict[int, int],
                  *, set_aside: bool = True, limit: int = FOLD_SLICE) -> int:
    """Fold the buffered records of each partition in offset order, leaving a partition's
    records where it is read ahead of a watermark that another partition still being
    read (or a detect) can move the detectors past (`rewind_at`: the engine would hold
    them in memory, decoded, and a reader that buffers them holds them anyway). The
    same answers whichever partition the broker served first. `aside` (per partition,
    the last offset counted in `summary.set_aside`) counts each record set aside once.
    `set_aside=False`: fold everything (the engine holds what it must). At most `limit`
    records a call (the reader's pipe is drained between calls). How many were folded."""
    new = tuple.__new__
    reading = [p for p, q in buffered.items() if q or p not in finished]
    folded = 0
    for p, queue in buffered.items():
        while queue and folded < limit:
            offset, code, payload = queue[0]
            if set_aside and code != TICK and rewind_at(engine, p, reading):
                upto, n = aside[p], 0
                for entry in reversed(queue):
                    if entry[0] <= upto:
                        break
                    n += 1
                summary.set_aside += n
                aside[p] = queue[-1][0]
                break
            queue.popleft()
            folded += 1
            summary.records += 1
            if code == TICK:  # watermarks close hours whatever the start
                if payload is not None:
                    engine.tick(p, payload.event_time, payload.raw, payload.of)
                continue
            decoded = (new(Fact, payload) if code == FACT
                       else decode_fact(payload, Place(topic, p, offset), now))
            if since is not None and not isinstance(decoded, Rejection) and decoded.published_at < since:
                summary.skipped_before_start += 1
                continue
            fold_fact(engine, decoded, p, offset, summary)
    return folded


def _steer(reader: ReadAhead, buffered: dict[int, deque[Entry]], paused: set[int]) -> None:
    """Pause the reading of a partition with `READ_AHEAD` records buffered, resume it
    below half of that; if every one still being read were paused, resume them all
    (the one furthest behind has its buffer folded, so that is only a safety net)."""
    pause, resume = [], []
    reading = [p for p in buffered if p not in reader.finished]
    for p in reading:
        size = len(buffered[p])
        if size >= READ_AHEAD and p not in paused:
            pause.append(p)
            paused.add(p)
        elif size < READ_AHEAD // 2 and p in paused:
            resume.append(p)
            paused.discard(p)
    if reading and all(p in paused for p in reading):
        resume, pause = list(reading), []
        paused.clear()
    reader.steer("pause", pause)
    reader.steer("resume", resume)


#: records buffered per raw partition before it is paused (the merge's memory bound)
MERGE_BUFFER = 5_000


def rewind_at(engine: Engine, partition: int, reading: Collection[int]) -> bool:
    """Whether a reader should leave the claim it read from `partition` for later (the
    live follower seeks back to it and reads it again, a replay leaves it in its
    read-ahead buffer: `fold_buffered`) once the others have caught up, rather than let
    `Engine.apply` hold it: the partition is read ahead of a watermark whose hours are
    not scored yet, and another partition still being read (`reading`) can move the
    detectors on. Held, a partition read ahead costs memory: the broker serves a fetch
    of thousands of records of one partition at a time, and the worker's catch-up of
    1,000,000 claims peaked at 301-308 MB holding them against 281 MB without the
    hold. Every partition may be ahead at once, when `detect` has not run since their
    watermarks (`Engine.opens`). Where no detect can move them on (the end of a log, a
    partition without a watermark yet), the engine holds the records."""
    holding = engine.holding
    return holding(partition) and (any(q != partition and not holding(q) for q in reading)
                                   or engine.opens())


def hold_ahead(consumer: Any, engine: Engine, tps: list[Any], done: set[Any], paused: set[Any]) -> None:
    """Pause a partition read ahead of the others (its records rewound or held behind
    its watermarks: `rewind_at`, `Engine.apply`) and resume it once the detectors have
    caught up: the memory bound of a reader the broker serves one partition at a time.
    The partition furthest behind is never held, so it is never paused; if every one
    still being read were, all are resumed."""
    for tp in tps:
        if tp in done:
            continue
        ahead = engine.holding(tp.partition)
        if ahead and tp not in paused:
            consumer.pause(tp)
            paused.add(tp)
        elif not ahead and tp in paused:
            consumer.resume(tp)
            paused.discard(tp)
    reading = [tp for tp in tps if tp not in done]
    if reading and all(tp in paused for tp in reading):
        consumer.resume(*reading)
        paused.clear()


def _publication_key(value: bytes | None) -> float:
    """When a raw record's report was published (epoch seconds), for the merge; one that
    cannot be read sorts first (it is folded at once: it only becomes a dead letter)."""
    try:
        published = orjson.loads(value or b"")["published_at"]
        dt = datetime.fromisoformat(published)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return float("-inf")
    return dt.timestamp() if dt.tzinfo is not None else float("-inf")


async def _replay_raw_merged(consumer: Any, engine: Engine, tps: list[Any], ends: dict[Any, int],
                             done: set[Any], since: int | None, now: datetime, summary: ReplaySummary,
                             on_progress: Callable[[int, int], None] | None, total: int) -> None:
    """Fold the raw partitions merged by publication time, as a live feed arrives.

    Read partition by partition (a fetch returns up to megabytes of one partition), a
    feed of weeks would move a region's event time to the end of one partition before
    another's first reports came: those fell behind the eviction horizon (`expired`)
    and the result depended on which partition the broker served first. Merged, each
    report is folded only once every partition not read to its end has a report at
    least as late buffered: the order of a live feed, the same in every run.
    """
    pending: dict[Any, deque[tuple[float, int, int, bytes | None]]] = {tp: deque() for tp in tps}
    paused: set[Any] = set(done)

    def ready() -> bool:
        return all(pending[tp] or tp in done for tp in tps)

    while True:
        folded = 0
        while ready():
            heads = [(pending[tp][0][0], tp.partition, tp) for tp in tps if pending[tp]]
            if not heads:
                break
            _key, _p, tp = min(heads)
            _key, partition, offset, value = pending[tp].popleft()
            where = Place(tp.topic, partition, offset)
            folded += 1
            if since is not None and published_before("raw", value, where, now, since):
                summary.skipped_before_start += 1
                continue
            fold_record(engine, "raw", value, where, now, summary)
        # partitions with reports still to fold hold the detectors back (Engine.frontier)
        lagging = {tp.partition for tp in tps if tp not in done or pending[tp]}
        if folded or not lagging:
            summary.count_alerts(engine.detect(lagging=lagging))
        if not lagging:
            return
        for tp in tps:  # read on where the buffer runs low; hold a partition that is ahead
            if tp in done:
                continue
            if len(pending[tp]) >= MERGE_BUFFER and tp not in paused:
                consumer.pause(tp)
                paused.add(tp)
            elif len(pending[tp]) < MERGE_BUFFER and tp in paused:
                consumer.resume(tp)
                paused.discard(tp)
        batch = await consumer.getmany(timeout_ms=500, max_records=20000)
        for tp, msgs in batch.items():
            for m in msgs:
                if m.offset >= ends[tp]:
                    break
                summary.records += 1
                pending[tp].append((_publication_key(m.value), tp.partition, m.offset, m.value))
            if tp not in done and await consumer.position(tp) >= ends[tp]:
                done.add(tp)
                consumer.pause(tp)
                paused.add(tp)
        if on_progress:
            on_progress(summary.records, total)


async def _capture_ends(consumer: Any, tps: list[Any], timeout: float = 15.0) -> dict[Any, int]:
    """End offsets from the fetch high-watermark (ListOffsets(latest) lags on Tansu)."""
    ends: dict[Any, int] = {}
    deadline = time.monotonic() + timeout
    positions = {tp: await consumer.position(tp) for tp in tps}
    while len(ends) < len(tps):
        if time.monotonic() > deadline:
            missing = [str(tp) for tp in tps if tp not in ends]
            msg = f"no high-watermark for {', '.join(missing)}"
            raise ReplayError(msg)
        await consumer.getmany(timeout_ms=200, max_records=1)
        for tp in tps:
            hw = consumer.highwater(tp)
            if hw is not None:
                ends[tp] = hw
    for tp, pos in positions.items():  # rewind what the probe fetch consumed
        consumer.seek(tp, pos)
    return ends


async def iter_records(bootstrap: str, topic: str, *,
                       client_kwargs: dict[str, Any] | None = None) -> AsyncGenerator[Record, None]:
    """Every record of `topic` from the beginning up to the end seen at start, as
    (partition, offset, key, value), each partition in offset order (a fetch at a
    time: a dead-letter topic of large originals is never held whole)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=50,
                                **(client_kwargs or {}))
    await start_client(consumer, bootstrap)
    try:
        parts = consumer.partitions_for_topic(topic)
        if not parts:
            msg = f"topic {topic!r} does not exist on {bootstrap}"
            raise ReplayError(msg)
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await _capture_ends(consumer, tps)
        done = {tp for tp in tps if await consumer.position(tp) >= ends[tp]}
        if done:
            consumer.pause(*done)
        while len(done) < len(tps):
            batch = await consumer.getmany(timeout_ms=500, max_records=1000)
            for tp, msgs in batch.items():
                for m in msgs:
                    if m.offset < ends[tp]:
                        yield tp.partition, m.offset, m.key, m.value
                if tp not in done and await consumer.position(tp) >= ends[tp]:
                    done.add(tp)
                    consumer.pause(tp)
    finally:
        await consumer.stop()
