"""The committed sample data: valid, varied, matching its gold file and its builder."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import orjson
import pytest
from pydantic import ValidationError

from stream.models import RawReport

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "stream" / "data" / "samples"
RAW = SAMPLES / "reports-2025-07.jsonl"
GOLD = ROOT / "tests" / "data" / "samples-gold.jsonl"


def _lines(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_samples_are_valid_raw_reports_ordered_by_time() -> None:
    raws = _lines(RAW)
    assert len(raws) >= 220
    for raw in raws:
        RawReport.model_validate(raw)
        assert set(raw) <= {"id", "source", "published_at", "text", "title", "url"}
    assert len({r["id"] for r in raws}) == len(raws)
    times = [str(r["published_at"]) for r in raws]
    assert times == sorted(times)
    assert times[0][:10] == "2025-07-03" and times[-1][:10] == "2025-07-13"


def test_gold_lines_carry_the_sample_reports_in_order() -> None:
    assert [g["report"] for g in _lines(GOLD)] == _lines(RAW)


def test_sample_mix_of_languages_claimants_regions() -> None:
    gold = _lines(GOLD)
    langs = Counter(g["lang"] for g in gold)
    shares = {k: v / len(gold) for k, v in langs.items()}
    assert 0.33 <= shares["en"] <= 0.47 and 0.22 <= shares["ru"] <= 0.38
    assert 0.22 <= shares["uk"] <= 0.38
    claimants = Counter(g["gold"]["claimant"] for g in gold)  # type: ignore[index]
    assert min(claimants[c] for c in ("ru-mod", "ua-military", "ru-official", "ua-official")) >= 10
    regions = set()
    for g in gold:
        labels = g["gold"]
        for key in ("counts", "damage", "casualties"):
            regions |= {x[0] for x in labels[key] if x[0]}  # type: ignore[index]
    assert len({r for r in regions if r.startswith("RU-")}) >= 10
    assert len({r for r in regions if r.startswith("UA-")}) >= 10
    kursk_mod = [g for g in gold if g["report"]["source"] == "telegram:mod_russia"  # type: ignore[index]
                 and any(c[0] == "RU-KRS" for c in g["gold"]["counts"])]  # type: ignore[index]
    assert len(kursk_mod) >= 5
    assert sum(1 for g in gold if g["gold"]["corrects"]) >= 1  # type: ignore[index]
    assert sum(1 for g in gold if g["gold"]["relay_of"]) >= 60  # type: ignore[index]


def test_every_malformed_line_is_rejected() -> None:
    lines = (SAMPLES / "malformed.jsonl").read_bytes().splitlines()
    assert len(lines) >= 8
    for line in lines:
        with pytest.raises(ValidationError):
            RawReport.model_validate_json(line)


def test_builder_reproduces_the_committed_files() -> None:
    # If templates change, rerun tests/data/build_samples.py and commit both files.
    spec = importlib.util.spec_from_file_location("build_samples", GOLD.parent / "build_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert [r.raw for r in module.build()] == _lines(RAW)
