"""The contracts: schemas/*.json equal the models' JSON Schemas; stream.__all__ is the promise."""

from __future__ import annotations

from pathlib import Path

import stream
from stream.models import SCHEMA_MODELS, json_schemas

ROOT = Path(__file__).resolve().parents[2]


def test_schema_files_equal_models() -> None:
    generated = json_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert set(on_disk) == set(generated), "run `make schemas`"
    for name, text in generated.items():
        assert on_disk[name] == text, f"schemas/{name} drifted from the model: run `make schemas`"


def test_every_contract_model_has_a_schema() -> None:
    assert {f"{n}.json" for n in SCHEMA_MODELS} == set(json_schemas())


def test_public_api() -> None:
    assert sorted(stream.__all__) == sorted([
        "Alert", "CasualtyItem", "Claim", "DamageItem", "NormalizedReport", "Observation",
        "RawReport", "Rejection", "ReportingWindow", "__version__",
    ])
    for name in stream.__all__:
        assert hasattr(stream, name)
