"""stream.heap: freezing what is long-lived, and timing the collector's pauses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.heap import PAUSE_BUCKETS, PauseTimer, Trimmer, settle


@pytest.fixture
def restore_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_settle_freezes_what_is_alive_and_sets_the_threshold(restore_gc: None) -> None:
    kept = [Node() for _ in range(1000)]
    frozen = settle(12_345)
    assert frozen == gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold()[0] == 12_345
    # frozen objects are no longer in any generation a collection scans
    assert not any(gc.is_tracked(k) and any(o is k for o in gc.get_objects(2)) for k in kept[:5])
    settle(0)  # 0 keeps the threshold
    assert gc.get_threshold()[0] == 12_345


def test_frozen_objects_are_still_freed_by_reference_count(restore_gc: None) -> None:
    import weakref

    node = Node()
    ref = weakref.ref(node)
    settle(0)
    del node
    assert ref() is None


def test_cycles_made_after_settling_are_still_collected(restore_gc: None) -> None:
    import weakref

    settle(0)
    a, b = Node(), Node()
    a.other, b.other = b, a
    ref = weakref.ref(a)
    del a, b
    gc.collect()
    assert ref() is None


def test_pause_timer_counts_real_collections_per_generation() -> None:
    timer = PauseTimer()
    timer.install()
    try:
        timer.install()  # once only
        assert gc.callbacks.count(timer) == 1
        gc.collect(2)
        gc.collect(0)
    finally:
        timer.remove()
    assert timer not in gc.callbacks
    snap = {gen: (buckets, total) for gen, buckets, total in timer.snapshot()}
    assert snap[2][0][-1] == (float("inf"), 1)
    assert snap[0][0][-1][1] >= 1
    assert snap[2][1] > 0
    # cumulative and ending with +inf
    for buckets, _ in snap.values():
        counts = [n for _, n in buckets]
        assert counts == sorted(counts)
        assert [b for b, _ in buckets] == [*PAUSE_BUCKETS, float("inf")]


def test_pause_timer_bucket_edges() -> None:
    times = iter([0.0, 0.001, 1.0, 1.0011, 5.0, 8.0]).__next__
    timer = PauseTimer(clock=times)
    for _ in range(3):
        timer("start", {"generation": 1})
        timer("stop", {"generation": 1})
    buckets, total = next((b, t) for g, b, t in timer.snapshot() if g == 1)
    assert dict(buckets)[0.001] == 1  # 1 ms falls in le="0.001"
    assert dict(buckets)[0.0025] == 2
    assert dict(buckets)[2.5] == 2
    assert dict(buckets)[float("inf")] == 3  # 3 s: above every bound
    assert total == pytest.approx(3.0021)


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_trimmer_gives_freed_heap_pages_back_at_most_once_per_interval() -> None:
    trimmer = Trimmer()
    assert trimmer.available  # glibc, as every machine this runs on
    # 60 MB of malloc'd records (over 512 bytes: not Python's small-object allocator);
    # keeping one in a hundred, the last included, leaves free pages inside the heap,
    # which free() does not give back (only its top), as a fold leaves its fetches
    records = [bytes(700) + i.to_bytes(4, "little") for i in range(90_000)]
    kept = records[99::100]
    del records
    before = _rss_mb()
    assert trimmer.maybe(100.0, every=1.0)
    after = _rss_mb()
    assert before - after > 30, (before, after)
    assert not trimmer.maybe(100.5, every=1.0)  # within the interval
    assert trimmer.maybe(101.0, every=1.0) and trimmer.trims == 2
    assert len(kept) == 900


_BIG_BLOCKS = """
import importlib.util
import sys

spec = importlib.util.spec_from_file_location("heap", "stream/heap.py")  # not the package's imports
heap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(heap)

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

if sys.argv[1] == "fix":
    assert heap.fix_mmap_threshold()
first = b"x" * (1 << 20)  # freed: glibc's threshold rises to its size, unless fixed
del first
big, small = [], []
for i in range(100):  # fetch buffers of a megabyte, the state growing between them
    big.append(b"x" * (1 << 20))
    small.append(bytes(700) + i.to_bytes(4, "little"))
before = rss_mb()
del big
print(before - rss_mb())
"""


def _freed_mb(mode: str) -> float:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _BIG_BLOCKS, mode], capture_output=True, text=True,
                         check=True, env={"PATH": "/usr/bin:/bin"}, cwd=Path(__file__).parents[2])
    return float(out.stdout.strip())


def test_a_fixed_mmap_threshold_gives_big_blocks_back_when_freed_among_small_ones() -> None:
    # without it, the megabyte blocks come from the heap once one was freed, and their
    # pages stay resident between the small blocks allocated after them
    assert _freed_mb("dynamic") < 20
    assert _freed_mb("fix") > 80
