"""Aggregate semantics: identity, versioning, reconciliation, order-independence,
idempotency, lateness, eviction, persistence. Exact numbers throughout."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from stream.aggregate import (
    RegionState,
    apply,
    decode,
    encode,
    hourly_series,
    latest_claims,
    new_state,
    residuals,
    window_stats,
)
from stream.aggregate.state import HOURS, META, SOURCES, WE, WS, cid_key
from stream.claims import casualties_id, claims_of, count_id
from stream.models import (
    Claim,
    NormalizedReport,
    Observation,
    ReportingWindow,
)


def t(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


def count_claim(
    n: int,
    start: datetime,
    end: datetime,
    *,
    region: str | None = "RU-BEL",
    claimant: Any = "ru-mod",
    weapon: Any = "drone",
    measure: Any = "intercepted",
    published: datetime | None = None,
    report_id: str = "r1",
    source: str = "telegram:mod_russia",
) -> Claim:
    return Claim(
        claim_id=count_id(claimant, start, end, region, weapon, measure),
        kind="count", report_id=report_id, source=source, lang="ru",
        published_at=published or end, claimant=claimant, region=region,
        window_start=start, window_end=end, weapon=weapon, measure=measure, count=n,
        span=(0, 5), excerpt=f"{n} drones", excerpt_start=0,
    )


def deaths(killed: int, published: datetime, report_id: str, source: str = "tg:gov") -> Claim:
    start, end = t(1, 21), t(2, 21)
    return Claim(
        claim_id=casualties_id("ru", "RU-BEL", start, end), kind="casualties",
        report_id=report_id, source=source, lang="ru", published_at=published,
        claimant="ru-official", region="RU-BEL", window_start=start, window_end=end,
        killed=killed, span=(0, 3),
    )


def run(claims: list[Claim], key: str = "RU-BEL") -> tuple[RegionState, list[str]]:
    state = new_state(key)
    outcomes = []
    for off, c in enumerate(claims):
        state, applied = apply(state, c, partition=0, offset=off)
        outcomes.append(applied.outcome)
    return state, outcomes


AS_OF = t(3, 0)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


def totals(state: RegionState, as_of: datetime = AS_OF, window: timedelta = WEEK) -> Any:
    return window_stats(state, as_of=as_of, window=window)["totals"]


# --- relays ------------------------------------------------------------------

def _relay_report(source: str, lang: Any, published: datetime, rid: str) -> NormalizedReport:
    return NormalizedReport(
        report_id=rid, source=source, published_at=published, lang=lang,
        claimant="ru-mod",
        window=ReportingWindow(start=t(1, 17), end=t(2, 4), label="overnight"),
        observations=[Observation(region="RU-BEL", weapon="drone", measure="intercepted",
                                  count=57, claimant="ru-mod", span=(10, 12))],
        parser_version="test",
    )


def test_relay_by_three_outlets_counts_once_and_lists_sources() -> None:
    reports = [
        _relay_report("tass-en", "en", t(2, 5, 10), "a"),
        _relay_report("ria-ru", "ru", t(2, 5, 40), "b"),
        _relay_report("reuters", "en", t(2, 6, 15), "c"),
    ]
    claims = [c for r in reports for c in claims_of(r)]
    assert len({c.claim_id for c in claims}) == 1
    state, outcomes = run(claims)
    assert outcomes == ["new", "relay", "relay"]
    stats = window_stats(state, as_of=AS_OF, window=WEEK)
    assert stats["totals"] == {"ru-mod": {"drone": {"intercepted": 57}}}
    assert stats["n_claims"] == 1
    assert stats["sources"] == {"reuters": 1, "ria-ru": 1, "tass-en": 1}
    [latest] = latest_claims(state)
    assert latest["sources"] == ["reuters", "ria-ru", "tass-en"]
    assert latest["source"] == "tass-en"  # first publication of the value in force
    assert latest["count"] == 57


def _posted(source: str, text: str, published: datetime, rid: str) -> list[Claim]:
    from stream.models import RawReport
    from stream.normalize import normalize

    return claims_of(normalize(RawReport(id=rid, source=source, published_at=published, text=text)))


def test_a_governors_posts_through_the_day_add_up_and_a_relay_counts_once() -> None:
    # Gusev posts incident by incident; an outlet relays the second post the same evening
    # (no time stated: the day) and the first one late at night
    first = _posted("telegram:gusev_36", "Над Воронежской областью уничтожены 2 беспилотника.",
                    t(1, 16, 20), "g1")
    second = _posted("telegram:gusev_36", "Над Воронежской областью уничтожены 60 беспилотников.",
                     t(1, 18, 10), "g2")
    relay = _posted("tass", "Губернатор Александр Гусев сообщил, что над Воронежской областью "
                    "уничтожены 60 беспилотников.", t(1, 19, 0), "r1")
    relay_late = _posted("tass", "Губернатор Александр Гусев сообщил, что над Воронежской областью "
                         "уничтожены 2 беспилотника.", t(1, 20, 30), "r2")
    claims = first + second + relay + relay_late
    assert [c.count for c in claims] == [2, 60, 60, 2]
    assert first[0].claim_id != second[0].claim_id  # two posts, two incidents
    for order in itertools.permutations(claims):
        state, _ = run(list(order), key="RU-VOR")
        assert totals(state) == {"ru-official": {"drone": {"intercepted": 62}}}
    series = dict(hourly_series(state, as_of=t(2, 0), hours=24))
    assert series[t(1, 16)] > 0 and series[t(1, 18)] > 0  # each booked at its own hour


def test_a_mayors_posts_within_one_hour_add_up_and_an_update_corrects_them() -> None:
    # Sobyanin posts drone by drone; then an update corrects the last figure
    texts = [
        (t(1, 21, 5), "Силами ПВО Минобороны отражена атака одного БПЛА, летевшего на Москву."),
        (t(1, 21, 20), "Силами ПВО Минобороны отражена атака еще одного БПЛА, летевшего на Москву."),
        (t(1, 21, 40), "Силами ПВО Минобороны отражена атака двух БПЛА, летевших на Москву."),
        (t(1, 21, 55), "Силами ПВО Минобороны отражена атака еще двух БПЛА, летевших на Москву."),
    ]
    claims = [c for k, (at, text) in enumerate(texts)
              for c in _posted("telegram:mos_sobyanin", text, at, f"s{k}")]
    assert [c.count for c in claims] == [1, 1, 2, 2]
    for order in itertools.permutations(claims):
        state, _ = run(list(order), key="RU-MOW")
        assert totals(state) == {"ru-official": {"drone": {"intercepted": 6}}}
    # an update takes the hour: it holds the four posts and says 7
    upd = _posted("telegram:mos_sobyanin", "UPD: силами ПВО Минобороны отражена атака семи БПЛА, летевших на "
                  "Москву.", t(1, 21, 58), "s-upd")
    assert upd[0].window_start == t(1, 21) and upd[0].window_end == t(1, 22)
    state, _ = run([*claims, *upd], key="RU-MOW")
    assert totals(state) == {"ru-official": {"drone": {"intercepted": 7}}}


# --- corrections ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("order", "outcomes"),
    [((0, 1), ["new", "correction"]), ((1, 0), ["new", "stale"])],
)
def test_death_toll_correction_in_any_order(order: tuple[int, int], outcomes: list[str]) -> None:
    versions = [deaths(4, t(2, 22), "early"), deaths(9, t(3, 9), "later", "tg:other")]
    state, got = run([versions[i] for i in order])
    assert got == outcomes
    stats = window_stats(state, as_of=t(3, 0), window=DAY)
    assert stats["casualties"] == {"ru": {"killed": 9, "injured": 0}}
    assert stats["sources"] == {"tg:gov": 1, "tg:other": 1}
    assert [v["value"] for v in latest_claims(state)[0]["versions"]] == [[4, 0], [9, 0]]


def test_old_value_relayed_after_correction_is_stale() -> None:
    state, got = run([deaths(4, t(2, 22), "a"), deaths(9, t(3, 9), "b"),
                      deaths(4, t(3, 12), "c", "late-relay")])
    assert got == ["new", "correction", "stale"]
    assert window_stats(state, as_of=t(3, 0), window=DAY)["casualties"]["ru"]["killed"] == 9


def _rounded(n: int, qualifier: Any, published: datetime, rid: str, source: str) -> Claim:
    return count_claim(n, t(1, 20), t(2, 4), published=published, report_id=rid,
                       source=source).model_copy(update={"qualifier": qualifier})


@pytest.mark.parametrize(
    ("qualifier", "n", "restates"),
    [("more_than", 300, True), ("at_least", 312, True), ("about", 300, True),
     ("up_to", 320, True), ("more_than", 312, False), ("about", 250, False),
     ("up_to", 300, False), ("at_least", 400, False)],
)
def test_a_rounded_figure_restating_an_exact_one_is_a_relay_in_every_order(
        qualifier: str, n: int, restates: bool) -> None:
    """A wire's "more than 300" after the ministry's 312 of the same identity restates it:
    the total stays 312 (it was a correction to 300 before). A rounded figure that the exact
    one does not satisfy ("up to 300") is a correction, as any later figure is."""
    exact = _rounded(312, "exact", t(2, 4, 10), "mod", "telegram:mod_russia")
    later = _rounded(n, qualifier, t(2, 6), "wire", "reuters")
    earlier = _rounded(n, qualifier, t(2, 4, 5), "early-wire", "interfax")
    for claims, total, outcome in [
        ([exact, later], 312 if restates else n, "relay" if restates or n == 312 else "correction"),
        # a rounded figure published first is the earliest report, then corrected by 312
        ([earlier, exact], 312, "correction" if n != 312 else "relay"),
    ]:
        results = set()
        for perm in itertools.permutations(claims):
            state, got = run(list(perm))
            results.add(encode(state))
            if perm == tuple(claims):
                assert got == ["new", outcome]
            stats = window_stats(state, as_of=t(3, 0), window=DAY)
            assert stats["totals"] == {"ru-mod": {"drone": {"intercepted": total}}}, perm
        assert len(results) == 1, "one state in every order"
    # a third claim: the rounded figure after the exact one, and the same figure again
    # earlier (then it is the earliest report, and 312 corrects it), in every order
    claims = [exact, later, earlier]
    results = set()
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        results.add(encode(state))
        assert window_stats(state, as_of=t(3, 0), window=DAY)["totals"] == {
            "ru-mod": {"drone": {"intercepted": 312}}}
    assert len(results) == 1


def test_a_relay_naming_only_the_dead_does_not_zero_the_injured_in_every_order() -> None:
    """Kiper: 1 killed, 2 injured; a news relay hours later: "a person was killed in the Odesa
    region" (1, 0). Not a correction of the injured to zero. A later figure that changes the
    dead or the injured still corrects."""
    def toll(killed: int, injured: int, published: datetime, rid: str, source: str) -> Claim:
        return deaths(killed, published, rid, source).model_copy(update={"injured": injured})

    first = toll(1, 2, t(2, 6), "kiper", "tg:kiper")
    headline = toll(1, 0, t(2, 10), "susp", "suspilne")
    later = toll(2, 2, t(2, 12), "upd", "tg:kiper")
    for claims, want, outcome in [([first, headline], (1, 2), "relay"),
                                  ([first, headline, later], (2, 2), None)]:
        states = set()
        for perm in itertools.permutations(claims):
            state, got = run(list(perm))
            states.add(encode(state))
            if outcome and perm == tuple(claims):
                assert got == ["new", outcome]
            stats = window_stats(state, as_of=t(3, 0), window=DAY)
            assert stats["casualties"] == {"ru": {"killed": want[0], "injured": want[1]}}, perm
        assert len(states) == 1


def test_correction_moves_aggregates_by_the_difference() -> None:
    state = new_state("RU-BEL")
    state, a = apply(state, count_claim(10, t(1, 20), t(1, 23)), partition=0, offset=0)
    state, b = apply(state, count_claim(14, t(1, 20), t(1, 23), report_id="r2",
                                        published=t(2, 1)), partition=0, offset=1)
    assert a.deltas == [(t(1, 22), "ru-mod", "drone", "intercepted", 10)]
    assert (b.outcome, b.deltas) == ("correction", [(t(1, 22), "ru-mod", "drone",
                                                     "intercepted", 4)])


# --- overlapping windows --------------------------------------------------------

EVENING = (t(1, 17), t(1, 20))   # 20:00-23:00 MSK
NIGHT = (t(1, 20), t(2, 4))      # 23:00-07:00 MSK
DAY24 = (t(1, 4), t(2, 4))       # 24 h to 07:00 MSK


@pytest.mark.parametrize(
    ("summary", "total", "flag"),
    [
        (168, 168, None),
        (200, 200, ("summary_exceeds_parts", 200, 168)),
        (150, 168, ("parts_exceed_summary", 150, 168)),
    ],
)
def test_pieces_and_24h_summary_in_every_order(
    summary: int, total: int, flag: tuple[str, int, int] | None
) -> None:
    claims = [count_claim(48, *EVENING, report_id="e"), count_claim(120, *NIGHT, report_id="n"),
              count_claim(summary, *DAY24, report_id="s")]
    results = set()
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        stats = window_stats(state, as_of=t(2, 5), window=DAY)
        assert stats["totals"] == {"ru-mod": {"drone": {"intercepted": total}}}
        flags = [(f["flag"], f["summary"], f["parts"]) for f in stats["flags"]]
        assert flags == ([flag] if flag else [])
        series = dict(hourly_series(state, as_of=t(2, 5), hours=24))
        assert (series[t(1, 19)], series[t(2, 3)]) == (48, 120 + summary - 168
                                                        if summary > 168 else 120)
        results.add(repr((stats, series, latest_claims(state))))
    assert len(results) == 1


def test_deltas_sum_to_totals_in_every_order() -> None:
    claims = [count_claim(48, *EVENING, report_id="e"), count_claim(120, *NIGHT, report_id="n"),
              count_claim(200, *DAY24, report_id="s")]
    for perm in itertools.permutations(claims):
        state = new_state("RU-BEL")
        moved = 0
        for off, c in enumerate(perm):
            state, applied = apply(state, c, partition=0, offset=off)
            moved += sum(d[4] for d in applied.deltas)
        assert moved == 200


def test_other_claimant_and_partial_overlap_are_not_reconciled() -> None:
    claims = [count_claim(48, *EVENING), count_claim(30, *DAY24, claimant="ru-official"),
              count_claim(7, t(2, 2), t(2, 6))]  # partial overlap with NIGHT and DAY24
    state, _ = run([*claims, count_claim(120, *NIGHT)])
    assert totals(state) == {"ru-mod": {"drone": {"intercepted": 175}},
                             "ru-official": {"drone": {"intercepted": 30}}}


# --- residuals between ALL and regions ------------------------------------------

def test_breakdown_exceeding_total_is_flagged() -> None:
    all_state, _ = run([count_claim(50, *NIGHT, region=None),
                        count_claim(40, *NIGHT, region=None, measure="launched")], key="ALL")
    bel, _ = run([count_claim(30, *NIGHT), count_claim(25, *NIGHT, measure="launched")])
    krs, _ = run([count_claim(25, *NIGHT, region="RU-KRS")], key="RU-KRS")
    res = residuals(all_state, [bel, krs], as_of=AS_OF, window=WEEK)
    by = {r["measure"]: (r["total"], r["parts"], r["residual"]) for r in res["rows"]}
    assert by == {"intercepted": (50, 55, -5), "launched": (40, 25, 15)}
    assert [(f["flag"], f["measure"]) for f in res["flags"]] == [
        ("parts_exceed_total", "intercepted")]
    assert res["unattributed"] == {"ru-mod": {"drone": {"launched": 15}}}


def test_a_rounded_summary_its_pieces_agree_with_raises_no_flag() -> None:
    """ "More than 130 this week" over nightly pieces of 134 is no data-quality problem; "130"
    over 134, or "about 100" over 134, still is."""
    week = (t(1, 0), t(3, 0))
    pieces = [count_claim(n, t(1, h), t(1, h + 8), report_id=f"p{h}") for h, n in ((0, 70), (10, 64))]
    for qualifier, n, flagged in [("more_than", 130, False), ("about", 140, False), ("at_least", 134, False),
                                  ("exact", 130, True), ("about", 100, True), ("up_to", 130, True)]:
        summary = count_claim(n, *week, report_id="wk", published=t(3, 0)).model_copy(
            update={"qualifier": qualifier})
        state, _ = run([*pieces, summary])
        flags = window_stats(state, as_of=t(3, 0), window=WEEK)["flags"]
        assert [f["flag"] for f in flags] == (["parts_exceed_summary"] if flagged else []), qualifier
    all_state, _ = run([count_claim(160, *NIGHT, region=None).model_copy(update={"qualifier": "more_than"})],
                       key="ALL")
    krs, _ = run([count_claim(170, *NIGHT, region="RU-KRS")], key="RU-KRS")
    assert residuals(all_state, [krs], as_of=AS_OF, window=WEEK)["flags"] == []


# --- idempotency and order independence -----------------------------------------

POOL = [
    count_claim(48, *EVENING, report_id="e"),
    count_claim(120, *NIGHT, report_id="n"),
    count_claim(200, *DAY24, report_id="s"),
    count_claim(120, *NIGHT, report_id="n-relay", source="tass", published=t(2, 6)),
    count_claim(130, *NIGHT, report_id="n-fix", published=t(2, 8)),
    count_claim(9, *NIGHT, measure="launched", claimant="ua-military", source="kpszsu"),
    deaths(4, t(2, 22), "d1"),
    deaths(9, t(3, 9), "d2"),
]


def _results(state: RegionState) -> str:
    return repr((window_stats(state, as_of=t(3, 0), window=timedelta(days=3)),
                 hourly_series(state, as_of=t(3, 0), hours=72), latest_claims(state)))


REFERENCE = _results(run(POOL)[0])


@settings(max_examples=60, deadline=None)
@given(st.permutations(POOL), st.lists(st.integers(0, len(POOL) - 1), max_size=6))
def test_permutations_and_redeliveries_give_equal_results(
    perm: list[Claim], dups: list[int]
) -> None:
    stream = list(perm)
    for i in dups:
        stream.insert(i, POOL[i])
    state = run(stream)[0]
    assert _results(state) == REFERENCE
    assert decode(encode(state)).buckets == state.buckets  # incremental == rebuilt


def test_reference_numbers() -> None:
    stats = window_stats(run(POOL)[0], as_of=t(3, 0), window=timedelta(days=3))
    assert stats["totals"] == {"ru-mod": {"drone": {"intercepted": 200}},
                               "ua-military": {"drone": {"launched": 9}}}
    assert stats["flags"][0]["parts"] == 178  # 48 + corrected 130


def test_same_partition_offset_is_skipped() -> None:
    state = new_state("RU-BEL")
    state, a = apply(state, count_claim(5, *NIGHT), partition=3, offset=7)
    state, b = apply(state, count_claim(6, *NIGHT, published=t(3, 1), report_id="x"),
                     partition=3, offset=7)
    state, c = apply(state, count_claim(5, *NIGHT), partition=3, offset=8)
    assert (a.outcome, b.outcome, c.outcome) == ("new", "duplicate", "duplicate")
    assert (b.deltas, c.deltas) == ([], [])
    assert totals(state) == {"ru-mod": {"drone": {"intercepted": 5}}}
    assert state.offsets == {3: 8}


# --- lateness and eviction ------------------------------------------------------

def test_late_claim_is_not_applied() -> None:
    # Late = published more than `lateness` after its window ended (order-independent).
    state, _ = run([count_claim(5, t(20, 0), t(20, 4))])
    state, a = apply(state, count_claim(7, t(12, 0), t(12, 4), published=t(20, 5)),
                     partition=0, offset=5, lateness=timedelta(days=7))
    state, b = apply(state, count_claim(8, t(13, 0), t(13, 4), published=t(20, 3)),
                     partition=0, offset=6, lateness=timedelta(days=7))
    assert (a.outcome, a.deltas) == ("late", [])
    assert b.outcome == "new"
    assert totals(state, as_of=t(21, 0), window=timedelta(days=30)) == {
        "ru-mod": {"drone": {"intercepted": 13}}}


def test_lateness_does_not_depend_on_arrival_order() -> None:
    # An old window published on time is not late, even after newer claims arrived
    # (12 June is 8 days behind the watermark, inside retention + lateness = 14 days).
    state, _ = run([count_claim(5, t(20, 0), t(20, 4))])
    state, a = apply(state, count_claim(7, t(12, 0), t(12, 4)), partition=0, offset=5,
                     lateness=timedelta(days=7))
    assert a.outcome == "new"
    # Behind the eviction horizon (20 June 04:00 - 14 days, floored to 6 h = 6 June
    # 00:00) the claims it would be reconciled with are gone: expired (counted, not a
    # DLQ case: it stays in the claims log, outside every window the state serves).
    state, b = apply(state, count_claim(7, t(2, 0), t(2, 4)), partition=0, offset=6,
                     lateness=timedelta(days=7))
    assert b.outcome == "expired"


def test_old_claims_are_evicted_past_retention_plus_lateness() -> None:
    claims = [count_claim(1, t(1, 0), t(1, 4)), count_claim(2, t(2, 0), t(2, 4)),
              count_claim(3, t(3, 0), t(3, 4))]
    state = new_state("RU-BEL")
    for off, c in enumerate(claims):
        state, _ = apply(state, c, partition=0, offset=off, lateness=timedelta(hours=12))
    assert len(state.claims) == 3
    # watermark 9 June 04:00 -> horizon 1 June 16:00, floored to 6 h = 12:00: 1 June goes.
    state, _ = apply(state, count_claim(4, t(9, 0), t(9, 4)), partition=0, offset=9,
                     lateness=timedelta(hours=12))
    assert sorted(r[META][WE] for r in state.claims.values()) == [
        int(t(d, 4).timestamp()) for d in (2, 3, 9)]
    assert sorted(state.hours) == [int(t(d, 3).timestamp()) for d in (2, 3, 9)]
    assert state.parts == {}  # no nested windows here
    assert totals(state, as_of=t(10, 0), window=timedelta(days=30)) == {
        "ru-mod": {"drone": {"intercepted": 9}}}
    # A claim older than the eviction horizon can no longer be reconciled: expired.
    state, a = apply(state, count_claim(6, t(1, 1), t(1, 5)), partition=0, offset=10,
                     lateness=timedelta(hours=12))
    assert (a.outcome, len(state.claims)) == ("expired", 3)


def _casualties(day: int, killed: int) -> Claim:
    start, end = t(day, 0), t(day, 12)
    return Claim(
        claim_id=casualties_id("ru", "RU-BEL", start, end), kind="casualties",
        report_id=f"c{day}", source="tg:gov", lang="ru", published_at=end,
        claimant="ru-official", region="RU-BEL", window_start=start, window_end=end,
        killed=killed, span=(0, 3),
    )


def test_the_window_index_follows_its_groups_through_eviction() -> None:
    """`starts` (what window_lookup bisects) stays the members' window starts, in
    their order, as claims come and are evicted; the same as an index rebuilt."""
    state = new_state("RU-BEL")
    claims: list[Claim] = []
    for day in range(1, 29):
        claims += [count_claim(day, t(day, h), t(day, h + 3)) for h in (2, 0, 9)]
        claims += [count_claim(2 * day, t(day, 0), t(day, 12), weapon="missile"),
                   _casualties(day, day % 3 + 1)]
    for off, c in enumerate(claims):
        state, _ = apply(state, c, partition=0, offset=off, lateness=timedelta(hours=6))
        for index in (state.groups, state.toll_groups):
            assert {k: [state.claims[m][META][WS] for m in ms] for k, ms in index.items()} == {
                k: state.starts[k] for k in index}
    assert min(r[META][WS] for r in state.claims.values()) > int(t(10, 0).timestamp())  # days evicted
    back = decode(encode(state))
    assert back.starts == state.starts and back.groups == state.groups
    assert back.toll_groups == state.toll_groups


# --- persistence ------------------------------------------------------------------

def test_encode_decode_round_trip() -> None:
    state, _ = run(POOL)
    data = encode(state)
    back = decode(data)
    assert back == state
    assert back.buckets == state.buckets
    assert {g: sorted(m) for g, m in back.groups.items()} == {
        g: sorted(m) for g, m in state.groups.items()}
    assert encode(back) == data
    extra = count_claim(1, t(2, 4), t(2, 6), report_id="z")
    s1, a1 = apply(state, extra, partition=0, offset=99)
    s2, a2 = apply(back, extra, partition=0, offset=99)
    assert (a1, _results(s1)) == (a2, _results(s2))


def test_empty_state() -> None:
    state = new_state("ALL")
    assert decode(encode(state)) == state
    stats = window_stats(state, as_of=AS_OF, window=DAY)
    assert (stats["n_claims"], stats["totals"], stats["flags"]) == (0, {}, [])
    assert hourly_series(state, as_of=AS_OF, hours=3) == [
        (t(2, 21), 0), (t(2, 22), 0), (t(2, 23), 0)]
    assert latest_claims(state) == []


# --- incremental reconciliation equals a fold from scratch ------------------------

WINDOW_CHOICES = [(a, b) for a in range(0, 24, 3) for b in range(a + 3, 25, 3)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WINDOW_CHOICES), st.integers(1, 99),
                          st.none() | st.integers(1, 99)),
                min_size=1, max_size=10, unique_by=lambda x: x[0]),
       st.randoms(use_true_random=False))
def test_incremental_allocation_equals_allocation_from_scratch(
    spec: list[tuple[tuple[int, int], int, int | None]], rnd: Any
) -> None:
    from stream.aggregate.reconcile import allocate
    from stream.aggregate.state import cid_key, counted

    def window(a: int, b: int) -> tuple[datetime, datetime]:
        return t(1, 0) + timedelta(hours=a), t(1, 0) + timedelta(hours=b)

    claims = [count_claim(n, *window(a, b), report_id=f"r{a}-{b}") for (a, b), n, _ in spec]
    claims += [count_claim(fix, *window(a, b), report_id=f"fix{a}-{b}", published=t(3, 0))
               for (a, b), _, fix in spec if fix is not None]
    rnd.shuffle(claims)
    # st.randoms prints as "HypothesisRandom(generated data)": without this note a
    # falsifying example would not say in which order the claims arrived
    note(f"arrival order: {[c.report_id for c in claims]}")
    state, _ = run(claims)
    final = {(a, b): n if fix is None else fix for (a, b), n, fix in spec}
    expected, _parts = allocate(list({
        (cid_key(c.claim_id), int(c.window_start.timestamp()), int(c.window_end.timestamp()),
         final[(c.window_start.hour, c.window_end.hour or 24)])
        for c in claims}))
    assert {cid: counted(state, cid, rec) for cid, rec in state.claims.items()} == expected
    assert sum(n for hour in state.buckets.values() for n in hour) == sum(
        expected.values())


# --- event time: never after the publication hour -------------------------------

# A report with no time phrase: the claimant's local calendar day (MSK) as window.
CAL_DAY = (t(1, 21), t(2, 21))


def test_event_time_is_the_publication_hour_when_the_window_ends_later() -> None:
    state = new_state("RU-BEL")
    state, a = apply(state, count_claim(7, *CAL_DAY, published=t(2, 5, 5)), partition=0,
                     offset=0)
    assert a.event_time == t(2, 6)  # 05:05 rounded up, not 21:00
    assert a.deltas == [(t(2, 5), "ru-mod", "drone", "intercepted", 7)]
    assert state.watermark == int(t(2, 6).timestamp())
    assert totals(state, as_of=t(2, 6), window=timedelta(hours=1)) == {
        "ru-mod": {"drone": {"intercepted": 7}}}
    assert latest_claims(state)[0]["event_time"] == t(2, 6).isoformat()
    # a window ending before publication keeps its end
    state, b = apply(state, count_claim(3, *NIGHT, published=t(2, 5, 5)), partition=0, offset=1)
    assert b.event_time == t(2, 4)


RELAYS = [
    count_claim(7, *CAL_DAY, published=t(2, 9, 30), report_id="late-relay", source="tass"),
    count_claim(7, *CAL_DAY, published=t(2, 5, 5), report_id="first", source="mod"),
    count_claim(7, *CAL_DAY, published=t(2, 7, 0), report_id="second", source="ria"),
    count_claim(9, *CAL_DAY, published=t(2, 12, 0), report_id="fix", source="mod"),
    count_claim(20, t(1, 21), t(3, 21), published=t(2, 13, 0), report_id="two-days"),
]


@pytest.mark.parametrize("perm", list(itertools.permutations(range(len(RELAYS)))))
def test_event_time_is_the_earliest_publication_in_every_order(perm: tuple[int, ...]) -> None:
    state = new_state("RU-BEL")
    moved: dict[datetime, int] = {}
    for off, i in enumerate(perm):
        state, applied = apply(state, RELAYS[i], partition=0, offset=off)
        for h, _c, _w, _m, d in applied.deltas:
            moved[h] = moved.get(h, 0) + d
    # The identity sits in the hour of its earliest publication (05:05 -> bucket 05:00)
    # with the corrected value 9; the two-day window (containing it) adds 20 - 9 = 11 at
    # 13:00 (its publication hour).
    series = dict(hourly_series(state, as_of=t(3, 0), hours=24))
    assert {h: n for h, n in series.items() if n} == {t(2, 5): 9, t(2, 12): 11}
    assert {h: d for h, d in moved.items() if d} == {t(2, 5): 9, t(2, 12): 11}
    assert state.watermark == int(t(2, 13).timestamp())
    assert _results(state) == _results(run(RELAYS)[0])
    assert decode(encode(state)).buckets == state.buckets
    assert _hours(decode(encode(state))) == _hours(state)  # incremental == rebuilt


def _hours(state: RegionState) -> dict[int, list[int]]:
    return {h: sorted(c) for h, c in state.hours.items()}


def test_earlier_relay_moves_the_claim_to_an_earlier_hour() -> None:
    state = new_state("RU-BEL")
    state, a = apply(state, RELAYS[0], partition=0, offset=0)
    state, b = apply(state, RELAYS[1], partition=0, offset=1)
    assert a.deltas == [(t(2, 9), "ru-mod", "drone", "intercepted", 7)]
    assert (b.outcome, b.deltas) == ("relay", [(t(2, 5), "ru-mod", "drone", "intercepted", 7),
                                               (t(2, 9), "ru-mod", "drone", "intercepted", -7)])


def test_eviction_uses_event_time() -> None:
    state = new_state("RU-BEL")
    # window ends 9 June 21:00 but published 1 June 03:30: event time 1 June 04:00
    early = count_claim(2, t(1, 0), t(9, 21), published=t(1, 3, 30), report_id="wide")
    state, _ = apply(state, early, partition=0, offset=0, lateness=timedelta(hours=12))
    state, _ = apply(state, count_claim(4, t(9, 0), t(9, 4)), partition=0, offset=1,
                     lateness=timedelta(hours=12))
    # horizon 9 June 04:00 - 7.5 days = 1 June 16:00, floored to 12:00: the wide claim goes
    assert [r[META][WE] for r in state.claims.values()] == [int(t(9, 4).timestamp())]


# --- compact ids ----------------------------------------------------------------

@pytest.mark.parametrize("claim_id", [count_id("ru-mod", t(1, 0), t(1, 4), "RU-BEL", "drone",
                                               "launched"), "x", "", "ABCDEF0123456789abcdef01",
                                      "g" * 24, "0" * 24, "ß∂-id"])
def test_claim_ids_are_stored_as_ints_and_come_back(claim_id: str) -> None:
    from stream.aggregate.state import cid_key, cid_str

    assert cid_str(cid_key(claim_id)) == claim_id


def test_latest_claims_are_the_newest_by_event_time_across_hours() -> None:
    claims = [count_claim(i + 1, t(1, 0), t(1, 1 + i), measure=m, report_id=f"r{i}")
              for i in range(6) for m in ("launched", "intercepted")]
    state, _ = run(claims)
    got = [(c["window_end"], c["measure"]) for c in latest_claims(state, 3)]
    # ties within an hour are broken by claim id, descending
    top = sorted(((t(1, 6).isoformat(), c.measure, c.claim_id) for c in claims[-2:]),
                 key=lambda x: x[2], reverse=True)
    assert got == [(w, m) for w, m, _ in top] + [(t(1, 5).isoformat(), got[2][1])]


# --- casualties and damage across nested windows -----------------------------------

def toll(killed: int, injured: int, start: datetime, end: datetime, rid: str, *,
         claimant: Any = "ru-official", region: str = "RU-BEL") -> Claim:
    from stream.claims import side_of

    return Claim(
        claim_id=casualties_id(side_of(claimant), region, start, end), kind="casualties",
        report_id=rid, source="tg:gov", lang="ru", published_at=end, claimant=claimant,
        region=region, window_start=start, window_end=end, killed=killed, injured=injured,
        span=(0, 3),
    )


def fire(start: datetime, end: datetime, rid: str, kind: Any = "fire") -> Claim:
    from stream.claims import damage_id

    return Claim(
        claim_id=damage_id("RU-BEL", kind, start, end), kind="damage", report_id=rid,
        source="tg:gov", lang="ru", published_at=end, claimant="ru-official", region="RU-BEL",
        window_start=start, window_end=end, damage_kind=kind, span=(0, 3),
    )


@pytest.mark.parametrize(
    ("day24", "expected"),
    # pieces inside the 24 h: night 2 killed 4 injured, evening 1 killed: 3 + 4
    [((3, 5), {"killed": 3, "injured": 5}),    # covers the pieces: adds 0 killed, 1 injured
     ((1, 1), {"killed": 3, "injured": 4}),    # smaller than the pieces: adds nothing
     ((2, 9), {"killed": 3, "injured": 9})],   # reconciled per figure
)
def test_night_and_24h_tolls_of_one_side_count_once_in_every_order(
    day24: tuple[int, int], expected: dict[str, int]
) -> None:
    claims = [toll(2, 4, *NIGHT, "night"), toll(*day24, *DAY24, "day24", claimant="ru-mod"),
              toll(1, 0, *EVENING, "evening")]  # evening is inside DAY24, outside NIGHT
    results = set()
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        stats = window_stats(state, as_of=t(2, 5), window=DAY)
        assert stats["casualties"] == {"ru": expected}
        results.add(repr(stats))
        assert decode(encode(state)) == state
    assert len(results) == 1


def test_tolls_of_different_sides_or_regions_are_not_reconciled() -> None:
    state, _ = run([toll(2, 0, *NIGHT, "n"), toll(3, 0, *DAY24, "d", claimant="ua-official")])
    assert window_stats(state, as_of=t(2, 5), window=DAY)["casualties"] == {
        "ru": {"killed": 2, "injured": 0}, "ua": {"killed": 3, "injured": 0}}


def test_nested_damage_of_one_kind_counts_once() -> None:
    claims = [fire(*NIGHT, "n"), fire(*DAY24, "d"), fire(*DAY24, "d2", kind="residential"),
              fire(t(2, 2), t(2, 6), "overlap")]  # partial overlap: its own fire
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        stats = window_stats(state, as_of=t(2, 6), window=DAY)
        assert stats["damage"] == {"fire": 2, "residential": 1}
        assert stats["n_claims"] == 4


def test_toll_correction_re_reconciles_the_summary() -> None:
    state, _ = run([toll(2, 0, *NIGHT, "n"), toll(3, 0, *DAY24, "d")])
    assert window_stats(state, as_of=t(2, 5), window=DAY)["casualties"]["ru"]["killed"] == 3
    state, a = apply(state, toll(4, 0, *NIGHT, "n-fix").model_copy(
        update={"published_at": t(2, 9)}), partition=0, offset=50)
    assert a.outcome == "correction"
    # night corrected to 4 > the 24 h summary's 3: the summary adds nothing
    assert window_stats(state, as_of=t(2, 5), window=DAY)["casualties"]["ru"]["killed"] == 4
    assert state.tolls == {next(c for c, r in state.claims.items()
                                if r[META][WS] == int(DAY24[0].timestamp())): (0, 0)}


def corrected(killed: int, injured: int, start: datetime, end: datetime, rid: str, *,
              killed_before: int | None = None, injured_before: int | None = None) -> Claim:
    return toll(killed, injured, start, end, rid).model_copy(
        update={"killed_before": killed_before, "injured_before": injured_before})


@pytest.mark.parametrize(
    ("fix", "expected"),
    # night 5 killed 7 injured (the governor's first post), evening 2 killed (another
    # incident); a toll over the day says "не 5, а 3" of the night's dead
    [(corrected(3, 7, *DAY24, "fix", killed_before=5), {"killed": 5, "injured": 7}),
     # upward: "not 2 but 4" of the evening's
     (corrected(4, 0, *DAY24, "fix", killed_before=2), {"killed": 9, "injured": 7}),
     # the injured corrected, the dead as they were
     (corrected(5, 6, *DAY24, "fix", injured_before=7), {"killed": 7, "injured": 6}),
     # no piece of the window has the figure it corrects: a toll as any other
     (corrected(3, 7, *DAY24, "fix", killed_before=9), {"killed": 7, "injured": 7}),
     # the same figures without the mark: a total never counts less than its pieces
     (toll(3, 7, *DAY24, "fix"), {"killed": 7, "injured": 7})],
)
def test_a_toll_that_corrects_an_earlier_figure_replaces_it_in_every_order(
    fix: Claim, expected: dict[str, int]
) -> None:
    claims = [toll(5, 7, *NIGHT, "night"), toll(2, 0, *EVENING, "evening"), fix]
    results = set()
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        stats = window_stats(state, as_of=t(2, 5), window=DAY)
        assert stats["casualties"] == {"ru": expected}
        results.add(repr((stats, sorted(state.tolls.items()))))
        assert decode(encode(state)) == state
    assert len(results) == 1


def test_a_correction_is_shown_with_the_figure_it_corrects() -> None:
    state, _ = run([toll(5, 7, *NIGHT, "night"), corrected(3, 7, *DAY24, "fix", killed_before=5)])
    (fix,) = [c for c in latest_claims(state) if c["report_id"] == "fix"]
    assert (fix["killed"], fix["qualifier"], fix["corrects"]) == (3, "exact", {"killed": 5, "injured": 0})
    (night,) = [c for c in latest_claims(state) if c["report_id"] == "night"]
    assert night["corrects"] is None
    # the night alone now reads the corrected figure; the day adds nothing of its own
    assert sorted(state.tolls.values()) == [(0, 0), (3, 7)]


POOL2 = [
    *RELAYS,
    corrected(3, 0, t(1, 16), t(1, 21), "tfix", killed_before=1),  # the evening's 1 was 3
    toll(2, 4, *NIGHT, "tn"), toll(3, 5, *DAY24, "td", claimant="ru-mod"),
    toll(1, 0, *EVENING, "te"), toll(5, 0, *NIGHT, "tn-fix").model_copy(
        update={"published_at": t(2, 9)}),
    fire(*NIGHT, "fn"), fire(*DAY24, "fd"), fire(t(2, 2), t(2, 6), "fo"),
    count_claim(48, *EVENING, report_id="e"), count_claim(200, *DAY24, report_id="s"),
    count_claim(120, *NIGHT, report_id="n-early", published=t(2, 3, 30)),
]


def _results2(state: RegionState) -> str:
    return repr((window_stats(state, as_of=t(3, 0), window=timedelta(days=3)),
                 window_stats(state, as_of=t(2, 6), window=timedelta(hours=6)),
                 hourly_series(state, as_of=t(3, 0), hours=72), latest_claims(state),
                 sorted(state.tolls.items())))


REFERENCE2 = _results2(run(POOL2)[0])


@settings(max_examples=80, deadline=None)
@given(st.permutations(POOL2), st.lists(st.integers(0, len(POOL2) - 1), max_size=6))
def test_tolls_event_times_and_counts_are_order_independent(
    perm: list[Claim], dups: list[int]
) -> None:
    stream = list(perm)
    for i in dups:
        stream.insert(i, POOL2[i])
    state = run(stream)[0]
    assert _results2(state) == REFERENCE2
    back = decode(encode(state))
    assert (back.buckets, _hours(back), _results2(back)) == (
        state.buckets, _hours(state), REFERENCE2)


def test_pool2_reference_numbers() -> None:
    stats = window_stats(run(POOL2)[0], as_of=t(3, 0), window=timedelta(days=3))
    # tolls: night corrected to 5 killed / 4 injured, evening 1 corrected to 3 by a toll
    # around it: pieces 8 / 4 exceed the 24 h summary's 3 / 5 except 1 injured
    assert stats["casualties"] == {"ru": {"killed": 8, "injured": 5}}
    assert stats["damage"] == {"fire": 2}


# --- a window speaks for no more than what was out when it was published -------------

def test_a_morning_day_report_does_not_swallow_the_evening_bulletin() -> None:
    """A report without a time phrase gets the whole local day (21:00-21:00 UTC) as its
    window: "9 drones" published at 05:15 cannot hold the 8 a bulletin counts from
    17:00 to 20:00; nested by their windows the evening was taken for one of its pieces
    and the day read 9. A relay published earlier still shortens it further."""
    morning = count_claim(9, *CAL_DAY, published=t(2, 5, 15), report_id="morning")
    earlier = count_claim(9, *CAL_DAY, published=t(2, 3, 40), report_id="relay", source="tass")
    night = count_claim(4, t(2, 0), t(2, 3), report_id="night")  # inside what was out by 05:15
    evening = count_claim(8, t(2, 17), t(2, 20), report_id="evening")
    day = timedelta(days=1)
    for perm in itertools.permutations([morning, earlier, night, evening]):
        state, _ = run(list(perm))
        assert totals(state, as_of=t(2, 21), window=day) == {"ru-mod": {"drone": {"intercepted": 17}}}
        series = {h: n for h, n in hourly_series(state, as_of=t(2, 21), hours=24) if n}
        # the day report (from 03:40 on) adds 9 - 4 beyond the night piece it holds
        assert series == {t(2, 2): 4, t(2, 3): 5, t(2, 19): 8}
        assert decode(encode(state)).buckets == state.buckets  # incremental == rebuilt


def test_a_morning_toll_does_not_swallow_an_evening_one() -> None:
    start, end = t(1, 21), t(2, 21)

    def toll(killed: int, ws: datetime, we: datetime, published: datetime, rid: str) -> Claim:
        return Claim(claim_id=casualties_id("ru", "RU-BEL", ws, we), kind="casualties",
                     report_id=rid, source="tg:gov", lang="ru", published_at=published,
                     claimant="ru-official", region="RU-BEL", window_start=ws, window_end=we,
                     killed=killed, span=(0, 3))

    claims = [toll(2, start, end, t(2, 7), "morning"), toll(3, t(2, 17), t(2, 18), t(2, 18, 30), "evening")]
    for perm in itertools.permutations(claims):
        state, _ = run(list(perm))
        stats = window_stats(state, as_of=t(2, 21), window=timedelta(days=1))
        assert stats["casualties"]["ru"]["killed"] == 5


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WINDOW_CHOICES), st.integers(1, 99),
                          st.none() | st.integers(1, 23)),
                min_size=1, max_size=8, unique_by=lambda x: x[0]),
       st.randoms(use_true_random=False))
def test_windows_shortened_by_publication_allocate_as_from_scratch(
    spec: list[tuple[tuple[int, int], int, int | None]], rnd: Any
) -> None:
    """Claims whose earliest relay came out before their window ended (hour `early`
    of the day), in any order: the counted parts are those of an allocation from
    scratch over windows ending at that publication hour."""
    from stream.aggregate.reconcile import allocate
    from stream.aggregate.state import cid_key, counted

    def at(hour: int) -> datetime:
        return t(1, 0) + timedelta(hours=hour)

    claims, spans = [], {}
    for (a, b), n, early in spec:
        claims.append(count_claim(n, at(a), at(b), report_id=f"r{a}-{b}"))
        end = at(b)
        if early is not None:
            claims.append(count_claim(n, at(a), at(b), report_id=f"e{a}-{b}", source="tass",
                                      published=at(early) - timedelta(minutes=30)))
            if a < early < b:
                end = at(early)
        spans[cid_key(claims[-1].claim_id)] = (int(at(a).timestamp()), int(end.timestamp()), n)
    rnd.shuffle(claims)
    note(f"arrival order: {[c.report_id for c in claims]}")
    state, _ = run(claims)
    expected, _parts = allocate([(cid, ws, we, n) for cid, (ws, we, n) in spans.items()])
    assert {cid: counted(state, cid, rec) for cid, rec in state.claims.items()} == expected
    assert sum(n for hour in state.buckets.values() for n in hour) == sum(expected.values())


def test_an_hour_read_by_the_detectors_does_not_change_with_a_later_correction() -> None:
    from stream.aggregate import hour_activity

    def at(h: int, m: int, s: int = 0) -> datetime:
        return datetime(2025, 1, 6, h, m, s, tzinfo=UTC)

    night = (datetime(2025, 1, 5, 20, tzinfo=UTC), at(4, 0))
    post = count_claim(5, at(5, 27), at(5, 28), claimant="ru-official", published=at(5, 27, 28),
                       report_id="gov", source="telegram:governor")
    relay = count_claim(5, *night, claimant="ru-official", published=at(5, 52), report_id="wire",
                        source="reuters")
    correction = count_claim(1, *night, claimant="ru-official", published=at(9, 45), report_id="gov2",
                             source="telegram:governor")
    grace = 2 * 3600
    hours = [int(at(h, 0).timestamp()) for h in range(0, 8)]  # all closed before 09:45
    readings = []
    for claims in ([post, relay], [post, relay, correction]):
        state = new_state("RU-NIZ")
        for off, c in enumerate(claims):
            state, _ = apply(state, c, partition=0, offset=off)
        readings.append([hour_activity(state, h, h + 3600 + grace)[0] for h in hours])
    assert sum(readings[0]) == 5  # the relay restates the post: counted once
    assert readings[1] == readings[0]


def test_each_source_keeps_the_hour_of_its_earliest_report_in_every_order() -> None:
    """A relay by another outlet adds a source but no version; the record keeps when each
    source first reported it (hours after the earliest report's hour), whatever arrives
    first: an earlier report moves the base, a source's earlier report moves its hour."""
    from stream.aggregate.state import sources_as_of

    def at(h: int, m: int = 0) -> datetime:
        return datetime(2025, 1, 6, h, m, tzinfo=UTC)

    night = (datetime(2025, 1, 5, 20, tzinfo=UTC), at(4))
    claims = [count_claim(5, *night, published=at(4, 30), report_id="mod", source="tg:mod"),
              count_claim(5, *night, published=at(7, 10), report_id="wire1", source="wire"),
              count_claim(5, *night, published=at(6, 5), report_id="wire0", source="wire"),
              count_claim(5, *night, published=at(9, 59), report_id="tass", source="tass")]
    cid = cid_key(claims[0].claim_id)
    for perm in itertools.permutations(claims):
        state = new_state("RU-BEL")
        for off, c in enumerate(perm):
            state, _ = apply(state, c, partition=0, offset=off)
        rec = state.claims[cid]
        assert (rec[SOURCES], rec[HOURS]) == (("tass", "tg:mod", "wire"), (5, 0, 2)), perm
        read = {h: sources_as_of(rec, int(at(h).timestamp())) for h in (5, 6, 7, 8, 10, 11)}
        # a report counts once the hour it was published in has ended (04:30 by 05:00)
        assert read == {5: set(), 6: {"tg:mod"}, 7: {"tg:mod"}, 8: {"tg:mod", "wire"},
                        10: {"tg:mod", "wire"}, 11: {"tg:mod", "wire", "tass"}}
