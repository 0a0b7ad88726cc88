"""Repeat the SIGKILL exactness scenario with random kill points and print how many runs were exact.

    .venv/bin/python benchmarks/crash.py [--runs 20] [--reports 20000] [--seed 1]

Each run: a fresh topic prefix on one embedded broker, two workers, N generated
reports, one worker SIGKILLed once a random 20-80% of the reports are normalized;
the run is exact when the survivor's /api/regions for every window equals the
offline ground truth. Prints one line: exact_runs=K/N plus timings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stream.broker import start_broker
from tests.integration.conftest import ARTIFACTS, Deployment
from tests.integration.scenarios import crash_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    broker = start_broker(log_path=ARTIFACTS / "tansu-crash.log")
    rng = random.Random(args.seed)
    exact = 0
    recover: list[float] = []
    try:
        for run in range(args.runs):
            seed = rng.randrange(1_000_000)
            fraction = rng.uniform(0.2, 0.8)
            with tempfile.TemporaryDirectory() as tmp:
                dep = Deployment.create(broker, Path(tmp), tag="crash")
                try:
                    result = crash_run(dep, n=args.reports, seed=seed, kill_fraction=fraction)
                finally:
                    dep.close()
            exact += result.exact
            recover.append(result.seconds_to_exact)
            print(f"run {run + 1}: seed={seed} killed_after={result.killed_after:.0%} "
                  f"exact={result.exact} seconds_after_kill={result.seconds_to_exact:.1f}"
                  + ("" if result.exact else f" diff={result.difference}"), file=sys.stderr, flush=True)
    finally:
        broker.stop()
    print(f"exact_runs={exact}/{args.runs} reports_per_run={args.reports} "
          f"median_seconds_from_kill_to_exact={statistics.median(recover):.1f}")


if __name__ == "__main__":
    main()
