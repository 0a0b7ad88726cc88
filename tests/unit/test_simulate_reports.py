"""stream.simulate.reports: determinism, RawReport validity, truth consistent with text."""

from __future__ import annotations

import io
import random
import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pycountry
import pytest

from stream.models import RawReport
from stream.simulate import SimReport, simulate_reports, simulate_to_file, write_jsonl
from stream.simulate.reports import REGION_CODES, _en_num, _plural

START = datetime(2025, 7, 3, 6, 30, tzinfo=UTC)
EN_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
SL_WORDS = {"один": 1, "одного": 1, "два": 2, "три": 3, "четыре": 4, "чотири": 4, "пять": 5,
            "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8, "вісім": 8,
            "девять": 9, "дев'ять": 9, "десять": 10, "двое": 2}


def _stream(n: int = 600, seed: int = 11, **kw: object) -> list[SimReport]:
    return list(simulate_reports(n, seed=seed, start=START, **kw))  # type: ignore[arg-type]


def _numbers(text: str) -> set[int]:
    """Every number a reader sees in the text: digits, "1,200", words, "two dozen"."""
    found = {int(m.replace(",", "")) for m in re.findall(r"\d[\d,]*\d|\d", text)}
    words = re.findall(r"[\w']+", text.lower())
    found |= {EN_WORDS[w] for w in words if w in EN_WORDS}
    found |= {SL_WORDS[w] for w in words if w in SL_WORDS}
    if "two dozen" in text:
        found.add(24)
    if "ещё один" in text:
        found.add(1)
    return found


def test_same_seed_same_stream_other_seed_other_stream() -> None:
    a, b, c = _stream(seed=5), _stream(seed=5), _stream(seed=6)
    assert [(r.raw, r.truth) for r in a] == [(r.raw, r.truth) for r in b]
    assert [r.raw["text"] for r in a] != [r.raw["text"] for r in c]


def test_yields_exactly_n_ordered_from_start() -> None:
    reports = _stream(n=250)
    assert len(reports) == 250
    times = [r.raw["published_at"] for r in reports]
    assert times == sorted(times)
    assert times[0] >= "2025-07-03T06:30:00Z"
    assert len({r.raw["id"] for r in reports}) == 250


def test_every_raw_is_a_valid_raw_report_with_only_its_fields() -> None:
    for r in _stream():
        model = RawReport.model_validate(r.raw)
        assert set(r.raw) <= {"id", "source", "published_at", "text", "title"}
        assert model.published_at.utcoffset() == timedelta(0)
        assert r.raw["published_at"].endswith("Z")


def test_truth_regions_are_iso_subdivisions_or_seas() -> None:
    regions = set()
    for r in _stream():
        t = r.truth
        regions |= {x[0] for x in (*t.counts, *t.damage, *t.casualties) if x[0] is not None}
    assert len(regions) >= 20
    for code in regions | REGION_CODES:
        assert code.startswith("SEA-") or pycountry.subdivisions.get(code=code) is not None, code


def test_all_languages_and_claimants_present_and_text_matches_language() -> None:
    reports = _stream()
    langs = Counter(r.truth.lang for r in reports)
    assert set(langs) == {"en", "ru", "uk"}
    assert {r.truth.claimant for r in reports} >= {"ru-mod", "ua-military", "ru-official",
                                                   "ua-official"}
    for r in reports:
        text = r.raw["text"]
        cyrillic = re.search(r"[а-яА-ЯёЁіїєґІЇЄҐ]", text) is not None
        ukrainian = re.search(r"[іїєґІЇЄҐ]", text) is not None
        assert cyrillic == (r.truth.lang != "en"), text
        if r.truth.lang == "ru":
            assert not ukrainian, text


def test_every_truth_figure_is_written_in_the_text() -> None:
    for r in _stream():
        seen = _numbers(r.raw["text"])
        figures = [c[3] for c in r.truth.counts] + [c[2] for c in r.truth.casualties]
        missing = [n for n in figures if n not in seen and n != 1]
        assert not missing, (r.raw["text"], r.truth)


def test_a_total_is_the_sum_of_its_regional_parts() -> None:
    checked = 0
    for r in _stream():
        if r.raw["source"] != "telegram:mod_russia" or r.truth.window == "24h":
            continue
        totals = [c[3] for c in r.truth.counts if c[0] is None]
        parts = [c[3] for c in r.truth.counts if c[0] is not None]
        if totals:
            assert totals == [sum(parts)]
            checked += 1
    assert checked >= 10


def test_relays_restate_numbers_of_their_original() -> None:
    reports = _stream()
    by_id = {r.raw["id"]: r for r in reports}
    relays = [r for r in reports if r.truth.relay_of]
    assert len(relays) >= 100
    for r in relays:
        original = by_id[r.truth.relay_of]  # relays come after what they relay
        assert original.raw["published_at"] <= r.raw["published_at"]
        assert not Counter(r.truth.counts) - Counter(original.truth.counts)
        assert not Counter(r.truth.casualties) - Counter(original.truth.casualties)
        assert r.truth.claimant == original.truth.claimant
        assert r.raw["source"] != original.raw["source"] or r.truth.lang != original.truth.lang


def test_corrections_raise_the_toll_of_an_earlier_report() -> None:
    reports = _stream(n=1500, correction_rate=0.6)
    by_id = {r.raw["id"]: r for r in reports}
    corrections = [r for r in reports if r.truth.corrects and not r.truth.relay_of]
    assert len(corrections) >= 5
    for r in corrections:
        before = {(c[0], c[1]): c[2] for c in by_id[r.truth.corrects].truth.casualties}
        after = {(c[0], c[1]): c[2] for c in r.truth.casualties}
        assert after.get((r.truth.casualties[0][0], "injured"), 0) > 0
        for key, n in before.items():
            assert after[key] > n


def test_windows_overlap_evening_overnight_day_and_24h() -> None:
    windows = Counter(r.truth.window for r in _stream(n=1000))
    assert {"evening", "overnight", "day", "24h", "post"} <= set(windows)


def test_regions_filter_limits_truth_regions() -> None:
    reports = _stream(n=200, regions=["RU-KRS", "UA-63", "RU-MOW"], noise_rate=0.0)
    regions = {x[0] for r in reports for x in (*r.truth.counts, *r.truth.damage)}
    assert regions == {"RU-KRS", "UA-63", "RU-MOW", None}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"regions": ["RU-XXX"]}, "unknown regions ['RU-XXX']"),
        ({"start": datetime(2025, 7, 3)}, "UTC-aware"),  # noqa: DTZ001 - the point of the test
        ({"start": datetime(2025, 7, 3, tzinfo=timezone(timedelta(hours=3)))}, "UTC-aware"),
        ({"regions": [], "noise_rate": 0.0}, "nothing to simulate"),
        ({"intensity": -1.0}, "intensity must be >= 0"),
    ],
)
def test_bad_arguments_are_rejected(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"seed": 1, "start": START, **kwargs}
    with pytest.raises(ValueError, match=re.escape(message)):
        next(simulate_reports(3, **args))  # type: ignore[arg-type]


def test_intensity_scales_posts_per_day() -> None:
    def per_day(intensity: float) -> float:
        reports = _stream(n=800, intensity=intensity)
        first, last = reports[0].raw["published_at"], reports[-1].raw["published_at"]
        days = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds()
        return 800 / (days / 86400)

    assert per_day(3.0) > 1.8 * per_day(1.0)


def test_write_jsonl_to_bytes_text_and_path(tmp_path: Path) -> None:
    reports = _stream(n=20)
    raw_lines = [orjson.dumps(r.raw) + b"\n" for r in reports]
    buf = io.BytesIO()
    assert write_jsonl(reports, buf) == 20
    assert buf.getvalue() == b"".join(raw_lines)
    text = io.StringIO()
    assert write_jsonl(reports, text, with_truth=True) == 20
    first = orjson.loads(text.getvalue().splitlines()[0])
    assert first == {"lang": reports[0].truth.lang, "report": reports[0].raw,
                     "gold": reports[0].truth.as_dict()}
    path = tmp_path / "out.jsonl"
    assert simulate_to_file(path, 20, 11, START) == 20
    assert path.read_bytes() == b"".join(raw_lines)


@pytest.mark.parametrize(
    ("n", "form"),
    [(1, "one"), (21, "one"), (11, "many"), (2, "few"), (24, "few"), (12, "many"),
     (14, "many"), (5, "many"), (101, "one"), (112, "many")],
)
def test_plural_agreement(n: int, form: str) -> None:
    assert _plural(n, "one", "few", "many") == form


def test_english_numbers() -> None:
    rng = random.Random(0)
    assert _en_num(rng, 7, 0.0) == "seven"
    assert _en_num(rng, 15, 0.0) == "15"
    assert _en_num(rng, 1200, 1.0) == "1,200"
    assert _en_num(rng, 24, 1.0) == "two dozen"
