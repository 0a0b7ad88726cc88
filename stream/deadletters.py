"""Reading the dead-letter topic: what was rejected, why, and what can be sent again.

Every record the worker cannot take goes to `strikes.dlq.v1` as a `Rejection` (reason,
error, the original bytes in base64, where it came from). `python -m stream dlq`
lists them and, after a fix (a normalizer release that reads what it could not, a
producer that stopped sending broken JSON), re-sends the originals of the selected
ones to the topic they came from (`--redrive`). Re-sending is safe to repeat: a
report normalized twice yields claims with the same identities, which the
aggregates count once; a record rejected again goes back to the dead-letter topic.

Only records rejected on the raw topic are re-sent: a `late` claim was rejected on
the claims topic for its event time, which a second pass would not change.

Pure: no Kafka client here (the CLI reads and writes the topics).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from stream.models import Rejection

#: how a re-sent record names the dead letter it came from (a Kafka header)
REDRIVE_HEADER = "strikestream-redriven-from"


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """One record of the dead-letter topic, at `partition`/`offset` of that topic."""

    partition: int
    offset: int
    rejection: Rejection | None
    #: why the record is not a readable Rejection ("" when it is)
    unreadable: str = ""

    @property
    def reason(self) -> str:
        return self.rejection.reason if self.rejection is not None else "unreadable"

    @property
    def where(self) -> str:
        return f"[{self.partition}]@{self.offset}"


def read_letter(value: bytes | None, partition: int, offset: int) -> DeadLetter:
    """A dead-letter record as the worker writes it, or one marked unreadable."""
    if value is None:
        return DeadLetter(partition, offset, None, "empty record")
    try:
        return DeadLetter(partition, offset, Rejection.model_validate_json(value))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ())) or "record"
        return DeadLetter(partition, offset, None, f"not a rejection: {loc}: {first.get('msg', '')}")


def select(letters: Iterable[DeadLetter], *, reasons: Iterable[str] = (),
           since: datetime | None = None, source: str | None = None) -> list[DeadLetter]:
    """The letters of the given reasons (all when none are given; "unreadable" names
    records that are not Rejections), rejected at or after `since`, from the topic
    `source`; in the topic's order (partition, offset)."""
    wanted = set(reasons)
    out = []
    for letter in letters:
        if wanted and letter.reason not in wanted:
            continue
        rej = letter.rejection
        if since is not None and (rej is None or rej.rejected_at < since):
            continue
        if source is not None and (rej is None or rej.topic != source):
            continue
        out.append(letter)
    return sorted(out, key=lambda d: (d.partition, d.offset))


@dataclass(frozen=True, slots=True)
class Resend:
    """What `--redrive` sends: the original record, to the topic it was read from."""

    topic: str
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...]


def redrive_plan(letters: Iterable[DeadLetter], raw_topic: str,
                 dlq_topic: str) -> tuple[list[Resend], list[DeadLetter]]:
    """(records to re-send, letters left alone): only rejections of records read from
    `raw_topic` are re-sent, with their key and a header naming the dead letter."""
    send: list[Resend] = []
    skipped: list[DeadLetter] = []
    for letter in letters:
        rej = letter.rejection
        if rej is None or rej.topic != raw_topic:
            skipped.append(letter)
            continue
        key = rej.key.encode() if rej.key is not None else None
        send.append(Resend(raw_topic, key, rej.original_bytes(),
                           ((REDRIVE_HEADER, f"{dlq_topic}{letter.where}".encode()),)))
    return send, skipped


def preview(data: bytes, width: int = 60) -> str:
    """The start of a record as text, for a table cell (invalid UTF-8 shown as such)."""
    text = data[: width * 4].decode("utf-8", "replace").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
