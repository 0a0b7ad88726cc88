"""PURE: a report stream with injected, labelled events, to check the alerts against.

`simulate_scenario` draws hourly series for a few regions (`series.simulate_regions`:
own rates, night rhythm, drift, injected surges, step rises, silences, feed
outages, first appearances and mass attacks), names the regions with ISO codes and
renders the hours as the reports that carry them (`reports.reports_from_series`).
The labels say, per event, its kind, the alert kind the detectors should raise for
it, the region(s) and the [start, end) hours, with the regions under the same ISO
codes the claims and the alerts use. Deterministic for a seed; time is an argument.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, cast

import orjson

from stream.simulate.reports import SimReport, default_region_map, reports_from_series
from stream.simulate.series import SimulatedSeries, simulate_regions

#: the alert kind that reports each injected event kind
ALERT_KIND = {
    "surge": "surge",
    "step_rise": "sustained_rise",
    "silence": "silence",
    "feed_silence": "feed_silence",
    "first_seen": "first_seen",
    "mass_attack": "mass_attack",
}


@dataclass(frozen=True, slots=True)
class EventLabel:
    """One injected event: `region` for a region's event; `regions` for a mass attack
    (the regions hit); neither for a feed silence (every region)."""

    kind: str
    region: str | None
    start: datetime
    end: datetime  # exclusive
    regions: tuple[str, ...] = ()

    @property
    def alert(self) -> str:
        return ALERT_KIND[self.kind]

    def covers(self, region: str) -> bool:
        """The event changes `region`'s counts."""
        if self.region is not None:
            return region == self.region
        return not self.regions or region in self.regions

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "alert": self.alert,
            "region": self.region,
            "regions": list(self.regions),
            "start": self.start.isoformat().replace("+00:00", "Z"),
            "end": self.end.isoformat().replace("+00:00", "Z"),
        }


@dataclass(frozen=True, slots=True)
class Scenario:
    series: SimulatedSeries
    region_map: dict[str, str]  # series name -> ISO code
    events: tuple[EventLabel, ...]
    seed: int

    @property
    def regions(self) -> list[str]:
        return [self.region_map[name] for name in self.series.values]

    def reports(self, *, relay_rate: float = 0.3) -> Iterator[SimReport]:
        """The reports carrying the series' counts, ordered by publication (the hour's
        reports are published within the next hour, relays later)."""
        return reports_from_series(self.series, seed=self.seed, region_map=self.region_map,
                                   relay_rate=relay_rate, id_prefix=f"scn{self.seed}-")


def simulate_scenario(
    days: int = 42,
    *,
    seed: int,
    start: datetime,
    regions: int = 8,
    surge_sigmas: float = 3.0,
) -> Scenario:
    """`days` of hourly activity in `regions` regions from `start` (a UTC hour) with
    events injected after a week's warm-up; a region first appears after day 32 when
    `days` > 34 (the default gives every event kind). Same arguments, same scenario."""
    if start.tzinfo is None or start.utcoffset() != timedelta(0):
        msg = f"start must be a UTC-aware datetime, got {start!r}"
        raise ValueError(msg)
    if start != start.replace(minute=0, second=0, microsecond=0):
        msg = f"start must be on the hour, got {start.isoformat()}"
        raise ValueError(msg)
    if days < 9:
        msg = f"days must be >= 9 (a week of warm-up before any event), got {days}"
        raise ValueError(msg)
    if not 4 <= regions <= 40:
        # a mass attack hits 3 to 8 regions; the default map names at most 45
        msg = f"regions must be between 4 and 40, got {regions}"
        raise ValueError(msg)
    series = simulate_regions(regions, days, seed, start=start, surge_sigmas=surge_sigmas)
    mapping = default_region_map(list(series.values))
    events = tuple(
        EventLabel(
            kind=e.kind,
            region=None if e.region is None else mapping[e.region],
            start=e.start,
            end=e.end,
            regions=tuple(sorted(mapping[r] for r in e.regions)),
        )
        for e in series.events
    )
    return Scenario(series=series, region_map=mapping, events=events, seed=seed)


def write_events(
    events: Iterable[EventLabel],
    out: str | Path | IO[bytes] | IO[str],
) -> int:
    """Write one JSON object per event (`EventLabel.as_dict`) to a path or an open
    stream; return the count."""
    if isinstance(out, str | Path):
        with Path(out).open("wb") as fh:
            return write_events(events, fh)
    count = 0
    for event in events:
        line = orjson.dumps(event.as_dict()) + b"\n"
        if isinstance(out, io.TextIOBase):
            out.write(line.decode())
        else:
            cast(IO[bytes], out).write(line)
        count += 1
    return count
