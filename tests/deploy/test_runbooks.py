"""Every alert tells on-call what it means and where to start: a summary, a
description, and a runbook_url pointing at a section of deploy/README.md that
exists."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from .deploy_helpers import DEPLOY, PROMETHEUS_DIR

README = DEPLOY / "README.md"


def _alerting_rules() -> list[dict[str, Any]]:
    doc = yaml.safe_load((PROMETHEUS_DIR / "rules" / "alerts.yml").read_text(encoding="utf-8"))
    return [r for g in doc["groups"] for r in g["rules"] if "alert" in r]


def _anchors() -> set[str]:
    """The anchors a Markdown renderer gives the README's headings (lower case, spaces
    to dashes, punctuation dropped)."""
    out = set()
    for line in README.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"#{1,6} (.+)", line):
            text = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower())
            out.add(text.replace(" ", "-"))
    return out


@pytest.mark.parametrize("rule", _alerting_rules(), ids=lambda r: r["alert"])
def test_alert_has_summary_description_and_runbook(rule: dict[str, Any]) -> None:
    notes = rule["annotations"]
    assert notes["summary"].strip()
    assert notes["description"].strip()
    path, _, anchor = notes["runbook_url"].partition("#")
    assert path == "deploy/README.md"
    assert anchor == rule["alert"].lower()
    assert anchor in _anchors(), f"deploy/README.md has no section #{anchor}"


def test_region_pages_fire_on_openings_too() -> None:
    """An alert that opened and resolved between two scrapes must still page: the
    detector mirrors read the openings counter, not only the open-alerts gauge."""
    mirrors = [r for r in _alerting_rules() if "strikestream:open_alerts:max" in r["expr"]]
    assert {r["alert"] for r in mirrors} == {
        "StrikestreamRegionSurge", "StrikestreamMassAttack",
        "StrikestreamRegionSustainedRise", "StrikestreamRegionSilent",
    }
    for rule in mirrors:
        assert "strikestream:alerts_opened:increase15m" in rule["expr"], rule["alert"]
