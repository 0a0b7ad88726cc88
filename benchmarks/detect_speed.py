"""Speed of the pure detectors: 50 regions x 60 days of simulated counts, observed as
the pipeline does (SET per touched region-hour), advanced every hour (live) and every
24 h (replay). Prints CPU microseconds per region-hour spent in `advance` and the rate
of `advance` calls. Run: .venv/bin/python benchmarks/detect_speed.py [prof]
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stream.detect import DetectorConfig, advance, new_state, observe
from stream.simulate.series import simulate_regions

SIM = simulate_regions(50, 60, 1)


def run(step: int) -> None:
    st = new_state(DetectorConfig())
    calls, t_adv, n_alerts = 0, 0.0, 0
    t0 = time.process_time()
    for h in range(SIM.hours):
        t = SIM.hour(h)
        for region, series in SIM.values.items():
            if series[h] or h == 0:
                ids = [f"{region}-{h}"] if series[h] else []
                st = observe(st, region=region, hour_start=t, value=series[h], claim_ids=ids)
        if h % step == step - 1:
            a = time.process_time()
            st, alerts = advance(st, now=t + timedelta(hours=1, minutes=30))
            t_adv += time.process_time() - a
            calls += 1
            n_alerts += len(alerts)
    total = time.process_time() - t0
    region_hours = SIM.hours * len(SIM.values)
    print(
        f"advance every {step:>2} h: {1e6 * t_adv / region_hours:7.1f} us/region-hour in advance, "
        f"{calls / t_adv:8.1f} advance calls/s, total {total:.1f} s CPU, {n_alerts} alert changes"
    )


def main() -> None:
    if sys.argv[1:] == ["prof"]:
        cProfile.run("run(24)", "/tmp/detect_speed.prof")  # noqa: S108 -- a local profile dump
        pstats.Stats("/tmp/detect_speed.prof").sort_stats("tottime").print_stats(25)  # noqa: S108
        return
    run(1)
    run(24)


if __name__ == "__main__":
    main()
