"""PURE: relays that restate a claim under another window count once.

Two shapes, both of one region, claimant, weapon and measure and the same count:

- An official posting on their own channel without a time phrase gets the minute (a
  ministry the hour) of the post as its window (normalize/windows.py): incident-by-
  incident posts then add up. An outlet relaying that post says when it happened in its
  own words ("five drones were shot down over the region overnight, the governor
  said"), so the relay gets the night: another identity, and a window that neither holds
  the post's minute nor lies inside it, so reconcile.py would count both.
- An outlet relaying the ministry's night bulletin without a time phrase, in the
  morning, gets the local calendar day, which starts inside the night (23:00-07:00
  Moscow time): the two windows only overlap, so both were counted (and one relay of an
  ordinary night raised surges in three regions and a mass attack).

Such a relay R counts nothing ("shadowed") when some claim P of its group

- has the same count in force, and neither window holds the other (a window holding
  the other is reconciled as usual, as a summary of its pieces),
- is a post that starts inside R's window or at most `GAP` after it ends, or is any
  claim whose window holds R's start (P started before R and ends inside it),
- was first published before R (by earliest report, then claim id), and at most
  `DELAY` before it,
- shares no source with R (an identity its own channel also reported is the claimant's
  own figure, not a relay of another: a bulletin with the same number as a post after
  it is not that post's relay).

Posts are never shadowed. All of that is a function of the two records (values in
force, windows as reconcile nests them, earliest publications, sources), so the
shadowed set is a function of the set of claims seen, whatever their order; apply.py
keeps it up to date incrementally (`neighbours`), and reconcile.allocate runs over the
claims that are not shadowed.

The detectors read an hour as it stood when they score it (query.hour_activity), so
they ask whether a relay was shadowed then (`cutoff`): with the values and the sources
published in hours ended before the cutoff. A correction by the post's own channel
published later adds that channel to the relay's sources and unshadows it now, but not
in an hour already read, whether or not it was folded before that hour was scored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stream.aggregate.state import (
    FIRST,
    HOUR,
    META,
    SOURCES,
    WE,
    WS,
    Cid,
    Rec,
    count_as_of,
    sources_as_of,
    span_of,
)

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


def restates(r: Rec, r_span: tuple[int, int], r_id: Cid, p: Rec, p_span: tuple[int, int],
             p_id: Cid, cutoff: int | None = None) -> bool:
    """Whether the identity `r` (not a post) restates `p` (module docstring); with
    `cutoff`, as they stood then: their values and sources as published in hours ended
    before it (what a reader at `cutoff` saw, whatever was folded since)."""
    if cutoff is None and r[-1][0] != p[-1][0]:
        return False
    # published first (by earliest report, then id: never both ways), and not long before
    if not (p[FIRST], p_id) < (r[FIRST], r_id) <= (p[FIRST] + DELAY, r_id):
        return False
    rs, re_ = r_span
    ps, pe = p_span
    if ps < rs:  # P holds R's start and ends inside R
        if not rs < pe < re_:
            return False
    elif pe <= re_ or ps - re_ > GAP or not is_post(p):  # a post after R's start
        return False
    if cutoff is not None and ((n := count_as_of(p, cutoff)) is None or n != count_as_of(r, cutoff)):
        return False
    if cutoff is None:
        return set(r[SOURCES]).isdisjoint(p[SOURCES])
    return sources_as_of(r, cutoff).isdisjoint(sources_as_of(p, cutoff))


def restated_post(claims: dict[Cid, Rec], cid: Cid, rec: Rec, lookup: Lookup,
                  around: Sequence[tuple[Cid, int, int]] | None = None,
                  cutoff: int | None = None) -> Cid | None:
    """The claim of its group the count identity `cid` restates (the smallest id of those
    it restates), or None (`lookup` gives the group's windows touching an interval, as
    reconcile.affected takes it; `around`: such windows already looked up, touching at
    least [start, end + GAP] of its window; `cutoff`: as they stood then, `restates`)."""
    if is_post(rec):
        return None
    span = span_of(rec)
    lo, hi = span[0], span[1] + GAP
    candidates = lookup(lo, hi) if around is None else around
    first = rec[FIRST]
    # (published before it and not long before: restates checks it again with the ids)
    found = [m for m, ws, we in candidates if m != cid and ws <= hi and lo <= we
             and (p := claims[m])[FIRST] <= first <= p[FIRST] + DELAY
             and restates(rec, span, cid, p, (ws, we), m, cutoff)]
    return min(found) if found else None


def restated_then(claims: dict[Cid, Rec], cid: Cid, rec: Rec,
                  around: Sequence[tuple[Cid, int, int]], cutoff: int) -> bool:
    """`shadowed` as the claims stood at `cutoff` (`restates`), over `around` (the
    group's windows touching at least [start, end + GAP] of its window): one loop, as
    the detectors ask it of every claim of an hour they read."""
    meta = rec[META]
    ws, we = meta[WS], meta[WE]
    first = rec[FIRST]
    if we - ws in _POST_SPANS and ws <= first < we:  # is_post: posts are never shadowed
        return False
    span = span_of(rec)
    rs, re_ = span
    for m, s, e in around:
        # the shapes `restates` takes first (they imply touching [start, end + GAP])
        if s < rs:
            if not rs < e < re_:
                continue
        elif e <= re_ or s - re_ > GAP:
            continue
        if (m != cid and (p := claims[m])[FIRST] <= first <= p[FIRST] + DELAY
                and restates(rec, span, cid, p, (s, e), m, cutoff)):
            return True
    return False


def shadowed(claims: dict[Cid, Rec], cid: Cid, rec: Rec, lookup: Lookup,
             around: Sequence[tuple[Cid, int, int]] | None = None,
             cutoff: int | None = None) -> bool:
    """Whether the count identity `cid` restates a claim of its group (`cutoff`: as
    they stood then, `restates`)."""
    return restated_post(claims, cid, rec, lookup, around, cutoff) is not None


def reach(rec: Rec, span: tuple[int, int] | None = None) -> tuple[int, int]:
    """The interval whose touching windows `neighbours` and `restated_post` read."""
    ws, we = span or span_of(rec)
    return ws - GAP, we + GAP


def neighbours(cid: Cid, rec: Rec, around: Sequence[tuple[Cid, int, int]],
               span: tuple[int, int] | None = None) -> list[Cid]:
    """The identities of the group whose shadowing may depend on `cid` (with its window
    `span`, by default its own): those starting inside its window, and for a post (now or
    before its earliest report moved) those whose window touches [start - GAP, start].
    `around`: the group's windows touching `reach(rec, span)`."""
    ws, we = span or span_of(rec)
    lo = ws - GAP if rec[META][WE] - rec[META][WS] in _POST_SPANS else ws
    return [m for m, s, e in around if m != cid and s <= we and lo <= e]
