"""Data contracts of strikestream: what travels on the topics and the API.

Every record on a topic is one of these models serialized as JSON. `schemas/`
holds their JSON Schemas; `tests/unit/test_schemas.py` fails when they drift.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

#: version of the normalizer's extraction rules, stamped on every normalized report and
#: claim (`parser_version`); bump it when extraction changes. Here, not in
#: stream.normalize, so a process that only folds claims need not import the normalizer
#: (whose import loads ~45 MB of morphology dictionaries) to report it.
PARSER_VERSION = "1.16.0"

Weapon = Literal["drone", "missile", "glide_bomb"]
Measure = Literal["launched", "intercepted", "suppressed"]
Claimant = Literal["ru-mod", "ua-military", "ru-official", "ua-official", "other"]
DamageKind = Literal[
    "residential", "fire", "energy", "fuel", "transport", "industrial", "military", "other"
]
Lang = Literal["en", "ru", "uk"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to"]
ClaimKind = Literal["count", "casualties", "damage"]
AlertKind = Literal["surge", "sustained_rise", "silence", "feed_silence", "first_seen", "mass_attack"]
AlertState = Literal["open", "updated", "resolved"]
Severity = Literal["info", "warning", "critical"]

#: Character span [start, end) into the report text.
Span = tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]]

MAX_TEXT_CHARS = 100_000


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawReport(BaseModel):
    """A report as a producer puts it on `strikes.raw.v1`. Unknown fields are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: Annotated[str, Field(min_length=1, max_length=256)]
    source: Annotated[str, Field(min_length=1, max_length=256)]
    published_at: AwareDatetime
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
    title: str | None = None
    url: str | None = None
    lang: Lang | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, v: str) -> str:
        if not v.strip():
            msg = "text is blank"
            raise ValueError(msg)
        return v


class Observation(_Model):
    """A count the text states: [region, weapon, measure, count] plus provenance."""

    region: str | None
    weapon: Weapon
    measure: Measure
    count: Annotated[int, Field(ge=1)]
    claimant: Claimant
    span: Span
    qualifier: Qualifier = "exact"


class DamageItem(_Model):
    region: str | None
    kind: DamageKind
    span: Span


def _absent(v: object) -> bool:
    """Optional fields left out of the JSON when unset (most claims have none)."""
    return v is None


class CasualtyItem(_Model):
    """Killed and injured the text states for a region. `killed_before` /
    `injured_before`: an earlier figure the text says these correct ("не 5, а 3 человека
    погибли", "three, not five, were killed": 5), which the aggregates replace."""

    region: str | None
    killed: Annotated[int, Field(ge=0)] = 0
    injured: Annotated[int, Field(ge=0)] = 0
    span: Span
    killed_before: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_absent)
    injured_before: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_absent)


class ReportingWindow(_Model):
    """The UTC interval a report speaks of ("overnight", "20:00-23:00 MSK", ...)."""

    start: AwareDatetime
    end: AwareDatetime
    label: str = "default"


class NormalizedReport(_Model):
    """The normalizer's output; the eval scorer reads `report_id` and the three lists."""

    report_id: str
    source: str
    published_at: AwareDatetime
    lang: Lang
    claimant: Claimant
    window: ReportingWindow
    observations: list[Observation] = Field(default_factory=list)
    damage: list[DamageItem] = Field(default_factory=list)
    casualties: list[CasualtyItem] = Field(default_factory=list)
    parser_version: str


class Claim(_Model):
    """One claim on `strikes.claims.v1`, keyed by region (or `ALL` for totals).

    `claim_id` is the identity: the same claim relayed by another outlet or in
    another language has the same id; a later value for it is a correction.
    """

    claim_id: str
    kind: ClaimKind
    report_id: str
    source: str
    lang: Lang
    published_at: AwareDatetime
    claimant: Claimant
    region: str | None
    window_start: AwareDatetime
    window_end: AwareDatetime
    weapon: Weapon | None = None
    measure: Measure | None = None
    count: Annotated[int, Field(ge=0)] = 0
    qualifier: Qualifier = "exact"
    killed: Annotated[int, Field(ge=0)] = 0
    injured: Annotated[int, Field(ge=0)] = 0
    damage_kind: DamageKind | None = None
    span: Span
    excerpt: str = ""
    excerpt_start: int = 0
    parser_version: str = ""
    #: casualties: an earlier figure the report says `killed` / `injured` correct
    #: (`CasualtyItem`); the aggregates let it replace that earlier report's figure
    killed_before: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_absent)
    injured_before: Annotated[int, Field(ge=1)] | None = Field(default=None, exclude_if=_absent)

    @property
    def key(self) -> str:
        """Kafka key: the region, or ALL for a count without region."""
        return self.region or "ALL"

    @property
    def event_time(self) -> datetime:
        return self.window_end


def identity(*parts: object) -> str:
    """Stable short hash of an identity tuple (claim ids, alert ids)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(raw.encode(), digest_size=12).hexdigest()


class Alert(_Model):
    """An anomaly alert on `strikes.alerts.v1`; `alert_id` is deterministic."""

    alert_id: str
    kind: AlertKind
    state: AlertState
    severity: Severity
    region: str | None
    window_start: AwareDatetime
    updated_at: AwareDatetime
    observed: float
    expected: float
    p_value: float | None = None
    statistic: float | None = None
    claim_ids: list[str] = Field(default_factory=list)
    message: str = ""


class Rejection(_Model):
    """Dead-letter envelope on `strikes.dlq.v1`: nothing is lost."""

    reason: Literal["decode", "invalid", "too_large", "late", "internal"]
    error: str
    original: str = Field(description="original record bytes, base64")
    topic: str
    partition: int
    offset: int
    key: str | None = None
    rejected_at: AwareDatetime

    @classmethod
    def of(
        cls,
        *,
        reason: Literal["decode", "invalid", "too_large", "late", "internal"],
        error: str,
        original: bytes,
        topic: str,
        partition: int,
        offset: int,
        rejected_at: datetime,
        key: bytes | None = None,
    ) -> Rejection:
        return cls(
            reason=reason,
            error=error,
            original=base64.b64encode(original).decode("ascii"),
            topic=topic,
            partition=partition,
            offset=offset,
            key=key.decode("utf-8", "replace") if key is not None else None,
            rejected_at=rejected_at,
        )

    def original_bytes(self) -> bytes:
        return base64.b64decode(self.original)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "raw_report": RawReport,
    "normalized_report": NormalizedReport,
    "claim": Claim,
    "alert": Alert,
    "rejection": Rejection,
}


def json_schemas() -> dict[str, str]:
    """File name -> JSON Schema text of every contract model (what `schemas/` holds)."""
    import json

    return {
        f"{name}.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True,
                                   ensure_ascii=False) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }
