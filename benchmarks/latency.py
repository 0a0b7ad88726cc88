"""Report-to-claim, report-to-aggregate and report-to-alert latency at a steady rate.

Produces simulated reports at a steady `--rate` for `--seconds` to the raw topic of
one worker (produces are batched: `--linger-ms`, so a report waits up to that long in
the producer; that wait is inside the figures. The embedded broker's fetch cost grows
with every record batch a partition holds, so one-record batches, which a 5 ms linger
gives at 500 reports/s over 4 partitions, slow every consumer more each minute: see
../shared/notes/broker.md). Meanwhile this process
- reads `strikes.claims.v1` after the run: a report's claims are matched by report id;
  its report-to-claim latency is the CreateTime of its last claim (when the worker's
  producer took it) minus its send time;
- polls `/healthz` `claims_applied` every 50 ms: the k-th claim to arrive is folded
  once claims_applied >= k (the follower reads the same partitions); report-to-
  aggregate is the latest fold time of its claims (at least its claim time);
- subscribes to `strikes.alerts.v1`: an alert is decidable only once the event-time
  watermark (the largest claim event time folded) passes the end of the hour it
  scores (`updated_at`) plus the detectors' grace, and once its claims are in. Its
  latency is its arrival minus the later of: the send time of the FIRST report with
  a claim whose event time reaches that point (a later one may be the one that
  actually tipped it, so this errs long), and the send time of the newest report
  carrying one of its claim ids (sent before the alert). Waiting for event time to
  pass is the detectors' grace, not pipeline latency; alerts whose decision no
  report of this run made (warm-up, silences with no report) are counted apart.
Reports without claims (noise) have no aggregate effect and are not in the figures.
The embedded broker answers a parked fetch only when its wait expires (new data does
not wake it), so consumers' fetch_max_wait_ms (Faust's is fixed at 1500) adds up to
about half of it to every hop.
If the worker cannot keep up, the run stops `--drain` seconds after the last send
and prints drained=false with the pending count: the percentiles are then lower bounds.

    .venv/bin/python benchmarks/latency.py [--rate 500] [--seconds 120] [--drain 120]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import time
from datetime import datetime
from typing import Any

import orjson
from _common import (
    bench_deployment,
    cpu_seconds,
    emit,
    healthz,
    log,
    metric_samples,
    metric_sum,
    percentiles,
    simulated_lines,
    stage_ms,
    warm_up,
)

from stream.settings import ALERTS_TOPIC, CLAIMS_TOPIC, RAW_TOPIC, load_settings


class Collector:
    """Arrivals seen by this process, on one clock (time.perf_counter)."""

    def __init__(self) -> None:
        self.sent: dict[str, float] = {}
        self.claim_arrivals: list[tuple[float, str, str]] = []  # (t, report_id, claim_id)
        self.event_times: dict[str, int] = {}  # report_id -> largest claim event time (epoch s)
        self.alerts: list[tuple[float, dict[str, Any]]] = []
        self.applied: list[tuple[float, int]] = []  # (t, claims_applied)
        self.stop = False


#: the feed's producer linger: ~2.5 reports per raw partition batch at 500/s
FEED_LINGER_MS = 20
#: time.time() - time.perf_counter(): record timestamps (epoch ms) onto this process's clock
WALL_OFFSET = time.time() - time.perf_counter()



async def from_beginning(consumer: Any, topic: str) -> None:
    """Assign every partition of `topic` and rewind them to the start."""
    from aiokafka import TopicPartition

    parts = consumer.partitions_for_topic(topic) or set()
    tps = [TopicPartition(topic, p) for p in sorted(parts)]
    consumer.assign(tps)
    await consumer.seek_to_beginning(*tps)

async def read_created(bootstrap: str, topic: str, on_record: Any) -> None:
    """Read a topic to its end after the run, passing each record's CreateTime (the
    moment the worker's producer took it) on this process's clock: a consumer
    tailing the claims topic during the run would add its own fetches to the
    broker's load, which grows with every record batch it holds."""
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=100,
                                max_partition_fetch_bytes=8 * 1024 * 1024)
    await consumer.start()
    try:
        await from_beginning(consumer, topic)
        idle = 0
        while idle < 5:
            batch = await consumer.getmany(timeout_ms=300, max_records=50_000)
            idle = 0 if batch else idle + 1
            for msgs in batch.values():
                for m in msgs:
                    on_record(m.timestamp / 1000 - WALL_OFFSET, orjson.loads(m.value))
    finally:
        await consumer.stop()


async def consume(bootstrap: str, topic: str, on_record: Any, col: Collector) -> None:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=10)
    await consumer.start()
    try:
        await from_beginning(consumer, topic)
        while not col.stop:
            batch = await consumer.getmany(timeout_ms=50, max_records=10_000)
            now = time.perf_counter()
            for msgs in batch.values():
                for m in msgs:
                    on_record(now, orjson.loads(m.value))
    finally:
        await consumer.stop()


async def poll_applied(worker: Any, col: Collector) -> None:
    while not col.stop:
        doc = await asyncio.to_thread(healthz, worker)
        if "claims_applied" in doc:
            col.applied.append((time.perf_counter(), int(doc["claims_applied"])))
        await asyncio.sleep(0.05)


async def produce_steady(bootstrap: str, topic: str, lines: list[bytes], rate: float,
                         col: Collector, linger_ms: int) -> float:
    from aiokafka import AIOKafkaProducer

    ids = [str(orjson.loads(x)["id"]) for x in lines]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=linger_ms, max_batch_size=1024 * 1024)
    await producer.start()
    try:
        started = time.perf_counter()
        for i, line in enumerate(lines):
            due = started + i / rate
            delay = due - time.perf_counter()
            if delay > 0.002:
                await asyncio.sleep(delay)
            col.sent[ids[i]] = time.perf_counter()
            await producer.send(topic, line, key=ids[i].encode())
        await producer.flush()
        return time.perf_counter() - started
    finally:
        await producer.stop()


def fold_times(col: Collector) -> dict[str, float]:
    """Report id -> time its last claim was folded (claims_applied reached its rank)."""
    times = [t for t, _ in col.applied]
    counts = [n for _, n in col.applied]
    # claims_applied only grows; make it monotone for bisect despite poll jitter.
    for i in range(1, len(counts)):
        counts[i] = max(counts[i], counts[i - 1])
    out: dict[str, float] = {}
    for rank, (arrived, rid, _cid) in enumerate(col.claim_arrivals, start=1):
        j = bisect.bisect_left(counts, rank)
        if j == len(counts):
            out.pop(rid, None)
            out[rid] = float("inf")
            continue
        out[rid] = max(out.get(rid, 0.0), arrived, times[j])
    return {r: t for r, t in out.items() if t != float("inf")}


def claim_event_time(claim: dict[str, Any]) -> int:
    """The worker's watermark contribution of one claim (stream.aggregate), epoch seconds."""
    from stream.aggregate.state import event_time

    def epoch(text: str) -> int:
        return int(datetime.fromisoformat(text).timestamp())

    return event_time(epoch(claim["window_end"]), epoch(claim["published_at"]))


def decided_after(col: Collector) -> tuple[list[int], list[float]]:
    """(running max of claim event time, send time) over the reports in send order: the
    first report that brought the watermark to T is at bisect_left(running, T)."""
    running: list[int] = []
    sends: list[float] = []
    top = -(2**62)
    for rid, sent in col.sent.items():  # insertion order = send order
        top = max(top, col.event_times.get(rid, top))
        running.append(top)
        sends.append(sent)
    return running, sends


def alert_latencies(col: Collector, grace_s: float) -> tuple[list[float], int, list[float]]:
    """(latencies from the deciding report, alerts no report of this run decided,
    latencies from the newest claim-carrying report alone: the old definition, which
    counts the wait for event time to pass the grace as latency)."""
    by_claim: dict[str, list[float]] = {}
    for _t, rid, cid in col.claim_arrivals:
        if rid in col.sent:
            by_claim.setdefault(cid, []).append(col.sent[rid])
    running, send_order = decided_after(col)
    out: list[float] = []
    from_claims: list[float] = []
    without = 0
    for arrived, alert in col.alerts:
        sends = [s for cid in alert.get("claim_ids", []) for s in by_claim.get(cid, []) if s <= arrived]
        if sends:
            from_claims.append(arrived - max(sends))
        decidable = datetime.fromisoformat(alert["updated_at"]).timestamp() + grace_s
        i = bisect.bisect_left(running, decidable)
        if i < len(running) and send_order[i] <= arrived:
            sends.append(send_order[i])
        if not sends:
            without += 1  # decided by no report of this run (warm-up, silences)
            continue
        out.append(arrived - max(sends))
    return out, without, from_claims


def by_period(col: Collector, done: dict[str, float], period: float) -> list[float]:
    """p99 report-to-aggregate ms of the reports sent in each `period` seconds of the run
    (a tail that grows with time is the worker falling behind, not a burst)."""
    if not col.sent:
        return []
    first = min(col.sent.values())
    buckets: dict[int, list[float]] = {}
    for rid, t in done.items():
        if rid in col.sent:
            buckets.setdefault(int((col.sent[rid] - first) // period), []).append(t - col.sent[rid])
    return [round(percentiles(v, (99,))["p99"] * 1000) for _, v in sorted(buckets.items())]


def ms(p: dict[str, float]) -> dict[str, float]:
    return {k: round(v * 1000, 1) for k, v in p.items()}


async def run(rate: float, seconds: float, drain: float, linger_ms: int = FEED_LINGER_MS) -> dict[str, Any]:
    n = int(rate * seconds)
    lines = simulated_lines(n, seed=3)
    grace_s = load_settings().detect_grace.total_seconds()  # the worker reads the same env
    col = Collector()
    warm_s = 0.0
    worker_cpu, broker_cpu, send_s, stages = 0.0, 0.0, 0.0, {}
    # Deployment set-up and clean-up call asyncio.run: keep them off this loop.
    cm = bench_deployment("lat")
    dep = await asyncio.to_thread(cm.__enter__)
    try:
        worker = dep.start_worker()
        await asyncio.to_thread(worker.wait_ready)
        warm_s = await asyncio.to_thread(warm_up, dep, worker)
        bs = dep.broker.bootstrap
        claims_seen: dict[str, float] = {}

        def on_claim(t: float, c: dict[str, Any]) -> None:
            if "watermark" in c:  # a watermark record (stream.pipeline.TICK_KEY), not a claim
                return
            rid = c["report_id"]
            col.claim_arrivals.append((t, rid, c["claim_id"]))
            claims_seen[rid] = max(t, claims_seen.get(rid, t))
            et = claim_event_time(c)
            if et > col.event_times.get(rid, -(2**62)):
                col.event_times[rid] = et

        tasks = [asyncio.create_task(consume(bs, dep.topic(ALERTS_TOPIC),
                                             lambda t, a: col.alerts.append((t, a)), col)),
                 asyncio.create_task(poll_applied(worker, col))]
        await asyncio.sleep(1.0)  # consumers assigned before the first send
        log(f"producing {n} reports at {rate}/s")
        samples0 = await asyncio.to_thread(metric_samples, worker)
        cpu0, broker0 = cpu_seconds(worker.proc.pid), cpu_seconds(dep.broker.process.pid)
        send_s = await produce_steady(bs, dep.topic(RAW_TOPIC), lines, rate, col, linger_ms)
        worker_cpu = cpu_seconds(worker.proc.pid) - cpu0
        broker_cpu = cpu_seconds(dep.broker.process.pid) - broker0
        log(f"sent in {send_s:.1f}s; draining")
        deadline = time.perf_counter() + drain
        pending = n
        while time.perf_counter() < deadline:
            samples = await asyncio.to_thread(metric_samples, worker)
            done = sum(metric_sum(samples, f"strikestream_{m}_total") for m in ("reports", "dlq"))
            claims = metric_sum(samples, "strikestream_claims_total")
            pending = int(n - done)
            if pending <= 0 and col.applied and col.applied[-1][1] >= claims:
                break
            await asyncio.sleep(2.0)  # a /metrics scrape costs the worker tens of ms
        stages = stage_ms(await asyncio.to_thread(metric_samples, worker), since=samples0)
        await asyncio.sleep(0.5)
        col.stop = True
        await asyncio.gather(*tasks)
        await read_created(bs, dep.topic(CLAIMS_TOPIC), on_claim)
        col.claim_arrivals.sort()  # claims in the order the worker produced them
    finally:
        col.stop = True
        await asyncio.to_thread(cm.__exit__, None, None, None)
    to_claim = [claims_seen[r] - col.sent[r] for r in claims_seen if r in col.sent]
    folded_at = fold_times(col)
    to_agg = [t - col.sent[r] for r, t in folded_at.items() if r in col.sent]
    to_alert, alerts_without, from_claims = alert_latencies(col, grace_s)
    return {
        "warmup_s": warm_s, "rate": rate, "seconds": seconds, "sent": n, "send_s": send_s,
        "produce": f"batched_linger_{linger_ms}ms",
        "drained": pending <= 0, "pending_reports": max(0, pending),
        "reports_with_claims": len(to_claim), "report_to_claim_ms": ms(percentiles(to_claim)),
        "report_to_aggregate_ms": ms(percentiles(to_agg)), "aggregate_matched": len(to_agg),
        "report_to_alert_ms": ms(percentiles(to_alert)), "alerts": len(col.alerts),
        "alerts_timed": len(to_alert), "alerts_without_report": alerts_without,
        "alert_latency": "from_deciding_report", "grace_min": grace_s / 60,
        "report_to_alert_from_claims_ms": ms(percentiles(from_claims)),
        "worker_cpu_share": worker_cpu / send_s, "broker_cpu_share": broker_cpu / send_s, "stages_ms": stages,
        "aggregate_p99_ms_by_30s": by_period(col, folded_at, 30.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--drain", type=float, default=120.0)
    parser.add_argument("--linger-ms", type=int, default=FEED_LINGER_MS, help="the feed producer's linger")
    args = parser.parse_args()
    emit("latency", asyncio.run(run(args.rate, args.seconds, args.drain, args.linger_ms)))


if __name__ == "__main__":
    main()
