"""Peak RSS of one worker after folding N claims across 100 regions with 7-day state.

N synthetic claims (`_common.synthetic_claims`: 100 regions, 7 days of hourly,
overnight, day and 24-hour windows, relays and corrections) are produced straight
to the claims topic; then one `python -m stream worker` starts and folds the whole
claims log (as every worker does on start). Once `/healthz` says ready and
`claims_applied` reaches N, the VmHWM (peak RSS) and VmRSS of the worker's whole
process tree are read from /proc: `main_peak_rss_mb` is the worker process,
`child_peak_rss_mb` each live descendant (e.g. a normalizer process), and
`peak_rss_mb` their sum, the figure the target applies to: < 300 MB after
1,000,000 claims. (A child's VmHWM is its own peak; the peaks of different
processes need not coincide, so the sum is an upper bound of the tree's peak.)
The broker's RSS is printed too (it keeps every record in memory).

    .venv/bin/python benchmarks/memory.py [--claims 1000000]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from pathlib import Path
from typing import Any

import orjson
from _common import bench_deployment, claim_records, emit, healthz, log, produce, vm_hwm_mb

from stream.settings import CLAIMS_TOPIC


def children(pid: int) -> list[int]:
    """Live descendants of `pid`, recursively, from /proc/<pid>/task/*/children."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                kids = [int(x) for x in task.read_text().split()]
                out += kids
                todo += kids
    return sorted(set(out))


def tree_mb(pid: int) -> tuple[float, float, dict[int, float], float]:
    """(main VmHWM, main VmRSS, {child pid: VmHWM}, summed VmRSS) of a process tree in MB."""
    hwm, main_rss = vm_hwm_mb(pid)
    rss = main_rss
    kids: dict[int, float] = {}
    for kid in children(pid):
        with contextlib.suppress(OSError):  # a child may exit between listing and reading
            k_hwm, k_rss = vm_hwm_mb(kid)
            kids[kid] = k_hwm
            rss += k_rss
    return hwm, main_rss, kids, rss


def run(n: int, timeout: float) -> dict[str, Any]:
    log(f"generating {n} claims")
    keys, values, parts = claim_records(n)
    with bench_deployment("mem") as dep:
        log("producing claims")
        produce_s = produce(dep.broker.bootstrap, dep.topic(CLAIMS_TOPIC), values,
                            keys=keys, partitions=parts)
        del keys, values, parts
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
        main_hwm, main_rss, kids, rss = tree_mb(worker.proc.pid)
        hwm = main_hwm + sum(kids.values())
        _broker_hwm, broker_rss = vm_hwm_mb(dep.broker.process.pid)
        # What serving costs on this state (a scrape renders every region and window).
        t = time.perf_counter()
        status, body = worker.get("/api/regions?window=7d", timeout=120.0)
        regions_s = time.perf_counter() - t
        regions = len(orjson.loads(body)["regions"]) if status == 200 else None
        t = time.perf_counter()
        worker.get("/metrics", timeout=120.0)
        metrics_s = time.perf_counter() - t
        main_after, _, kids_after, _ = tree_mb(worker.proc.pid)
        hwm_after = main_after + sum(kids_after.values())
    return {"claims": n, "regions": regions, "produce_s": produce_s, "worker_fold_s": fold_s,
            "worker_claims_per_s": n / fold_s, "peak_rss_mb": hwm, "rss_mb": rss,
            "main_peak_rss_mb": main_hwm, "main_rss_mb": main_rss,
            "child_peak_rss_mb": [round(v, 1) for _pid, v in sorted(kids.items())],
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
