"""`pipeline.is_late`, by which the normalize agent dead-letters a late claim, is the
fold's own rule: a claim is late for it exactly when `Engine.apply` finds it late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from stream.pipeline import Engine, Normalized, Place, is_late, normalize_record

NOW = datetime(2025, 7, 20, tzinfo=UTC)
TEXT = "В ночь на 2 июня дежурными средствами ПВО перехвачены и уничтожены 14 украинских беспилотников " \
       "над территорией Брянской области."


@pytest.mark.parametrize(("published", "lateness_h"), [
    ("2025-06-02T06:00:00Z", 168),   # the morning after: in time
    ("2025-06-08T20:00:00Z", 168),   # within a week
    ("2025-06-09T06:00:00Z", 168),   # just past a week of a window ending in the night
    ("2025-06-15T08:00:00Z", 168),   # two weeks: late
    ("2025-06-15T08:00:00Z", 24 * 30),  # a month allowed: in time
    ("2025-06-03T06:00:00Z", 1),     # an hour allowed: late the next day
])
def test_late_exactly_when_the_fold_finds_it_late(published: str, lateness_h: int) -> None:
    lateness = timedelta(hours=lateness_h)
    raw = {"id": f"late-{published}", "source": "telegram:mod_russia", "published_at": published,
           "text": TEXT}
    out = normalize_record(orjson.dumps(raw), Place("raw", 0, 0), NOW)
    assert isinstance(out, Normalized) and out.claims
    engine = Engine.create(lateness=lateness)
    for claim in out.claims:
        assert is_late(claim, lateness) == (engine.apply(claim).outcome == "late"), claim


def test_both_outcomes_occur() -> None:
    """The table above holds late and in-time claims (the rule is not vacuous)."""
    seen = set()
    for published in ("2025-06-02T06:00:00Z", "2025-06-15T08:00:00Z"):
        raw = {"id": "x", "source": "telegram:mod_russia", "published_at": published, "text": TEXT}
        out = normalize_record(orjson.dumps(raw), Place("raw", 0, 0), NOW)
        assert isinstance(out, Normalized)
        seen |= {is_late(c, timedelta(hours=168)) for c in out.claims}
    assert seen == {True, False}
