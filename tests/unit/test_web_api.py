"""The JSON API's documents and query parameters (`readmodel`): `/api/claims?since=&limit=`,
`/api/alerts?state=&region=&kind=&since=&limit=`, `/api/claims/{claim_id}`."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import orjson
import pytest

from stream.models import Alert
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.simulate.reports import reports_from_series
from stream.simulate.series import SimulatedSeries
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


# --- /api/alerts and /api/claims/{claim_id} --------------------------------------------

SIM_NOW = datetime(2030, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def alerted() -> Engine:
    """Two weeks over four regions with surges in three of them (one still on at the end),
    folded and scored."""
    rng = random.Random(5)
    values = {name: [rng.choice([0, 1, 2, 3, 4, 5]) for _ in range(24 * 14)] for name in "abcd"}
    for h in range(24 * 11, 24 * 11 + 3):
        values["a"][h] = 70
    for h in range(24 * 12 + 5, 24 * 12 + 7):
        values["c"][h] = 55
    for h in range(24 * 14 - 6, 24 * 14):
        values["d"][h] = 60
    series = SimulatedSeries(values=values, start=datetime(2025, 3, 1, tzinfo=UTC), events=[])
    regions = {"a": "RU-BEL", "b": "RU-KRS", "c": "RU-BRY", "d": "RU-VOR"}
    engine = Engine.create()
    for i, report in enumerate(reports_from_series(series, seed=2, region_map=regions, relay_rate=0.2)):
        result = normalize_record(orjson.dumps(report.raw), Place("raw", 0, i), SIM_NOW)
        assert isinstance(result, Normalized)
        for claim in result.claims:
            engine.apply(claim, partition=0, offset=i)
    engine.detect(lagging=set())
    kinds = {a.kind for a in engine.alerts.values()}
    assert "surge" in kinds and len(engine.alerts) >= 3, kinds
    assert any(a.state == "resolved" for a in engine.alerts.values())
    assert any(a.state != "resolved" for a in engine.alerts.values())
    return engine


def _ids(doc: dict[str, Any]) -> list[str]:
    return [a["alert_id"] for a in doc["alerts"]]


def test_alerts_default_lists_every_kept_alert_newest_updated_first(alerted: Engine) -> None:
    doc = readmodel.alerts_doc(alerted)
    assert doc["total"] == len(alerted.alerts) == len(doc["alerts"]) and not doc["truncated"]
    updated = [(a["updated_at"], a["alert_id"]) for a in doc["alerts"]]
    assert updated == sorted(updated, reverse=True)
    assert doc == readmodel.alerts_doc(alerted, readmodel.parse_alert_query({}))


def test_alerts_limit_truncates_and_says_so(alerted: Engine) -> None:
    everything = readmodel.alerts_doc(alerted)
    doc = readmodel.alerts_doc(alerted, readmodel.parse_alert_query({"limit": "2"}))
    assert _ids(doc) == _ids(everything)[:2]
    assert doc["total"] == everything["total"] > 2 and doc["truncated"]
    none = readmodel.alerts_doc(alerted, readmodel.parse_alert_query({"limit": "0"}))
    assert none["alerts"] == [] and none["total"] == everything["total"] and none["truncated"]


def test_alerts_limit_is_not_a_fixed_200() -> None:
    """More alerts than the old fixed cap: the default shows 200 and says how many there
    are; `limit` reaches the rest."""
    engine = Engine(max_alerts_kept=2000)
    start = datetime(2025, 3, 1, tzinfo=UTC)
    for i in range(450):
        alert = Alert(alert_id=f"a{i:04d}", kind="surge", state="resolved", severity="warning",
                      region="RU-BEL", window_start=start + timedelta(hours=i),
                      updated_at=start + timedelta(hours=i + 1), observed=9.0, expected=1.0)
        engine.alerts[alert.alert_id] = alert
    doc = readmodel.alerts_doc(engine)
    assert (len(doc["alerts"]), doc["total"], doc["truncated"]) == (200, 450, True)
    assert _ids(doc)[0] == "a0449"
    full = readmodel.alerts_doc(engine, readmodel.parse_alert_query({"limit": "1000"}))
    assert (len(full["alerts"]), full["truncated"]) == (450, False)
    assert _ids(full)[-1] == "a0000"


def test_alerts_filter_on_state_region_kind_and_since(alerted: Engine) -> None:
    alerts = list(alerted.alerts.values())

    def select(**query: str) -> set[str]:
        doc = readmodel.alerts_doc(alerted, readmodel.parse_alert_query(query))
        assert doc["total"] == len(doc["alerts"])
        return set(_ids(doc))

    open_ids, resolved_ids = select(state="open"), select(state="resolved")
    assert open_ids == {a.alert_id for a in alerts if a.state in ("open", "updated")}
    assert resolved_ids == {a.alert_id for a in alerts if a.state == "resolved"}
    assert open_ids | resolved_ids == select(state="all") == set(alerted.alerts)
    assert select(region="ru-bel") == {a.alert_id for a in alerts if a.region == "RU-BEL"} != set()
    assert select(region="ALL") == {a.alert_id for a in alerts if a.region is None}
    assert select(kind="surge") == {a.alert_id for a in alerts if a.kind == "surge"} != set()
    assert select(kind="mass_attack", region="RU-VOR", state="open") <= select(region="RU-VOR")
    cut = sorted(a.updated_at for a in alerts)[len(alerts) // 2]
    later = select(since=cut.isoformat())
    assert later == {a.alert_id for a in alerts if a.updated_at >= cut}
    assert 0 < len(later) < len(alerts)
    assert select(since=cut.astimezone(timezone(timedelta(hours=5))).isoformat()) == later


@pytest.mark.parametrize(("query", "fragment"), [
    ({"state": "closed"}, "state must be one of open, resolved, all, got 'closed'"),
    ({"kind": "spike"}, "kind must be one of surge"),
    ({"region": "Belgorod"}, "region must be an ISO 3166-2 code"),
    ({"region": "RU-XXX"}, "got 'RU-XXX'"),
    ({"since": "yesterday"}, "since must"),
    ({"since": "2025-07-13T20:00:00"}, "time zone"),
    ({"limit": "-1"}, "0 or more"),
    ({"limit": "many"}, "whole number"),
])
def test_bad_alert_parameters_are_errors_naming_the_value(query: dict[str, str], fragment: str) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        readmodel.parse_alert_query(query)


def test_every_claim_an_alert_cites_can_be_looked_up(alerted: Engine) -> None:
    cited = {cid for a in alerted.alerts.values() for cid in a.claim_ids}
    assert cited
    for cid in cited:
        doc = readmodel.claim_doc(alerted, cid)
        assert doc is not None, cid
        claim = doc["claim"]
        assert claim["claim_id"] == cid
        assert claim["versions"] and claim["sources"]
        assert claim["source"] in claim["sources"]


def test_claim_lookup_gives_the_value_in_force_and_every_version() -> None:
    engine = _engine(3)
    first = readmodel.claims_doc(engine)["claims"][-1]  # the oldest bulletin, RU-KRS, 1 drone
    corrected = START + timedelta(hours=5)
    rep = {"id": "r-fix", "source": "telegram:mod_russia",
           "published_at": corrected.isoformat().replace("+00:00", "Z"),
           "text": "За ночь над территорией Курской области уничтожены 4 украинских беспилотника."}
    res = normalize_record(orjson.dumps(rep), Place("t", 0, 99), NOW)
    assert isinstance(res, Normalized)
    engine.apply_all(res.claims)
    same = [c for c in res.claims if c.claim_id == first["claim_id"]]
    assert same, "the later bulletin restates the same claim (same region, window, claimant)"
    doc = readmodel.claim_doc(engine, first["claim_id"])
    assert doc is not None
    claim = doc["claim"]
    assert (claim["count"], claim["report_id"]) == (4, "r-fix")
    assert [(v["report_id"], v["value"]) for v in claim["versions"]] == [("r-0", [1, 0]), ("r-fix", [4, 0])]
    assert doc["as_of"] == readmodel.claims_doc(engine)["as_of"]
    listed = {c["claim_id"]: c for c in readmodel.claims_doc(engine)["claims"]}
    assert {k: v for k, v in claim.items() if k != "versions"} == {
        k: v for k, v in listed[first["claim_id"]].items() if k != "versions"}


@pytest.mark.parametrize("claim_id", ["0" * 24, "not-a-claim", ""])
def test_unknown_claim_is_none(claim_id: str) -> None:
    assert readmodel.claim_doc(_engine(3), claim_id) is None
