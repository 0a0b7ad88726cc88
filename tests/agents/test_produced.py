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


def test_take_only_the_same_bytes_and_once() -> None:
    claim, other = _claims(20)[:2]
    value = claim_bytes(claim)
    memo = Produced()
    memo.add(value, claim)
    memo.add(claim_bytes(other), other)
    assert memo.take(value + b" ") is None  # other bytes: decode those
    assert memo.take(None) is None
    assert memo.take(value) is claim
    assert memo.take(value) is None  # taken (a re-sent copy further on is decoded)
    assert memo.take(claim_bytes(other)) is other
    assert memo.size == 0


def test_the_oldest_goes_first_when_full() -> None:
    claims = _claims(40)[:4]
    values = [claim_bytes(c) for c in claims]
    assert len(set(values)) == 4
    memo = Produced(cap=3)
    for value, claim in zip(values, claims, strict=True):
        memo.add(value, claim)
    assert memo.size == 3
    assert memo.take(values[0]) is None  # evicted: it will be decoded
    assert [memo.take(v) for v in values[1:]] == claims[1:]
    off = Produced(cap=0)
    off.add(values[0], claims[0])
    assert off.take(values[0]) is None
