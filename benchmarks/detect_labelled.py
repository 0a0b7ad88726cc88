"""Benchmark: the detector CLI's scorer on labelled public series you supply.

The project ships no third-party series. Point this at a directory of
`timestamp,value` CSV files and a labels file in the Numenta Anomaly Benchmark's
window format (`{"any/prefix/name.csv": [["start", "end"], ...], ...}`, matched
by file name) and it scores every file with `stream.detect_csv.score_series`
(exactly what `python -m stream detect` writes) and prints, per file and in
total: labelled windows with at least one alert in them, alerts (the rows with
alert 1: one per incident, where it opens) and those outside every window, per
week of data, and the median delay from a window's start to its first alert.

Run: .venv/bin/python benchmarks/detect_labelled.py --data DIR --labels windows.json
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from stream.detect_csv import parse_timestamp, score_series


@dataclass(frozen=True)
class FileResult:
    name: str
    rows: int
    weeks: float
    windows: int
    hit: int
    alerts: int
    false_alerts: int
    delays_h: list[float]
    seconds: float


def read_series(path: Path) -> list[tuple[datetime, float]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        rows = [(parse_timestamp(r[0]), float(r[1])) for r in reader if r and r[1].strip()]
    return sorted(rows, key=lambda r: r[0])


def evaluate(path: Path, windows: list[tuple[datetime, datetime]]) -> FileResult:
    rows = read_series(path)
    began = time.perf_counter()
    scored = score_series(rows)
    seconds = time.perf_counter() - began
    alerts = [r.timestamp for r in scored if r.alert]
    hit, delays = 0, []
    for w in windows:
        first = [t for t in alerts if w[0] <= t <= w[1]]
        if first:
            hit += 1
            delays.append((first[0] - w[0]).total_seconds() / 3600)
    false = [t for t in alerts if not any(w[0] <= t <= w[1] for w in windows)]
    weeks = (rows[-1][0] - rows[0][0]) / timedelta(days=7) if rows else 0.0
    n_alerts, n_false = len(alerts), len(false)
    return FileResult(path.name, len(rows), weeks, len(windows), hit, n_alerts, n_false, delays, seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="directory of timestamp,value CSV files")
    ap.add_argument("--labels", type=Path, required=True, help="NAB-style windows JSON")
    args = ap.parse_args()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    by_name = {Path(key).name: spans for key, spans in labels.items()}
    results = []
    for path in sorted(args.data.glob("*.csv")):
        if path.name not in by_name:
            print(f"{path.name}: no labels, skipped")
            continue
        spans = [(parse_timestamp(a), parse_timestamp(b)) for a, b in by_name[path.name]]
        results.append(evaluate(path, spans))
    print(
        f"{'file':<44}{'rows':>7}{'weeks':>7}{'windows hit':>13}{'alerts':>10}"
        f"{'false':>7}{'false/week':>12}{'median delay h':>16}{'s':>6}"
    )
    for r in results:
        delay = f"{statistics.median(r.delays_h):.1f}" if r.delays_h else "-"
        print(
            f"{r.name:<44}{r.rows:>7}{r.weeks:>7.1f}{r.hit:>7}/{r.windows:<5}{r.alerts:>10}"
            f"{r.false_alerts:>7}{r.false_alerts / max(r.weeks, 1e-9):>12.2f}{delay:>16}{r.seconds:>6.1f}"
        )
    if results:
        hit = sum(r.hit for r in results)
        windows = sum(r.windows for r in results)
        false = sum(r.false_alerts for r in results)
        weeks = sum(r.weeks for r in results)
        delays = [d for r in results for d in r.delays_h]
        delay = f"{statistics.median(delays):.1f}" if delays else "-"
        print(
            f"total: windows hit {hit}/{windows} ({hit / max(windows, 1):.2f}), false alerts {false} "
            f"({false / max(weeks, 1e-9):.2f} per week over {weeks:.0f} weeks), median delay {delay} h"
        )


if __name__ == "__main__":
    main()
