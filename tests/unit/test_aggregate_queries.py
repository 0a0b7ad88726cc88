"""Read models over RegionState: hourly activity, latest claims, excerpts, damage."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from stream.aggregate import (
    apply,
    hourly_series,
    latest_claims,
    new_state,
    window_stats,
    window_totals,
)
from stream.aggregate.apply import EXCERPTS_KEPT
from stream.claims import claims_of
from stream.models import DamageItem, NormalizedReport, Observation, ReportingWindow


def t(day: int, hour: int) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=UTC)


def report(rid: str, source: str, published: datetime, start: datetime, end: datetime,
           obs: list[tuple[Any, Any, Any, int]], damage: list[Any] = (),  # type: ignore[assignment]
           region: str = "UA-63", lang: Any = "uk", claimant: Any = "ua-military",
           ) -> NormalizedReport:
    return NormalizedReport(
        report_id=rid, source=source, published_at=published, lang=lang, claimant=claimant,
        window=ReportingWindow(start=start, end=end),
        observations=[Observation(region=region, weapon=w, measure=m, count=n, claimant=c,
                                  span=(10, 12)) for c, w, m, n in obs],
        damage=[DamageItem(region=region, kind=k, span=(20, 25)) for k in damage],
        parser_version="t",
    )


def feed(reports: list[NormalizedReport], text: str = "") -> Any:
    state = new_state("UA-63")
    off = 0
    for r in reports:
        for c in claims_of(r, text=text):
            state, _ = apply(state, c, partition=1, offset=off)
            off += 1
    return state


def test_hourly_activity_prefers_launched_and_takes_max_over_claimants() -> None:
    state = feed([
        report("a", "kpszsu", t(2, 5), t(1, 15), t(2, 4),
               [("ua-military", "drone", "launched", 40), ("ua-military", "missile", "launched", 3),
                ("ua-military", "drone", "intercepted", 35)]),
        report("b", "gov", t(2, 6), t(1, 15), t(2, 4),
               [("ua-official", "drone", "intercepted", 50)], claimant="ua-official"),
        report("c", "gov", t(2, 9), t(2, 7), t(2, 8),
               [("ua-official", "glide_bomb", "intercepted", 2),
                ("ua-official", "drone", "suppressed", 3)], claimant="ua-official"),
    ])
    series = hourly_series(state, as_of=t(2, 9, ), hours=7)
    assert series == [(t(2, 2), 0), (t(2, 3), 50), (t(2, 4), 0), (t(2, 5), 0), (t(2, 6), 0),
                      (t(2, 7), 5), (t(2, 8), 0)]


def test_window_totals_are_the_window_stats_totals() -> None:
    state = feed([
        report("a", "kpszsu", t(2, 5), t(1, 15), t(2, 4),
               [("ua-military", "drone", "launched", 40), ("ua-military", "drone", "intercepted", 35)]),
        report("b", "kpszsu", t(2, 6), t(1, 22), t(2, 2),
               [("ua-military", "drone", "intercepted", 20)]),
        report("c", "gov", t(2, 9), t(2, 7), t(2, 8),
               [("ua-official", "glide_bomb", "intercepted", 2)], claimant="ua-official"),
    ])
    assert window_totals(state, as_of=t(2, 9), window=timedelta(days=1)) == {
        "ua-military": {"drone": {"launched": 40, "intercepted": 35}},
        "ua-official": {"glide_bomb": {"intercepted": 2}}}
    for as_of in (t(2, 3), t(2, 5), t(2, 9), t(3, 0)):
        for hours in (1, 3, 6, 24, 168):
            window = timedelta(hours=hours)
            assert window_totals(state, as_of=as_of, window=window) == window_stats(
                state, as_of=as_of, window=window)["totals"]
    assert window_totals(new_state("UA-63"), as_of=t(2, 9), window=timedelta(days=7)) == {}


def test_hour_sums_beyond_32_bits_stay_exact() -> None:
    big = 3_000_000_000  # an hour's bucket holds 32-bit sums until one does not fit
    state = feed([
        report("a", "kpszsu", t(2, 5), t(2, 3), t(2, 4),
               [("ua-military", "drone", "launched", big), ("ua-military", "missile", "launched", 3)]),
        report("b", "kpszsu", t(2, 6), t(2, 3), t(2, 4),
               [("ua-military", "drone", "intercepted", 5)]),
    ])
    day = timedelta(days=1)
    assert window_totals(state, as_of=t(2, 9), window=day) == {
        "ua-military": {"drone": {"launched": big, "intercepted": 5}, "missile": {"launched": 3}}}
    assert hourly_series(state, as_of=t(2, 5), hours=2) == [(t(2, 3), big + 3), (t(2, 4), 0)]


def test_latest_claims_carry_sources_versions_span_and_excerpt() -> None:
    text = "Вночі ворог атакував. Збито 35 дронів над Харківщиною. Пошкоджено будинки."
    pos = text.index("35")
    base = report("a", "kpszsu", t(2, 5), t(1, 15), t(2, 4),
                  [("ua-military", "drone", "intercepted", 35)])
    base = base.model_copy(update={"observations": [
        base.observations[0].model_copy(update={"span": (pos, pos + 2)})]})
    fix = base.model_copy(update={"report_id": "b", "published_at": t(2, 7),
                                  "observations": [base.observations[0].model_copy(
                                      update={"count": 37})]})
    relay = base.model_copy(update={"report_id": "c", "source": "ukrinform",
                                    "published_at": t(2, 6)})
    for perm in itertools.permutations([base, fix, relay]):
        [c] = latest_claims(feed(list(perm), text=text))
        assert (c["count"], c["counted"], c["report_id"], c["source"]) == (37, 37, "b", "kpszsu")
        assert c["sources"] == ["kpszsu", "ukrinform"]
        assert [(v["report_id"], v["value"]) for v in c["versions"]] == [
            ("a", [35, 0]), ("b", [37, 0])]
        assert (c["span"], c["lang"]) == ([pos, pos + 2], "uk")
        assert c["excerpt"] == "Збито 35 дронів над Харківщиною."
        assert c["excerpt_start"] == text.index("Збито")
        assert (c["window_start"], c["window_end"]) == (t(1, 15).isoformat(),
                                                        t(2, 4).isoformat())


def test_excerpts_are_kept_for_the_newest_claims_only() -> None:
    n = EXCERPTS_KEPT + 5
    reports = [report(f"r{i}", "s", t(1, 0) + timedelta(hours=i + 1), t(1, 0) + timedelta(hours=i),
                      t(1, 0) + timedelta(hours=i + 1), [("ua-military", "drone", "launched", 1)])
               for i in range(n)]
    text = "Вночі збито один дрон над областю."
    fwd, back = feed(reports, text), feed(reports[::-1], text)
    assert fwd.excerpts == back.excerpts
    assert len(fwd.excerpts) == EXCERPTS_KEPT
    latest = latest_claims(fwd, n=n)
    assert [c["excerpt"] for c in latest[:EXCERPTS_KEPT]] == [text] * EXCERPTS_KEPT
    assert [c["excerpt"] for c in latest[EXCERPTS_KEPT:]] == [""] * 5
    assert len(latest_claims(fwd, n=3)) == 3


def test_window_stats_damage_kinds_sources_and_window_edges() -> None:
    state = feed([
        report("a", "gov", t(2, 5), t(1, 15), t(2, 4), [], damage=["fire", "energy"],
               claimant="ua-official"),
        report("b", "suspilne", t(2, 6), t(1, 15), t(2, 4), [], damage=["fire"]),
        report("c", "gov", t(3, 5), t(2, 15), t(3, 4), [], damage=["residential"]),
    ])
    day1 = window_stats(state, as_of=t(2, 4), window=timedelta(hours=1))
    assert (day1["damage"], day1["n_claims"], day1["sources"]) == (
        {"energy": 1, "fire": 1}, 2, {"gov": 2, "suspilne": 1})
    assert window_stats(state, as_of=t(2, 3), window=timedelta(days=1))["n_claims"] == 0
    both = window_stats(state, as_of=t(3, 4), window=timedelta(days=2))
    assert both["damage"] == {"energy": 1, "fire": 1, "residential": 1}
    assert both["watermark"] == t(3, 4).isoformat()
