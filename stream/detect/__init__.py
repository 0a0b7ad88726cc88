"""PURE: anomaly detectors over hourly strike counts, state in -> (state, alerts) out.

Public API: `DetectorConfig`, `DetectorState`, `new_state`, `observe`, `advance`,
`AGGREGATE`. Baselines are gamma-Poisson with forgetting and an hour-of-day
profile (`track`, `learn`); NB tails in `nb`; alert lifecycles in `lifecycle`
(surge, sustained_rise, silence/feed_silence) and `feedwide` (first_seen,
mass_attack); the hourly watermark loop in `engine`; the bytes form in `state`.
"""

from __future__ import annotations

from stream.detect.config import DetectorConfig
from stream.detect.engine import advance, closed_before, is_late, new_state, observe
from stream.detect.state import AGGREGATE, DetectorState

__all__ = ["AGGREGATE", "DetectorConfig", "DetectorState", "advance", "closed_before", "is_late",
           "new_state", "observe"]
