"""Replay speed: claims into fresh aggregates, and raw reports through normalization.

1. N synthetic claims (100 regions, 7 days of windows, relays and corrections) are
   produced to a claims topic and read back with
   `stream.replay.replay(bootstrap, topic, kind="claims")` into a fresh Engine
   (decode, apply, detect: what a worker does on start). Target: 1,000,000 < 60 s.
   The pure in-process rates of the same claims are printed beside it: decode
   (`decode_fact`) + `Engine.apply` per claim, and `Engine.apply` alone over the
   decoded facts.
2. M simulated raw reports go through `replay(..., kind="raw")` (normalization).

    .venv/bin/python benchmarks/replay.py [--claims 1000000] [--raw 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from _common import bench_deployment, claim_records, emit, log, produce, simulated_lines

from stream import heap
from stream.settings import CLAIMS_TOPIC, RAW_TOPIC


def pure_fold(values: list[bytes], limit: int) -> dict[str, float]:
    """In-process rates over the first `limit` claims: decode+apply, and apply alone
    (decode as replay does: `decode_fact`)."""
    from stream.aggregate import Fact
    from stream.pipeline import Engine, Place, decode_fact, decode_tick

    now = datetime.now(UTC)
    sample = [v for v in values[:limit] if decode_tick(v) is None]  # claims, not watermarks
    cpu = time.process_time()
    engine = Engine()
    decoded: list[Fact] = []
    for i, v in enumerate(sample):
        claim = decode_fact(v, Place("pure", 0, i), now)
        assert isinstance(claim, Fact)
        decoded.append(claim)
        engine.apply(claim, partition=0, offset=i)
    both = time.process_time() - cpu
    cpu = time.process_time()
    engine = Engine()
    for i, claim in enumerate(decoded):
        engine.apply(claim, partition=0, offset=i)
    fold = time.process_time() - cpu
    return {"pure_decode_fold_per_s_cpu": len(sample) / both, "pure_fold_per_s_cpu": len(sample) / fold}


def run(n_claims: int, n_raw: int, pure_limit: int) -> dict[str, Any]:
    from stream.replay import replay

    out: dict[str, Any] = {}
    with bench_deployment("replay") as dep:
        bs = dep.broker.bootstrap
        if n_claims:
            log(f"generating {n_claims} claims")
            keys, values, parts = claim_records(n_claims)
            log("producing claims")
            out["produce_claims_s"] = produce(bs, dep.topic(CLAIMS_TOPIC), values,
                                              keys=keys, partitions=parts)
            log("replaying claims")
            heap.settle()  # as `python -m stream replay` does
            heap.fix_mmap_threshold()
            cpu = time.process_time()
            engine, summary = asyncio.run(replay(bs, dep.topic(CLAIMS_TOPIC), kind="claims"))
            ticks = sum(p is not None for p in parts)
            out |= {"claims": summary.records - ticks, "watermarks": ticks,
                    "claims_replay_s": summary.seconds,
                    "claims_replay_cpu_s": time.process_time() - cpu,
                    "claims_per_s": (summary.records - ticks) / summary.seconds,
                    "claims_target_met": summary.records - ticks >= n_claims
                    and summary.seconds < 60 * n_claims / 1e6,
                    "outcomes": summary.outcomes, "alerts": summary.alerts, "set_aside": summary.set_aside,
                    "kept_claims": sum(len(s.claims) for s in engine.states.values())}
            del engine
            log(f"pure fold over {min(pure_limit, n_claims)} claims")
            out |= pure_fold(values, pure_limit)
            del keys, values, parts
        if n_raw:
            log(f"producing {n_raw} raw reports")
            lines = simulated_lines(n_raw, seed=5)
            produce(bs, dep.topic(RAW_TOPIC), lines)
            del lines
            log("replaying raw")
            cpu = time.process_time()
            _engine, summary = asyncio.run(replay(bs, dep.topic(RAW_TOPIC), kind="raw"))
            out |= {"raw": summary.records, "raw_replay_s": summary.seconds,
                    "raw_replay_cpu_s": time.process_time() - cpu,
                    "raw_per_s": summary.records / summary.seconds, "raw_claims": summary.claims,
                    "raw_rejected": summary.rejected}
    out["produce"] = "batched_linger"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--raw", type=int, default=100_000)
    parser.add_argument("--pure", type=int, default=200_000, help="claims in the pure in-process fold")
    args = parser.parse_args()
    emit("replay", run(args.claims, args.raw, args.pure))


if __name__ == "__main__":
    main()
