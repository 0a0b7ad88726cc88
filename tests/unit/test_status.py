"""`stream.status.summarize`: one worker's state from its /healthz, /metrics samples
and open alerts (the body of `python -m stream status`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stream.status import summarize

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

SAMPLES = [
    ("strikestream_reports_total", {"lang": "en"}, 120.0),
    ("strikestream_reports_total", {"lang": "ru"}, 97.0),
    ("strikestream_reports_total", {"lang": "uk"}, 0.0),
    ("strikestream_reports_created", {"lang": "en"}, 1.7e9),
    ("strikestream_claims_total", {"kind": "count", "claimant": "ru_mod"}, 400.0),
    ("strikestream_claims_total", {"kind": "damage", "claimant": "governor"}, 66.0),
    ("strikestream_dlq_total", {"reason": "decode"}, 1.0),
    ("strikestream_dlq_total", {"reason": "invalid"}, 9.0),
    ("strikestream_consumer_lag_messages", {"topic": "strikes.claims.v1", "partition": "0"}, 0.0),
    ("strikestream_consumer_lag_messages", {"topic": "strikes.claims.v1", "partition": "1"}, 0.0),
]


def health(ready: bool = True, folded: datetime | None = NOW - timedelta(seconds=4)) -> dict[str, object]:
    return {"status": "ok" if ready else "starting", "ready": ready, "claims_applied": 466,
            "folded_at": None if folded is None else folded.isoformat()}


def test_counts_per_label_and_freshness() -> None:
    st = summarize(health(), SAMPLES, [], NOW)
    assert st.ready and st.problems == []
    assert st.reports_by_lang == {"en": 120, "ru": 97}  # `_created` samples are not counts
    assert st.reports == 217
    assert st.claims == 466 and st.claims_applied == 466
    assert st.dead_letters_by_reason == {"decode": 1, "invalid": 9} and st.dead_letters == 10
    assert st.lag == {"strikes.claims.v1": 0}
    assert st.folded_ago_s == 4.0
    doc = st.to_json()
    assert doc["folded_at"] == (NOW - timedelta(seconds=4)).isoformat()
    assert (doc["reports"], doc["dead_letters"]) == (217, 10)


def test_only_alerts_in_force_are_listed() -> None:
    alerts = [{"alert_id": "a", "state": "open"}, {"alert_id": "b", "state": "resolved"},
              {"alert_id": "c", "state": "updated"}]
    assert [a["alert_id"] for a in summarize(health(), SAMPLES, alerts, NOW).open_alerts] == ["a", "c"]


def test_a_worker_catching_up_needs_a_look() -> None:
    st = summarize(health(ready=False, folded=None), [], [], NOW)
    assert not st.ready and st.folded_at is None and st.folded_ago_s is None
    assert len(st.problems) == 1 and st.problems[0].startswith("not ready")


def test_stale_only_with_claims_waiting() -> None:
    lagging = [*SAMPLES, ("strikestream_consumer_lag_messages",
                          {"topic": "strikes.claims.v1", "partition": "2"}, 1234.0)]
    old = NOW - timedelta(seconds=301)
    stale = summarize(health(folded=old), lagging, [], NOW)
    assert stale.lag == {"strikes.claims.v1": 1234}
    assert stale.problems == ["stale: 1234 claims log records waiting and no fold for 301 s"]
    # an idle feed folds nothing and is not stale; a recent fold with lag is catching up
    assert summarize(health(folded=old), SAMPLES, [], NOW).problems == []
    assert summarize(health(), lagging, [], NOW).problems == []
    assert summarize(health(folded=old), lagging, [], NOW, stale_after_s=600).problems == []
    # a backlog on the raw topic is the feed's, not claims waiting for the fold
    raw = {"topic": "p.strikes.raw.v1", "partition": "0"}
    backlog = [*SAMPLES, ("strikestream_consumer_lag_messages", raw, 9.0)]
    quiet = summarize(health(folded=old), backlog, [], NOW)
    assert quiet.lag == {"p.strikes.raw.v1": 9, "strikes.claims.v1": 0} and quiet.problems == []
    never = summarize(health(folded=None), lagging, [], NOW)
    assert never.problems == ["stale: 1234 claims log records waiting and nothing folded yet"]


def test_pure_modules_import_no_framework() -> None:
    """The pure modules (this one, the dead letters, normalize, aggregate, detect,
    regions) load without Faust, aiokafka or the Prometheus client."""
    import subprocess
    import sys

    code = ("import sys\n"
            "import stream.status, stream.deadletters, stream.normalize, stream.aggregate, stream.detect, "
            "stream.regions\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'faust', 'mode', 'aiokafka', 'prometheus_client'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
