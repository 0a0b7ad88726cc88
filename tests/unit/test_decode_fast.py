"""The fast claim decoder (`decode_fact`) gives what the pydantic path gives.

Valid claims decode to the same values as `Claim.model_validate_json` (as a Fact);
malformed ones are rejected with the model's reason and message, since the fast
path hands everything it does not take to the model.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.aggregate import Fact, fact_from_json
from stream.models import Claim, Rejection
from stream.pipeline import Engine, Normalized, Place, decode_claim, decode_fact, normalize_record
from stream.simulate.reports import simulate_reports

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
WHERE = Place("strikes.claims.v1", 2, 77)
GOOD: dict[str, Any] = {
    "claim_id": "4fbae4bf05a61f275c5c2e9c", "kind": "count", "report_id": "r-1",
    "source": "telegram:mod_russia", "lang": "ru", "published_at": "2025-06-02T05:40:00Z",
    "claimant": "ru-mod", "region": "RU-KRS", "window_start": "2025-06-01T17:00:00Z",
    "window_end": "2025-06-02T04:00:00Z", "weapon": "drone", "measure": "intercepted",
    "count": 57, "qualifier": "exact", "killed": 0, "injured": 0, "damage_kind": None,
    "span": [0, 20], "excerpt": "уничтожены 57 беспилотников", "excerpt_start": 3,
    "parser_version": "t",
}


def claim_bytes(claim: Claim) -> bytes:
    """As the normalize agent writes a claim (stream.agents.claim_bytes)."""
    return orjson.dumps(claim.model_dump(mode="json"))


def same_as_model(value: bytes | None) -> None:
    """decode_fact(value) is what the pydantic path gives, field by field or rejection."""
    fast = decode_fact(value, WHERE, NOW, key=b"k")
    slow = decode_claim(value, WHERE, NOW, key=b"k")
    if isinstance(slow, Rejection):
        assert isinstance(fast, Rejection)
        assert fast.model_dump(exclude={"rejected_at"}) == slow.model_dump(exclude={"rejected_at"})
    else:
        assert isinstance(fast, Fact)
        assert fast.fields() == Fact.of(slow).fields()
        assert fast.claim() == slow


def simulated_claim_bytes(n: int) -> list[bytes]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    out = []
    for i, sim in enumerate(simulate_reports(n, seed=3, start=start, intensity=30)):
        res = normalize_record(orjson.dumps(sim.raw), Place("raw", 0, i), start + timedelta(days=60))
        if isinstance(res, Normalized):
            out.extend(claim_bytes(c) for c in res.claims)
    return out


def test_simulator_claims_take_the_fast_path_and_equal_the_model() -> None:
    values = simulated_claim_bytes(150)
    assert len(values) > 100
    kinds = set()
    for value in values:
        assert fact_from_json(orjson.loads(value)) is not None  # the agent's shape is taken
        same_as_model(value)
        kinds.add(orjson.loads(value)["kind"])
    assert kinds == {"count", "casualties", "damage"}


def test_fold_of_facts_equals_fold_of_claims() -> None:
    values = simulated_claim_bytes(150)
    by_fact, by_claim = Engine(), Engine()
    for offset, value in enumerate(values):
        fact = decode_fact(value, WHERE, NOW)
        claim = decode_claim(value, WHERE, NOW)
        assert isinstance(fact, Fact)
        assert isinstance(claim, Claim)
        a = by_fact.apply(fact, partition=0, offset=offset)
        b = by_claim.apply(claim, partition=0, offset=offset)
        assert a == b
    assert by_fact.states == by_claim.states
    assert (by_fact.watermark, by_fact.counts) == (by_claim.watermark, by_claim.counts)


def _without(name: str) -> dict[str, Any]:
    return {k: v for k, v in GOOD.items() if k != name}


@pytest.mark.parametrize(("value", "reason", "fragment"), [
    (None, "decode", "empty claim record"),
    (b"{oops", "invalid", "Invalid JSON"),
    (b"\xc3\x28", "invalid", "Invalid JSON"),
    (b"[1, 2]", "invalid", "Input should be an object"),
    (orjson.dumps(_without("claim_id")), "invalid", "field claim_id: Field required"),
    (orjson.dumps(_without("region")), "invalid", "field region: Field required"),
    (orjson.dumps({**GOOD, "extra": 1}), "invalid", "field extra: Extra inputs"),
    (orjson.dumps({**GOOD, "count": -1}), "invalid", "field count"),
    (orjson.dumps({**GOOD, "count": "57x"}), "invalid", "field count"),
    (orjson.dumps({**GOOD, "kind": "rumour"}), "invalid", "field kind"),
    (orjson.dumps({**GOOD, "lang": "de"}), "invalid", "field lang"),
    (orjson.dumps({**GOOD, "weapon": "tank"}), "invalid", "field weapon"),
    (orjson.dumps({**GOOD, "span": [1]}), "invalid", "field span"),
    (orjson.dumps({**GOOD, "span": [-1, 3]}), "invalid", "field span.0"),
    (orjson.dumps({**GOOD, "published_at": "2025-06-02T05:40:00"}), "invalid", "timezone"),
    (orjson.dumps({**GOOD, "window_end": "soon"}), "invalid", "field window_end"),
    (orjson.dumps({**GOOD, "window_end": "2025-13-02T04:00:00Z"}), "invalid", "field window_end"),
    (orjson.dumps({**GOOD, "region": 7}), "invalid", "field region"),
    (orjson.dumps({**GOOD, "killed_before": 0}), "invalid", "field killed_before"),
    (orjson.dumps({**GOOD, "injured_before": "four"}), "invalid", "field injured_before"),
])
def test_malformed_claims_are_rejected_with_the_models_reason(value: bytes | None, reason: str,
                                                              fragment: str) -> None:
    rej = decode_fact(value, WHERE, NOW, key=b"k")
    assert isinstance(rej, Rejection)
    assert rej.reason == reason
    assert rej.error.startswith("strikes.claims.v1[2]@77: ")
    assert fragment in rej.error
    assert (rej.topic, rej.partition, rej.offset, rej.key) == ("strikes.claims.v1", 2, 77, "k")
    assert rej.original_bytes() == (value or b"")
    same_as_model(value)


@pytest.mark.parametrize("change", [
    {"count": 57.0},  # lax number, left to the model
    {"published_at": "2025-06-02 05:40:00+00:00"},
    {"published_at": "2025-06-02T08:40:00.250+03:00"},
    {"window_start": "2025-06-01T17:00:00+0000"},
    {"region": None},
    {"weapon": None, "measure": None, "kind": "damage", "damage_kind": "fire", "count": 0},
    # a toll that corrects earlier figures ("не 5, а 3")
    {"weapon": None, "measure": None, "kind": "casualties", "count": 0, "killed": 3,
     "killed_before": 5},
    {"kind": "casualties", "injured": 2, "injured_before": 4, "killed_before": None},
])
def test_other_shapes_the_model_accepts_decode_the_same(change: dict[str, Any]) -> None:
    same_as_model(orjson.dumps({**GOOD, **change}))


def test_fact_without_its_origin_cannot_make_a_claim() -> None:
    fact = fact_from_json(orjson.loads(orjson.dumps(GOOD)))
    assert fact is not None and fact.key == "RU-KRS"
    with pytest.raises(ValueError, match="without its claim"):
        fact.claim()


JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
    st.sampled_from(["count", "casualties", "damage", "exact", "about", "en", "uk", "ru-mod",
                     "drone", "launched", "fire", "RU-KRS", ""]),
)
# Wall times written out with an offset (or none): naive datetimes on purpose.
TIMES = st.builds(
    lambda dt, sep, frac, off: dt.strftime(f"%Y-%m-%d{sep}%H:%M:%S") + frac + off,
    st.datetimes(min_value=datetime(1850, 1, 1), max_value=datetime(2250, 1, 1)),  # noqa: DTZ001
    st.sampled_from(["T", " ", "t"]),
    st.sampled_from(["", ".5", ".123456", ".1234567"]),
    st.sampled_from(["Z", "z", "+00:00", "-00:00", "+03:00", "-09:30", "+23:59", "+24:00", "",
                     "+0300", "+03"]),
)
VALUES = st.one_of(JSON_SCALARS, TIMES, st.lists(JSON_SCALARS, max_size=3))


@settings(max_examples=400, deadline=None)
@given(changes=st.dictionaries(st.sampled_from([*GOOD, "killed_before", "injured_before", "extra"]),
                               VALUES, max_size=4),
       dropped=st.sets(st.sampled_from(list(GOOD)), max_size=2))
def test_any_variation_decodes_as_the_model_does(changes: dict[str, Any], dropped: set[str]) -> None:
    doc = {k: v for k, v in {**GOOD, **changes}.items() if k not in dropped}
    same_as_model(orjson.dumps(doc))


@settings(max_examples=200, deadline=None)
@given(published=TIMES, start=TIMES, end=TIMES)
def test_any_times_decode_as_the_model_does(published: str, start: str, end: str) -> None:
    same_as_model(orjson.dumps({**GOOD, "published_at": published, "window_start": start,
                                "window_end": end}))
