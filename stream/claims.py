"""PURE: a NormalizedReport becomes the Claims published on `strikes.claims.v1`.

Owns claim identity: which fields make two claims "the same claim" (so a relay
by another outlet, in another language, gets the same `claim_id`) and the
excerpt shown next to a claim.

Identities (all times are the UTC reporting window):
- count:      (claimant, window_start, window_end, region, weapon, measure)
- casualties: (side of claimant: ru/ua/other, region, window)
- damage:     (region, damage kind, window) - no claimant: a fire is one fire.
Each identity is prefixed with the claim kind so kinds can never collide.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Literal

from stream.models import Claim, Claimant, NormalizedReport, Span, identity

Side = Literal["ru", "ua", "other"]

MAX_EXCERPT_CHARS = 300

# Sentence ends: ., !, ? or a line break, followed by whitespace or end of text.
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


def side_of(claimant: Claimant) -> Side:
    """The side a claimant speaks for (casualty claims are identified per side)."""
    if claimant.startswith("ru-"):
        return "ru"
    if claimant.startswith("ua-"):
        return "ua"
    return "other"


def _utc(dt: datetime) -> str:
    # Normalise the representation so +03:00 and Z spellings give one identity.
    return dt.astimezone(UTC).isoformat()


def count_id(
    claimant: Claimant,
    start: datetime,
    end: datetime,
    region: str | None,
    weapon: str,
    measure: str,
) -> str:
    return identity("count", claimant, _utc(start), _utc(end), region, weapon, measure)


def casualties_id(side: Side, region: str | None, start: datetime, end: datetime) -> str:
    return identity("casualties", side, region, _utc(start), _utc(end))


def damage_id(region: str | None, kind: str, start: datetime, end: datetime) -> str:
    return identity("damage", region, kind, _utc(start), _utc(end))


def excerpt_of(text: str, span: Span) -> tuple[str, int]:
    """The sentence(s) around `span`, at most 300 chars, and where it starts in `text`."""
    if not text:
        return "", 0
    lo, hi = max(0, min(span[0], len(text))), max(0, min(span[1], len(text)))
    hi = max(hi, lo)
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, lo):
        start = m.end()
    m_end = _SENTENCE_END.search(text, hi)
    end = m_end.end() if m_end else len(text)
    # Clip a long sentence to a window centred on the span.
    if end - start > MAX_EXCERPT_CHARS:
        pad = max(0, (MAX_EXCERPT_CHARS - (hi - lo)) // 2)
        start = max(start, lo - pad)
        end = min(end, start + MAX_EXCERPT_CHARS)
        start = max(start, end - MAX_EXCERPT_CHARS)
    while start < end and text[start].isspace():
        start += 1
    return text[start:end].rstrip(), start


def claims_of(report: NormalizedReport, *, text: str = "") -> list[Claim]:
    """One Claim per observation, casualty item and damage item of `report`.

    `text` is the raw report text, used only for excerpts (NormalizedReport does
    not carry it); without it excerpts are empty. Items with the same identity
    inside one report are merged (largest count, largest killed/injured, first
    span) so a report never contradicts itself.
    """
    w = report.window
    common = {
        "report_id": report.report_id,
        "source": report.source,
        "lang": report.lang,
        "published_at": report.published_at,
        "window_start": w.start,
        "window_end": w.end,
        "parser_version": report.parser_version,
    }
    out: dict[str, Claim] = {}

    def put(claim: Claim, merge: dict[str, int]) -> None:
        old = out.get(claim.claim_id)
        if old is not None:
            upd = {k: max(v, getattr(old, k) or 0) for k, v in merge.items()}
            claim = old.model_copy(update=upd)
        out[claim.claim_id] = claim

    for ob in report.observations:
        ex, ex_start = excerpt_of(text, ob.span)
        cid = count_id(ob.claimant, w.start, w.end, ob.region, ob.weapon, ob.measure)
        claim = Claim(
            claim_id=cid, kind="count", claimant=ob.claimant, region=ob.region,
            weapon=ob.weapon, measure=ob.measure, count=ob.count, qualifier=ob.qualifier,
            span=ob.span, excerpt=ex, excerpt_start=ex_start, **common,
        )
        put(claim, {"count": ob.count})
    side = side_of(report.claimant)
    for cas in report.casualties:
        if cas.killed == 0 and cas.injured == 0:
            continue
        ex, ex_start = excerpt_of(text, cas.span)
        claim = Claim(
            claim_id=casualties_id(side, cas.region, w.start, w.end), kind="casualties",
            claimant=report.claimant, region=cas.region, killed=cas.killed,
            injured=cas.injured, span=cas.span, excerpt=ex, excerpt_start=ex_start,
            killed_before=cas.killed_before, injured_before=cas.injured_before, **common,
        )
        put(claim, {"killed": cas.killed, "injured": cas.injured,
                    **{k: v for k in ("killed_before", "injured_before") if (v := getattr(cas, k))}})
    for dmg in report.damage:
        ex, ex_start = excerpt_of(text, dmg.span)
        claim = Claim(
            claim_id=damage_id(dmg.region, dmg.kind, w.start, w.end), kind="damage",
            claimant=report.claimant, region=dmg.region, damage_kind=dmg.kind,
            span=dmg.span, excerpt=ex, excerpt_start=ex_start,
            **common,
        )
        put(claim, {})
    return list(out.values())
