"""Benchmark: strikestream detectors vs EARS C1/C2/C3 on simulated region-months.

Prints, per event kind, event-level recall, median detection delay, and per
alert kind precision and false alerts per region-week. Our thresholds come from
the false-alert budget in DetectorConfig; EARS thresholds are calibrated on a
*separate* simulation (another seed) to the same budget, so the comparison is at
equal false-alert rates. Each scenario starts with a bound on step-rise recall
and delay: a CUSUM for the doubling that knows the true baseline (mean, NB size,
zeros; only the onset is unknown), spending the whole budget on rises.
Run: .venv/bin/python benchmarks/alerts.py [--regions N --days D]
[--quick: ours at its nominal budget and the oracle only]
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from stream.detect import DetectorConfig, advance, new_state, observe
from stream.simulate.series import InjectedEvent, SimulatedSeries, simulate_regions

SLACK = timedelta(hours=3)
# which alert kinds detect an event kind (event-level recall)
DETECTS = {
    "surge": {"surge"},
    "step_rise": {"sustained_rise", "surge"},
    "silence": {"silence"},
    "feed_silence": {"feed_silence"},
    "first_seen": {"first_seen"},
    "mass_attack": {"mass_attack"},
}
EARS_DETECTS = {"surge", "step_rise", "mass_attack"}


@dataclass(frozen=True)
class Found:
    """One alert (incident): kind, region, open time, [start, last update]."""

    kind: str
    region: str | None
    opened: datetime
    start: datetime
    last: datetime


def run_ours(sim: SimulatedSeries, config: DetectorConfig) -> list[Found]:
    st = new_state(config)
    first: dict[str, Found] = {}
    for h in range(sim.hours):
        t = sim.hour(h)
        for region, series in sim.values.items():
            if series[h] or h == 0:
                st = observe(st, region=region, hour_start=t, value=series[h])
        if h % 24 == 23:
            st, alerts = advance(st, now=t + timedelta(hours=1, minutes=30))
            for a in alerts:
                prev = first.get(a.alert_id)
                opened = prev.opened if prev else a.updated_at
                first[a.alert_id] = Found(a.kind, a.region, opened, a.window_start, a.updated_at)
    return list(first.values())


def ears_stats(series: list[int], method: str) -> list[float]:
    """EARS C1 (baseline t-7..t-1), C2 (t-9..t-3), C3 (sum of C2 excess over 3 points)."""
    lag = 0 if method == "C1" else 2
    c: list[float] = []
    for t in range(len(series)):
        base = series[max(0, t - 7 - lag) : max(0, t - lag)]
        if len(base) < 7:
            c.append(0.0)
            continue
        m = statistics.fmean(base)
        s = max(statistics.stdev(base), 0.5)
        c.append((series[t] - m) / s)
    if method != "C3":
        return c
    return [sum(max(0.0, c[i] - 1.0) for i in range(max(0, t - 2), t + 1)) for t in range(len(c))]


def run_ears(sim: SimulatedSeries, stats: dict[str, list[float]], threshold: float) -> list[Found]:
    out = []
    for region, c in stats.items():
        start = None
        for h, v in enumerate([*c, -math.inf]):
            if v > threshold and start is None:
                start = h
            elif v <= threshold and start is not None:
                out.append(Found("ears", region, sim.hour(start + 1), sim.hour(start), sim.hour(h)))
                start = None
    return out


def is_true(alert: Found, events: list[InjectedEvent]) -> bool:
    """An alert is true if it overlaps an injected event it can be about."""
    for e in events:
        if not (alert.start <= e.end + SLACK and alert.last >= e.start):
            continue
        if alert.kind == "feed_silence" and e.kind == "feed_silence":
            return True
        if alert.kind == "mass_attack" and e.kind == "mass_attack":
            return True
    if alert.kind == "mass_attack":
        # by definition also true when >= K regions really surged together
        up = {
            e.region
            for e in events
            if e.kind in ("surge", "step_rise")
            and e.region
            and alert.start <= e.end + SLACK
            and alert.last >= e.start
        }
        return len(up) >= DetectorConfig().mass_min_regions
    for e in events:
        if not (alert.start <= e.end + SLACK and alert.last >= e.start):
            continue
        if alert.region is None and alert.kind in ("surge", "sustained_rise", "ears"):
            if e.kind in ("surge", "step_rise", "mass_attack"):
                return True  # the aggregate sees every regional rise
        elif alert.region is not None and e.kind != "feed_silence" and e.covers(alert.region):
            return True
    return False


def rate_of(sim: SimulatedSeries, e: InjectedEvent) -> float:
    return sim.profiles[e.region].rate if e.region else 0.0


def evaluate(
    sim: SimulatedSeries, alerts: list[Found], warmup: timedelta, detects: dict[str, set[str]]
) -> dict[str, object]:
    t0 = sim.start + warmup
    alerts = [a for a in alerts if a.opened > t0]
    recall: dict[str, tuple[int, int, float | None]] = {}
    strata = {kind: [e for e in sim.events if e.kind == kind] for kind in detects}
    for kind in ("surge", "step_rise"):
        if kind in detects:
            evs = strata[kind]
            strata[f"{kind} rate>=1/h"] = [e for e in evs if rate_of(sim, e) >= 1.0]
            strata[f"{kind} rate<1/h"] = [e for e in evs if rate_of(sim, e) < 1.0]
    for label, events in strata.items():
        kind = label.split()[0]
        by = detects[kind]
        if not events:
            continue
        delays = []
        for e in events:
            hits = [
                a
                for a in alerts
                if a.kind in by
                and e.start < a.opened <= e.end + SLACK
                and (
                    e.covers(a.region)
                    if e.region is not None or a.kind == "mass_attack"
                    else a.region is None
                )
            ]
            if hits:
                delays.append((min(a.opened for a in hits) - e.start).total_seconds() / 3600)
        med = statistics.median(delays) if delays else None
        recall[label] = (len(delays), len(events), med)
    weeks = len(sim.values) * (sim.hours / 24 - warmup.days) / 7
    per_kind: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    regional_false = 0
    for a in alerts:
        n, ok = per_kind[a.kind]
        true = is_true(a, sim.events)
        per_kind[a.kind] = (n + 1, ok + int(true))
        regional_false += int(a.region is not None and not true)
    return {
        "recall": recall,
        "alerts": dict(per_kind),
        "region_weeks": weeks,
        "regional_false": regional_false,
    }


def calibrate(sim: SimulatedSeries, stats: dict[str, list[float]], budget: float, warmup: timedelta) -> float:
    """Smallest threshold whose false alerts per region-week fit the budget."""
    for i in range(0, 400):
        thr = 1.0 + 0.25 * i
        res = evaluate(sim, run_ears(sim, stats, thr), warmup, {})
        n, ok = res["alerts"].get("ears", (0, 0))  # type: ignore[attr-defined]
        if (n - ok) / res["region_weeks"] <= budget:  # type: ignore[operator]
            return thr
    return math.inf


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(name: str, res: dict[str, object]) -> None:
    recall = res["recall"]
    alerts = res["alerts"]
    weeks = res["region_weeks"]
    n_all = sum(n for n, _ in alerts.values())  # type: ignore[attr-defined]
    ok_all = sum(ok for _, ok in alerts.values())  # type: ignore[attr-defined]
    regional = res.get("regional_false", n_all - ok_all)
    print(
        f"== {name}: {n_all} alerts, {n_all - ok_all} false; regional alerts: "
        f"{regional / weeks:.3f} false / region-week"
    )  # type: ignore[operator]
    print(f"   {'event kind':<22}{'recall':>14}{'precision':>11}{'F1':>7}{'median delay h':>16}")
    for kind, (hit, total, med) in recall.items():  # type: ignore[attr-defined]
        r = hit / total
        kinds = DETECTS.get(kind.split()[0], {"ears"}) if name.startswith("ours") else {"ears"}
        n = sum(alerts.get(k, (0, 0))[0] for k in kinds)  # type: ignore[attr-defined]
        ok = sum(alerts.get(k, (0, 0))[1] for k in kinds)  # type: ignore[attr-defined]
        p = ok / n if n else 1.0
        delay = f"{med:.1f}" if med is not None else "-"
        print(f"   {kind:<22}{hit:>5}/{total:<4}{r:>5.2f}{p:>11.2f}{f1(p, r):>7.2f}{delay:>16}")
    print(f"   {'alert kind':<16}{'alerts':>7}{'false':>7}{'precision':>11}{'false/region-week':>19}")
    for kind, (n, ok) in sorted(alerts.items()):  # type: ignore[attr-defined]
        print(f"   {kind:<16}{n:>7}{n - ok:>7}{ok / n:>11.2f}{(n - ok) / weeks:>19.3f}")


def _log_pmf(y: int, mu: float, size: float, zero_prob: float) -> float:
    """The simulator's own model: extra zeros, else NB(mu / (1 - z), size)."""
    m = mu / (1.0 - zero_prob)
    log_nb = (
        math.lgamma(y + size)
        - math.lgamma(size)
        - math.lgamma(y + 1)
        + size * math.log(size / (size + m))
        + y * math.log(m / (size + m))
    )
    if y == 0:
        return math.log(zero_prob + (1.0 - zero_prob) * math.exp(log_nb))
    return math.log1p(-zero_prob) + log_nb


def oracle_cusum(sim: SimulatedSeries) -> dict[str, list[tuple[float, int]]]:
    """Per region and hour, (CUSUM statistic, estimated onset) of a CUSUM for a doubling
    that knows what no detector can: the true hourly mean (drift included), NB size and
    zero share. Only the onset is unknown, as it is to any detector. For a known change
    from a known baseline the CUSUM is the optimal detector (Lorden), so at a given
    false-alert rate no detector has a shorter worst-case delay."""
    out: dict[str, list[tuple[float, int]]] = {}
    for region, ys in sim.values.items():
        prof, mus = sim.profiles[region], sim.means[region]
        stat, onset, path = 0.0, 0, []
        for h, y in enumerate(ys):
            if mus[h] > 0.0:
                z = prof.zero_prob
                stat += _log_pmf(y, 2.0 * mus[h], prof.size, z) - _log_pmf(y, mus[h], prof.size, z)
            if stat <= 0.0:
                stat, onset = 0.0, h + 1
            path.append((stat, onset))
        out[region] = path
    return out


def run_oracle(
    sim: SimulatedSeries, paths: dict[str, list[tuple[float, int]]], threshold: float
) -> list[Found]:
    """Incidents of the oracle CUSUM: open above the threshold, closed when it resets."""
    out = []
    for region, path in paths.items():
        opened = None
        for h, (stat, onset) in enumerate([*path, (0.0, len(path))]):
            if opened is None and stat > threshold:
                opened = (h, onset)
            elif opened is not None and stat <= 0.0:
                at, onset0 = opened
                out.append(Found("sustained_rise", region, sim.hour(at + 1), sim.hour(onset0), sim.hour(h)))
                opened = None
    return out


def oracle_step_rise(sim: SimulatedSeries, calib: SimulatedSeries, budget: float, warmup: timedelta) -> None:
    """Feasibility of the step-rise target: the oracle CUSUM above, its threshold set on
    the calibration seed so that its false alerts alone use the whole budget."""
    detects = {"step_rise": {"sustained_rise"}}
    paths, cpaths = oracle_cusum(sim), oracle_cusum(calib)
    threshold = math.inf
    for i in range(0, 80):
        thr = 1.0 + 0.25 * i
        res = evaluate(calib, run_oracle(calib, cpaths, thr), warmup, {})
        if res["regional_false"] / res["region_weeks"] <= budget:  # type: ignore[operator]
            threshold = thr
            break
    res = evaluate(sim, run_oracle(sim, paths, threshold), warmup, detects)
    false = res["regional_false"] / res["region_weeks"]  # type: ignore[operator]
    print(
        f"   oracle CUSUM (true mean, size and zeros known, onset unknown; threshold {threshold} "
        f"spends the whole budget on rises: {false:.3f} false / region-week):"
    )
    for kind, (hit, total, med) in res["recall"].items():  # type: ignore[attr-defined]
        delay = f"{med:.1f}" if med is not None else "-"
        print(f"     {kind:<22}{hit:>5}/{total:<4}{hit / total:>5.2f}   median delay {delay} h")


def scenario(label: str, args: argparse.Namespace, rate_scale: float) -> None:
    config = DetectorConfig()
    warmup = timedelta(days=7)
    sim = simulate_regions(args.regions, args.days, args.seed, rate_scale=rate_scale)
    calib = simulate_regions(args.regions, args.days, args.seed + 1000, rate_scale=rate_scale)
    months = args.regions * args.days / 30
    print(
        f"\n##### {label}: {args.regions} regions x {args.days} days = {months:.0f} "
        f"region-months, {len(sim.events)} injected events; budget "
        f"{config.false_alerts_per_region_week} false alerts / region-week"
    )
    print("== feasibility of the step-rise target (recall >= 0.9, median delay <= 6 h):")
    oracle_step_rise(sim, calib, config.false_alerts_per_region_week, warmup)
    report(
        f"ours at its nominal budget {config.false_alerts_per_region_week}",
        evaluate(sim, run_ours(sim, config), warmup, DETECTS),
    )
    if args.quick:
        return
    # Same procedure as for EARS: the largest nominal budget whose *realised* regional
    # false alerts on the calibration seed fit 0.5 / region-week, on a grid about as
    # fine as the EARS thresholds' (steps of 10%; EARS C3's 0.25 is ~1-2% of its
    # thresholds, so ours is still the coarser).
    chosen = config
    nominal = config.false_alerts_per_region_week
    for k in range(1, 20):
        trial = replace(config, false_alerts_per_region_week=round(nominal * 1.1**k, 3))
        res = evaluate(calib, run_ours(calib, trial), warmup, DETECTS)
        if res["regional_false"] / res["region_weeks"] > config.false_alerts_per_region_week:  # type: ignore[operator]
            break
        chosen = trial
    ours = evaluate(sim, run_ours(sim, chosen), warmup, DETECTS)
    report(
        f"ours at nominal budget {chosen.false_alerts_per_region_week} "
        f"(calibrated to 0.5 realised on seed {args.seed + 1000})",
        ours,
    )
    ears_detects = {k: {"ears"} for k in ("surge", "step_rise", "mass_attack")}
    for method, default in (("C1", 3.0), ("C2", 3.0), ("C3", 2.0)):
        stats = {r: ears_stats(v, method) for r, v in sim.values.items()}
        cstats = {r: ears_stats(v, method) for r, v in calib.values.items()}
        res = evaluate(sim, run_ears(sim, stats, default), warmup, ears_detects)
        n, ok = res["alerts"].get("ears", (0, 0))  # type: ignore[attr-defined]
        print(
            f"== EARS {method} at its default threshold {default}: "
            f"{(n - ok) / res['region_weeks']:.2f} false alerts / region-week"
        )  # type: ignore[operator]
        thr = calibrate(calib, cstats, config.false_alerts_per_region_week, warmup)
        ears = evaluate(sim, run_ears(sim, stats, thr), warmup, ears_detects)
        report(f"EARS {method} threshold {thr} (calibrated to the budget on seed {args.seed + 1000})", ears)
        if method == "C3":
            targets(ours, ears)


def targets(ours: dict[str, object], c3: dict[str, object]) -> None:
    """The issue's targets, from the two calibrated runs, unrounded."""

    def rate(res: dict[str, object], kind: str) -> tuple[float, str]:
        hit, total, med = res["recall"][kind]  # type: ignore[index]
        delay = "" if med is None else f", median {med:.1f} h"
        return hit / total, f"{hit}/{total} = {hit / total:.3f}{delay}"

    def false_rate(res: dict[str, object]) -> float:
        return res["regional_false"] / res["region_weeks"]  # type: ignore[operator,no-any-return]

    ours_surge, ours_text = rate(ours, "surge")
    c3_surge, c3_text = rate(c3, "surge")
    gain = 100 * (ours_surge - c3_surge)
    print(
        f"== targets: surge recall ours {ours_text} ({false_rate(ours):.3f} false / region-week) vs EARS C3 "
        f"{c3_text} ({false_rate(c3):.3f}): {gain:+.1f} points, {'MET' if gain >= 10 else 'NOT MET'} (+10)"
    )
    rise, rise_text = rate(ours, "step_rise")
    med = ours["recall"]["step_rise"][2]  # type: ignore[index]
    met = rise >= 0.9 and med is not None and med <= 6
    verdict = "MET" if met else "NOT MET"
    print(f"== targets: step rises ours {rise_text}: {verdict} (recall >= 0.9, median <= 6 h)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--regions", type=int, default=50)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="ours at its nominal budget and the oracle only")
    args = ap.parse_args()
    scenario("sparse regions (median 1 count/h)", args, 1.0)
    scenario("busy regions (median 5 counts/h)", args, 5.0)


if __name__ == "__main__":
    main()
