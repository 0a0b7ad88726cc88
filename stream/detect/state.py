"""PURE: the detector state (all regions + the all-region aggregate) and its bytes form.

Hours are integers (hours since the Unix epoch, UTC) to keep the state compact;
`encode()`/`decode()` round-trip exactly through orjson (floats are written in
shortest round-trip form).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson

from stream.detect.config import DetectorConfig
from stream.detect.track import Track

#: Series key of the all-region aggregate (and of counts without a region).
AGGREGATE = "ALL"
_FORMAT = 1


def hour_index(moment: datetime) -> int:
    """Hours since the epoch of an aware datetime (floored)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        msg = f"naive datetime {moment.isoformat()!r}: use UTC-aware datetimes"
        raise ValueError(msg)
    return int(moment.timestamp() // 3600)


def hour_start(index: int) -> datetime:
    return datetime.fromtimestamp(index * 3600, tz=UTC)


@dataclass
class OpenAlert:
    """An incident in progress: one alert, re-emitted as `updated` while it lasts."""

    kind: str
    start: int  # window_start hour, part of the alert identity
    opened: int  # hour at whose close it was opened
    severity: str
    observed: float
    expected: float
    p_value: float | None = None
    statistic: float | None = None
    claim_ids: list[str] = field(default_factory=list)
    message: str = ""

    def clone(self) -> OpenAlert:
        # claim_ids is only ever replaced, never mutated in place: sharing it is safe
        return OpenAlert(
            self.kind,
            self.start,
            self.opened,
            self.severity,
            self.observed,
            self.expected,
            self.p_value,
            self.statistic,
            self.claim_ids,
            self.message,
        )

    def to_list(self) -> list[Any]:
        return [
            self.kind,
            self.start,
            self.opened,
            self.severity,
            self.observed,
            self.expected,
            self.p_value,
            self.statistic,
            self.claim_ids,
            self.message,
        ]

    @classmethod
    def from_list(cls, data: list[Any]) -> OpenAlert:
        return cls(
            str(data[0]),
            int(data[1]),
            int(data[2]),
            str(data[3]),
            float(data[4]),
            float(data[5]),
            data[6],
            data[7],
            list(data[8]),
            str(data[9]),
        )


@dataclass
class SeriesState:
    """One region (or the aggregate): its baseline track and its open incidents."""

    start: int  # first hour this series exists
    track: Track
    last_active: int | None = None  # last hour with a count > 0
    last_mass: int | None = None  # last hour with a mass-attack surge signal
    mass_ids: list[str] = field(default_factory=list)  # claim ids of that hour
    alerts: dict[str, OpenAlert] = field(default_factory=dict)

    def clone(self) -> SeriesState:
        """A copy that scoring may mutate without touching this one (mass_ids is
        only ever replaced)."""
        return SeriesState(
            self.start,
            self.track.clone(),
            self.last_active,
            self.last_mass,
            self.mass_ids,
            {k: a.clone() for k, a in self.alerts.items()},
        )

    def to_list(self) -> list[Any]:
        return [
            self.start,
            self.track.to_list(),
            self.last_active,
            self.last_mass,
            self.mass_ids,
            {k: a.to_list() for k, a in self.alerts.items()},
        ]

    @classmethod
    def from_list(cls, data: list[Any]) -> SeriesState:
        return cls(
            int(data[0]),
            Track.from_list(data[1]),
            data[2],
            data[3],
            list(data[4]),
            {k: OpenAlert.from_list(v) for k, v in data[5].items()},
        )


Pending = dict[str, dict[int, tuple[int, tuple[str, ...]]]]


@dataclass
class DetectorState:
    """Everything the detectors remember; store `encode()` in a table, nothing else."""

    config: DetectorConfig
    series: dict[str, SeriesState] = field(default_factory=dict)
    # (region -> hour -> (value, claim ids)) for hours not yet scored: SET semantics
    pending: Pending = field(default_factory=dict)
    watermark: int | None = None  # next hour to score
    first_hour: int | None = None  # first hour ever scored (warm-up of first_seen)
    late_observations: int = 0  # observations for hours already scored (ignored)
    mass: OpenAlert | None = None

    def encode(self) -> bytes:
        return orjson.dumps(
            {
                "v": _FORMAT,
                "config": self.config.to_dict(),
                "series": {k: s.to_list() for k, s in self.series.items()},
                "pending": {
                    k: {str(h): [v, list(ids)] for h, (v, ids) in hours.items()}
                    for k, hours in self.pending.items()
                },
                "watermark": self.watermark,
                "first_hour": self.first_hour,
                "late": self.late_observations,
                "mass": None if self.mass is None else self.mass.to_list(),
            }
        )

    @classmethod
    def decode(cls, data: bytes) -> DetectorState:
        obj = orjson.loads(data)
        if obj.get("v") != _FORMAT:
            msg = f"detector state format {obj.get('v')!r}, expected {_FORMAT}"
            raise ValueError(msg)
        return cls(
            config=DetectorConfig.from_dict(obj["config"]),
            series={k: SeriesState.from_list(v) for k, v in obj["series"].items()},
            pending={
                k: {int(h): (int(e[0]), tuple(e[1])) for h, e in hours.items()}
                for k, hours in obj["pending"].items()
            },
            watermark=obj["watermark"],
            first_hour=obj["first_hour"],
            late_observations=int(obj["late"]),
            mass=None if obj["mass"] is None else OpenAlert.from_list(obj["mass"]),
        )
