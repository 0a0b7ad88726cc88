"""Reports written by other people after reading only the labelling rules
(/work/shared/eval/README.md), each with the exact tuples the rules give: wire and
outlet stories, ministry and air-force bulletins, governors', mayors' and regional
administrations' posts in en/ru/uk (tests/data/heldout/, two rounds of 90). The
writers saw neither these tests nor the normalizer's code; their first scores were
0.930 and 0.906 overall F1 (the eval scorer's metric).

Every report must come out with exactly its labelled counts (with claimants),
damage and casualties. The few still wrong are listed in KNOWN with what is
missed, as strict xfails: a fix turns them into failures to be moved out of KNOWN.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from stream.models import RawReport
from stream.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data" / "heldout"

KNOWN: dict[str, str] = {
    "fresh-ru-026": "a confirmed hit on a troop base ('поражения цели' at a 'пункт временной "
    "дислокации') is not read as military damage",
    "fresh-uk-007": "a list of towns of one region as the object of 'атакували' gives no region",
    "fresh-uk-014": "'уражено пункт управління БпЛА' is not a military object",
    "fresh-uk-015": "'аеропорт Внуково ... обмежував приймання та відправлення рейсів' is no transport",
    "fresh2-en-008": "a second 'and 32 missiles' after a long semicolon list of launch origins is lost",
    "fresh2-ru-019": "a refinery that 'подвергся атаке' with a fire in the next sentence is no fuel",
    "fresh2-uk-028": "'атакували місто' takes no region from the city named before",
    "fresh2-uk-029": "'кількість ракет зросла до 198' inherits no launch from the sentence before",
}


def _cases() -> list[dict[str, Any]]:
    out = []
    for path in sorted(DATA.glob("*.jsonl")):
        out.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return out


CASES = _cases()


Tuples = tuple[Counter[tuple[Any, ...]], set[tuple[str, str]], Counter[tuple[Any, ...]]]


def _expected(gold: dict[str, Any]) -> Tuples:
    counts = Counter(
        (c[0], c[1], c[2], int(c[3]), c[4] if len(c) > 4 else gold["claimant"]) for c in gold["counts"]
    )
    damage = {(d[0], d[1]) for d in gold["damage"]}
    casualties = Counter((c[0], c[1], int(c[2])) for c in gold["casualties"])
    return counts, damage, casualties


def _produced(report: dict[str, Any]) -> Tuples:
    raw = RawReport(
        id=report["id"],
        source=report["source"],
        published_at=datetime.fromisoformat(report["published_at"].replace("Z", "+00:00")),
        text=report["text"],
    )
    out = normalize(raw)
    counts = Counter((o.region, o.weapon, o.measure, o.count, o.claimant) for o in out.observations)
    damage = {(d.region, d.kind) for d in out.damage if d.region is not None}
    casualties: Counter[tuple[Any, ...]] = Counter()
    for c in out.casualties:
        for what, n in (("killed", c.killed), ("injured", c.injured)):
            if n:
                casualties[(c.region, what, n)] += 1
    return counts, damage, casualties


def _known(report_id: str) -> list[pytest.MarkDecorator]:
    if report_id not in KNOWN:
        return []
    return [pytest.mark.xfail(strict=True, reason=KNOWN[report_id])]


def test_the_sets_are_whole() -> None:
    ids = [c["report"]["id"] for c in CASES]
    assert len(ids) == 180
    assert len(set(ids)) == 180
    assert set(KNOWN) <= set(ids)
    assert Counter(c["lang"] for c in CASES) == {"en": 60, "ru": 60, "uk": 60}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["report"]["id"], marks=_known(c["report"]["id"]))
        for c in CASES
    ],
)
def test_heldout_report(case: dict[str, Any]) -> None:
    expected = _expected(case["gold"])
    produced = _produced(case["report"])
    assert produced[0] == expected[0], "counts (region, weapon, measure, n, claimant)"
    assert produced[1] == expected[1], "damage (region, kind)"
    assert produced[2] == expected[2], "casualties (region, what, n)"
