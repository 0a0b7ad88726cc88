"""stream.deadletters: reading dead letters, selecting them, planning a redrive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stream.deadletters import REDRIVE_HEADER, DeadLetter, preview, read_letter, redrive_plan, select
from stream.models import Rejection

T0 = datetime(2025, 7, 1, 12, tzinfo=UTC)
RAW, CLAIMS, DLQ = "p.strikes.raw.v1", "p.strikes.claims.v1", "p.strikes.dlq.v1"


def rejection(reason: str = "decode", *, topic: str = RAW, original: bytes = b"{broken",
              key: bytes | None = b"r-1", at: datetime = T0, offset: int = 7) -> bytes:
    rej = Rejection.of(reason=reason, error=f"{topic}[0]@{offset}: bad", original=original,  # type: ignore[arg-type]
                       topic=topic, partition=0, offset=offset, rejected_at=at, key=key)
    return rej.model_dump_json().encode()


def test_a_rejection_is_read_with_its_original_bytes() -> None:
    letter = read_letter(rejection(original=b"\xff\xfe not utf-8"), 2, 40)
    assert letter.rejection is not None and letter.unreadable == ""
    assert (letter.reason, letter.where) == ("decode", "[2]@40")
    assert letter.rejection.original_bytes() == b"\xff\xfe not utf-8"


def test_records_that_are_not_rejections_are_marked_unreadable() -> None:
    empty = read_letter(None, 0, 1)
    assert (empty.reason, empty.unreadable) == ("unreadable", "empty record")
    garbage = read_letter(b"not json", 0, 2)
    assert garbage.rejection is None and garbage.unreadable.startswith("not a rejection")
    wrong = read_letter(b'{"reason": "decode"}', 0, 3)
    assert wrong.reason == "unreadable" and "error" in wrong.unreadable  # names a missing field


def test_select_by_reason_time_and_source_in_topic_order() -> None:
    letters = [
        read_letter(rejection("invalid", at=T0), 1, 5),
        read_letter(rejection("decode", at=T0 - timedelta(days=1)), 0, 9),
        read_letter(rejection("late", topic=CLAIMS, at=T0), 0, 2),
        read_letter(b"junk", 1, 1),
    ]
    assert [d.where for d in select(letters)] == ["[0]@2", "[0]@9", "[1]@1", "[1]@5"]
    assert [d.reason for d in select(letters, reasons=["decode", "unreadable"])] == ["decode", "unreadable"]
    assert {d.reason for d in select(letters, since=T0)} == {"invalid", "late"}  # unreadable has no time
    assert {d.reason for d in select(letters, source=RAW)} == {"invalid", "decode"}
    assert select(letters, reasons=["too_large"]) == []


def test_redrive_resends_raw_originals_with_key_and_provenance_and_leaves_the_rest() -> None:
    letters = [
        read_letter(rejection("decode", original=b"{broken", key=b"r-1"), 0, 3),
        read_letter(rejection("invalid", original=b'{"id": 5}', key=None), 0, 4),
        read_letter(rejection("late", topic=CLAIMS, original=b'{"claim_id": "c"}'), 0, 5),
        read_letter(b"junk", 0, 6),
    ]
    send, left = redrive_plan(letters, RAW, DLQ)
    assert [(r.topic, r.key, r.value) for r in send] == [(RAW, b"r-1", b"{broken"), (RAW, None, b'{"id": 5}')]
    assert send[0].headers == ((REDRIVE_HEADER, f"{DLQ}[0]@3".encode()),)
    assert [d.where for d in left] == ["[0]@5", "[0]@6"]


def test_preview_is_short_text_of_any_bytes() -> None:
    assert preview(b'{"id": "a"}') == '{"id": "a"}'
    long = preview(("drone " * 100).encode(), 20)
    assert len(long) == 20 and long.endswith("…")
    assert preview(b"line1\nline2\xff") == "line1 line2\ufffd"
    assert isinstance(DeadLetter(0, 0, None, "x").where, str)


def test_a_record_and_its_rejections_after_redrives_are_one_case() -> None:
    from stream.deadletters import Cases, redriven_source

    cases = Cases()
    first, new = cases.add(read_letter(rejection("decode", original=b"{a", offset=3), 0, 0))
    assert not new and first.letters == 1
    other, new = cases.add(read_letter(rejection("decode", original=b"{b", offset=4), 0, 1))
    assert not new and other is not first
    late, _ = cases.add(read_letter(rejection("late", topic=CLAIMS, original=b"{a"), 0, 2))
    assert late is not first  # another topic, another case
    again, repeat = cases.add(read_letter(rejection("invalid", original=b"{a", offset=90), 0, 3))
    assert repeat and again is first
    Cases.mark_redriven(again, f"{DLQ}[0]@0")
    dup, repeat = cases.add(read_letter(rejection("decode", original=b"{b", offset=91), 0, 4))
    assert repeat and dup is other  # same bytes, no redrive header: a copy sent again
    assert (first.letters, first.redriven, first.duplicates, first.reason) == (2, 1, 0, "invalid")
    assert (first.first.where, first.latest.where, first.redriven_from) == ("[0]@0", "[0]@3", [f"{DLQ}[0]@0"])
    assert (other.letters, other.redriven, other.duplicates) == (2, 0, 1)
    junk = [cases.add(read_letter(b"junk", 0, n))[0] for n in (5, 6)]
    assert junk[0] is not junk[1]  # unreadable records are never merged
    assert [c.latest.where for c in cases.all()] == ["[0]@2", "[0]@3", "[0]@4", "[0]@5", "[0]@6"]
    assert redriven_source([("x", b"1"), (REDRIVE_HEADER, f"{DLQ}[0]@3".encode())]) == f"{DLQ}[0]@3"
    assert redriven_source(None) is None and redriven_source([("x", b"1")]) is None


def test_a_case_keeps_only_the_start_of_a_large_original() -> None:
    from stream.deadletters import Cases

    big = b"x" * 2_000_000
    case, _ = Cases().add(read_letter(rejection("too_large", original=big), 0, 0))
    assert case.latest.rejection is not None
    kept = case.latest.rejection.original_bytes()
    assert 0 < len(kept) < 2000 and big.startswith(kept)
