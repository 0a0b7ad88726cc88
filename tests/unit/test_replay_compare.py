"""`python -m stream replay --compare`: the alert differences it reports."""

from __future__ import annotations

from typing import Any

from stream.cli import _alert_differences


def _alert(aid: str, **kw: Any) -> dict[str, Any]:
    base = {"alert_id": aid, "kind": "surge", "region": "RU-BEL", "state": "resolved",
            "observed": 90.0, "expected": 4.5, "claim_ids": ["c1", "c2"]}
    return {**base, **kw}


def test_equal_alert_lists_have_no_difference() -> None:
    alerts = [_alert("a"), _alert("b", region="RU-KRS")]
    assert _alert_differences(alerts, list(reversed(alerts))) == []


def test_each_kind_of_difference_is_named() -> None:
    replayed = [_alert("a"), _alert("b", expected=1.09), _alert("c")]
    live = [_alert("a"), _alert("b", expected=1.06, state="open"), _alert("d", kind="silence")]
    assert _alert_differences(replayed, live) == [
        "c: only in the replay (surge RU-BEL)",
        "d: only in the live worker (silence RU-BEL)",
        "b: state 'resolved' (live 'open'), expected 1.09 (live 1.06)",
    ]
