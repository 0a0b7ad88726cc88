"""Reading the dead-letter topic: what was rejected, why, and what can be sent again.

Every record the worker cannot take goes to `strikes.dlq.v1` as a `Rejection` (reason,
error, the original bytes in base64, where it came from). `python -m stream dlq`
lists them and, after a fix (a normalizer release that reads what it could not, a
producer that stopped sending broken JSON), re-sends the originals of the selected
ones to the topic they came from (`--redrive`). Re-sending is safe to repeat: a
report normalized twice yields claims with the same identities, which the
aggregates count once; a record rejected again goes back to the dead-letter topic.

A record and its rejections after redrives are one `Case`: dead letters of the same
source topic, key and original bytes. A later one whose raw record carries the
`strikestream-redriven-from` header is a redrive's (`Case.redriven`), any other a
copy the producer sent again (`Case.duplicates`). A redrive sends each case once,
from its latest dead letter, so repeating one adds one dead letter per record still
bad instead of doubling them.

Only records rejected on the raw topic are re-sent: a `late` claim was rejected on
the claims topic for its event time, which a second pass would not change.

Pure: no Kafka client here (the CLI reads and writes the topics).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
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


#: what makes dead letters one case: source topic, key and a digest of the original bytes
CaseKey = tuple[str, str | None, bytes]


def case_key(letter: DeadLetter) -> CaseKey | None:
    """The case a letter belongs to (None: an unreadable record, a case of its own)."""
    rej = letter.rejection
    if rej is None:
        return None
    return rej.topic, rej.key, hashlib.blake2b(rej.original_bytes(), digest_size=16).digest()


@dataclass(slots=True)
class Case:
    """One rejected record and its later rejections (after redrives, or sent again),
    with what a listing needs of its latest dead letter (no original bytes kept)."""

    first: DeadLetter
    latest: DeadLetter
    #: dead letters of this record in all
    letters: int = 1
    #: of them, rejections of a redriven copy (its raw record names a dead letter)
    redriven: int = 0
    #: where (`[partition]@offset`) each redrive's rejection says it was sent from
    redriven_from: list[str] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        """Later dead letters of the same bytes that no redrive sent."""
        return self.letters - 1 - self.redriven

    @property
    def reason(self) -> str:
        return self.latest.reason


def slim(letter: DeadLetter, width: int = 240) -> DeadLetter:
    """The letter without most of its original (a case keeps its latest letter for a
    listing: the error, the time and the start of the original are enough)."""
    rej = letter.rejection
    if rej is None:
        return letter
    start = base64.b64encode(rej.original_bytes()[: width * 4]).decode("ascii")
    return DeadLetter(letter.partition, letter.offset, rej.model_copy(update={"original": start}))


class Cases:
    """Dead letters grouped into cases as they are read, in the topic's order.

    `add` returns the case a letter joins and whether it is a repeat of an earlier
    one: the caller then says whether the repeat's raw record was a redrive's
    (`mark_redriven`, with the dead letter its header names)."""

    def __init__(self) -> None:
        self.by_key: dict[CaseKey, Case] = {}
        self.alone: list[Case] = []

    def add(self, letter: DeadLetter) -> tuple[Case, bool]:
        key = case_key(letter)
        kept = slim(letter)
        if key is None:
            case = Case(kept, kept)
            self.alone.append(case)
            return case, False
        known = self.by_key.get(key)
        if known is None:
            case = self.by_key[key] = Case(kept, kept)
            return case, False
        case = known
        case.latest = kept
        case.letters += 1
        return case, True

    @staticmethod
    def mark_redriven(case: Case, source: str) -> None:
        case.redriven += 1
        case.redriven_from.append(source)

    def all(self) -> list[Case]:
        """Every case, by its latest dead letter in the topic's order."""
        cases = [*self.by_key.values(), *self.alone]
        return sorted(cases, key=lambda c: (c.latest.partition, c.latest.offset))


def redriven_source(headers: Iterable[tuple[str, bytes]] | None) -> str | None:
    """The dead letter a raw record was re-sent from (its REDRIVE_HEADER), if any."""
    for name, value in headers or ():
        if name == REDRIVE_HEADER:
            return value.decode("utf-8", "replace")
    return None


def preview(data: bytes, width: int = 60) -> str:
    """The start of a record as text, for a table cell (invalid UTF-8 shown as such)."""
    text = data[: width * 4].decode("utf-8", "replace").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"
