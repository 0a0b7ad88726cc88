"""Run every benchmark script one after another and collect their lines into
benchmarks/results.json with the machine (nproc, Python, load) and the date.

Each script prints ONE line of figures on stdout (progress on stderr) and starts and
stops its own broker and workers, so they run strictly one at a time.

    .venv/bin/python benchmarks/run_all.py [--quick] [--only pipeline,latency]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from _common import load, parse_line

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

FULL: dict[str, list[str]] = {
    "limits": ["limits.py"],
    "normalize": ["normalize.py"],
    "pipeline": ["pipeline.py"],
    "replay": ["replay.py"],
    "latency": ["latency.py"],
    # a rate one worker sustains: the latency floor of the wiring (fetch waits, acks)
    "latency_low": ["latency.py", "--rate", "50", "--seconds", "60"],
    "memory": ["memory.py"],
    "alerts": ["alerts.py"],
    "crash": ["crash.py", "--runs", "3"],
}
# Tiny sizes: checks every script runs end to end, figures mean nothing.
QUICK: dict[str, list[str]] = {
    "limits": ["limits.py", "--records", "20000", "--reports", "300"],
    "normalize": ["normalize.py", "600"],
    "pipeline": ["pipeline.py", "--reports", "500", "--repeat", "1"],
    "replay": ["replay.py", "--claims", "20000", "--raw", "500", "--pure", "5000"],
    "latency": ["latency.py", "--rate", "50", "--seconds", "10", "--drain", "60"],
    "latency_low": ["latency.py", "--rate", "20", "--seconds", "5", "--drain", "60"],
    "memory": ["memory.py", "--claims", "20000"],
    "alerts": ["alerts.py", "--regions", "5", "--days", "14"],
    "crash": ["crash.py", "--runs", "1", "--reports", "2000"],
}


def run_one(name: str, argv: list[str]) -> dict[str, Any]:
    started = time.perf_counter()
    load_before = load()
    proc = subprocess.run([sys.executable, str(HERE / argv[0]), *argv[1:]], cwd=ROOT, capture_output=True,
                          text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = round(time.perf_counter() - started, 1)
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    result: dict[str, Any] = {"command": " ".join(["benchmarks/" + argv[0], *argv[1:]]),
                              "exit_code": proc.returncode, "seconds": seconds,
                              "load_before": load_before, "load_after": load()}
    if proc.returncode != 0:
        result["stderr_tail"] = proc.stderr[-2000:]
    # Our scripts print one line `name: k=v ...`; normalize/alerts/crash print their own format.
    if lines and lines[-1].startswith(f"{Path(argv[0]).stem}: "):
        result["line"] = lines[-1]
        result["figures"] = parse_line(lines[-1])[1]
    else:
        result["output"] = proc.stdout[-4000:]
    last = lines[-1] if lines else proc.stderr[-300:]
    print(f"{name} ({seconds}s, exit {proc.returncode}): {last}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (a smoke run, not figures)")
    parser.add_argument("--only", help="comma-separated subset, e.g. pipeline,latency")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    names = args.only.split(",") if args.only else list(plan)
    unknown = [n for n in names if n not in plan]
    if unknown:
        parser.error(f"unknown benchmarks {unknown}; known: {', '.join(plan)}")
    doc: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load_at_start": load()},
        "quick": args.quick, "results": {},
    }
    for name in names:
        doc["results"][name] = run_one(name, plan[name])
        args.output.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2))  # partial results survive
    failed = [n for n, r in doc["results"].items() if r["exit_code"] != 0]
    print(f"wrote {args.output}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
