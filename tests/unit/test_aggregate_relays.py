"""An official's untimed post and the outlets restating it under another window
("overnight, the governor said") count once (stream/aggregate/relays.py), in every
arrival order, and the incremental fold equals the definition applied from scratch."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, note, settings
from hypothesis import strategies as st

from stream.aggregate import apply, encode, latest_claims, new_state, window_stats
from stream.aggregate.reconcile import allocate
from stream.aggregate.state import RegionState, cid_key, counted
from stream.claims import claims_of, count_id
from stream.models import Claim, RawReport
from stream.normalize import normalize


def _claims(source: str, published: str, text: str, rid: str) -> list[Claim]:
    report = normalize(RawReport(id=rid, source=source, text=text,
                                 published_at=datetime.fromisoformat(published)))
    return [c for c in claims_of(report) if c.kind == "count"]


def _fold(claims: list[Claim] | tuple[Claim, ...], key: str = "RU-BEL") -> RegionState:
    state = new_state(key)
    for off, c in enumerate(claims):
        state, _ = apply(state, c, partition=0, offset=off)
    return state


def _totals(state: RegionState, as_of: datetime = datetime(2025, 7, 12, tzinfo=UTC)) -> dict[str, Any]:
    return window_stats(state, as_of=as_of, window=timedelta(days=3))["totals"]  # type: ignore[no-any-return]


POST = ("telegram:vvgladkov", "2025-07-10T05:15:00+00:00",
        "Над Белгородской областью сбиты 5 беспилотников. Пострадавших нет.")
OVERNIGHT_EN = ("reuters", "2025-07-10T07:00:00+00:00",
                "Five drones were shot down over the Belgorod region overnight, "
                "Governor Vyacheslav Gladkov said.")
OVERNIGHT_RU = ("ria", "2025-07-10T05:40:00+00:00",
                "Над Белгородской областью ночью сбиты 5 беспилотников, сообщил губернатор "
                "Вячеслав Гладков.")
UNTIMED = ("tass", "2025-07-10T05:30:00+00:00",
           "Пять беспилотников сбиты над Белгородской областью, сообщил губернатор Вячеслав "
           "Гладков в своем Telegram-канале.")


def test_a_governors_untimed_post_and_its_overnight_relays_count_once_in_every_order() -> None:
    reports = [POST, OVERNIGHT_EN, OVERNIGHT_RU, UNTIMED]
    claims = [c for i, r in enumerate(reports) for c in _claims(*r, rid=f"r{i}")]
    # three identities: the post's minute, the night of the relays, the relay's day
    assert len({c.claim_id for c in claims}) == 3
    states = set()
    for perm in itertools.permutations(claims):
        state = _fold(perm)
        assert _totals(state) == {"ru-official": {"drone": {"intercepted": 5}}}, perm
        states.add(encode(state))
    assert len(states) == 1
    shown = {c["report_id"]: (c["counted"], c["restates"]) for c in latest_claims(_fold(claims))}
    post = claims[0].claim_id
    # r1 relays r2 (the night, published first); the day of r3 holds the post's minute, so it
    # is reconciled as a summary of it, not matched
    assert shown == {"r0": (5, None), "r2": (0, post), "r3": (0, None)}


def test_a_correction_of_the_post_un_matches_its_relay() -> None:
    """The relay said 5, the governor's post now says 6: no longer the same figure."""
    fix = ("telegram:vvgladkov", "2025-07-10T05:15:00+00:00",
           "Над Белгородской областью сбиты 6 беспилотников. Пострадавших нет.")
    claims = [*_claims(*POST, rid="post"), *_claims(*OVERNIGHT_EN, rid="relay")]
    # the same minute, published later: a version of the post's identity
    [corr] = _claims(*fix, rid="post-fix")
    corr = corr.model_copy(update={"published_at": corr.published_at + timedelta(seconds=30)})
    states = set()
    for perm in itertools.permutations([*claims, corr]):
        state = _fold(perm)
        assert _totals(state) == {"ru-official": {"drone": {"intercepted": 11}}}, perm
        states.add(encode(state))
    assert len(states) == 1


def test_what_is_not_a_relay_of_the_post_still_counts() -> None:
    cases = {
        # the governor's own night summary with the same figure: his own claim, not a relay
        "own channel": ("telegram:vvgladkov", "2025-07-10T06:30:00+00:00",
                        "Ночью над Белгородской областью сбиты 5 беспилотников."),
        # published before the post: it cannot restate it
        "earlier": ("reuters", "2025-07-10T05:05:00+00:00", OVERNIGHT_EN[2]),
        # another figure
        "other figure": ("reuters", "2025-07-10T07:00:00+00:00",
                         "Seven drones were shot down over the Belgorod region overnight, "
                         "Governor Vyacheslav Gladkov said."),
    }
    for what, relay in cases.items():
        claims = [*_claims(*POST, rid="post"), *_claims(*relay, rid="other")]
        assert len({c.claim_id for c in claims}) == 2, what
        n = sum(c.count for c in claims)
        assert _totals(_fold(claims)) == {"ru-official": {"drone": {"intercepted": n}}}, what
    # a post more than three hours after the night ended is not about the night
    late = ("telegram:vvgladkov", "2025-07-10T09:15:00+00:00", POST[2])
    relay = ("reuters", "2025-07-10T10:00:00+00:00", OVERNIGHT_EN[2])
    claims = [*_claims(*late, rid="post"), *_claims(*relay, rid="relay")]
    assert _totals(_fold(claims)) == {"ru-official": {"drone": {"intercepted": 10}}}


BULLETIN = ("telegram:mod_russia", "2025-11-16T04:05:00+00:00",
            "В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены 64 украинских "
            "беспилотных летательных аппарата самолетного типа:\n22 – над территорией Брянской области,"
            "\n17 – над территорией Курской области,\n12 – над территорией Белгородской области,\n8 – "
            "над территорией Воронежской области,\n5 – над акваторией Черного моря.")
UNTIMED_RELAY = ("interfax", "2025-11-16T06:15:00+00:00",
                 "Силы ПВО уничтожили 64 украинских беспилотника, сообщило Министерство обороны РФ. "
                 "По данным ведомства, 22 беспилотника сбиты над Брянской областью, 17 - над Курской, "
                 "12 - над Белгородской, 8 - над Воронежской, еще 5 - над акваторией Черного моря.")


LATER = datetime(2025, 11, 18, tzinfo=UTC)


def test_an_untimed_morning_relay_of_the_night_bulletin_counts_once_in_every_order() -> None:
    """The relay's calendar day holds the 23:00-07:00 night (it starts the night before), so the
    relay is reconciled as a summary of the bulletin. A window that starts inside the night (the
    calendar day from midnight, as it was) only overlaps it: then the relay is matched to the
    bulletin. Either way every region counts its figure once."""
    bulletin, relay = _claims(*BULLETIN, rid="mod"), _claims(*UNTIMED_RELAY, rid="ifx")
    midnight = datetime(2025, 11, 15, 21, tzinfo=UTC)  # 00:00 Moscow time
    overlapping = [c.model_copy(update={
        "window_start": midnight, "claim_id": count_id(c.claimant, midnight, c.window_end, c.region,
                                                       c.weapon or "drone", c.measure or "intercepted")})
        for c in relay]
    want = {"RU-BRY": 22, "RU-KRS": 17, "RU-BEL": 12, "RU-VOR": 8, "SEA-BLACK": 5, None: 64}
    for relays in (relay, overlapping):
        by_key: dict[str | None, list[Claim]] = {}
        for c in [*bulletin, *relays]:
            by_key.setdefault(c.region, []).append(c)
        for region, claims in by_key.items():
            assert len(claims) == 2, region
            for perm in itertools.permutations(claims):
                state = _fold(perm, region or "ALL")
                assert _totals(state, LATER) == {"ru-mod": {"drone": {"intercepted": want[region]}}}, region
                assert window_stats(state, as_of=LATER, window=timedelta(days=3))["flags"] == []


# --- the incremental fold equals the definition from scratch ------------------------

DAY0 = datetime(2026, 6, 1, tzinfo=UTC)
HOUR = 3600


def _claim(ws: datetime, we: datetime, n: int, pub: datetime, source: str, rid: str) -> Claim:
    return Claim(claim_id=count_id("ru-official", ws, we, "RU-BEL", "drone", "intercepted"),
                 kind="count", report_id=rid, source=source, lang="ru", published_at=pub,
                 claimant="ru-official", region="RU-BEL", window_start=ws, window_end=we,
                 weapon="drone", measure="intercepted", count=n, span=(0, 1))


def _post(minute: int, n: int, source: str, rid: str) -> Claim:
    at = DAY0 + timedelta(minutes=minute)
    return _claim(at, at + timedelta(minutes=1), n, at + timedelta(seconds=20), source, rid)


def _relay(a: int, b: int, n: int, pub_minute: int, source: str, rid: str) -> Claim:
    return _claim(DAY0 + timedelta(hours=a), DAY0 + timedelta(hours=b), n,
                  DAY0 + timedelta(minutes=pub_minute), source, rid)


def _expected(claims: list[Claim]) -> dict[int, int]:
    """The counted part of each identity, by the rules of relays.py and reconcile.py
    applied to the whole set at once."""
    by_id: dict[str, list[Claim]] = {}
    for c in claims:
        by_id.setdefault(c.claim_id, []).append(c)
    recs = {}
    for cid, cs in by_id.items():
        firsts: dict[int, tuple[datetime, str]] = {}
        for c in cs:  # every value's first appearance; the latest of those is in force
            firsts[c.count] = min(firsts.get(c.count, (c.published_at, c.report_id)),
                                  (c.published_at, c.report_id))
        value = max(firsts, key=lambda v: firsts[v])
        first = int(min(c.published_at for c in cs).timestamp())
        ws, we = int(cs[0].window_start.timestamp()), int(cs[0].window_end.timestamp())
        end = -(-first // HOUR) * HOUR
        span = (ws, end if ws < end < we else we)
        post = we - ws in (60, HOUR) and ws <= first < we
        recs[cid_key(cid)] = (value, first, span, post, {c.source for c in cs})

    def restated(rid: int, r: tuple[Any, ...]) -> bool:
        value, first, (rs, re_), post, sources = r
        if post:
            return False
        for pid, (p_value, p_first, (ps, pe), p_post, p_sources) in recs.items():
            if pid == rid or p_value != value or sources & p_sources:
                continue
            if not ((p_first, pid) < (first, rid) and first <= p_first + 24 * HOUR):
                continue
            holds_start = ps < rs < pe < re_  # a night bulletin and a relay of its morning
            post_after = p_post and rs <= ps and pe > re_ and ps - re_ <= 3 * HOUR
            if holds_start or post_after:
                return True
        return False

    shadowed = {cid for cid, r in recs.items() if restated(cid, r)}
    counted_parts, _ = allocate([(cid, *r[2], r[0]) for cid, r in recs.items()
                                 if cid not in shadowed])
    return {cid: counted_parts.get(cid, 0) for cid in recs}


POST_SPEC = st.tuples(st.just("post"), st.integers(0, 20 * 60), st.integers(1, 3),
                      st.sampled_from(["tg:gov", "tg:mayor"]))
RELAY_SPEC = st.tuples(st.just("relay"), st.tuples(st.integers(0, 18), st.integers(1, 6)),
                       st.integers(1, 3), st.sampled_from(["tg:gov", "wire", "tass"]),
                       st.integers(0, 30 * 60))


def claims_of_spec(spec: list[Any]) -> list[Claim]:
    """The claims a list of POST_SPEC and RELAY_SPEC draws stands for."""
    claims = []
    for i, s in enumerate(spec):
        if s[0] == "post":
            claims.append(_post(s[1], s[2], s[3], f"p{i}"))
        else:
            (a, length), n, source, pub = s[1:]
            claims.append(_relay(a, a + length, n, pub, source, f"r{i}"))
    return claims


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(POST_SPEC, RELAY_SPEC), min_size=1, max_size=9),
       st.randoms(use_true_random=False))
def test_incremental_shadowing_equals_the_definition_from_scratch(spec: list[Any], rnd: Any) -> None:
    claims = claims_of_spec(spec)
    rnd.shuffle(claims)
    note(f"arrival order: {[(c.report_id, c.count, c.source) for c in claims]}")
    state = _fold(claims)
    expected = _expected(claims)
    assert {cid: counted(state, cid, rec) for cid, rec in state.claims.items()} == expected
    assert sum(n for hour in state.buckets.values() for n in hour) == sum(expected.values())


def test_a_window_that_grows_back_when_an_earlier_report_comes_in_reconciles_as_from_scratch() -> None:
    """A claim's window ends at its earliest report's hour while that lies inside it; a report of
    it published before the window even starts gives it the whole window back (longer). The
    summary that held the shorter window must let it go (found by the property test below:
    the incremental fold had kept the summary at 0)."""
    summary = _relay(3, 9, 1, 0, "tg:gov", "r0")
    late, early = _relay(8, 10, 1, 8 * 60 + 1, "tg:gov", "r1"), _relay(8, 10, 1, 0, "tg:gov", "r2")
    for perm in itertools.permutations([summary, late, early]):
        state = _fold(list(perm))
        assert {cid: counted(state, cid, rec) for cid, rec in state.claims.items()} == _expected(
            list(perm)), [c.report_id for c in perm]
