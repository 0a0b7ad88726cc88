"""Prometheus and Alertmanager configs checked by promtool and amtool themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .deploy_helpers import DEPLOY, PROMETHEUS_DIR, ROOT, run

pytestmark = pytest.mark.prometheus

RULE_FILES = sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))
RULE_TESTS = sorted((PROMETHEUS_DIR / "tests").glob("*.yml"))
ALERTMANAGER = DEPLOY / "alertmanager" / "alertmanager.yml"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def alerting_rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in RULE_FILES
        for group in load(path)["groups"]
        for rule in group["rules"]
        if "alert" in rule
    ]


def test_files_exist() -> None:
    assert [p.name for p in RULE_FILES] == ["alerts.yml", "recording.yml"]
    assert [p.name for p in RULE_TESTS] == ["pipeline.yml", "regions.yml"]


def test_promtool_check_config(promtool: str) -> None:
    result = run(promtool, "check", "config", str(PROMETHEUS_DIR / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 2 rule files found" in result.stdout


def test_promtool_check_rules(promtool: str) -> None:
    for path in RULE_FILES:
        result = run(promtool, "check", "rules", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        n = sum(len(group["rules"]) for group in load(path)["groups"])
        assert f"SUCCESS: {n} rules found" in result.stdout


@pytest.mark.parametrize("test_file", RULE_TESTS, ids=lambda p: p.name)
def test_promtool_test_rules(promtool: str, test_file: Path) -> None:
    result = run(promtool, "test", "rules", str(test_file))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_promtool_catches_a_broken_rule(promtool: str, tmp_path: Path) -> None:
    # The validator is live: a malformed expression must fail the check.
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "groups:\n- name: g\n  rules:\n  - alert: Bad\n    expr: sum(rate(x[5m])\n",
        encoding="utf-8",
    )
    assert run(promtool, "check", "rules", str(bad)).returncode == 1


def test_every_alert_tested_firing_and_not_firing() -> None:
    firing: set[str] = set()
    silent: set[str] = set()
    for path in RULE_TESTS:
        for case in load(path)["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else silent).add(check["alertname"])
    names = {rule["alert"] for rule in alerting_rules()}
    assert names == {
        "StrikestreamRegionSurge",
        "StrikestreamMassAttack",
        "StrikestreamRegionSustainedRise",
        "StrikestreamRegionSilent",
        "StrikestreamRegionMunitionsAboveBaseline",
        "StrikestreamFeedSilent",
        "StrikestreamDeadLetterRate",
        "StrikestreamDetectorLateClaims",
        "StrikestreamDetectorsStalled",
        "StrikestreamConsumerLag",
        "StrikestreamWorkerDown",
        "StrikestreamScrapeSnapshotFailing",
        "StrikestreamWorkerMemoryHigh",
        "StrikestreamGarbageCollectionPauses",
    }
    assert names - firing == set(), "alerts without a firing test"
    assert names - silent == set(), "alerts without a not-firing test"


def test_alerts_carry_routing_labels() -> None:
    # Alertmanager routes on severity and inhibits on scope: every rule needs both.
    for rule in alerting_rules():
        labels = rule["labels"]
        if rule["alert"] in DETECTOR_MIRRORS:
            assert labels["severity"] == "{{ $labels.severity }}", rule["alert"]
            continue
        assert labels["severity"] in {"critical", "warning"}, rule["alert"]
        assert labels["scope"] in {"region", "feed", "pipeline"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
    feed = [r for r in alerting_rules() if r["alert"] == "StrikestreamFeedSilent"]
    assert feed[0]["expr"] == "sum(increase(strikestream_reports_total[30m])) == 0"


DETECTOR_MIRRORS = {"StrikestreamRegionSurge", "StrikestreamMassAttack",
                    "StrikestreamRegionSustainedRise", "StrikestreamRegionSilent"}


def test_detector_mirrors_take_the_app_severity() -> None:
    """The pages of the detectors' alerts route on the app's own severity: the series
    they read keep it as a label through the recording rules."""
    records = {r["record"]: r["expr"] for path in RULE_FILES for g in load(path)["groups"]
               for r in g["rules"] if "record" in r}
    for name in ("strikestream:open_alerts:max", "strikestream:alerts_opened:increase15m"):
        assert "max by (region, kind, severity)" in records[name], name
    mirrors = [r for r in alerting_rules() if r["alert"] in DETECTOR_MIRRORS]
    assert {r["alert"] for r in mirrors} == DETECTOR_MIRRORS
    for rule in mirrors:
        assert "strikestream:alerts_opened:increase15m" in rule["expr"], rule["alert"]
        assert "strikestream:open_alerts:max" in rule["expr"], rule["alert"]


def test_prometheus_scrapes_the_compose_workers() -> None:
    config = load(PROMETHEUS_DIR / "prometheus.yml")
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    worker_job = jobs["strikestream"]
    assert worker_job["metrics_path"] == "/metrics"
    assert worker_job["static_configs"][0]["targets"] == ["worker-1:6066", "worker-2:6066"]
    assert config["rule_files"] == ["rules/*.yml"]
    compose = load(ROOT / "docker-compose.yml")["services"]
    for target in worker_job["static_configs"][0]["targets"]:
        host, port = target.split(":")
        assert compose[host]["environment"]["STREAM_WEB_PORT"] == port


def test_amtool_check_config(amtool: str) -> None:
    result = run(amtool, "check-config", str(ALERTMANAGER))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout
    assert " - 3 inhibit rules" in result.stdout


@pytest.mark.parametrize(
    ("labels", "receiver"),
    [
        (["alertname=StrikestreamRegionSurge", "scope=region", "severity=critical",
          "region=UA-63"], "pager"),
        (["alertname=StrikestreamMassAttack", "scope=region", "severity=critical",
          "region=ALL"], "pager"),
        (["alertname=StrikestreamRegionSurge", "scope=region", "severity=warning",
          "region=UA-46"], "webhook"),
        (["alertname=StrikestreamRegionSilent", "scope=region", "severity=warning",
          "region=UA-12"], "webhook"),
        (["alertname=StrikestreamFeedSilent", "scope=feed", "severity=critical"], "pager"),
        (["alertname=StrikestreamWorkerDown", "scope=pipeline", "severity=critical",
          "instance=worker-2:6066"], "pager"),
        (["alertname=StrikestreamConsumerLag", "scope=pipeline", "severity=warning"],
         "webhook"),
    ],
)
def test_alertmanager_routes(amtool: str, labels: list[str], receiver: str) -> None:
    result = run(
        amtool, "config", "routes", "test", f"--config.file={ALERTMANAGER}",
        f"--verify.receivers={receiver}", *labels,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == receiver


def test_alertmanager_routes_verification_can_fail(amtool: str) -> None:
    result = run(
        amtool, "config", "routes", "test", f"--config.file={ALERTMANAGER}",
        "--verify.receivers=pager", "scope=pipeline", "severity=warning",
    )
    assert result.returncode != 0


def test_alertmanager_groups_by_region_and_inhibits_on_feed_outage() -> None:
    config = load(ALERTMANAGER)
    assert config["route"]["group_by"] == ["region"]
    feed_rule = config["inhibit_rules"][0]
    assert feed_rule["source_matchers"] == ['alertname="StrikestreamFeedSilent"']
    assert feed_rule["target_matchers"] == ['scope="region"']
    # The inhibited set is exactly the regional alerts of the rule files.
    regional = {r["alert"] for r in alerting_rules() if r["labels"]["scope"] == "region"}
    assert regional == {
        "StrikestreamRegionSurge", "StrikestreamMassAttack", "StrikestreamRegionSustainedRise",
        "StrikestreamRegionSilent", "StrikestreamRegionMunitionsAboveBaseline",
    }
    for receiver in config["receivers"]:
        for hook in receiver["webhook_configs"]:
            assert hook["url"].startswith("http://127.0.0.1:"), "placeholder stays on loopback"
