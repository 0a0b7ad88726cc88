"""Grafana provisioning and dashboard: structure, PromQL parsed by promtool, and
every metric name used by the dashboard and the rules exists in stream.metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from stream.heap import PauseTimer
from stream.metrics import Metrics, Progress, RegionSample

from .deploy_helpers import DEPLOY, PROMETHEUS_DIR, ROOT, run

GRAFANA = DEPLOY / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "strikestream.json"
# Grafana template variables and what they stand for when promtool parses.
VARIABLES = {"$__rate_interval": "5m", "$region": ".*"}
METRIC_NAME = re.compile(r"\bstrikestream[_:][A-Za-z0-9_:]*")


def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return data


def panels() -> list[dict[str, Any]]:
    return [p for p in dashboard()["panels"] if p["type"] != "row"]


def exprs() -> list[tuple[str, str]]:
    """(record name, PromQL) per dashboard target, template variables substituted."""
    out = []
    for panel in panels():
        for target in panel["targets"]:
            expr = target["expr"]
            for var, value in VARIABLES.items():
                expr = expr.replace(var, value)
            out.append((f"dashboard:panel{panel['id']}:{target['refId']}", expr))
    return out


def test_provisioned_datasource_is_what_panels_use() -> None:
    ds = yaml.safe_load((GRAFANA / "provisioning/datasources/prometheus.yml").read_text())
    prom = next(d for d in ds["datasources"] if d["type"] == "prometheus")
    assert prom["url"] == "http://prometheus:9090"
    expected = {"type": "prometheus", "uid": prom["uid"]}
    for panel in panels():
        assert panel["datasource"] == expected, panel["title"]
        for target in panel["targets"]:
            assert target["datasource"] == expected, panel["title"]
    for var in dashboard()["templating"]["list"]:
        assert var["datasource"] == expected


def test_dashboard_provider_path_is_the_compose_mount() -> None:
    provider = yaml.safe_load((GRAFANA / "provisioning/dashboards/strikestream.yml").read_text())
    path = provider["providers"][0]["options"]["path"]
    grafana = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["grafana"]
    assert f"./deploy/grafana/dashboards:{path}:ro" in grafana["volumes"]


def test_dashboard_structure() -> None:
    dash = dashboard()
    assert dash["uid"] == "strikestream-overview"
    ids = [p["id"] for p in dash["panels"]]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    rows = [p["title"] for p in dash["panels"] if p["type"] == "row"]
    assert rows == ["Regions", "Claimants", "Alerts", "Pipeline health"]
    occupied: set[tuple[int, int]] = set()
    for panel in dash["panels"]:
        grid = panel["gridPos"]
        assert set(grid) == {"x", "y", "w", "h"}, panel["title"]
        assert grid["w"] >= 1 and grid["h"] >= 1 and grid["x"] + grid["w"] <= 24, panel["title"]
        cells = {
            (x, y)
            for x in range(grid["x"], grid["x"] + grid["w"])
            for y in range(grid["y"], grid["y"] + grid["h"])
        }
        assert not cells & occupied, f"{panel['title']} overlaps another panel"
        occupied |= cells
    for panel in panels():
        assert panel["title"] and panel["targets"], panel["id"]
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip(), panel["title"]


def test_every_dashboard_expr_parses(promtool: str, tmp_path: Path) -> None:
    rules = {"groups": [{"name": "dashboard", "rules": [
        {"record": name, "expr": expr} for name, expr in exprs()
    ]}]}
    path = tmp_path / "dashboard-exprs.yml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    result = run(promtool, "check", "rules", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(exprs())} rules found" in result.stdout


def test_no_unknown_template_variables() -> None:
    for name, expr in exprs():
        assert "$" not in expr, f"{name}: unsubstituted variable in {expr}"


def exported_names() -> set[str]:
    m = Metrics()
    m.set_build("0", "0")
    m.consumer_lag.labels(topic="strikes.raw.v1", partition="0").set(0)
    m.set_region_source(lambda: [RegionSample("UA-63", "other", "drone", "launched", "1h", 1)])
    m.set_open_alerts_source(lambda: [("UA-63", "surge", "critical")])
    m.set_gc_pause_source(PauseTimer().snapshot)
    m.set_progress_source(lambda: Progress(event_time=1.0, scored_before=0.0, kept_claims=1,
                                           partitions=((0, 1.0),), held=((0, 0),), ahead=((0, False),)))
    body, _ = m.exposition()
    return {s.name for f in text_string_to_metric_families(body.decode()) for s in f.samples}


def recorded_names() -> set[str]:
    text = (PROMETHEUS_DIR / "rules" / "recording.yml").read_text()
    return {r["record"] for g in yaml.safe_load(text)["groups"] for r in g["rules"]}


@pytest.mark.parametrize("source", ["dashboard", "rules"])
def test_metric_names_exist(source: str) -> None:
    if source == "dashboard":
        texts = [expr for _, expr in exprs()]
        texts.append(dashboard()["templating"]["list"][0]["query"]["query"])
    else:
        texts = [
            rule["expr"]
            for path in sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))
            for group in yaml.safe_load(path.read_text())["groups"]
            for rule in group["rules"]
        ]
    used = {name for text in texts for name in METRIC_NAME.findall(text)}
    assert used, "no strikestream metric referenced"
    assert used - (exported_names() | recorded_names()) == set()


def _panel_expr(panel_id: int, ref: str = "A") -> str:
    (expr,) = [e for name, e in exprs() if name == f"dashboard:panel{panel_id}:{ref}"]
    return expr


def test_panels_count_one_worker_and_the_largest_claimant(promtool: str, tmp_path: Path) -> None:
    """Two workers export identical fold counters and region series (each folds every
    claim): the panels show one worker's figures. Russian regions have only downed
    figures, from the MoD and a governor about the same drones: the activity panels show
    the largest claimant's, and a region with launch figures shows those."""
    region = "strikestream_region_munitions{{instance=\"{i}\",region=\"{r}\",claimant=\"{c}\"," \
             "weapon=\"drone\",measure=\"{m}\",window=\"{w}\"}}"
    rows = [("RU-KRS", "ru-mod", "intercepted", "1h", 23),
            ("RU-KRS", "ru-official", "intercepted", "1h", 20),
            ("RU-KRS", "ru-mod", "intercepted", "7d", 300),
            ("RU-KRS", "ru-official", "intercepted", "7d", 250),
            ("UA-63", "ua-military", "launched", "1h", 50), ("UA-63", "ua-military", "intercepted", "1h", 40)]
    series = []
    for instance in ("worker-1:6066", "worker-2:6066"):
        series += [{"series": region.format(i=instance, r=r, c=c, m=m, w=w), "values": f"{v}x120"}
                   for r, c, m, w, v in rows]
        series += [
            {"series": f'strikestream_alerts_total{{instance="{instance}",kind="surge",state="open"}}',
             "values": "0+1x120"},
            {"series": f'strikestream_duplicate_claims_total{{instance="{instance}",outcome="relay"}}',
             "values": "0+60x120"},
            {"series": f'strikestream_late_claims_total{{instance="{instance}"}}', "values": "0+30x120"},
        ]

    def samples(name: str, *pairs: tuple[str, float]) -> dict[str, Any]:
        return {"expr": name, "eval_time": "120m",
                "exp_samples": [{"labels": labels, "value": value} for labels, value in pairs]}

    tests = [
        samples(_panel_expr(2), ('strikestream:region_activity:max{region="RU-KRS",window="1h"}', 23),
                ('strikestream:region_activity:max{region="UA-63",window="1h"}', 50)),
        samples(_panel_expr(5), ('strikestream:region_activity:max{region="RU-KRS",window="1h"}', 23),
                ('strikestream:region_activity:max{region="RU-KRS",window="7d"}', 300),
                ('strikestream:region_activity:max{region="UA-63",window="1h"}', 50)),
        samples(_panel_expr(3), ('{region="RU-KRS",measure="intercepted"}', 23),
                ('{region="UA-63",measure="launched"}', 50), ('{region="UA-63",measure="intercepted"}', 40)),
        samples(_panel_expr(12), ('{kind="surge",state="open"}', 60)),
        samples(_panel_expr(19, "A"), ('{outcome="relay"}', 1)),
        samples(_panel_expr(19, "B"), ("{}", 0.5)),
    ]
    test_file = tmp_path / "dashboard-test.yml"
    test_file.write_text(yaml.safe_dump({
        "rule_files": [str(PROMETHEUS_DIR / "rules" / "recording.yml")],
        "evaluation_interval": "1m",
        "tests": [{"interval": "1m", "input_series": series, "promql_expr_test": tests}],
    }), encoding="utf-8")
    result = run(promtool, "test", "rules", str(test_file))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout
