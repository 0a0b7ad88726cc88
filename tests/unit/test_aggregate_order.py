"""The fold is a function of the SET of claims: every arrival order, with re-deliveries,
gives the same stored bytes and the same query results. Here for what a claim identity
does not pin down: the claimant of a damage or casualties identity (not part of it), the
excerpt of the version in force, and the watermark (relays that change nothing)."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from stream.aggregate import (
    RegionState,
    apply,
    decode,
    encode,
    hourly_series,
    latest_claims,
    new_state,
    window_stats,
)
from stream.aggregate.tolls import toll_counted
from stream.claims import casualties_id, count_id, damage_id
from stream.models import Claim
from stream.pipeline import Normalized, Place, normalize_record
from stream.simulate.reports import simulate_reports


def t(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


WS, WE = t(1, 21), t(2, 21)


def fire(claimant: Any, published: datetime, rid: str, source: str) -> Claim:
    return Claim(claim_id=damage_id("RU-SAR", "fire", WS, WE), kind="damage",
                 damage_kind="fire", report_id=rid, source=source, lang="ru",
                 published_at=published, claimant=claimant, region="RU-SAR",
                 window_start=WS, window_end=WE, span=(0, 5), excerpt=f"fire ({rid})")


def toll(claimant: Any, killed: int, published: datetime, rid: str, source: str) -> Claim:
    return Claim(claim_id=casualties_id("ru", "RU-SAR", WS, WE), kind="casualties",
                 report_id=rid, source=source, lang="ru", published_at=published,
                 claimant=claimant, region="RU-SAR", window_start=WS, window_end=WE,
                 killed=killed, span=(0, 3), excerpt=f"{killed} dead ({rid})")


def drones(n: int, published: datetime, rid: str, source: str) -> Claim:
    ws, we = t(1, 20), t(2, 20)  # a day's window: event times follow publication
    return Claim(claim_id=count_id("ru-official", ws, we, "RU-SAR", "drone", "intercepted"),
                 kind="count", report_id=rid, source=source, lang="en",
                 published_at=published, claimant="ru-official", region="RU-SAR",
                 window_start=ws, window_end=we, weapon="drone", measure="intercepted",
                 count=n, span=(0, 5), excerpt=f"{n} drones ({rid})")


POOL = [
    # one fire told by the governor ("ru-official") and, earlier, by a wire quoting
    # nobody ("other"): one damage identity, two claimants
    fire("ru-official", t(2, 11, 31), "gov", "telegram:busargin"),
    fire("other", t(2, 10, 9), "wire", "ria"),
    fire("ru-official", t(2, 15), "gov-relay", "tass"),
    # one side's toll from two claimants of that side, and a correction
    toll("ru-official", 2, t(2, 9), "t-gov", "telegram:busargin"),
    toll("ru-mod", 2, t(2, 8), "t-mod", "telegram:mod_russia"),
    toll("ru-official", 3, t(2, 12), "t-fix", "telegram:busargin"),
    # 3 (relayed earlier by reuters), then 2, then 3 again: the value in force is 2,
    # whose excerpt must be kept even when it arrives while 3 is in force
    drones(3, t(2, 3, 28), "d-tass", "tass"),
    drones(2, t(2, 3, 9), "d-two", "tass"),
    drones(3, t(2, 3, 1), "d-reuters", "reuters"),
    # a relay that changes nothing (same value and source, later): still moves the
    # watermark, in every order
    drones(2, t(2, 17, 30), "d-late", "tass"),
]


def fold(claims: list[Claim]) -> RegionState:
    state = new_state("RU-SAR")
    # One partition per claim (its index in POOL), offset = its delivery number: the
    # stored offsets are then the same in every order.
    seen: dict[int, int] = {}
    for c in claims:
        p = POOL.index(c)
        seen[p] = seen.get(p, -1) + 1
        state, _ = apply(state, c, partition=p, offset=seen[p])
    return state


def results(state: RegionState) -> Any:
    as_of = t(3, 0)
    return (
        [window_stats(state, as_of=as_of, window=w)
         for w in (timedelta(hours=6), timedelta(days=1), timedelta(days=7))],
        hourly_series(state, as_of=as_of, hours=48),
        latest_claims(state),
        sorted((cid, toll_counted(state, cid, rec)) for cid, rec in state.claims.items()
               if rec[0][0] != "count"),
    )


def test_every_order_and_redelivery_gives_one_state() -> None:
    ref = fold(POOL)
    ref_bytes, ref_results = encode(ref), results(ref)
    rnd = random.Random(5)
    orders = [list(p) for p in itertools.permutations(POOL[:3])]  # all of the fire's
    orders += [rnd.sample(POOL, len(POOL)) for _ in range(200)]
    for order in orders:
        order += [c for c in POOL if c not in order]
        for again in ([], rnd.sample(POOL, 3)):
            state = fold([*order[:4], *again, *order[4:], *again])
            got, want = orjson.loads(encode(state)), orjson.loads(ref_bytes)
            got.pop("offsets")  # a re-delivery moves only its partition's offset
            want.pop("offsets")
            assert got == want, [c.report_id for c in order]
            assert results(state) == ref_results
            assert encode(decode(encode(state))) == encode(state)


def test_the_claimant_is_the_earliest_claims() -> None:
    by_kind = {c["kind"]: c for c in latest_claims(fold(POOL[::-1]))}
    assert by_kind["damage"]["claimant"] == "other"  # the wire, 10:09, before the governor
    assert by_kind["casualties"]["claimant"] == "ru-mod"  # 08:00, before 09:00
    assert by_kind["count"]["excerpt"] == "2 drones (d-two)"


def test_watermark_counts_relays_that_change_nothing() -> None:
    state = fold([POOL[7], POOL[9]])
    # min(window end, publication rounded up to the hour) of the later claim
    assert state.watermark == int(t(2, 18).timestamp())
    assert fold([POOL[9], POOL[7]]).watermark == state.watermark


def simulated_claims(n_reports: int) -> list[Claim]:
    start = datetime(2025, 3, 1, tzinfo=UTC)
    out: list[Claim] = []
    for i, sim in enumerate(simulate_reports(n_reports, seed=3, start=start, intensity=30)):
        res = normalize_record(orjson.dumps(sim.raw), Place("raw", 0, i),
                               start + timedelta(days=60))
        if isinstance(res, Normalized):
            out += res.claims
    return out


def test_simulated_claims_fold_to_the_same_bytes_in_any_order() -> None:
    claims = simulated_claims(1_200)
    assert len(claims) > 2_500
    index = {id(c): i for i, c in enumerate(claims)}

    def fold_all(order: list[Claim]) -> dict[str, bytes]:
        states: dict[str, RegionState] = {}
        for c in order:
            st = states.get(c.key) or new_state(c.key)
            states[c.key], _ = apply(st, c, partition=index[id(c)], offset=0)
        return {k: encode(s) for k, s in states.items()}

    ref = fold_all(claims)
    for seed in (1, 2, 3):
        order = random.Random(seed).sample(claims, len(claims))
        got = fold_all(order)
        assert got.keys() == ref.keys()
        for key in ref:
            assert got[key] == ref[key], key
