"""The start-sorted window index of a reconciliation group: the windows it finds are
exactly those a scan of the group finds, and an incremental fold over it equals an
allocation from scratch whatever the window lengths and the arrival order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from stream.aggregate import apply, decode, encode, new_state
from stream.aggregate.reconcile import allocate
from stream.aggregate.state import META, WE, WS, cid_key, counted, group_of, window_lookup
from stream.claims import count_id
from stream.models import Claim

BASE = datetime(2026, 6, 1, tzinfo=UTC)
# (start hour, length in hours) over four days: lengths from an hour to three days,
# so the longest window of a group (the index's span) grows in any order
WINDOWS = st.tuples(st.integers(0, 96), st.integers(1, 72))


def claim(start: int, length: int, n: int, *, fix: bool = False) -> Claim:
    """A count claim of one group; a fix (correction) is published an hour after it."""
    ws, we = BASE + timedelta(hours=start), BASE + timedelta(hours=start + length)
    pub = we + timedelta(hours=2 if fix else 1)
    return Claim(claim_id=count_id("ru-mod", ws, we, "RU-KRS", "drone", "intercepted"),
                 kind="count", report_id=f"r{start}-{length}-{n}", source="mod", lang="en",
                 published_at=pub, claimant="ru-mod", region="RU-KRS", window_start=ws,
                 window_end=we, weapon="drone", measure="intercepted", count=n, span=(0, 1))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WINDOWS, st.integers(1, 50), st.none() | st.integers(1, 50)),
                min_size=1, max_size=14, unique_by=lambda x: x[0]),
       st.randoms(use_true_random=False))
def test_incremental_fold_over_the_index_equals_allocation_from_scratch(
        spec: list[tuple[tuple[int, int], int, int | None]], rnd: Any) -> None:
    claims = [claim(s, n_h, n) for (s, n_h), n, _ in spec]
    claims += [claim(s, n_h, fix, fix=True) for (s, n_h), _, fix in spec if fix is not None]
    rnd.shuffle(claims)
    state = new_state("RU-KRS")
    for offset, c in enumerate(claims):
        state, _ = apply(state, c, partition=0, offset=offset)
    final = {(s, n_h): n if fix is None else fix for (s, n_h), n, fix in spec}
    expected, parts = allocate([
        (cid_key(claim(s, n_h, 1).claim_id), int((BASE + timedelta(hours=s)).timestamp()),
         int((BASE + timedelta(hours=s + n_h)).timestamp()), n) for (s, n_h), n in final.items()])
    assert {cid: counted(state, cid, rec) for cid, rec in state.claims.items()} == expected
    assert state.parts == parts
    back = decode(encode(state))  # the index rebuilt from scratch finds the same windows
    assert back.buckets == state.buckets
    (g, members), = state.groups.items()
    assert sorted(members) == sorted(back.groups[g])
    assert [state.claims[m][META][WS] for m in members] == sorted(state.claims[m][META][WS] for m in members)
    # the starts window_lookup bisects follow the members, built claim by claim or rebuilt
    for one in (state, back):
        for index in (one.groups, one.toll_groups):
            assert {k: [one.claims[m][META][WS] for m in ms] for k, ms in index.items()} == {
                k: one.starts[k] for k in index}

    # every range query equals a scan of the group
    lookup = window_lookup(state, members, g)
    metas = [state.claims[m][META] for m in members]
    bounds = sorted({w[WS] for w in metas} | {w[WE] for w in metas})
    for lo in bounds[::2]:
        for hi in bounds[::3]:
            if lo > hi:
                continue
            scan = {(m, r[WS], r[WE]) for m in members
                    if (r := state.claims[m][META])[WS] <= hi and lo <= r[WE]}
            assert set(lookup(lo, hi)) == scan
    assert all(group_of(state.claims[m]) == g for m in members)
