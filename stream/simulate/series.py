"""PURE: labelled hourly count series for many regions, for detector tests and benchmarks.

Each region has its own mean rate, night rhythm (cosine around a peak hour),
overdispersion (negative-binomial size), extra zeros and a slow day-to-day level
drift. Events are injected after a warm-up and labelled with their kind, region
and [start, end) hours:

- surge: +k sigma (the region's NB sd at that hour) for 1-3 h
- step_rise: the mean doubles for 6-72 h
- silence: a region with expected activity reports nothing for 6-24 h
- feed_silence: every region reports nothing for 4-12 h
- first_seen: a dormant region (never active) starts reporting after `dormant_days`
- mass_attack: +m sigma (m = mass_sigmas, default 5: mass attacks are big) in 3-8
  regions in the same 1-2 h

Deterministic for a seed; no clock is read.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

EventKind = str  # surge | step_rise | silence | feed_silence | first_seen | mass_attack


@dataclass(frozen=True)
class InjectedEvent:
    kind: EventKind
    region: str | None  # None for feed_silence and mass_attack (see `regions`)
    start: datetime
    end: datetime  # exclusive
    regions: tuple[str, ...] = ()

    def covers(self, region: str | None) -> bool:
        if self.region is None:
            return region is None or not self.regions or region in self.regions
        return region == self.region


@dataclass(frozen=True)
class RegionProfile:
    name: str
    rate: float  # mean count per hour
    size: float  # NB size: var = mu + mu^2 / size
    night_amplitude: float
    peak_hour: float
    zero_prob: float

    def mean(self, hour_of_day: int) -> float:
        angle = 2.0 * math.pi * (hour_of_day - self.peak_hour) / 24.0
        return self.rate * (1.0 + self.night_amplitude * math.cos(angle))

    def sd(self, mu: float) -> float:
        """Marginal sd at mean mu, extra zeros included (what "k sigma" refers to)."""
        m = mu / (1.0 - self.zero_prob)
        z = self.zero_prob
        return math.sqrt((1.0 - z) * (m + m * m / self.size) + z * (1.0 - z) * m * m)


@dataclass(frozen=True)
class SimulatedSeries:
    values: dict[str, list[int]]
    start: datetime
    events: list[InjectedEvent]
    profiles: dict[str, RegionProfile] = field(default_factory=dict)
    # the true hourly mean without events (rhythm x drift): what an oracle would know
    means: dict[str, list[float]] = field(default_factory=dict)

    @property
    def hours(self) -> int:
        return len(next(iter(self.values.values()))) if self.values else 0

    def hour(self, index: int) -> datetime:
        return self.start + timedelta(hours=index)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0.0:
        return 0
    if lam > 50.0:  # normal approximation is ample for a simulator at this size
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def nb_draw(rng: random.Random, mu: float, size: float) -> int:
    return poisson(rng, rng.gammavariate(size, mu / size)) if mu > 0 else 0


def _profiles(rng: random.Random, n: int, rate_scale: float) -> dict[str, RegionProfile]:
    out = {}
    for i in range(n):
        name = f"R{i:03d}"
        out[name] = RegionProfile(
            name=name,
            rate=rate_scale * min(20.0, max(0.1, math.exp(rng.gauss(0.0, 1.0)))),
            size=rng.uniform(0.8, 5.0),
            night_amplitude=rng.uniform(0.3, 0.9),
            peak_hour=rng.uniform(-3.0, 4.0) % 24.0,
            zero_prob=rng.uniform(0.0, 0.3),
        )
    return out


class _Planner:
    """Places events without overlap per region (a gap keeps them separable)."""

    def __init__(self, rng: random.Random, hours: int, first: int) -> None:
        self.rng, self.hours, self.first = rng, hours, first
        self.busy: dict[str, list[tuple[int, int]]] = {}

    def place(self, regions: list[str], length: int, gap: int = 24) -> int | None:
        for _ in range(50):
            start = self.rng.randrange(self.first, self.hours - length)
            if all(
                start + length + gap <= s or e + gap <= start
                for r in regions
                for s, e in self.busy.get(r, [])
            ):
                for r in regions:
                    self.busy.setdefault(r, []).append((start, start + length))
                return start
        return None


def simulate_regions(
    n_regions: int = 24,
    days: int = 60,
    seed: int = 0,
    *,
    start: datetime = datetime(2026, 1, 1, tzinfo=UTC),
    warmup_days: int = 7,
    surges_per_region_month: float = 2.0,
    rises_per_region_month: float = 1.0,
    silences_per_region_month: float = 0.5,
    feed_outages_per_month: float = 1.0,
    mass_attacks_per_month: float = 2.0,
    dormant_regions: int | None = None,
    dormant_days: int = 32,
    surge_sigmas: float = 3.0,
    mass_sigmas: float = 5.0,
    rate_scale: float = 1.0,
) -> SimulatedSeries:
    rng = random.Random(seed)  # noqa: S311 -- a reproducible simulation, not secrets
    hours = days * 24
    months = days / 30.0
    profiles = _profiles(rng, n_regions, rate_scale)
    names = list(profiles)
    n_dormant = max(1, n_regions // 12) if dormant_regions is None else dormant_regions
    dormant = names[len(names) - n_dormant :] if days > dormant_days + 2 else []
    active = [r for r in names if r not in dormant]
    plan = _Planner(rng, hours, warmup_days * 24)
    events: list[tuple[str, list[str], int, int]] = []

    def count(rate: float) -> int:
        whole = int(rate)
        return whole + (1 if rng.random() < rate - whole else 0)

    for _ in range(count(feed_outages_per_month * months)):
        length = rng.randint(4, 12)
        at = plan.place(names, length)
        if at is not None:
            events.append(("feed_silence", names, at, at + length))
    for _ in range(count(mass_attacks_per_month * months)):
        group = rng.sample(active, min(len(active), rng.randint(3, 8)))
        length = rng.randint(1, 2)
        at = plan.place(group, length)
        if at is not None:
            events.append(("mass_attack", group, at, at + length))
    for region in active:
        for kind, rate, lo, hi in (
            ("step_rise", rises_per_region_month, 6, 72),
            ("surge", surges_per_region_month, 1, 3),
            ("silence", silences_per_region_month, 6, 24),
        ):
            if kind == "silence" and profiles[region].rate < 1.0:
                continue  # a lull is only an event where activity is expected
            for _ in range(count(rate * months)):
                length = rng.randint(lo, hi)
                at = plan.place([region], length)
                if at is not None:
                    events.append((kind, [region], at, at + length))
    for region in dormant:
        at = rng.randrange(dormant_days * 24, hours - 48)
        events.append(("first_seen", [region], at, at + 1))

    values, means = _draw(rng, profiles, hours, dormant, events, surge_sigmas, mass_sigmas)
    labelled = [
        InjectedEvent(
            kind=kind,
            region=None if kind in ("feed_silence", "mass_attack") else regions[0],
            start=start + timedelta(hours=s),
            end=start + timedelta(hours=e),
            regions=tuple(sorted(regions)) if kind == "mass_attack" else (),
        )
        for kind, regions, s, e in sorted(events, key=lambda ev: (ev[2], ev[0], ev[1]))
    ]
    return SimulatedSeries(values=values, start=start, events=labelled, profiles=profiles, means=means)


def _draw(
    rng: random.Random,
    profiles: dict[str, RegionProfile],
    hours: int,
    dormant: list[str],
    events: list[tuple[str, list[str], int, int]],
    surge_sigmas: float,
    mass_sigmas: float,
) -> tuple[dict[str, list[int]], dict[str, list[float]]]:
    # hour -> effect, per region: ("x", factor) multiplies the mean, ("+", k) adds k sd,
    # ("0", 0) forces silence
    effects: dict[str, dict[int, tuple[str, float]]] = {r: {} for r in profiles}
    appear: dict[str, int] = {}
    for kind, regions, s, e in events:
        for r in regions:
            for h in range(s, e):
                if kind == "step_rise":
                    effects[r][h] = ("x", 2.0)
                elif kind == "surge":
                    effects[r][h] = ("+", surge_sigmas)
                elif kind == "mass_attack":
                    effects[r][h] = ("+", mass_sigmas)
                elif kind in ("silence", "feed_silence"):
                    effects[r][h] = ("0", 0.0)
            if kind == "first_seen":
                appear[r] = s
    values: dict[str, list[int]] = {}
    means: dict[str, list[float]] = {}
    for name, prof in profiles.items():
        drift = 0.0
        series = []
        base = means[name] = []
        for h in range(hours):
            if h % 24 == 0:
                drift = 0.9 * drift + rng.gauss(0.0, 0.1)
            mu = prof.mean(h % 24) * math.exp(drift)
            base.append(0.0 if name in dormant and h < appear.get(name, hours) else mu)
            effect = effects[name].get(h)
            if effect and effect[0] == "x":
                mu *= effect[1]
            y = 0 if rng.random() < prof.zero_prob else nb_draw(rng, mu / (1 - prof.zero_prob), prof.size)
            if effect and effect[0] == "+":
                y += math.ceil(effect[1] * prof.sd(mu))
            if (effect and effect[0] == "0") or (name in dormant and h < appear.get(name, hours)):
                y = 0
            if name in dormant and h == appear.get(name):
                y = max(y, 1)
            series.append(y)
        values[name] = series
    return values, means
