"""Compile the pure normalizer, gazetteer, detectors and aggregates with mypyc, in place.

The compiled modules are an optional speed-up (about 1.8x on the normalize
benchmark): without a C compiler, or with STREAM_NATIVE=0, the Python sources
run and give identical results. `stream/_native.py` uses the compiled modules
only while `stream/_native.json` (written here) matches the sources.

    python scripts/build_native.py           # build (a failure leaves the sources in use)
    python scripts/build_native.py --clean   # remove the compiled modules
    python scripts/build_native.py --strict  # exit 1 when the build fails
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT / "stream"
MANIFEST = STREAM / "_native.json"
BUILD_DIR = ROOT / "build" / "native"
GROUP = "stream.native"  # one shared library for all: stream/native__mypyc.<suffix>

SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths = sys.argv[1:]
setup(name="strikestream-native", py_modules=[],
      ext_modules=mypycify(paths, opt_level="3", group_name={group!r}, target_dir={target!r}),
      script_args=["-q", "build_ext", "--inplace", "--build-temp", {temp!r}])
"""


def packages() -> dict[str, tuple[str, ...]]:
    # stream/_native.py alone: importing the package would need its dependencies
    spec = importlib.util.spec_from_file_location("_native", STREAM / "_native.py")
    if spec is None or spec.loader is None:
        msg = "cannot load stream/_native.py"
        raise RuntimeError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.PACKAGES)


def sources() -> list[str]:
    """"package/module" names to compile (see `PACKAGES` in stream/_native.py)."""
    return sorted(f"{pkg}/{p.stem}" for pkg, keep in packages().items()
                  for p in (STREAM / pkg).glob("*.py") if p.stem not in keep)


def clean() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for directory in (STREAM, *(STREAM / pkg for pkg in packages())):
        for p in directory.iterdir():
            ours = directory != STREAM or p.name.startswith(("native__mypyc", "normalize__mypyc"))
            if ours and p.name.endswith(suffixes):
                p.unlink()
    for old in (MANIFEST, STREAM / "normalize" / "_native.json"):
        old.unlink(missing_ok=True)


def build() -> tuple[bool, str]:
    clean()
    srcs = sources()
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    setup = SETUP.format(group=GROUP, target=str(BUILD_DIR / "c"), temp=str(BUILD_DIR / "temp"))
    rel = [f"stream/{name}.py" for name in srcs]
    started = time.monotonic()
    # Built from a directory holding only a link to the package: setup() must not read
    # the project's pyproject.toml (whose metadata may need a newer setuptools than the
    # venv's), and --inplace then writes through the link, beside the sources.
    src = BUILD_DIR / "src"
    src.mkdir(parents=True, exist_ok=True)
    link = src / "stream"
    if not link.is_symlink() or link.resolve() != STREAM:
        link.unlink(missing_ok=True)
        link.symlink_to(STREAM, target_is_directory=True)
    cmd = [sys.executable, "-c", setup, *rel]  # our own interpreter and sources
    proc = subprocess.run(cmd, cwd=src, capture_output=True, text=True,  # noqa: S603
                          env={**os.environ, "PYTHONPATH": str(src)})
    if proc.returncode != 0:
        clean()
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        return False, f"mypyc build failed (exit {proc.returncode}):\n{tail}"
    record = {
        "python": sys.implementation.cache_tag,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.monotonic() - started, 1),
        # the same digest stream/_native.py checks at import time
        "sources": {name: hashlib.sha256((STREAM / f"{name}.py").read_bytes()).hexdigest()
                    for name in srcs},
    }
    MANIFEST.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    pkgs = ", ".join(f"stream/{p}" for p in packages())
    return True, f"compiled {len(srcs)} modules of {pkgs} with mypyc in {record['seconds']} s"


def main(argv: list[str]) -> int:
    if "--clean" in argv:
        clean()
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        print("native: removed the compiled normalizer")
        return 0
    if os.environ.get("STREAM_NATIVE", "").strip().lower() in ("0", "false", "no", "off", "pure"):
        clean()
        print("native: STREAM_NATIVE=0, the Python sources are used")
        return 0
    try:
        import mypyc  # noqa: F401
    except ImportError:
        print("native: mypyc is not installed; the Python sources are used", file=sys.stderr)
        return 1 if "--strict" in argv else 0
    ok, message = build()
    print(f"native: {message}", file=sys.stdout if ok else sys.stderr)
    if not ok:
        print("native: the Python sources are used (same results, slower)", file=sys.stderr)
    return 0 if ok or "--strict" not in argv else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
