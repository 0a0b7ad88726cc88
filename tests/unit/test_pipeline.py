"""Pure pipeline steps: decoding with errors that name the place, and the Engine fold."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import orjson
import pytest

from stream.models import RawReport, Rejection
from stream.pipeline import MAX_RECORD_BYTES, Engine, Normalized, Place, decode_raw, normalize_record
from stream.web import readmodel

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
WHERE = Place("strikes.raw.v1", 3, 1207)
GOOD = {"id": "r-1", "source": "telegram:mod_russia", "published_at": "2025-06-02T05:40:00Z",
        "text": "Air defences destroyed 57 Ukrainian drones over the Kursk region overnight, "
                "the Russian Defence Ministry said."}


def test_good_record_decodes() -> None:
    raw = decode_raw(orjson.dumps(GOOD), WHERE, NOW)
    assert isinstance(raw, RawReport)
    assert raw.id == "r-1"


@pytest.mark.parametrize(("value", "reason", "fragment"), [
    (None, "decode", "empty record"),
    (b"{oops", "decode", "invalid JSON"),
    (b"\xc3\x28", "decode", "invalid UTF-8 at byte 0"),
    (b"[1, 2]", "invalid", "expected a JSON object, got list"),
    (orjson.dumps({**GOOD, "text": ""}), "invalid", "field text"),
    (orjson.dumps({**GOOD, "text": "  \n "}), "invalid", "text is blank"),
    (orjson.dumps({**GOOD, "published_at": "soon"}), "invalid", "field published_at"),
    (orjson.dumps({**GOOD, "published_at": "2025-06-02T05:40:00"}), "invalid", "timezone"),
    (orjson.dumps({**GOOD, "published_at": "2025-06-04T05:40:00Z"}), "invalid", "in the future"),
    (orjson.dumps({k: v for k, v in GOOD.items() if k != "source"}), "invalid", "field source"),
    (orjson.dumps({**GOOD, "lang": "de"}), "invalid", "field lang"),
    (b"x" * (MAX_RECORD_BYTES + 1), "too_large", f"exceeds {MAX_RECORD_BYTES}"),
])
def test_bad_records_name_place_and_field(value: bytes | None, reason: str, fragment: str) -> None:
    rej = decode_raw(value, WHERE, NOW, key=b"k1")
    assert isinstance(rej, Rejection)
    assert rej.reason == reason
    assert rej.error.startswith("strikes.raw.v1[3]@1207: ")
    assert fragment in rej.error
    assert (rej.topic, rej.partition, rej.offset, rej.key) == ("strikes.raw.v1", 3, 1207, "k1")
    assert rej.original_bytes() == (value or b"")


def _claims(reports: list[dict[str, str]]) -> list[object]:
    out = []
    for n, rep in enumerate(reports):
        res = normalize_record(orjson.dumps(rep), Place("t", 0, n), NOW)
        assert isinstance(res, Normalized)
        out.extend(res.claims)
    return out


RELAYS = [
    GOOD,
    {**GOOD, "id": "r-2", "source": "reuters", "published_at": "2025-06-02T06:10:00Z"},
    {"id": "r-3", "source": "tass", "published_at": "2025-06-02T06:30:00Z",
     "text": "Минобороны России: за ночь над Курской областью уничтожены 57 украинских беспилотников."},
]


def test_engine_fold_is_order_independent_and_idempotent() -> None:
    claims = _claims(RELAYS)
    docs = []
    for perm in itertools.permutations(claims):
        engine = Engine()
        engine.apply_all(list(perm) + list(perm[:1]))  # and one re-delivery
        docs.append(orjson.dumps(readmodel.regions_doc(engine, "24h")))
    assert len(set(docs)) == 1
    doc = orjson.loads(docs[0])
    assert doc["regions"]["RU-KRS"]["totals"] == {"ru-mod": {"drone": {"intercepted": 57}}}


def test_as_of_is_the_event_time_watermark_not_the_wall_clock() -> None:
    claims = _claims(RELAYS[:1])
    engine = Engine()
    engine.apply_all(claims)
    assert engine.as_of() == max(c.window_end for c in claims)  # type: ignore[attr-defined]
    assert engine.as_of(datetime(2030, 1, 1, tzinfo=UTC)) == engine.as_of()
    assert readmodel.regions_doc(engine)["as_of"] == "2025-06-02T04:00:00Z"


def test_unknown_window_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="window must be one of 1h, 6h, 24h, 7d"):
        readmodel.regions_doc(Engine(), "2h")


def test_cached_documents_follow_every_change() -> None:
    engine = Engine()
    first = _claims(RELAYS[:1])
    engine.apply_all(first)
    before = readmodel.regions_doc(engine, "24h")
    assert readmodel.regions_doc(engine, "24h") is before  # served from the cache, not copied
    engine.apply_all(first)  # a re-delivery changes nothing
    assert readmodel.regions_doc(engine, "24h") == before
    bryansk = {"id": "r-9", "source": "telegram:mod_russia", "published_at": "2025-06-02T05:50:00Z",
               "text": "За ночь над территорией Брянской области уничтожены 12 украинских беспилотников."}
    engine.apply_all(_claims([bryansk]))  # type: ignore[arg-type]
    after = readmodel.regions_doc(engine, "24h")
    assert set(after["regions"]) == {"RU-KRS", "RU-BRY"}
    assert after["regions"]["RU-BRY"]["totals"] == {"ru-mod": {"drone": {"intercepted": 12}}}
    samples = readmodel.region_samples(engine)
    assert ("RU-BRY", "ru-mod", "drone", "intercepted", "24h", 12.0) in samples
