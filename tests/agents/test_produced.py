"""Agent tier: the follower may take a claim this worker produced instead of decoding
its bytes only when that gives the very same claim (see `stream.agents.Produced`)."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson

from stream.agents import Produced, claim_bytes
from stream.models import Claim
from stream.pipeline import Normalized, Place, normalize_record
from stream.simulate.reports import simulate_reports


def _claims(n: int = 400) -> list[Claim]:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    out: list[Claim] = []
    for i, sim in enumerate(simulate_reports(n, seed=5, start=datetime(2025, 1, 1, tzinfo=UTC))):
        result = normalize_record(orjson.dumps(sim.raw), Place("raw", 0, i), now)
        if isinstance(result, Normalized):
            out += result.claims
    return out


def test_decoding_the_produced_bytes_gives_the_same_claim() -> None:
    claims = _claims()
    assert len(claims) > 300
    for claim in claims:
        value = claim_bytes(claim)
        decoded = Claim.model_validate_json(value)
        assert decoded == claim
        assert claim_bytes(decoded) == value


def test_take_only_the_same_bytes_at_the_same_place() -> None:
    claim = _claims(20)[0]
    value = claim_bytes(claim)
    memo = Produced()
    memo.add(3, 10, value, claim)
    memo.add(3, 11, value, claim)
    assert memo.take(2, 10, value) is None  # another partition
    assert memo.take(3, 11, value + b" ") is None  # other bytes: decode those
    assert memo.take(3, 11, value) is None  # already taken (and dropped)
    assert memo.take(3, 10, value) is claim
    assert memo.size == 0


def test_forget_what_the_follower_passed_and_respect_the_cap() -> None:
    claim = _claims(20)[0]
    value = claim_bytes(claim)
    memo = Produced(cap=3)
    for offset in (5, 6, 7, 8):
        memo.add(0, offset, value, claim)
    assert memo.size == 3  # the fourth is not kept: it will be decoded
    memo.forget_through(0, 6)
    assert memo.size == 1
    assert memo.take(0, 7, value) is claim
    assert memo.take(0, 8, value) is None
