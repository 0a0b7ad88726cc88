"""Bytes per claim of the pure aggregate state, and window query time, in-process.

Folds N synthetic claims (`_common.synthetic_claims`: 100 regions, 7 days, relays
and corrections) into one RegionState per key with `stream.aggregate.apply`, then
prints the growth of the process RSS and of the traced Python heap (tracemalloc,
`--trace`, slower) per claim and per distinct identity, and the time of
`window_stats` 1h/24h/7d on the busiest key.

    .venv/bin/python benchmarks/aggregate_memory.py [--claims 1000000] [--trace]
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from typing import Any

from _common import emit, log, synthetic_claims

from stream import aggregate


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run(n: int, trace: bool) -> dict[str, Any]:
    list(synthetic_claims(10))  # imports (gazetteer, models) are not state
    gc.collect()
    rss0 = rss_mb()
    if trace:
        tracemalloc.start()
    states: dict[str, aggregate.RegionState] = {}
    started = time.perf_counter()
    for off, claim in enumerate(synthetic_claims(n)):
        key = claim.key
        state = states.get(key) or aggregate.new_state(key)
        states[key], _ = aggregate.apply(state, claim, partition=0, offset=off)
    fold_s = time.perf_counter() - started
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0] if trace else 0
    if trace:
        tracemalloc.stop()
    rss1 = rss_mb()
    held = sum(len(s.claims) for s in states.values())
    busiest = max(states.values(), key=lambda s: len(s.claims))
    wm = datetime.fromtimestamp(busiest.watermark or 0, UTC)
    q: dict[str, float] = {}
    for name, w in (("1h", timedelta(hours=1)), ("24h", timedelta(days=1)),
                    ("7d", timedelta(days=7))):
        t = time.perf_counter()
        for _ in range(5):
            aggregate.window_stats(busiest, as_of=wm, window=w)
        q[f"window_stats_{name}_ms"] = (time.perf_counter() - t) / 5 * 1000
    # held = distinct identities (nothing is evicted within the 7 days generated)
    return {"claims": n, "held": held, "keys": len(states),
            "busiest_key_claims": len(busiest.claims), "fold_s": fold_s,
            "rss_growth_mb": rss1 - rss0, "rss_bytes_per_held_claim": (rss1 - rss0) * 2**20 / held,
            "traced_bytes_per_held_claim": traced / held if trace else None, **q}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    log(f"folding {args.claims} claims")
    emit("aggregate_memory", run(args.claims, args.trace))


if __name__ == "__main__":
    main()
