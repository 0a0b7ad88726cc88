"""The JSON API's query parameters (`readmodel`): `/api/claims?since=&limit=`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.web import readmodel

NOW = datetime(2025, 7, 14, 12, 0, tzinfo=UTC)
START = datetime(2025, 7, 13, 12, 5, tzinfo=UTC)
REGIONS = ("Курской", "Белгородской", "Брянской")


def _engine(hours: int = 12) -> Engine:
    """One MoD bulletin an hour from START, rotating over three regions."""
    engine = Engine()
    for h in range(hours):
        published = START + timedelta(hours=h)
        rep = {"id": f"r-{h}", "source": "telegram:mod_russia",
               "published_at": published.isoformat().replace("+00:00", "Z"),
               "text": f"За ночь над территорией {REGIONS[h % 3]} области уничтожены {h + 1} "
                       "украинских беспилотников."}
        res = normalize_record(orjson.dumps(rep), Place("t", 0, h), NOW)
        assert isinstance(res, Normalized)
        engine.apply_all(res.claims)
    return engine


def _published(doc: dict[str, object]) -> list[datetime]:
    return [datetime.fromisoformat(str(c["published_at"]).replace("Z", "+00:00"))  # type: ignore[index]
            for c in doc["claims"]]  # type: ignore[attr-defined]


def test_since_compares_instants_not_strings() -> None:
    engine = _engine()
    utc = readmodel.claims_doc(engine, since=readmodel.parse_instant("2025-07-13T20:00:00Z", "since"))
    offset = readmodel.claims_doc(engine, since=readmodel.parse_instant("2025-07-14T01:00:00+05:00", "since"))
    assert utc == offset
    cut = datetime(2025, 7, 13, 20, tzinfo=UTC)
    everything = _published(readmodel.claims_doc(engine))
    assert len(utc["claims"]) == sum(1 for p in everything if p >= cut) > 0
    assert all(p >= cut for p in _published(utc))
    assert len(utc["claims"]) < len(everything)


def test_since_filters_on_publication_newest_first() -> None:
    engine = _engine()
    since = START + timedelta(hours=9)  # exactly the 10th bulletin's publication: included
    doc = readmodel.claims_doc(engine, since=since)
    assert _published(doc) == [START + timedelta(hours=h) for h in (11, 10, 9)]
    one_region = readmodel.claims_doc(engine, region="RU-KRS", since=since)
    assert [c["key"] for c in one_region["claims"]] == ["RU-KRS"]


def test_limit_caps_after_merging_regions() -> None:
    engine = _engine()
    doc = readmodel.claims_doc(engine, limit=4)
    assert _published(doc) == [START + timedelta(hours=h) for h in (11, 10, 9, 8)]
    assert readmodel.claims_doc(engine, limit=0)["claims"] == []


@pytest.mark.parametrize("value", ["yesterday", "2025-07-13T20:00:00", "2025-13-01T00:00:00Z", ""])
def test_bad_since_is_an_error_naming_the_value(value: str) -> None:
    with pytest.raises(ValueError, match="since must"):
        readmodel.parse_instant(value, "since")


@pytest.mark.parametrize(("value", "expected"), [(None, 200), ("5", 5), ("0", 0), ("5000", 1000)])
def test_limit_parses_and_caps(value: str | None, expected: int) -> None:
    assert readmodel.parse_limit(value) == expected


@pytest.mark.parametrize(("value", "fragment"), [("-5", "0 or more, got -5"), ("ten", "whole number")])
def test_bad_limit_is_an_error(value: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        readmodel.parse_limit(value)
    with pytest.raises(ValueError, match="0 or more"):
        readmodel.claims_doc(Engine(), limit=-5)
