"""PURE: a claim as the fold reads it (`Fact`), and a lean decoder of claim JSON.

`Fact` holds the fields of a `Claim` that the fold reads, with times as epoch
seconds (the fold works in ints: no datetime arithmetic per claim). `Fact.of`
builds one from a Claim; `fact_from_json` builds one straight from the decoded
JSON object of a claim when that object has the plain shape the normalize agent
writes (exact JSON types, RFC 3339 times with seconds and an offset). For any
other object it returns None and the caller falls back to the pydantic model,
which accepts or rejects it with its own message. So everything the fast path
accepts, the model accepts with the same values (tests/unit/test_decode_fast.py),
and the model stays the one judge of malformed claims.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, NamedTuple, get_args

from stream.aggregate.state import Epoch
from stream.models import (
    Claim,
    Claimant,
    ClaimKind,
    DamageKind,
    Lang,
    Measure,
    Qualifier,
    Weapon,
)


class Fact(NamedTuple):
    """The fields of a Claim the fold reads; times in epoch seconds (`int(dt.timestamp())`)."""

    claim_id: str
    kind: str
    report_id: str
    source: str
    lang: str
    published_at: Epoch
    claimant: str
    region: str | None
    window_start: Epoch
    window_end: Epoch
    weapon: str | None
    measure: str | None
    count: int  # type: ignore[assignment]  # a field, as Claim.count (shadows tuple.count)
    qualifier: str
    killed: int
    injured: int
    damage_kind: str | None
    span: tuple[int, int]
    excerpt: str
    excerpt_start: int
    #: casualties: the earlier figures the claim says it corrects (Claim.killed_before,
    #: Claim.injured_before; 0: none)
    killed_before: int = 0
    injured_before: int = 0
    #: what the fact was made from: the Claim, or the claim's JSON bytes (see `claim`)
    origin: Claim | bytes | None = None

    @property
    def key(self) -> str:
        """Kafka key: the region, or ALL (as Claim.key)."""
        return self.region or "ALL"

    def fields(self) -> tuple[Any, ...]:
        """The values without `origin` (what two facts of one claim share)."""
        return self[:-1]

    def claim(self) -> Claim:
        """The pydantic Claim this fact stands for (validated from the bytes if need be)."""
        origin = self.origin
        if isinstance(origin, Claim):
            return origin
        if isinstance(origin, bytes):
            return Claim.model_validate_json(origin)
        msg = "this Fact was built without its claim"
        raise ValueError(msg)

    @classmethod
    def of(cls, claim: Claim) -> Fact:
        return tuple.__new__(cls, fact_values(claim, claim))


def _epoch_of(epochs: dict[datetime, int], dt: datetime) -> int:
    t = epochs[dt] = int(dt.timestamp())
    return t


def fact_values(claim: Claim, origin: Claim | bytes | None,
                epochs: dict[datetime, int] | None = None) -> tuple[Any, ...]:
    """The values of `Fact.of(claim)` with `origin`, as a plain tuple (what a normalizer
    child sends: it unpickles in C, and `tuple.__new__(Fact, values)` makes the Fact).
    `epochs` memoizes epoch seconds across the claims of one report, which share their
    publication time and mostly their window."""
    pub, ws, we = claim.published_at, claim.window_start, claim.window_end
    if epochs is None:
        p, s, e = int(pub.timestamp()), int(ws.timestamp()), int(we.timestamp())
    else:
        got = epochs.get
        p = got(pub) or _epoch_of(epochs, pub)
        s = got(ws) or _epoch_of(epochs, ws)
        e = got(we) or _epoch_of(epochs, we)
    return (claim.claim_id, claim.kind, claim.report_id, claim.source, claim.lang, p,
            claim.claimant, claim.region, s, e, claim.weapon, claim.measure, claim.count,
            claim.qualifier, claim.killed, claim.injured, claim.damage_kind, claim.span,
            claim.excerpt, claim.excerpt_start, claim.killed_before or 0, claim.injured_before or 0,
            origin)


_KINDS = frozenset(get_args(ClaimKind))
_LANGS = frozenset(get_args(Lang))
_CLAIMANTS = frozenset(get_args(Claimant))
_WEAPONS = frozenset((*get_args(Weapon), None))
_MEASURES = frozenset((*get_args(Measure), None))
_DAMAGE = frozenset((*get_args(DamageKind), None))
_QUALIFIERS = frozenset(get_args(Qualifier))
_FIELDS = frozenset(Claim.model_fields)
_REQUIRED = frozenset(name for name, f in Claim.model_fields.items() if f.is_required())
# The only time shape taken here; anything else goes to the model. Years 1900-2199:
# the model's parser and fromisoformat agree on those without doubt.
_TIME = re.compile(r"(?:19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                   r"(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})")
# Window bounds repeat all the time (publication times seldom): a small bounded memo
# of epoch seconds by time string (a large one would mostly hold dead publication times).
_EPOCH: dict[str, int] = {}


def epoch(text: object) -> int | None:
    """Epoch seconds of an RFC 3339 time string of the plain shape, else None."""
    if type(text) is not str:
        return None
    t = _EPOCH.get(text)
    if t is None:
        if _TIME.fullmatch(text) is None:
            return None
        try:
            t = int(datetime.fromisoformat(text).timestamp())
        except ValueError:
            return None
        if len(_EPOCH) >= 4_096:
            _EPOCH.clear()
        _EPOCH[text] = t
    return t


def _nat(v: object) -> bool:
    return type(v) is int and v >= 0


def fact_from_json(d: object, origin: bytes | None = None) -> Fact | None:
    """A Fact from the JSON object of a claim of the plain shape, else None (then the
    model decides: it may still accept the object, or reject it with a reason)."""
    if type(d) is not dict or not (d.keys() <= _FIELDS and d.keys() >= _REQUIRED):
        return None
    get = d.get
    try:
        claim_id, kind, report_id, source = d["claim_id"], d["kind"], d["report_id"], d["source"]
        lang, claimant, region = d["lang"], d["claimant"], d["region"]
        weapon, measure, damage_kind = get("weapon"), get("measure"), get("damage_kind")
        count, killed, injured = get("count", 0), get("killed", 0), get("injured", 0)
        qualifier, excerpt, excerpt_start = get("qualifier", "exact"), get("excerpt", ""), get(
            "excerpt_start", 0)
        parser_version, span = get("parser_version", ""), d["span"]
        killed_before, injured_before = get("killed_before"), get("injured_before")
        if not (type(claim_id) is str and type(report_id) is str and type(source) is str
                and type(excerpt) is str and type(parser_version) is str
                and (region is None or type(region) is str)
                and type(kind) is str and kind in _KINDS
                and type(lang) is str and lang in _LANGS
                and type(claimant) is str and claimant in _CLAIMANTS
                and type(qualifier) is str and qualifier in _QUALIFIERS
                and (weapon is None or type(weapon) is str) and weapon in _WEAPONS
                and (measure is None or type(measure) is str) and measure in _MEASURES
                and (damage_kind is None or type(damage_kind) is str) and damage_kind in _DAMAGE
                and _nat(count) and _nat(killed) and _nat(injured) and type(excerpt_start) is int
                and type(span) is list and len(span) == 2 and _nat(span[0]) and _nat(span[1])
                and (killed_before is None or (type(killed_before) is int and killed_before >= 1))
                and (injured_before is None or (type(injured_before) is int and injured_before >= 1))):
            return None
        published_at = epoch(d["published_at"])
        window_start = epoch(d["window_start"])
        window_end = epoch(d["window_end"])
    except (KeyError, TypeError):
        return None
    if published_at is None or window_start is None or window_end is None:
        return None
    return Fact(claim_id, kind, report_id, source, lang, published_at, claimant, region,
                window_start, window_end, weapon, measure, count, qualifier, killed, injured,
                damage_kind, (span[0], span[1]), excerpt, excerpt_start, killed_before or 0,
                injured_before or 0, origin)
