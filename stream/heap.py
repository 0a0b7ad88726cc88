"""How a worker's heap is garbage-collected: what is long-lived is frozen, collections
are timed.

CPython's cyclic collector scans every tracked object of the generations it collects,
and a full collection (generation 2) runs whenever the objects promoted since the
last one exceed a quarter of the long-lived ones. A worker holds two kinds of
long-lived objects the collector need never scan again: what it loaded to start
(Faust, aiokafka, pydantic schemas, the compiled normalizer's tables: several hundred
thousand objects) and the aggregate state read at start-up. Measured on
benchmarks/pipeline.py (20,000 reports on a fresh worker): each full collection took
57-78 ms, seven of them ~0.47 s of the worker's own CPU and seven stalls of its event
loop, during which the normalizer child ran dry; with the start-up objects frozen they
took 8-42 ms (0.14 s in all), and with a larger first-generation threshold the
collector's whole share fell from ~0.8 s to ~0.1 s.

`settle` collects once and freezes everything alive (`gc.freeze`: moved to a
permanent generation that collections skip; freed as usual when their reference
count drops to zero, so evicted state is still released). Only a reference cycle
that is alive when frozen and becomes garbage later is never collected: freezing
happens at start-up and once after the catch-up, not on a timer.

`PauseTimer` times each collection (`gc.callbacks`) for the
`strikestream_gc_pause_seconds` histogram, so a stall shows on the dashboards.

`fix_mmap_threshold` keeps glibc from moving its threshold for serving an allocation
with a mapping of its own: by default, each time a mapped block is freed the threshold
rises to its size (up to 32 MiB), so after the first fetch buffer of a megabyte is freed
the next ones come from the heap, among the state, and their pages stay resident after
them. Fixed at 128 KiB (glibc's starting value), a fetch's buffers are mapped and
unmapped whole. Measured on benchmarks/memory.py: peak RSS 263 MB against 276-280, RSS
after the catch-up 246 against 249-262.

`Trimmer` gives the C heap's free pages back to the system (glibc `malloc_trim`) every
so often. What a worker decodes (a claim's bytes, its JSON object: over 512 bytes,
so allocated by malloc, not by Python's small-object allocator) is freed after the
fold, among the long-lived state allocated meanwhile; glibc returns only the top of
its heap on free, so the pages in between stay resident. Measured on
benchmarks/memory.py (a catch-up of 1,000,000 claims): a trim after each fetch
brought the peak RSS from 296-302 MB to 270 MB and the RSS after it from 291-302 to
241 MB. A trim walks the heap: ~13 ms for a heap of 300 MB.

No Faust, aiokafka or prometheus_client here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import time
from collections.abc import Callable
from typing import Any, cast

#: first-generation threshold of a worker (CPython's default is 700): with 700 the
#: objects of every normalize batch and fold slice are scanned, and many promoted,
#: while they are still alive
THRESHOLD = 20_000


def settle(threshold: int = THRESHOLD) -> int:
    """Collect, freeze what is alive, and set the first-generation threshold (0 keeps
    the current one). Returns how many objects are frozen in all."""
    gc.collect()
    gc.freeze()
    if threshold > 0:
        _, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(threshold, gen1, gen2)
    return gc.get_freeze_count()


#: upper bounds (seconds) of the pause histogram's buckets
PAUSE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class PauseTimer:
    """Times each collection of this process (`gc.callbacks`) into a histogram per
    generation, read at scrape time (`snapshot`). The callback runs wherever a
    collection starts, inside any code that allocates, so it only counts into lists
    it owns: no lock is taken (a metric's lock held by the interrupted code would
    deadlock it)."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter,
                 buckets: tuple[float, ...] = PAUSE_BUCKETS) -> None:
        self.clock = clock
        self.buckets = buckets
        #: per generation: cumulative-free counts per bucket (the last: above all bounds)
        self.counts = [[0] * (len(buckets) + 1) for _ in range(3)]
        self.sums = [0.0, 0.0, 0.0]
        self._started = 0.0
        self.installed = False

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = self.clock()
            return
        seconds = self.clock() - self._started
        gen = min(max(int(info.get("generation", 0)), 0), 2)
        i = 0
        for bound in self.buckets:
            if seconds <= bound:
                break
            i += 1
        self.counts[gen][i] += 1
        self.sums[gen] += seconds

    def snapshot(self) -> list[tuple[int, list[tuple[float, int]], float]]:
        """Per generation: (generation, [(upper bound, cumulative count)...] ending with
        +inf, sum of seconds)."""
        out = []
        for gen in range(3):
            counts = list(self.counts[gen])
            cum, acc = [], 0
            for bound, n in zip((*self.buckets, float("inf")), counts, strict=True):
                acc += n
                cum.append((bound, acc))
            out.append((gen, cum, self.sums[gen]))
        return out

    def install(self) -> None:
        if not self.installed:
            gc.callbacks.append(self)
            self.installed = True

    def remove(self) -> None:
        if self.installed:
            gc.callbacks.remove(self)
            self.installed = False


#: mallopt's parameter number for the mmap threshold (glibc's malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def fix_mmap_threshold(nbytes: int = MMAP_THRESHOLD) -> bool:
    """Serve allocations of `nbytes` or more with mappings of their own, and keep it so
    (glibc `mallopt(M_MMAP_THRESHOLD)`; see the module docstring). Whether it took
    (False: another C library, or glibc refused)."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, nbytes))


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None (another C library: nothing to trim with)."""
    trim: Any = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return cast(Callable[[int], int], trim)


class Trimmer:
    """Trims the C heap (`malloc_trim(0)`) at most once per `every` seconds of the
    clock the caller passes (`maybe`)."""

    def __init__(self) -> None:
        self._trim = _malloc_trim()
        self.available = self._trim is not None
        self.last: float | None = None
        self.trims = 0

    def maybe(self, now: float, every: float) -> bool:
        """Trim if the last trim was `every` seconds or more before `now`; whether it did."""
        if self._trim is None or (self.last is not None and now - self.last < every):
            return False
        self.last = now
        self._trim(0)
        self.trims += 1
        return True
