"""Shared helpers of the benchmark scripts: broker + deployment, batched produce,
simulated input, worker metrics, and the one-line output every script prints.

Every script starts its own embedded broker (`bench_deployment`), runs its workers
through `tests.integration.conftest.Deployment`, and deletes its topics and stops
the broker on the way out, so one script never measures another's leftovers.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # scripts run as `python benchmarks/x.py`
    sys.path.insert(0, str(ROOT))

from stream.broker import EmbeddedBroker, start_broker  # noqa: E402
from tests.integration.conftest import ARTIFACTS, Deployment, Worker  # noqa: E402

#: Simulated reports start here: far enough in the past that no report is
#: "published in the future" (the pipeline rejects those).
SIM_START = datetime(2025, 1, 1, tzinfo=UTC)
#: Producers batch (linger) in every benchmark: one-record batches slow the
#: embedded broker's tail fetches (see ../shared/notes/broker.md).
LINGER_MS = 5
#: records a producer adds between turns of the event loop (see `produce_batched`)
YIELD_EVERY = 200


CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_times(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of a process (and its reaped children) from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return ((int(fields[11]) + int(fields[13])) / CLK_TCK, (int(fields[12]) + int(fields[14])) / CLK_TCK)


def cpu_seconds(pid: int) -> float:
    """user + system CPU seconds of a process (and its reaped children) from /proc."""
    return sum(cpu_times(pid))


def descendants(pid: int) -> list[int]:
    """Live child processes of `pid`, recursively (e.g. process pools)."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                kids = [int(x) for x in task.read_text().split()]
                out += kids
                todo += kids
    return out


def tree_cpu_times(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of a process and its live descendants."""
    user = system = 0.0
    for p in (pid, *descendants(pid)):
        with contextlib.suppress(OSError):
            u, s = cpu_times(p)
            user, system = user + u, system + s
    return user, system


def load() -> str:
    """1/5/15-minute load averages: the machine is shared, figures depend on it."""
    a, b, c = os.getloadavg()
    return f"{a:.2f}/{b:.2f}/{c:.2f}"


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"
    if isinstance(value, dict | list):
        return orjson.dumps(value).decode()  # compact: no spaces, one token
    return str(value)


def emit(name: str, figures: dict[str, Any]) -> str:
    """Print the script's one line: `name: k=v k=v ... load=1m/5m/15m nproc=N`."""
    figures = {**figures, "load": load(), "nproc": os.cpu_count()}
    line = f"{name}: " + " ".join(f"{k}={fmt(v)}" for k, v in figures.items())
    print(line, flush=True)
    return line


def parse_line(line: str) -> tuple[str, dict[str, Any]]:
    """Inverse of `emit` (values that parse as JSON come back typed)."""
    name, _, rest = line.partition(": ")
    out: dict[str, Any] = {}
    for tok in rest.split():
        key, _, val = tok.partition("=")
        try:
            out[key] = orjson.loads(val)
        except orjson.JSONDecodeError:
            out[key] = val
    return name, out


def log(msg: str) -> None:
    """Progress goes to stderr; stdout carries only the result line."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def trimmed(data: bytes) -> bytes:
    """An exact-size copy: orjson >= 3.12 returns bytes whose allocation is never
    trimmed (>= 4 KiB each), so a list of a million of them would take gigabytes."""
    return bytes(memoryview(data))


def simulated_lines(n: int, seed: int = 1) -> list[bytes]:
    """n simulated raw reports (~600 a day, relays, corrections) as JSON bytes."""
    from stream.simulate.reports import simulate_reports

    reports = simulate_reports(n, seed=seed, start=SIM_START, intensity=30)
    return [trimmed(orjson.dumps(s.raw)) for s in reports]


def report_id(line: bytes) -> str:
    return str(orjson.loads(line)["id"])


@contextlib.contextmanager
def bench_broker(tag: str) -> Iterator[EmbeddedBroker]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    broker = start_broker(log_path=ARTIFACTS / f"tansu-bench-{tag}.log")
    try:
        yield broker
    finally:
        broker.stop()


@contextlib.contextmanager
def bench_deployment(tag: str) -> Iterator[Deployment]:
    """A fresh embedded broker with the service's topics; workers and broker end with it."""
    with bench_broker(tag) as broker, tempfile.TemporaryDirectory() as tmp:
        dep = Deployment.create(broker, Path(tmp), tag=tag)
        try:
            yield dep
        finally:
            dep.close()


async def produce_batched(bootstrap: str, topic: str, values: Sequence[bytes], *,
                          keys: Sequence[bytes | None] | None = None,
                          partitions: Sequence[int | None] | None = None, linger_ms: int = LINGER_MS,
                          max_batch_size: int = 1024 * 1024) -> float:
    """Send everything with a lingering producer; return seconds until all are acked.
    `partitions`: an explicit partition per record (None: by key). The sends give the
    producer's own task a turn every `YIELD_EVERY` records, so record batches go out
    as they fill and the first reports are on the topic within milliseconds (without
    a turn, nothing is sent until every record has been added, ~0.2 s for 20,000)."""
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=linger_ms,
                                max_batch_size=max_batch_size, max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        started = time.perf_counter()
        futs = []
        for i, v in enumerate(values):
            futs.append(await producer.send(topic, v, key=keys[i] if keys else None,
                                            partition=partitions[i] if partitions else None))
            if i % YIELD_EVERY == YIELD_EVERY - 1:
                await asyncio.sleep(0)
        await producer.flush()
        for f in futs:
            await f
        return time.perf_counter() - started
    finally:
        await producer.stop()


def produce(bootstrap: str, topic: str, values: Sequence[bytes], **kw: Any) -> float:
    return asyncio.run(produce_batched(bootstrap, topic, values, **kw))


def metric_samples(worker: Worker) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """The worker's /metrics as {(sample name, sorted labels): value}."""
    from prometheus_client.parser import text_string_to_metric_families

    status, body = worker.get("/metrics", timeout=10.0)
    if status != 200:
        return {}
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for f in text_string_to_metric_families(body.decode()) for s in f.samples}


def metric_sum(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str) -> float:
    return sum(v for (n, _), v in samples.items() if n == name)


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def stage_ms(samples: Samples, since: Samples | None = None) -> dict[str, Any]:
    """Per stage of strikestream_processing_seconds (minus `since`): observations,
    total seconds and mean ms per observation."""
    out: dict[str, Any] = {}
    base = since or {}
    for (name, labels), count in samples.items():
        if name != "strikestream_processing_seconds_count":
            continue
        stage = dict(labels)["stage"]
        value = count - base.get((name, labels), 0.0)
        key = ("strikestream_processing_seconds_sum", labels)
        total = samples.get(key, 0.0) - base.get(key, 0.0)
        out[stage] = {"n": int(value), "total_s": round(total, 2),
                      "mean_ms": round(1000 * total / value, 3) if value else None}
    return dict(sorted(out.items()))


def warm_up(dep: Deployment, worker: Worker, n: int = 30, timeout: float = 120.0) -> float:
    """Send n reports of another stream and wait until they are counted: the worker
    builds its gazetteer and lemma caches on the first report (a one-off cost)."""
    from stream.settings import RAW_TOPIC
    from stream.simulate.reports import simulate_reports

    lines = [orjson.dumps(s.raw) for s in simulate_reports(n, seed=99, start=SIM_START, intensity=30,
                                                            id_prefix="warm-")]
    started = time.perf_counter()
    produce(dep.broker.bootstrap, dep.topic(RAW_TOPIC), lines)
    while time.perf_counter() - started < timeout:
        samples = metric_samples(worker)
        done = sum(metric_sum(samples, f"strikestream_{m}_total") for m in ("reports", "dlq"))
        claims = metric_sum(samples, "strikestream_claims_total")
        if done >= n and healthz(worker).get("claims_applied", 0) >= claims:
            return time.perf_counter() - started
        time.sleep(0.2)
    msg = f"worker did not process {n} warm-up reports in {timeout}s"
    raise RuntimeError(msg)


def healthz(worker: Worker) -> dict[str, Any]:
    try:
        _, body = worker.get("/healthz", timeout=5.0)
        return dict(orjson.loads(body))
    except (OSError, orjson.JSONDecodeError):
        return {}


def vm_hwm_mb(pid: int) -> tuple[float, float]:
    """(peak RSS VmHWM, current RSS VmRSS) of a process in MB, from /proc."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, val = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            fields[key] = int(val.split()[0]) / 1024
    return fields.get("VmHWM", 0.0), fields.get("VmRSS", 0.0)


def percentiles(values: Sequence[float], ps: Sequence[float] = (50, 95, 99)) -> dict[str, float]:
    """Nearest-rank percentiles (no interpolation: every figure is a measured value)."""
    if not values:
        return {f"p{p:g}": float("nan") for p in ps}
    ordered = sorted(values)
    out = {}
    for p in ps:
        rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
        out[f"p{p:g}"] = ordered[rank - 1]
    return out


# --------------------------------------------------------------------------- synthetic claims

CLAIM_START = datetime(2025, 3, 1, tzinfo=UTC)
_CLAIMANTS = ("ru-mod", "ua-military", "ru-official", "ua-official", "other")
_WEAPONS = ("drone", "missile", "glide_bomb")
_MEASURES = ("launched", "intercepted", "suppressed")
_DAMAGE = ("residential", "fire", "energy", "fuel", "transport", "industrial", "military", "other")
_SOURCES = tuple(f"outlet-{i}" for i in range(12))
_EXCERPT = ("Air defence systems intercepted and destroyed drones over the region overnight, "
            "the governor said, adding that debris damaged several private houses.")


def bench_regions(n: int = 100) -> list[str]:
    """n region codes of Russia and Ukraine (the busiest first: the gazetteer's order)."""
    from stream.regions.codes import all_region_codes

    codes = [c for c in all_region_codes() if c.startswith(("RU-", "UA-"))]
    return codes[:n]


def synthetic_claims(n: int, *, regions: int = 100, days: int = 7, seed: int = 11) -> Iterator[Any]:
    """n Claims across `regions` regions over `days` days of reporting windows, in
    time order: hourly posts, overnight/day bulletins and 24-hour summaries (which
    nest, so window reconciliation works), from five claimants; about one claim in
    three repeats an identity already seen (relay, duplicate or correction).
    Each is published at its place in the feed (within half an hour of it), or when
    its window ends if that is later, so the feed is roughly in publication order, as
    a live one is (a summary of the day before comes in the next day); none is late."""
    import random
    from datetime import timedelta

    from stream.claims import casualties_id, count_id, damage_id, side_of
    from stream.models import Claim

    rng = random.Random(seed)
    codes = bench_regions(regions)
    span_s = days * 86400
    recent: list[Claim] = []  # relays repeat one of the latest claims from another outlet
    for i in range(n):
        if recent and rng.random() < 0.3:
            orig = rng.choice(recent)
            yield orig.model_copy(update={
                "source": rng.choice(_SOURCES), "report_id": f"syn-{i // 3}",
                "published_at": orig.published_at + timedelta(seconds=rng.randrange(7200))})
            continue
        t = CLAIM_START + timedelta(seconds=span_s * i / n)
        day = t.replace(hour=0, minute=0, second=0, microsecond=0)
        shape = rng.random()
        if shape < 0.6:  # an hourly post within the last few hours
            ws = t.replace(minute=0, second=0, microsecond=0) - timedelta(hours=rng.randrange(6))
            we = ws + timedelta(hours=1)
        elif shape < 0.75:  # overnight 20:00-07:00
            ws, we = day - timedelta(hours=4), day + timedelta(hours=7)
        elif shape < 0.9:  # day 07:00-20:00 of the previous day
            ws, we = day - timedelta(hours=17), day - timedelta(hours=4)
        else:  # 24-hour summary ending 07:00
            ws, we = day - timedelta(hours=17), day + timedelta(hours=7)
        region = rng.choice(codes)
        claimant = rng.choice(_CLAIMANTS)
        kind = rng.random()
        source = rng.choice(_SOURCES)
        published = max(t, we) + timedelta(seconds=rng.randrange(1800))
        common = {"report_id": f"syn-{i // 3}", "source": source, "lang": "en", "published_at": published,
                  "claimant": claimant, "region": region, "window_start": ws, "window_end": we,
                  "span": (0, 20), "excerpt": _EXCERPT, "parser_version": "bench"}
        if kind < 0.8:
            weapon, measure = rng.choice(_WEAPONS), rng.choice(_MEASURES)
            cid = count_id(claimant, ws, we, region, weapon, measure)  # type: ignore[arg-type]
            # a value fixed per identity, corrected in one claim of ten
            count = 1 + int(cid[:4], 16) % 40 + (rng.randrange(1, 5) if rng.random() < 0.1 else 0)
            claim = Claim(claim_id=cid, kind="count", weapon=weapon, measure=measure, count=count, **common)
        elif kind < 0.9:
            dk = rng.choice(_DAMAGE)
            claim = Claim(claim_id=damage_id(region, dk, ws, we), kind="damage", damage_kind=dk, **common)  # type: ignore[arg-type]
        else:
            cid = casualties_id(side_of(claimant), region, ws, we)  # type: ignore[arg-type]
            claim = Claim(claim_id=cid, kind="casualties", killed=int(cid[:2], 16) % 3,
                          injured=1 + int(cid[2:4], 16) % 5, **common)
        recent.append(claim)
        if len(recent) > 2000:
            del recent[:1000]
        yield claim


def claim_records(n: int, *, partitions: int | None = None, batch: int = 500,
                  **kw: Any) -> tuple[list[bytes], list[bytes], list[int | None]]:
    """(keys, values, partitions) of n synthetic claims as the normalize agent writes
    them: the claims of `batch` at a time, then a watermark record in each of the
    claims topic's `partitions` (default: as the service creates it) when it enters a
    new hour. A watermark says what a writer reading reports in publication order
    would: it is at most the latest event time written, and no later claim was
    published before it (the claims are generated in window order, not publication
    order: a 24-hour summary is published up to six hours after the hourly posts
    after it)."""
    from stream.agents import claim_bytes
    from stream.aggregate import claim_event_time
    from stream.pipeline import TICK_KEY, tick_bytes
    from stream.settings import load_settings

    if partitions is None:
        partitions = load_settings().claims_partitions

    claim_keys: list[bytes] = []
    claim_values: list[bytes] = []
    events: list[float] = []
    published: list[float] = []
    for claim in synthetic_claims(n, **kw):
        claim_keys.append(claim.key.encode())
        claim_values.append(trimmed(claim_bytes(claim)))
        events.append(claim_event_time(claim).timestamp())
        published.append(claim.published_at.timestamp())
    after = [float("inf")] * (len(published) + 1)  # the earliest publication from i on
    for i in range(len(published) - 1, -1, -1):
        after[i] = min(published[i], after[i + 1])
    keys: list[bytes] = []
    values: list[bytes] = []
    parts: list[int | None] = []
    latest = last = None
    for i, (key, value) in enumerate(zip(claim_keys, claim_values, strict=True), 1):
        keys.append(key)
        values.append(value)
        parts.append(None)
        latest = events[i - 1] if latest is None else max(latest, events[i - 1])
        if i % batch == 0 or i == n:
            mark = min(latest, after[i])
            hour = datetime.fromtimestamp(mark - mark % 3600, UTC) if mark != float("inf") else None
            if hour is not None and (last is None or hour > last):
                for p in range(partitions):
                    keys.append(TICK_KEY)
                    values.append(tick_bytes(hour))
                    parts.append(p)
                last = hour
    return keys, values, parts
