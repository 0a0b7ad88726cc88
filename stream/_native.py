"""Use the mypyc-compiled normalizer only while it matches its Python sources.

`scripts/build_native.py` (run by `make`) compiles the pure `stream.normalize`,
`stream.regions`, `stream.detect` and `stream.aggregate` modules (`PACKAGES`) with
mypyc into extension modules beside the sources and records the SHA-256 of every
source it compiled in `stream/_native.json`. Python
prefers an extension module to a source file of the same name, so an edited
source with an old build would silently run the old code: `install()` compares
the record with the sources and, on any difference (or with STREAM_NATIVE=0),
makes the import system load the `.py` sources instead. Outputs are identical
either way (tests/unit/test_native.py); only the speed differs.

Imports nothing from the rest of the package: it runs before any of it.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent  # the `stream` package
#: compiled packages (directories under `stream`) and the modules each keeps in Python:
#: `__init__` (importing a package never needs the build) and modules that find data
#: files through `__file__` (a compiled module's `__file__` is not its own path).
#: `stream.aggregate` types the ints and tuples its state shares as `Any` (state.shared,
#: state.Epoch): compiled code would otherwise unbox them and box a copy per record.
PACKAGES: dict[str, tuple[str, ...]] = {
    "normalize": ("__init__",),
    "regions": ("__init__", "table"),
    "detect": ("__init__",),
    "aggregate": ("__init__",),
}
MANIFEST = ROOT / "_native.json"
_OFF = frozenset({"0", "false", "no", "off", "pure"})

#: "mypyc" when the compiled modules are in use, else "pure (<why>)"
STATUS = "pure (not installed)"


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources(root: Path, packages: dict[str, tuple[str, ...]]) -> list[str]:
    """The modules a build compiles, as "package/module" names."""
    return sorted(f"{pkg}/{p.stem}" for pkg, keep in packages.items()
                  for p in (root / pkg).glob("*.py") if p.stem not in keep)


def compiled_modules(root: Path, packages: dict[str, tuple[str, ...]]) -> list[str]:
    """"package/module" names that have an extension module beside their source."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    names = set()
    for pkg in packages:
        for p in (root / pkg).iterdir() if (root / pkg).is_dir() else ():
            for suffix in suffixes:
                if p.name.endswith(suffix):  # the most specific suffix comes first
                    names.add(f"{pkg}/{p.name[: -len(suffix)]}")
                    break
    return sorted(names)


def mismatches(root: Path, packages: dict[str, tuple[str, ...]], manifest: Path,
               python_tag: str) -> list[str]:
    """Why the compiled modules must not be used (empty list: they match the sources)."""
    compiled = compiled_modules(root, packages)
    if not compiled:
        return ["no compiled modules"]
    try:
        record = json.loads(manifest.read_text())
    except (OSError, ValueError):
        return ["no build record"]
    if record.get("python") != python_tag:
        return [f"built for {record.get('python')}, running {python_tag}"]
    digests: dict[str, str] = record.get("sources", {})
    out = []
    for name in compiled:
        src = root / f"{name}.py"
        if name not in digests:
            out.append(f"{name}: not in build record")
        elif not src.is_file():
            out.append(f"{name}: source removed")
        elif source_digest(src) != digests[name]:
            out.append(f"{name}: source changed since the build")
    for name in sorted(set(digests) | set(sources(root, packages))):
        if name not in compiled and (root / f"{name}.py").is_file():
            out.append(f"{name}: compiled module missing")
    return out


class SourceOnlyFinder(importlib.abc.MetaPathFinder):
    """Loads the modules of some packages from their `.py` files, never from extensions."""

    def __init__(self, packages: Sequence[str]) -> None:
        self.prefixes = tuple(p + "." for p in packages)

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(self.prefixes) or path is None:
            return None
        leaf = fullname.rpartition(".")[2]
        for entry in path:
            candidate = Path(entry) / f"{leaf}.py"
            if candidate.is_file():
                return importlib.util.spec_from_file_location(fullname, candidate)
        return None


def install() -> str:
    """Decide between compiled and source modules before the package is imported."""
    global STATUS
    if any(isinstance(f, SourceOnlyFinder) for f in sys.meta_path):
        return STATUS
    python_tag = sys.implementation.cache_tag or ""
    if os.environ.get("STREAM_NATIVE", "").strip().lower() in _OFF:
        reasons = ["STREAM_NATIVE=0"]
    else:
        reasons = mismatches(ROOT, PACKAGES, MANIFEST, python_tag)
    if reasons:
        sys.meta_path.insert(0, SourceOnlyFinder([f"stream.{pkg}" for pkg in PACKAGES]))
        STATUS = f"pure ({reasons[0]}{', ...' if len(reasons) > 1 else ''})"
        if reasons[0] not in ("no compiled modules", "STREAM_NATIVE=0"):
            print(f"strikestream: compiled normalizer not used: {'; '.join(reasons[:3])}; "
                  "running the Python sources (`make native` rebuilds it)", file=sys.stderr)
    else:
        STATUS = "mypyc"
    return STATUS
