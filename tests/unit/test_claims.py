"""claims_of: one claim per item, identity shared by relays, excerpts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from stream.claims import claims_of, excerpt_of, side_of
from stream.models import (
    CasualtyItem,
    DamageItem,
    NormalizedReport,
    Observation,
    ReportingWindow,
)

START = datetime(2026, 6, 1, 15, tzinfo=UTC)
END = datetime(2026, 6, 2, 4, tzinfo=UTC)


def report(
    *,
    rid: str = "r1",
    source: str = "telegram:mod_russia",
    lang: Any = "ru",
    claimant: Any = "ru-mod",
    start: datetime = START,
    end: datetime = END,
    observations: list[Observation] | None = None,
    casualties: list[CasualtyItem] | None = None,
    damage: list[DamageItem] | None = None,
) -> NormalizedReport:
    return NormalizedReport(
        report_id=rid, source=source, published_at=datetime(2026, 6, 2, 5, tzinfo=UTC),
        lang=lang, claimant=claimant, window=ReportingWindow(start=start, end=end),
        observations=observations or [], casualties=casualties or [], damage=damage or [],
        parser_version="t",
    )


def obs(region: str | None, n: int, claimant: Any = "ru-mod", measure: Any = "intercepted",
        span: tuple[int, int] = (0, 2)) -> Observation:
    return Observation(region=region, weapon="drone", measure=measure, count=n,
                       claimant=claimant, span=span)


def test_one_claim_per_item_with_kinds_and_keys() -> None:
    r = report(
        observations=[obs(None, 57), obs("RU-KRS", 30), obs("RU-BEL", 27)],
        casualties=[CasualtyItem(region="RU-BEL", killed=1, injured=2, span=(5, 9))],
        damage=[DamageItem(region="RU-BEL", kind="fire", span=(10, 14)),
                DamageItem(region="RU-KRS", kind="fire", span=(10, 14))],
    )
    claims = claims_of(r)
    assert [(c.kind, c.key, c.count, c.killed, c.injured, c.damage_kind) for c in claims] == [
        ("count", "ALL", 57, 0, 0, None),
        ("count", "RU-KRS", 30, 0, 0, None),
        ("count", "RU-BEL", 27, 0, 0, None),
        ("casualties", "RU-BEL", 0, 1, 2, None),
        ("damage", "RU-BEL", 0, 0, 0, "fire"),
        ("damage", "RU-KRS", 0, 0, 0, "fire"),
    ]
    assert len({c.claim_id for c in claims}) == 6
    assert all(c.window_start == START and c.window_end == END for c in claims)


def test_relay_in_other_language_and_offset_has_same_ids() -> None:
    msk = timezone(timedelta(hours=3))
    a = report(observations=[obs("RU-KRS", 30)],
               casualties=[CasualtyItem(region="RU-KRS", killed=2, span=(0, 1))],
               damage=[DamageItem(region="RU-KRS", kind="energy", span=(0, 1))])
    b = report(rid="tass-1", source="tass", lang="en", claimant="ru-official",
               start=START.astimezone(msk), end=END.astimezone(msk),
               observations=[obs("RU-KRS", 31)],
               casualties=[CasualtyItem(region="RU-KRS", killed=3, span=(4, 5))],
               damage=[DamageItem(region="RU-KRS", kind="energy", span=(7, 9))])
    assert [c.claim_id for c in claims_of(a)] == [c.claim_id for c in claims_of(b)]


def test_identity_separates_claimant_window_measure_and_side() -> None:
    base = claims_of(report(observations=[obs("RU-KRS", 30)]))[0].claim_id
    others = [
        claims_of(report(observations=[obs("RU-KRS", 30, claimant="ru-official")]))[0],
        claims_of(report(observations=[obs("RU-KRS", 30, measure="launched")]))[0],
        claims_of(report(end=END + timedelta(hours=1), observations=[obs("RU-KRS", 30)]))[0],
    ]
    assert base not in {c.claim_id for c in others}
    ru = claims_of(report(casualties=[CasualtyItem(region="UA-63", killed=1, span=(0, 1))]))
    ua = claims_of(report(claimant="ua-official",
                          casualties=[CasualtyItem(region="UA-63", killed=1, span=(0, 1))]))
    assert ru[0].claim_id != ua[0].claim_id
    assert (side_of("ru-official"), side_of("ua-military"), side_of("other")) == (
        "ru", "ua", "other")


def test_same_identity_twice_in_one_report_is_merged() -> None:
    r = report(observations=[obs("RU-KRS", 30, span=(0, 2)), obs("RU-KRS", 35, span=(40, 42))],
               casualties=[CasualtyItem(region="RU-KRS", killed=2, span=(5, 6)),
                           CasualtyItem(region="RU-KRS", injured=4, span=(8, 9)),
                           CasualtyItem(region="RU-KRS", span=(9, 9))])
    claims = claims_of(r)
    assert [(c.count, c.killed, c.injured, c.span) for c in claims] == [
        (35, 0, 0, (0, 2)), (0, 2, 4, (5, 6))]


TEXT = ("Минобороны России сообщает. За ночь дежурными средствами ПВО перехвачены и уничтожены "
        "57 беспилотников, из них 30 над Курской областью! Пострадавших нет.")


def test_excerpt_is_the_sentence_around_the_span() -> None:
    pos = TEXT.index("57")
    r = report(observations=[obs(None, 57, span=(pos, pos + 2))])
    [c] = claims_of(r, text=TEXT)
    assert c.excerpt == ("За ночь дежурными средствами ПВО перехвачены и уничтожены 57 "
                         "беспилотников, из них 30 над Курской областью!")
    assert c.excerpt_start == TEXT.index("За ночь")
    assert TEXT[c.excerpt_start:].startswith(c.excerpt)
    assert claims_of(r)[0].excerpt == ""


def test_long_sentence_excerpt_is_clipped_around_the_span() -> None:
    text = "a " * 400 + "57 drones " + "b " * 400
    pos = text.index("57")
    ex, start = excerpt_of(text, (pos, pos + 2))
    assert len(ex) <= 300
    assert "57 drones" in ex
    assert text[start:start + len(ex)] == ex
    assert excerpt_of("", (0, 0)) == ("", 0)
