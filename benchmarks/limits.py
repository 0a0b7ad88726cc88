"""The limits of this machine the other benchmarks are compared with.

- raw aiokafka produce rate of 300-byte records to the embedded broker (batched:
  linger + 1 MiB batches, the way every benchmark produces),
- raw aiokafka consume rate of the same records (one consumer, no group),
- the pure normalize rate on one core: `stream.pipeline.normalize_record` (decode,
  validate, normalize, claims) over simulated reports; CPU time, so a busy shared
  machine slows the wall figure but not this one.

    .venv/bin/python benchmarks/limits.py [--records 200000] [--reports 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from _common import bench_broker, emit, log, produce_batched, simulated_lines

RECORD_BYTES = 300
PARTITIONS = 4


def normalize_rate(n: int, seed: int = 1, lines: list[bytes] | None = None) -> dict[str, float]:
    """Reports/s of normalize_record on one core (CPU and wall), and claims per report
    (over `lines` when given, else n simulated reports)."""
    from stream.pipeline import Normalized, Place, normalize_record

    lines = lines if lines is not None else simulated_lines(n, seed)
    n = len(lines)
    now = datetime.now(UTC)
    for i, line in enumerate(lines[:200]):  # warm the gazetteer and lemma caches
        normalize_record(line, Place("warm", 0, i), now)
    claims = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for i, line in enumerate(lines):
        result = normalize_record(line, Place("bench", 0, i), now)
        if isinstance(result, Normalized):
            claims += len(result.claims)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"normalize_per_s_cpu": n / cpu, "normalize_per_s_wall": n / wall,
            "claims_per_report": claims / n, "claims": claims}


async def kafka_rates(bootstrap: str, n: int) -> dict[str, float]:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from stream.broker import delete_topics, ensure_topics

    topic = "bench.limits"
    await ensure_topics(bootstrap, [(topic, PARTITIONS)])
    try:
        payload = b"x" * RECORD_BYTES
        values = [payload] * n
        keys = [str(i % 64).encode() for i in range(n)]
        produce_s = await produce_batched(bootstrap, topic, values, keys=keys)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                    auto_offset_reset="earliest", max_partition_fetch_bytes=4 * 1024 * 1024,
                                    fetch_max_bytes=16 * 1024 * 1024)
        await consumer.start()
        try:
            tps = [TopicPartition(topic, p) for p in range(PARTITIONS)]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            got = 0
            started = time.perf_counter()
            while got < n:
                batch = await consumer.getmany(timeout_ms=1000, max_records=50_000)
                got += sum(len(msgs) for msgs in batch.values())
            consume_s = time.perf_counter() - started
        finally:
            await consumer.stop()
    finally:
        await delete_topics(bootstrap, [topic])
    return {"produce_per_s": n / produce_s, "consume_per_s": n / consume_s}


def measure(records: int, reports: int) -> dict[str, Any]:
    with bench_broker("limits") as broker:
        log(f"produce/consume {records} records of {RECORD_BYTES} B")
        rates: dict[str, Any] = asyncio.run(kafka_rates(broker.bootstrap, records))
    log(f"normalize {reports} simulated reports")
    rates.update(normalize_rate(reports))
    del rates["claims"]
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--reports", type=int, default=3000)
    args = parser.parse_args()
    figures = measure(args.records, args.reports)
    emit("limits", {"records": args.records, "record_bytes": RECORD_BYTES, "produce": "batched_linger",
                    **figures, "reports": args.reports})


if __name__ == "__main__":
    main()
