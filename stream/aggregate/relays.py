"""PURE: relays that restate an official's post under another window count once.

An official posting on their own channel without a time phrase gets the minute (a
ministry the hour) of the post as its window (normalize/windows.py): incident-by-
incident posts then add up. An outlet relaying that post says when it happened in its
own words ("five drones were shot down over the region overnight, the governor said"),
so the relay gets the night as its window: another claim identity, and a window that
neither holds the post's minute nor lies inside it, so reconcile.py would count both.

Here such a relay is matched to the post it restates and counts nothing ("shadowed"):
a count identity R that is not a post is shadowed when some post P of the same region,
claimant, weapon and measure

- has the same count in force,
- starts inside R's window or at most `GAP` after it ends, and does not lie inside it
  (a window holding the post is reconciled as usual: a summary of its pieces),
- was published no later than R's earliest report, and at most `DELAY` before it,
- shares no source with R (an identity its own channel also reported is the claimant's
  own figure, not a relay of another post: a bulletin with the same number as a post
  after it is not that post's relay).

All of that is a function of the two records (values in force, windows as reconcile
nests them, earliest publications, sources), so the shadowed set is a function of the
set of claims seen, whatever their order; apply.py keeps it up to date incrementally
(`neighbours`), and reconcile.allocate runs over the claims that are not shadowed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stream.aggregate.state import FIRST, HOUR, META, SOURCES, WE, WS, Cid, Rec, span_of

#: how long after a relay's window ends the post it restates may start (a governor
#: posts about the night in the morning; the night ends at 07:00 local)
GAP = 3 * HOUR
#: how long after the post a relay may first be published
DELAY = 24 * HOUR
_POST_SPANS = (60, HOUR)

Lookup = Callable[[int, int], Sequence[tuple[Cid, int, int]]]


def is_post(rec: Rec) -> bool:
    """A post's own window: a minute or an hour holding the identity's earliest report."""
    meta = rec[META]
    ws, we = meta[WS], meta[WE]
    return we - ws in _POST_SPANS and ws <= rec[FIRST] < we


def restates(r: Rec, r_span: tuple[int, int], p: Rec, p_span: tuple[int, int]) -> bool:
    """Whether the identity `r` (not a post) restates the post `p` (module docstring)."""
    if r[-1][0] != p[-1][0]:
        return False
    rs, re_ = r_span
    ps, pe = p_span
    if ps < rs or pe <= re_ or ps - re_ > GAP:
        return False
    first = r[FIRST]
    if not ps <= first <= ps + DELAY:
        return False
    return not set(r[SOURCES]).intersection(p[SOURCES])


def restated_post(claims: dict[Cid, Rec], cid: Cid, rec: Rec, lookup: Lookup) -> Cid | None:
    """The post of its group the count identity `cid` restates (the smallest id of those
    it restates), or None (`lookup` gives the group's windows touching an interval, as
    reconcile.affected takes it)."""
    if is_post(rec):
        return None
    span = span_of(rec)
    found = [m for m, ws, we in lookup(span[0], span[1] + GAP)
             if m != cid and is_post(p := claims[m]) and restates(rec, span, p, (ws, we))]
    return min(found) if found else None


def shadowed(claims: dict[Cid, Rec], cid: Cid, rec: Rec, lookup: Lookup) -> bool:
    """Whether the count identity `cid` restates a post of its group."""
    return restated_post(claims, cid, rec, lookup) is not None


def neighbours(cid: Cid, rec: Rec, lookup: Lookup) -> list[Cid]:
    """The identities of the group whose shadowing may depend on the post-like `cid`:
    those whose window touches [post start - GAP, post start]."""
    ws = rec[META][WS]
    return [m for m, _s, _e in lookup(ws - GAP, ws) if m != cid]


def may_be_post(rec: Rec) -> bool:
    """Whether `rec` is, or was before its earliest report moved, a post (cheap test)."""
    meta = rec[META]
    return meta[WE] - meta[WS] in _POST_SPANS
