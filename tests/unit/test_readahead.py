"""What the claims replay's read-ahead child sends for each record (`readahead.encode`)."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import orjson

from stream.aggregate import Fact, fact_from_json
from stream.pipeline import TICK_KEY, Place, Tick, claim_bytes, decode_fact, tick_bytes
from stream.readahead import FACT, OTHER, TICK, encode
from tests.unit.test_detect_order import _produced_log

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def _claim_bytes() -> bytes:
    claim = next(item for item in _produced_log(with_watermarks=False)[0] if not isinstance(item, datetime))
    return claim_bytes(claim)


def test_a_claim_goes_as_the_values_of_its_fact_without_its_bytes() -> None:
    value = _claim_bytes()
    offset, code, payload = encode(b"RU-KRS", value, 7, TICK_KEY)
    assert (offset, code) == (7, FACT)
    sent = pickle.loads(pickle.dumps(payload))  # noqa: S301 - our own bytes
    fact = tuple.__new__(Fact, sent)
    expected = fact_from_json(orjson.loads(value))
    assert fact == expected and fact.origin is None
    # what a replay in one process folds
    assert fact.fields() == decode_fact(value, Place("t", 0, 7), NOW).fields()


def test_the_few_valued_strings_are_one_object_so_a_batch_pickles_each_once() -> None:
    value = _claim_bytes()
    first, second = encode(b"k", value, 0, TICK_KEY)[2], encode(b"k", value, 1, TICK_KEY)[2]
    fact = tuple.__new__(Fact, first)
    for name in ("kind", "source", "lang", "claimant", "weapon", "measure", "qualifier"):
        i = Fact._fields.index(name)
        assert isinstance(first[i], str) and first[i] is second[i], name
    assert first[Fact._fields.index("excerpt")] is not second[Fact._fields.index("excerpt")]
    assert fact.kind == "count"


def test_a_watermark_goes_decoded_and_an_invalid_one_as_none() -> None:
    at = datetime(2025, 3, 5, 7, tzinfo=UTC)
    assert encode(TICK_KEY, tick_bytes(at, [0, 2], 3), 4, TICK_KEY) == (4, TICK, Tick(at, (0, 2), 3))
    assert encode(TICK_KEY, b"{}", 5, TICK_KEY) == (5, TICK, None)


def test_what_the_fast_decoder_does_not_take_goes_as_its_bytes() -> None:
    """The parent decodes these with the model (`decode_fact`): a malformed claim is
    rejected there, with the model's reason, as in a replay in one process."""
    malformed = b'{"claim_id": 3'
    other_shape = orjson.dumps({**orjson.loads(_claim_bytes()), "published_at": "2025-03-05 07:00:00Z"})
    for i, value in enumerate((malformed, other_shape, None)):
        assert encode(b"RU-KRS", value, i, TICK_KEY) == (i, OTHER, value)
