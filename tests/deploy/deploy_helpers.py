"""Helpers for the deployment-config tests: paths and the real validators.

The validators are the Debian binaries (promtool from `prometheus`, amtool from
`prometheus-alertmanager`; `scripts/install-system-deps.sh` installs both).
Under CI (CI=true) a missing binary fails the test: a green run must mean the
configs were checked. Locally the tests skip with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(tool: str, package: str) -> str:
    """Path of `tool`, or fail (CI) / skip (local) naming the package to install."""
    path = shutil.which(tool)
    if path is not None:
        return path
    reason = f"{tool} not found: install Debian package {package} (scripts/install-system-deps.sh)"
    if in_ci():
        pytest.fail(reason)
    pytest.skip(reason)


def pip_tool(tool: str, package: str) -> str:
    """A binary a pip package installs next to the interpreter (hadolint, shellcheck)."""
    beside = Path(sys.executable).parent / tool
    if beside.exists():
        return str(beside)
    return require(tool, f"(pip) {package}")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
