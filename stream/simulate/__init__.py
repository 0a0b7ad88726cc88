"""PURE: simulated, labelled inputs for tests, demos and benchmarks.

`reports` writes raw strike reports with their truth (and renders hourly
series as reports); `series` writes labelled hourly count series; `scenario`
joins the two: a report stream with injected events and their labels.
"""

from stream.simulate.reports import (
    SimReport,
    Truth,
    default_region_map,
    reports_from_series,
    simulate_reports,
    simulate_to_file,
    write_jsonl,
)
from stream.simulate.scenario import EventLabel, Scenario, simulate_scenario, write_events

__all__ = [
    "EventLabel",
    "Scenario",
    "SimReport",
    "Truth",
    "default_region_map",
    "reports_from_series",
    "simulate_reports",
    "simulate_scenario",
    "simulate_to_file",
    "write_events",
    "write_jsonl",
]
