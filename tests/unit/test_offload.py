"""The normalizer's child processes (stream.offload): the same outcomes as in-process
normalization, a record that kills a child becomes one dead letter while every other
record is normalized, and children do not outlive a killed worker."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from stream.aggregate import Fact
from stream.models import Claim
from stream.offload import Item, Normalizer, Outcome, normalize_items
from stream.pipeline import Place
from stream.simulate.reports import simulate_reports

NOW = datetime(2030, 1, 1, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _items(n: int) -> list[Item]:
    sims = simulate_reports(n, seed=11, start=datetime(2025, 3, 1, tzinfo=UTC))
    items: list[Item] = [(orjson.dumps(s.raw), Place("raw", 0, i), None) for i, s in enumerate(sims)]
    bad = [b"\xff\xfe not utf-8", b"{\"id\": 1}", None, b"[1, 2]"]
    for j, value in enumerate(bad):
        items.insert(7 * j + 3, (value, Place("raw", 1, j), b"k"))
    return items


def _view(outcomes: list[Outcome]) -> list[object]:
    return [(o.lang, [tuple(f) for f in o.facts],
             None if o.rejection is None else (o.rejection.reason, o.rejection.error, o.rejection.original))
            for o in outcomes]


async def _run(normalizer: Normalizer, items: Sequence[Item]) -> list[Outcome]:
    out: list[Outcome] = []
    for fut in normalizer.submit(items, NOW):
        out += await fut
    return out


async def test_children_give_what_this_process_gives() -> None:
    items = _items(300)
    expected = normalize_items(items, NOW)
    assert sum(o.rejection is not None for o in expected) == 4
    assert sum(len(o.facts) for o in expected) > 300
    # each fact carries the bytes its claim is written as, which decode to that fact
    for o in expected:
        for f in o.facts:
            assert isinstance(f.origin, bytes)
            assert Fact.of(Claim.model_validate_json(f.origin)).fields() == f.fields()
    pool = Normalizer(2, chunk=37)
    try:
        await pool.start()
        assert len(pool.pids()) == 2
        assert all(pid != os.getpid() for pid in pool.pids())
        got = await _run(pool, items)
    finally:
        pool.close()
    assert _view(got) == _view(expected)
    assert pool.broken == 0
    inline = await _run(Normalizer(0), items)
    assert _view(inline) == _view(expected)


def crash_on_poison(items: Sequence[Item], now: datetime) -> list[Outcome]:
    """A child task that dies (as a crash in compiled code would) on one record."""
    if any(value == b"POISON" for value, _, _ in items):
        os._exit(7)
    return normalize_items(items, now)


async def test_a_record_that_kills_the_child_is_dead_lettered_alone() -> None:
    items = _items(60)
    poison: Item = (b"POISON", Place("raw", 2, 99), b"key")
    items.insert(25, poison)
    pool = Normalizer(1, chunk=20, task=crash_on_poison)
    try:
        got = await _run(pool, items)
        after = await _run(pool, items[:10])  # the rebuilt pool keeps working
    finally:
        pool.close()
    assert len(got) == len(items)
    dead = [o for o in got if o.rejection is not None and o.rejection.reason == "internal"]
    assert len(dead) == 1
    rej = dead[0].rejection
    assert rej is not None
    assert (rej.partition, rej.offset, base64.b64decode(rej.original)) == (2, 99, b"POISON")
    assert "died" in rej.error
    others = [o for item, o in zip(items, got, strict=True) if item is not poison]
    assert _view(others) == _view(normalize_items([i for i in items if i is not poison], NOW))
    assert _view(after) == _view(normalize_items(items[:10], NOW))
    assert pool.broken >= 1


SCRIPT = """
import asyncio, os, sys
from stream.aggregate import Fact
from stream.models import Claim
from stream.offload import Normalizer

async def main():
    pool = Normalizer(1)
    await pool.start()
    print(*pool.pids(), flush=True)
    sys.stdin.readline()  # until the test has the pid; then killed

asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_children_end_when_the_worker_is_killed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 1 and _alive(pids[0])
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 10
        while _alive(pids[0]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pids[0])
    finally:
        proc.kill()


def test_a_worker_that_does_not_normalize_never_loads_the_normalizer() -> None:
    # importing stream.normalize loads ~45 MB of morphology dictionaries: only the
    # normalizer's children (or a worker with STREAM_NORMALIZE_PROCESSES=0) need it
    code = ("import sys; import stream.cli, stream.service, stream.agents, stream.offload, stream.replay; "
            "print('stream.normalize' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_items_travel_as_plain_values_and_arrive_with_their_place() -> None:
    """What is pickled to a child holds no Place (slow to pickle); the child's task
    gets the same items back, Place and all."""
    import pickle

    from stream.offload import run_packed, to_wire

    items = _items(3)
    wire = to_wire(items)
    assert b"Place" not in pickle.dumps(wire, pickle.HIGHEST_PROTOCOL)
    seen: list[Item] = []

    def record(got: Sequence[Item], now: datetime) -> list[Outcome]:
        seen.extend(got)
        return normalize_items(got, now)

    now = datetime(2025, 6, 1, tzinfo=UTC)
    packed = run_packed(record, pickle.loads(pickle.dumps(wire, pickle.HIGHEST_PROTOCOL)), now)  # noqa: S301 (our own bytes)
    assert seen == items
    assert [p[0] for p in packed] == [o.lang for o in normalize_items(items, now)]


def test_packed_facts_are_the_facts_of_the_claims_with_their_bytes() -> None:
    """What a child sends for each claim is exactly `Fact.of(claim)` with the claim's
    bytes as origin (epochs memoized across a report's claims change nothing)."""
    from stream.aggregate.fact import fact_values
    from stream.offload import normalize_packed
    from stream.pipeline import Normalized, claim_bytes, decode_fact, normalize_record

    now = datetime(2025, 6, 1, tzinfo=UTC)
    items = _items(300)
    packed = normalize_packed(items, now)
    n = 0
    for (value, where, key), (lang, facts, rejection, _) in zip(items, packed, strict=True):
        result = normalize_record(value, where, now, key)
        if not isinstance(result, Normalized):  # the bad records among the items
            assert (lang, facts, rejection) == ("", [], result)
            continue
        assert rejection is None and lang == result.report.lang
        want = [(*Fact.of(c)[:-1], claim_bytes(c)) for c in result.claims]
        assert facts == want
        assert all(type(f) is tuple for f in facts)  # plain tuples travel
        n += len(facts)
        for c, f in zip(result.claims, facts, strict=True):
            # the same fact as the follower gets decoding the bytes from the log
            decoded = decode_fact(f[-1], where, now)
            assert isinstance(decoded, Fact) and decoded.fields() == tuple(f[:-1])
            assert fact_values(c, None)[-1] is None
    assert n > 300
