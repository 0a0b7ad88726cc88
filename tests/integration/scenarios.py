"""Scenarios shared by the integration tests and benchmarks/crash.py."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from prometheus_client.parser import text_string_to_metric_families

from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.settings import RAW_TOPIC
from stream.simulate.reports import simulate_reports
from stream.web import readmodel

from .conftest import Deployment, Worker, produce

START = datetime(2025, 1, 1, tzinfo=UTC)


def generated_reports(n: int, seed: int) -> list[bytes]:
    """n simulated raw reports (relays, corrections, overlapping windows), ~600 a day."""
    return [orjson.dumps(s.raw) for s in simulate_reports(n, seed=seed, start=START, intensity=30)]


def offline_fold(lines: list[bytes]) -> Engine:
    """Ground truth: the same pure steps, in one process, in input order."""
    engine = Engine()
    now = datetime.now(UTC)
    for n, line in enumerate(lines):
        result = normalize_record(line, Place("offline", 0, n), now)
        if isinstance(result, Normalized):
            engine.apply_all(result.claims)
    return engine


def expected_docs(engine: Engine) -> dict[str, Any]:
    return {w: orjson.loads(orjson.dumps(readmodel.regions_doc(engine, w))) for w in readmodel.WINDOWS}


def live_docs(worker: Worker) -> dict[str, Any]:
    return {w: worker.json(f"/api/regions?window={w}") for w in readmodel.WINDOWS}


def reports_counted(worker: Worker) -> float:
    try:
        status, body = worker.get("/metrics", timeout=2.0)
    except OSError:
        return 0.0
    if status != 200:
        return 0.0
    return sum(s.value for f in text_string_to_metric_families(body.decode())
               for s in f.samples if s.name == "strikestream_reports_total")


def first_difference(a: dict[str, Any], b: dict[str, Any], path: str = "") -> str:
    """Human-readable first difference between two JSON documents."""
    for key in sorted(set(a) | set(b), key=str):
        if key not in a or key not in b:
            return f"{path}/{key}: only in {'live' if key in a else 'expected'}"
        va, vb = a[key], b[key]
        if isinstance(va, dict) and isinstance(vb, dict):
            diff = first_difference(va, vb, f"{path}/{key}")
            if diff:
                return diff
        elif va != vb:
            return f"{path}/{key}: live={str(va)[:200]} expected={str(vb)[:200]}"
    return ""


@dataclass
class CrashResult:
    exact: bool
    killed_after: float
    seconds_to_exact: float
    difference: str


def crash_run(dep: Deployment, *, n: int, seed: int, kill_fraction: float, timeout: float = 300.0,
              expected: dict[str, Any] | None = None) -> CrashResult:
    """Two workers; SIGKILL one once `kill_fraction` of the reports are normalized;
    return whether the survivor's aggregates equal the offline ground truth."""
    lines = generated_reports(n, seed)
    expected = expected or expected_docs(offline_fold(lines))
    workers = [dep.start_worker(), dep.start_worker()]
    for w in workers:
        w.wait_ready()
    time.sleep(3.0)  # let the group settle so both workers own raw partitions
    asyncio.run(produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), lines))
    rng = random.Random(seed)
    victim, survivor = rng.sample(workers, 2)
    deadline = time.monotonic() + timeout
    done = 0.0
    while time.monotonic() < deadline:
        done = sum(reports_counted(w) for w in workers)
        if done >= kill_fraction * n:
            break
        time.sleep(0.05)
    victim.kill()
    killed_at = time.monotonic()
    diff = "no answer"
    while time.monotonic() < deadline:
        try:
            live = live_docs(survivor)
        except (OSError, AssertionError):
            time.sleep(1.0)
            continue
        diff = first_difference(live, expected)
        if not diff:
            return CrashResult(True, done / n, time.monotonic() - killed_at, "")
        time.sleep(1.0)
    return CrashResult(False, done / n, time.monotonic() - killed_at, diff)
