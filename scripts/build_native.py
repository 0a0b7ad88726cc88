"""Compile the pure normalizer (`stream/normalize`) with mypyc, in place.

The compiled modules are an optional speed-up (about 1.6x on the normalize
benchmark): without a C compiler, or with STREAM_NATIVE=0, the Python sources
run and give identical results. `stream/_native.py` uses the compiled modules
only while `stream/normalize/_native.json` (written here) matches the sources.

    python scripts/build_native.py           # build (a failure leaves the sources in use)
    python scripts/build_native.py --clean   # remove the compiled modules
    python scripts/build_native.py --strict  # exit 1 when the build fails
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "stream" / "normalize"
MANIFEST = PACKAGE_DIR / "_native.json"
BUILD_DIR = ROOT / "build" / "native"
GROUP = "stream.normalize"  # shared library: stream/normalize__mypyc.<suffix>

SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify
paths = sys.argv[1:]
setup(name="strikestream-native", py_modules=[],
      ext_modules=mypycify(paths, opt_level="3", group_name={group!r}, target_dir={target!r}),
      script_args=["-q", "build_ext", "--inplace", "--build-temp", {temp!r}])
"""


def sources() -> list[Path]:
    # __init__ stays Python: importing the package must never need the build.
    return sorted(p for p in PACKAGE_DIR.glob("*.py") if p.name != "__init__.py")


def clean() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for directory in (PACKAGE_DIR, PACKAGE_DIR.parent):
        for p in directory.iterdir():
            ours = directory == PACKAGE_DIR or p.name.startswith("normalize__mypyc")
            if ours and p.name.endswith(suffixes):
                p.unlink()
    MANIFEST.unlink(missing_ok=True)


def build() -> tuple[bool, str]:
    clean()
    srcs = sources()
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    setup = SETUP.format(group=GROUP, target=str(BUILD_DIR / "c"), temp=str(BUILD_DIR / "temp"))
    rel = [str(p.relative_to(ROOT)) for p in srcs]
    started = time.monotonic()
    cmd = [sys.executable, "-c", setup, *rel]  # our own interpreter and sources
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,  # noqa: S603
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.returncode != 0:
        clean()
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        return False, f"mypyc build failed (exit {proc.returncode}):\n{tail}"
    record = {
        "python": sys.implementation.cache_tag,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.monotonic() - started, 1),
        # the same digest stream/_native.py checks at import time
        "sources": {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in srcs},
    }
    MANIFEST.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    return True, f"compiled {len(srcs)} modules of stream/normalize with mypyc in {record['seconds']} s"


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
