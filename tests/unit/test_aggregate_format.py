"""The stored state format (FORMAT 2) does not depend on the in-memory record layout:
a state the previous layout encoded (7-slot records) decodes, serves the same and
encodes to the same bytes; a fold of the same claims encodes to exactly those bytes
plus one later key, `version_excerpts` (the excerpt of each version not in force,
kept so the excerpt shown does not depend on arrival order): absent when empty, so a
state stored without it decodes and re-encodes unchanged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from stream.aggregate import apply, decode, encode, latest_claims, new_state, window_stats
from stream.aggregate.state import FORMAT, HOURS, SOURCES, cid_key
from stream.claims import casualties_id, count_id, damage_id
from stream.models import Claim


def t(day: int, hour: int) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=UTC)


def _count(n: int, ws: datetime, we: datetime, rid: str, source: str = "tg:mod",
           published: datetime | None = None) -> Claim:
    return Claim(claim_id=count_id("ru-mod", ws, we, "RU-BEL", "drone", "intercepted"),
                 kind="count", report_id=rid, source=source, lang="ru",
                 published_at=published or we, claimant="ru-mod", region="RU-BEL",
                 window_start=ws, window_end=we, weapon="drone", measure="intercepted",
                 count=n, span=(0, 2), excerpt=f"{n} drones", excerpt_start=3)


def claims() -> list[Claim]:
    """Pieces and a summary (contrib, parts), a relay (two sources), a correction (two
    versions), casualties in nested windows (tolls) and a damage claim."""
    ws, we = t(1, 21), t(2, 21)
    return [
        _count(48, t(1, 20), t(1, 23), "a"),
        _count(120, t(1, 23), t(2, 7), "b"),
        _count(200, t(1, 7), t(2, 7), "c"),
        _count(120, t(1, 23), t(2, 7), "d", source="wire:x", published=t(2, 9)),
        _count(130, t(1, 23), t(2, 7), "e", published=t(2, 10)),
        Claim(claim_id=casualties_id("ru", "RU-BEL", ws, we), kind="casualties",
              report_id="f", source="tg:gov", lang="ru", published_at=we,
              claimant="ru-official", region="RU-BEL", window_start=ws, window_end=we,
              killed=3, injured=1, span=(0, 3)),
        Claim(claim_id=casualties_id("ru", "RU-BEL", t(1, 22), t(2, 6)), kind="casualties",
              report_id="g", source="tg:gov", lang="ru", published_at=t(2, 6),
              claimant="ru-official", region="RU-BEL", window_start=t(1, 22),
              window_end=t(2, 6), killed=2, span=(0, 3)),
        Claim(claim_id=damage_id("RU-BEL", "fire", ws, we), kind="damage",
              damage_kind="fire", report_id="h", source="tg:gov", lang="en",
              published_at=we, claimant="ru-official", region="RU-BEL", window_start=ws,
              window_end=we, span=(1, 5), excerpt="a fire", excerpt_start=0),
    ]


# What the previous (7-slot record) layout encoded for claims(), offsets 0..7.
STORED = (
    b'{"v":2,"key":"RU-BEL","watermark":1780434000,"evicted_before":1779213600,"offset'
    b's":[[0,7]],"claims":[["09c84ab9d03d810a71d7056e",[["casualties","ru-official",nu'
    b'll,null,null],1780351200,1780380000,["tg:gov"],1780380000,"g",2,0,"exact","tg:go'
    b'v",[]]],["39f65834a8c2b283c9aa432a",[["count","ru-mod","drone","intercepted",nul'
    b'l],1780354800,1780383600,["tg:mod","wire:x"],1780383600,"b",120,0,"exact","tg:mo'
    b'd",[[1780394400,"e",130,0,"exact","tg:mod"]]]],["3a95c7be08f81c20cb85a48f",[["da'
    b'mage","ru-official",null,null,"fire"],1780347600,1780434000,["tg:gov"],178043400'
    b'0,"h",0,0,"exact","tg:gov",[]]],["3f007e8fefd2d8e71b109b18",[["casualties","ru-o'
    b'fficial",null,null,null],1780347600,1780434000,["tg:gov"],1780434000,"f",3,1,"ex'
    b'act","tg:gov",[]]],["ab5d7ffe91b50f1068e03688",[["count","ru-mod","drone","inter'
    b'cepted",null],1780344000,1780354800,["tg:mod"],1780354800,"a",48,0,"exact","tg:m'
    b'od",[]]],["eee5c6f6079aa5f674bc111d",[["count","ru-mod","drone","intercepted",nu'
    b'll],1780297200,1780383600,["tg:mod"],1780383600,"c",200,0,"exact","tg:mod",[]]]]'
    b',"contrib":[["eee5c6f6079aa5f674bc111d",22]],"parts":[["eee5c6f6079aa5f674bc111d'
    b'",178]],"excerpts":[["09c84ab9d03d810a71d7056e",["",0,0,3,"ru"]],["39f65834a8c2b'
    b'283c9aa432a",["130 drones",3,0,2,"ru"]],["3a95c7be08f81c20cb85a48f",["a fire",0,'
    b'1,5,"en"]],["3f007e8fefd2d8e71b109b18",["",0,0,3,"ru"]],["ab5d7ffe91b50f1068e036'
    b'88",["48 drones",3,0,2,"ru"]],["eee5c6f6079aa5f674bc111d",["200 drones",3,0,2,"r'
    b'u"]]],"tolls":[["3f007e8fefd2d8e71b109b18",[1,1]]]}'
)

# What a fold stores now: the same, plus the hours after the earliest report at which
# the relay's second source first reported it (2: 09:00 after 07:00; a source of the
# earliest report's hour stays a bare name), and the excerpt of the correction's first
# version.
STORED_NOW = STORED.replace(b'["tg:mod","wire:x"]', b'["tg:mod",["wire:x",2]]')[:-1] + (
    b',"version_excerpts":[["39f65834a8c2b283c9aa432a",[[1780383600,"b","120 drones",3,0,'
    b'2,"ru"]]]]}'
)


def _fold() -> bytes:
    state = new_state("RU-BEL")
    for off, c in enumerate(claims()):
        state, _ = apply(state, c, partition=0, offset=off)
    return encode(state)


def test_a_fold_encodes_to_the_stored_bytes() -> None:
    assert _fold() == STORED_NOW
    assert encode(decode(STORED_NOW)) == STORED_NOW
    assert decode(STORED_NOW) == decode(_fold())


def test_stored_bytes_decode_serve_and_encode_the_same() -> None:
    back = decode(STORED)
    assert encode(back) == STORED
    state = new_state("RU-BEL")
    for off, c in enumerate(claims()):
        state, _ = apply(state, c, partition=0, offset=off)
    # all but the excerpts of versions not in force, and when a relay's later source
    # first reported it, which the older bytes lack (it decodes as of the earliest report)
    assert back.version_excerpts == {}
    state.version_excerpts = {}
    relay = cid_key(count_id("ru-mod", t(1, 23), t(2, 7), "RU-BEL", "drone", "intercepted"))
    assert state.claims[relay][SOURCES:HOURS + 1] == (("tg:mod", "wire:x"), (0, 2))
    assert back.claims[relay][SOURCES:HOURS + 1] == (("tg:mod", "wire:x"), (0, 0))
    state.claims[relay] = (*state.claims[relay][:HOURS], (0, 0), *state.claims[relay][HOURS + 1:])
    assert back == state
    as_of = t(3, 0)
    for w in (timedelta(hours=6), timedelta(days=1), timedelta(days=7)):
        assert window_stats(back, as_of=as_of, window=w) == window_stats(
            state, as_of=as_of, window=w)
    assert latest_claims(back) == latest_claims(state)


def test_another_format_is_refused_with_its_number() -> None:
    doc = orjson.loads(STORED)
    doc["v"] = FORMAT + 1
    with pytest.raises(ValueError, match=f"format {FORMAT + 1} is not {FORMAT}"):
        decode(orjson.dumps(doc))
