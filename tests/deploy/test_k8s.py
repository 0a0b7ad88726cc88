"""deploy/k8s: every manifest validated against the Kubernetes OpenAPI schemas
(kubernetes-validate, strict) and the fields the workers depend on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .deploy_helpers import DEPLOY, PROMETHEUS_DIR, in_ci

K8S = DEPLOY / "k8s"
KUBERNETES_VERSION = "1.31.0"


def resources() -> list[tuple[Path, dict[str, Any]]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    out = []
    for name in kustomization["resources"]:
        for doc in yaml.safe_load_all((K8S / name).read_text()):
            out.append((K8S / name, doc))
    return out


def by_kind(kind: str) -> list[dict[str, Any]]:
    return [doc for _, doc in resources() if doc["kind"] == kind]


def test_kustomization_lists_every_manifest() -> None:
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk


@pytest.mark.parametrize(("path", "doc"), resources(), ids=lambda v: getattr(v, "name", ""))
def test_manifest_matches_kubernetes_schema(path: Path, doc: dict[str, Any]) -> None:
    try:
        import kubernetes_validate
    except ImportError:
        reason = "kubernetes-validate not installed (pip install kubernetes-validate)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    assert {"apiVersion", "kind", "metadata"} <= set(doc), path.name
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_schema_validation_catches_a_typo() -> None:
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    doc = yaml.safe_load((K8S / "statefulset.yaml").read_text())
    doc["spec"]["replica"] = doc["spec"].pop("replicas")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_statefulset_wiring() -> None:
    (sts,) = by_kind("StatefulSet")
    (config,) = by_kind("ConfigMap")
    services = {s["metadata"]["name"]: s for s in by_kind("Service")}
    spec = sts["spec"]
    labels = spec["template"]["metadata"]["labels"]
    assert spec["selector"]["matchLabels"].items() <= labels.items()
    # Workers beyond the raw partitions would normalize nothing (every worker reads
    # every claims partition).
    assert 1 <= spec["replicas"] <= int(config["data"]["STREAM_RAW_PARTITIONS"])
    headless = services[spec["serviceName"]]
    assert headless["spec"]["clusterIP"] == "None"
    for service in services.values():
        assert service["spec"]["selector"].items() <= labels.items()
    (container,) = spec["template"]["spec"]["containers"]
    assert container["args"] == ["worker"]
    assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
    port = int(config["data"]["STREAM_WEB_PORT"])
    assert container["ports"] == [{"name": "http", "containerPort": port}]
    # ready once caught up (503 before); alive whenever the process answers
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/livez"
    # no annotation-based scrape: it would add a second job (see scrape-config.yml)
    assert not any(k.startswith("prometheus.io/")
                   for k in spec["template"]["metadata"].get("annotations", {}))
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert config["data"]["STREAM_DATA_DIR"] in mounts
    assert spec["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


def test_statefulset_comment_gives_the_configmap_partitions() -> None:
    (config,) = by_kind("ConfigMap")
    text = (K8S / "statefulset.yaml").read_text()
    raw = config["data"]["STREAM_RAW_PARTITIONS"]
    claims = config["data"]["STREAM_CLAIMS_PARTITIONS"]
    assert f"creates {raw} (and {claims} claims partitions)" in text
    assert f"1..{raw}" in text


def test_liveness_path_is_served_by_the_worker() -> None:
    views = (DEPLOY.parent / "stream" / "web" / "views.py").read_text()
    (sts,) = by_kind("StatefulSet")
    (container,) = sts["spec"]["template"]["spec"]["containers"]
    for probe in ("livenessProbe", "readinessProbe"):
        assert f'@app.page("{container[probe]["httpGet"]["path"]}")' in views, probe


SCRAPE = K8S / "prometheus" / "scrape-config.yml"
JOB_SELECTOR = re.compile(r'job\s*=\s*"([^"]+)"')


def test_k8s_scrape_job_finds_the_worker_pods() -> None:
    (sts,) = by_kind("StatefulSet")
    (job,) = yaml.safe_load(SCRAPE.read_text())["scrape_configs"]
    labels = sts["spec"]["template"]["metadata"]["labels"]
    (container,) = sts["spec"]["template"]["spec"]["containers"]
    assert job["metrics_path"] == "/metrics"
    (sd,) = job["kubernetes_sd_configs"]
    assert sd["role"] == "pod"
    namespace = yaml.safe_load((K8S / "kustomization.yaml").read_text())["namespace"]
    assert sd["namespaces"]["names"] == [namespace]
    keeps = {tuple(r["source_labels"]): r["regex"] for r in job["relabel_configs"]
             if r.get("action") == "keep"}
    assert keeps == {
        ("__meta_kubernetes_pod_label_app_kubernetes_io_name",):
            labels["app.kubernetes.io/name"],
        ("__meta_kubernetes_pod_container_port_name",): container["ports"][0]["name"],
    }


def test_rules_and_dashboard_select_the_job_both_deployments_scrape() -> None:
    """WorkerDown and WorkerMemoryHigh read up{job=...} and process_* {job=...}: the job
    must be the one compose and Kubernetes scrape the workers as, or they never fire."""
    compose_jobs = {j["job_name"] for j in
                    yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())["scrape_configs"]}
    (k8s_job,) = yaml.safe_load(SCRAPE.read_text())["scrape_configs"]
    texts = [(PROMETHEUS_DIR / "rules" / "alerts.yml").read_text(),
             (DEPLOY / "grafana" / "dashboards" / "strikestream.json").read_text()]
    selected = {job for text in texts for job in JOB_SELECTOR.findall(text.replace('\\"', '"'))}
    assert selected == {k8s_job["job_name"]}
    assert selected <= compose_jobs
