"""deploy/k8s: every manifest validated against the Kubernetes OpenAPI schemas
(kubernetes-validate, strict) and the fields the workers depend on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .deploy_helpers import DEPLOY, in_ci

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
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    annotations = spec["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(port)
    assert annotations["prometheus.io/path"] == "/metrics"
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert config["data"]["STREAM_DATA_DIR"] in mounts
    assert spec["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
