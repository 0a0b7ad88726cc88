"""A toll that names the figure it corrects replaces it (normalize -> claims -> fold).

An official posts "5 killed"; later the same day "не 5, а 3". The correction's window
(the day so far) holds the first post, and a total never counts less than its pieces,
so without the mark the day read 5. The normalizer marks the figure it corrects
(`CasualtyItem.killed_before`), and the fold lets the correction replace the piece with
that total (`stream.aggregate.tolls`), in every arrival order; the day's other incidents
keep their figures.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from stream.aggregate import window_stats
from stream.claims import claims_of
from stream.models import Claim, RawReport
from stream.normalize import normalize
from stream.pipeline import Engine

DAY = datetime(2025, 11, 16, tzinfo=UTC)


def posted(rid: str, hour: float, text: str, source: str = "telegram:vvgladkov") -> list[Claim]:
    raw = RawReport(id=rid, source=source, published_at=DAY + timedelta(hours=hour), text=text)
    return claims_of(normalize(raw), text=text)


@pytest.mark.parametrize(("text", "killed", "injured", "before"), [
    ("Уточнение от Вячеслава Гладкова: в Шебекино погибли не 5, а 3 человека, ранены 7.",
     3, 7, (5, None)),
    ("Уточнение: в результате атаки на Шебекино пострадали не пять, а три человека.",
     0, 3, (None, 5)),
    ("Correction: three people, not five, were killed in the strike on Shebekino, "
     "Governor Vyacheslav Gladkov said.", 3, 0, (5, None)),
    ("Губернатор Белгородской области уточнил: погибших трое, а не пятеро.", 3, 0, (5, None)),
])
def test_the_normalizer_marks_the_figure_a_toll_corrects(
        text: str, killed: int, injured: int, before: tuple[int | None, int | None]) -> None:
    (claim,) = [c for c in posted("fix", 7, text) if c.kind == "casualties"]
    assert (claim.region, claim.killed, claim.injured) == ("RU-BEL", killed, injured)
    assert (claim.killed_before, claim.injured_before) == before


def test_a_toll_without_a_correction_carries_no_mark() -> None:
    (claim,) = [c for c in posted("p", 5.5, "В результате атаки на Шебекино погибли 5 человек, "
                                            "ещё 7 ранены.") if c.kind == "casualties"]
    assert (claim.killed, claim.injured, claim.killed_before, claim.injured_before) == (5, 7, None, None)
    assert b"_before" not in claim.__pydantic_serializer__.to_json(claim)  # left out of the JSON


def day_toll(claims: list[Claim]) -> dict[str, int]:
    engine = Engine()
    for c in claims:
        engine.apply(c)
    return window_stats(engine.states["RU-BEL"], as_of=DAY + timedelta(hours=23),
                        window=timedelta(days=1))["casualties"]["ru"]


def test_a_correction_downward_replaces_the_first_post_in_every_order() -> None:
    first = posted("g1", 5.5, "В результате атаки беспилотников на Шебекино погибли 5 человек, "
                              "ещё 7 ранены.")
    other = posted("g2", 8, "В Белгороде в результате удара дрона погиб мужчина.")
    fix = posted("g3", 10, "Уточнение: в Шебекино погибли не 5, а 3 человека, ранены 7.")
    assert day_toll(first + other) == {"killed": 6, "injured": 7}
    results = {repr(day_toll([c for part in order for c in part]))
               for order in itertools.permutations([first, other, fix])}
    # the first post's 5 is now 3; the man killed in Belgorod is still counted
    assert results == {repr({"killed": 4, "injured": 7})}


def test_an_unmarked_later_toll_keeps_the_larger_figure() -> None:
    """What the README says the numbers cannot tell: a correction that does not name the
    figure it corrects is a toll of the day so far, which never counts less than its pieces."""
    first = posted("g1", 5.5, "В результате атаки на Шебекино погибли 5 человек.")
    later = posted("g3", 10, "Уточнение: в Шебекино погибли 3 человека.")
    assert day_toll(first + later)["killed"] == 5


def test_an_outlets_relay_of_the_correction_counts_once() -> None:
    first = posted("g1", 5.5, "В результате атаки на Шебекино погибли 5 человек, ещё 7 ранены.")
    fix = posted("g3", 10, "Уточнение: в Шебекино погибли не 5, а 3 человека, ранены 7.")
    relay = posted("w1", 10.5, "Губернатор Белгородской области Вячеслав Гладков уточнил: в Шебекино "
                               "погибли не 5, а 3 человека, ранены 7.", source="ria")
    assert day_toll(first + fix + relay) == {"killed": 3, "injured": 7}
