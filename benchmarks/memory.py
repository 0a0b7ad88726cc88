"""Peak RSS of one worker after folding N claims across 100 regions with 7-day state.

N synthetic claims (`_common.synthetic_claims`: 100 regions, 7 days of hourly,
overnight, day and 24-hour windows, relays and corrections) are produced straight
to the claims topic; then one `python -m stream worker` starts and folds the whole
claims log (as every worker does on start). Once `/healthz` says ready and
`claims_applied` reaches N, the worker's VmHWM (peak RSS) and VmRSS are read from
/proc. Target: peak RSS < 300 MB after 1,000,000 claims. The broker's RSS is printed
too (it keeps every record in memory).

    .venv/bin/python benchmarks/memory.py [--claims 1000000]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import orjson
from _common import bench_deployment, claim_records, emit, healthz, log, produce, vm_hwm_mb

from stream.settings import CLAIMS_TOPIC


def run(n: int, timeout: float) -> dict[str, Any]:
    log(f"generating {n} claims")
    keys, values = claim_records(n)
    with bench_deployment("mem") as dep:
        log("producing claims")
        produce_s = produce(dep.broker.bootstrap, dep.topic(CLAIMS_TOPIC), values, keys=keys)
        del keys, values
        worker = dep.start_worker()
        started = time.perf_counter()
        applied = 0
        while time.perf_counter() - started < timeout:
            assert worker.alive(), worker.log.read_text()[-3000:]
            doc = healthz(worker)
            applied = int(doc.get("claims_applied", 0))
            if doc.get("ready") and applied >= n:
                break
            time.sleep(0.5)
        else:
            msg = f"worker folded {applied} of {n} claims in {timeout}s"
            raise SystemExit(msg)
        fold_s = time.perf_counter() - started
        time.sleep(2.0)  # let the follower settle (web, metrics) before reading RSS
        hwm, rss = vm_hwm_mb(worker.proc.pid)
        _broker_hwm, broker_rss = vm_hwm_mb(dep.broker.process.pid)
        # What serving costs on this state (a scrape renders every region and window).
        t = time.perf_counter()
        status, body = worker.get("/api/regions?window=7d", timeout=120.0)
        regions_s = time.perf_counter() - t
        regions = len(orjson.loads(body)["regions"]) if status == 200 else None
        t = time.perf_counter()
        worker.get("/metrics", timeout=120.0)
        metrics_s = time.perf_counter() - t
        hwm_after, _ = vm_hwm_mb(worker.proc.pid)
    return {"claims": n, "regions": regions, "produce_s": produce_s, "worker_fold_s": fold_s,
            "worker_claims_per_s": n / fold_s, "peak_rss_mb": hwm, "rss_mb": rss,
            "target_met": hwm < 300, "api_regions_7d_s": regions_s, "metrics_scrape_s": metrics_s,
            "peak_rss_after_queries_mb": hwm_after, "broker_rss_mb": broker_rss, "produce": "batched_linger"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=1800.0)
    args = parser.parse_args()
    emit("memory", run(args.claims, args.timeout))


if __name__ == "__main__":
    main()
