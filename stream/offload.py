"""Normalization in child processes, so parsing runs beside the worker's Kafka I/O and fold.

The normalizer is pure CPU-bound Python (compiled with mypyc where built) and holds
the GIL, so in one process it takes turns with everything else the worker does:
consuming raw records, producing claims, folding them, serving the web. A
`Normalizer` with `processes >= 1` runs `normalize_record` in that many child
processes (a `ProcessPoolExecutor`, spawned, so no lock or thread of the Faust worker
is inherited) and returns to the worker only what it sends: each claim with its
bytes, or the Rejection. `processes == 0` normalizes in the calling process. The
children start with the first chunk (`start` starts them ahead), so a worker that never
normalizes never loads the normalizer.

Results are the same either way (the same pure function on the same bytes, `now`
passed in). A child that dies (a crash in compiled code, the kernel's OOM killer)
breaks the pool: the pool is rebuilt and the chunk is normalized again record by
record, each in a fresh pool if need be, so exactly the record that kills a child
becomes a dead letter (reason `internal`) and every other record is normalized. The
worker itself never goes down with a child. Children ask the kernel to end them
when the worker process dies (Linux `PR_SET_PDEATHSIG`), so a killed worker leaves
no orphan.

No Faust, aiokafka or prometheus_client here.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import fcntl
import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stream import heap
from stream.aggregate import Fact
from stream.aggregate.fact import fact_values
from stream.models import Rejection
from stream.pipeline import Normalized, Place, claim_bytes, normalize_record

log = logging.getLogger(__name__)

#: records per task sent to a child (`STREAM_NORMALIZE_CHUNK`): small enough that the
#: worker enqueues a chunk's claims while the child parses the next, large enough to
#: amortize a round trip, which crosses two helper threads of the worker that each wait
#: for the GIL (on a backlog, 250 gave 3-12% more reports/s than 100 in four paired
#: runs of benchmarks/pipeline.py)
CHUNK = 250
_PR_SET_PDEATHSIG = 1

#: one raw record as the worker read it: (value, where, key)
Item = tuple[bytes | None, Place, bytes | None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the worker needs of one normalized record: the report's language and each
    claim as the fold reads it (a `Fact` whose origin is the JSON bytes the claim is
    written as: a flat tuple, cheaper to pass between processes than the model and
    ready for the fold), or the Rejection; and the seconds the normalizer took (for
    the stage histogram)."""

    lang: str  # "" for a rejection
    facts: list[Fact]
    rejection: Rejection | None
    seconds: float


#: an Outcome as it travels from a child: plain tuples, which unpickle in C (a Fact or
#: a dataclass would each cost a Python-level constructor call in the worker):
#: (lang, [the values of each claim's Fact], rejection, seconds)
Packed = tuple[str, list[tuple[Any, ...]], Rejection | None, float]


def normalize_packed(items: Sequence[Item], now: datetime) -> list[Packed]:
    """Normalize raw records in this process, each claim straight to the values of its
    Fact with the claim's bytes as origin (the body of a child's task)."""
    out: list[Packed] = []
    for value, where, key in items:
        started = time.perf_counter()
        try:
            result = normalize_record(value, where, now, key)
        except Exception as exc:  # normalize_record never raises on input; belt and braces
            log.exception("unexpected failure at %s", where)
            result = _internal(value, where, now, key, f"{exc!r}")
        if isinstance(result, Normalized):
            epochs: dict[datetime, int] = {}
            facts = [fact_values(c, claim_bytes(c), epochs) for c in result.claims]
            out.append((result.report.lang, facts, None, time.perf_counter() - started))
        else:
            out.append(("", [], result, time.perf_counter() - started))
    return out


def normalize_items(items: Sequence[Item], now: datetime) -> list[Outcome]:
    """Normalize raw records in this process, as Outcomes."""
    return unpack(normalize_packed(items, now))


#: an Item as it travels to a child: (value, topic, partition, offset, key), plain
#: values (a pickled Place costs ~1.7 us to dump in the worker's feeder thread, which
#: waits for the GIL, and ~1.5 us to load in the child; a flat tuple ~0.2 us each)
Wire = tuple[bytes | None, str, int, int, bytes | None]


def to_wire(items: Sequence[Item]) -> list[Wire]:
    return [(value, where.topic, where.partition, where.offset, key) for value, where, key in items]


def run_packed(task: Callable[[Sequence[Item], datetime], list[Outcome]], wire: Sequence[Wire],
               now: datetime) -> list[Packed]:
    """What a child runs: `task` on the items sent, its outcomes packed for the way back
    (the default task packs as it goes)."""
    items = [(value, Place(topic, partition, offset), key) for value, topic, partition, offset, key in wire]
    if task is normalize_items:
        return normalize_packed(items, now)
    return [(o.lang, [tuple(f) for f in o.facts], o.rejection, o.seconds) for o in task(items, now)]


def unpack(packed: list[Packed]) -> list[Outcome]:
    new = tuple.__new__
    return [Outcome(lang, [new(Fact, t) for t in facts], rejection, seconds)
            for lang, facts, rejection, seconds in packed]


def _internal(value: bytes | None, where: Place, now: datetime, key: bytes | None, error: str) -> Rejection:
    return Rejection.of(reason="internal", error=f"{where}: {error}", original=value or b"",
                        topic=where.topic, partition=where.partition, offset=where.offset,
                        rejected_at=now, key=key)


def _child_init() -> None:
    """In each child: die with the worker, leave SIGINT to the worker, load the
    dictionaries and the gazetteer before the first real record, and freeze them
    (`stream.heap`)."""
    die_with_parent()
    warm()
    heap.settle()  # the dictionaries and the gazetteer: never scanned again


def die_with_parent() -> None:
    """In a child process: leave SIGINT to the parent, and ask the kernel to end this
    process when the parent dies (Linux `PR_SET_PDEATHSIG`; elsewhere a child sees the
    parent go by the EOF on its pipe)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def warm() -> None:
    """Normalize one report in each language: loads what the first record would."""
    from datetime import UTC

    from stream.models import RawReport

    now = datetime.now(UTC)
    for i, text in enumerate(("Air defence destroyed 3 drones over Kursk region overnight.",
                              "Над Курской областью сбиты 3 беспилотника.",
                              "Над Київською областю збито 3 дрони.")):
        raw = RawReport(id=f"warm-{i}", source="warm", published_at=now, text=text)
        normalize_record(raw.model_dump_json().encode(), Place("warm", 0, i), now)


def _ping() -> int:
    return 0


_F_SETPIPE_SZ = 1031  # Linux fcntl
PIPE_BYTES = 1 << 20


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Let a whole chunk, and a whole chunk's results, fit in the pipes (Linux: 64 KiB
    by default). The worker reads results and writes tasks from helper threads that
    need the GIL, which its event loop holds for up to a switch interval (5 ms) at a
    time; with small pipes a child blocks on every 64 KiB of a result until the
    worker's thread gets a turn (measured: the child idled a quarter of the time with
    work waiting). Private attributes of ProcessPoolExecutor: left alone where absent."""
    for queue_name in ("_result_queue", "_call_queue"):
        reader = getattr(getattr(pool, queue_name, None), "_reader", None)
        with contextlib.suppress(Exception):
            fcntl.fcntl(reader.fileno(), _F_SETPIPE_SZ, PIPE_BYTES)  # type: ignore[union-attr]


class Normalizer:
    """Normalizes chunks of raw records in `processes` children (0: in this process)."""

    def __init__(self, processes: int = 1, *, chunk: int = CHUNK,
                 task: Callable[[Sequence[Item], datetime], list[Outcome]] = normalize_items) -> None:
        self.processes = processes
        self.chunk = max(1, chunk)
        #: what a child runs on a chunk (a module-level function: it is pickled by name)
        self.task = task
        self._pool: ProcessPoolExecutor | None = None
        #: children lost so far (each one rebuilt the pool)
        self.broken = 0
        self._isolating = asyncio.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_child_init)
            _widen_pipes(self._pool)
        return self._pool

    async def start(self) -> None:
        """Start the children and wait until they have loaded the normalizer."""
        if self.processes:
            await asyncio.gather(*(asyncio.wrap_future(self._executor().submit(_ping))
                                   for _ in range(self.processes)))

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        """Process ids of the live children (for the memory benchmark and tests)."""
        procs = getattr(self._pool, "_processes", None) or {}
        return sorted(procs)

    def submit(self, items: Sequence[Item], now: datetime) -> list[asyncio.Future[list[Outcome]]]:
        """Queue `items` in chunks; each future gives its chunk's outcomes, in order.
        Chunks are queued at once, so the children parse the later chunks while the
        caller sends the claims of the first ones."""
        chunks = [list(items[i:i + self.chunk]) for i in range(0, len(items), self.chunk)]
        if not self.processes:
            loop = asyncio.get_running_loop()
            futs = []
            for chunk in chunks:
                fut: asyncio.Future[list[Outcome]] = loop.create_future()
                fut.set_result(self.task(chunk, now))
                futs.append(fut)
            return futs
        return [asyncio.ensure_future(self._run(chunk, now)) for chunk in chunks]

    async def _run(self, chunk: list[Item], now: datetime) -> list[Outcome]:
        try:
            return await self._call(chunk, now)
        except BrokenProcessPool:
            pass
        except Exception:  # not raised by normalize_items; a result that did not travel, say
            log.exception("normalizing a chunk in a child failed; retrying record by record")
        # A child died on this chunk or on a chunk queued with it: find the record. One
        # record at a time across the whole worker, so a death names its record.
        async with self._isolating:
            return [await self._one(item, now) for item in chunk]

    async def _one(self, item: Item, now: datetime) -> Outcome:
        value, where, key = item
        try:
            return (await self._call([item], now))[0]
        except BrokenProcessPool:
            log.error("the normalizer process died on %s: sent to the dead-letter topic", where)
            error = "the normalizer process died on this record"
        except Exception as exc:
            log.exception("normalizing %s in a child failed", where)
            error = f"the normalizer process failed: {exc!r}"
        return Outcome("", [], _internal(value, where, now, key, error), 0.0)

    async def _call(self, chunk: list[Item], now: datetime) -> list[Outcome]:
        pool = self._executor()
        try:
            fut: Future[list[Packed]] = pool.submit(run_packed, self.task, to_wire(chunk), now)
        except BrokenProcessPool:
            self._rebuild(pool)
            raise
        try:
            return unpack(await asyncio.wrap_future(fut))
        except BrokenProcessPool:
            self._rebuild(pool)
            raise

    def _rebuild(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:  # the first of the chunks that saw it break
            self.broken += 1
            log.warning("a normalizer process died; starting a new one")
            self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
