"""The mypyc build of the normalizer: used only while it matches the sources, and
byte-for-byte the same output as the Python sources."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stream import _native

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
TAG = sys.implementation.cache_tag or ""


PKGS = {"normalize": ("__init__",), "regions": ("__init__", "table")}


def _tree(tmp_path: Path, names: list[str], compiled: list[str]) -> Path:
    """A fake `stream` dir: "pkg/module" sources and extension modules."""
    for pkg in PKGS:
        (tmp_path / pkg).mkdir(exist_ok=True)
        (tmp_path / pkg / "__init__.py").write_text("")
    for name in names:
        (tmp_path / f"{name}.py").write_text(f"X = {name!r}\n")
    for name in compiled:
        (tmp_path / f"{name}{SUFFIX}").write_bytes(b"\x7fELF")
    return tmp_path


def _record(root: Path, names: list[str], python: str = TAG) -> Path:
    manifest = root / "_native.json"
    sources = {n: _native.source_digest(root / f"{n}.py") for n in names}
    manifest.write_text(json.dumps({"python": python, "sources": sources}))
    return manifest


def test_kept_modules_are_not_compiled(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["normalize/a", "regions/table", "regions/b"], [])
    assert _native.sources(root, PKGS) == ["normalize/a", "regions/b"]


def test_compiled_modules_named_by_most_specific_suffix(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["normalize/a", "regions/b"], ["normalize/a", "regions/b"])
    (root / "normalize" / "c.abi3.so").write_bytes(b"")
    assert _native.compiled_modules(root, PKGS) == ["normalize/a", "normalize/c", "regions/b"]


def test_matching_build_is_used(tmp_path: Path) -> None:
    names = ["normalize/a", "regions/b"]
    root = _tree(tmp_path, names, names)
    assert _native.mismatches(root, PKGS, _record(root, names), TAG) == []


def test_no_build_no_record(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["normalize/a"], [])
    assert _native.mismatches(root, PKGS, root / "_native.json", TAG) == ["no compiled modules"]
    (root / f"normalize/a{SUFFIX}").write_bytes(b"")
    assert _native.mismatches(root, PKGS, root / "_native.json", TAG) == ["no build record"]


def test_edited_source_disables_the_build(tmp_path: Path) -> None:
    names = ["normalize/a", "regions/b"]
    root = _tree(tmp_path, names, names)
    manifest = _record(root, names)
    (root / "regions/b.py").write_text("X = 'edited'\n")
    assert _native.mismatches(root, PKGS, manifest, TAG) == ["regions/b: source changed since the build"]


def test_other_python_or_partial_build_disables_it(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["normalize/a", "normalize/b"], ["normalize/a"])
    assert _native.mismatches(root, PKGS, _record(root, ["normalize/a"], python="cpython-399"), TAG) == [
        f"built for cpython-399, running {TAG}"]
    # a module added after the build, or a compiled module deleted, is a mismatch
    assert _native.mismatches(root, PKGS, _record(root, ["normalize/a"]), TAG) == [
        "normalize/b: compiled module missing"]
    (root / f"normalize/b{SUFFIX}").write_bytes(b"")
    assert _native.mismatches(root, PKGS, _record(root, ["normalize/a"]), TAG) == [
        "normalize/b: not in build record"]


def test_source_only_finder_loads_the_py_file(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["regions/a"], ["regions/a"])
    finder = _native.SourceOnlyFinder(["stream.normalize", "stream.regions"])
    spec = finder.find_spec("stream.regions.a", [str(root / "regions")])
    assert spec is not None and spec.origin == str(root / "regions/a.py")
    assert finder.find_spec("stream.models", None) is None


def _run(args: list[str], *, native: bool, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "STREAM_NATIVE": "1" if native else "0"}
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, env=env,
                          cwd=ROOT, check=True, timeout=600)


def _status(native: bool) -> tuple[str, str]:
    code = ("import stream._native as n, stream.normalize.counts as c, stream.regions.matcher as m; "
            "print(n.STATUS); print(c.__file__, m.__file__)")
    out = _run(["-c", code], native=native).stdout.decode().split("\n")
    return out[0], out[1]


def test_stream_native_0_runs_the_sources() -> None:
    status, path = _status(native=False)
    assert status == "pure (STREAM_NATIVE=0)"
    assert path.endswith("counts.py " + str(ROOT / "stream/regions/matcher.py"))


def _corpus() -> bytes:
    lines = [line for p in sorted((ROOT / "stream/data/samples").glob("*.jsonl"))
             for line in p.read_bytes().splitlines() if line.strip()]
    simulated = _run(["-m", "stream", "simulate", "-n", "3000", "--seed", "11"], native=False)
    lines += simulated.stdout.splitlines()
    odd = ["", " ", "0", "1,200,000 drones", "над над над 5", "ще 3 — над Курською",
           "Збито 2 з 3 ракет\n\n\n", "‐" * 50, "12:00–14:00 17 БпЛА", "a" * 5000,
           "Губернатор: пострадавших нет, 0 погибших", "two dozen two dozen two", "🚀 5 🚀"]
    lines += [json.dumps({"id": f"odd-{i}", "source": "test", "published_at": "2025-06-01T00:00:00Z",
                          "text": t}, ensure_ascii=False).encode() for i, t in enumerate(odd)]
    return b"\n".join(lines) + b"\n"


def test_compiled_normalizer_gives_the_same_output_as_the_sources() -> None:
    status, path = _status(native=True)
    if status != "mypyc":
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the compiled normalizer (make native), got: {status}")
        pytest.skip(f"compiled normalizer not built here: {status}")
    assert ".py " not in path and not path.endswith(".py")
    corpus = _corpus()
    compiled = _run(["-m", "stream", "normalize"], native=True, stdin=corpus).stdout.splitlines()
    pure = _run(["-m", "stream", "normalize"], native=False, stdin=corpus).stdout.splitlines()
    assert len(compiled) == len(pure) == corpus.count(b"\n")
    differing = [i for i, (a, b) in enumerate(zip(compiled, pure, strict=True)) if a != b]
    assert differing == [], f"{len(differing)} reports differ, first: {pure[differing[0]][:300]!r}"
    items = sum(len(json.loads(line)["observations"]) for line in pure)
    assert items > 3000  # the corpus exercises the extractors, not just empty reports


_ALERTS = """
import orjson, sys
from datetime import UTC, datetime
from stream.pipeline import Engine, Normalized, Place, normalize_record
from stream.simulate.reports import reports_from_series
from stream.simulate.series import simulate_regions
series = simulate_regions(n_regions=6, days=21, seed=4)
engine = Engine.create()
out = []
for i, r in enumerate(reports_from_series(series, seed=4, relay_rate=0.2)):
    res = normalize_record(orjson.dumps(r.raw), Place("raw", 0, i), datetime(2030, 1, 1, tzinfo=UTC))
    for claim in res.claims:
        engine.apply(claim)
    if i % 50 == 0:
        out += engine.detect()
out += engine.detect()
sys.stdout.write("\\n".join(a.model_dump_json() for a in out))
"""


def test_compiled_detectors_give_the_same_alerts_and_scores(tmp_path: Path) -> None:
    if _status(native=True)[0] != "mypyc":
        if os.environ.get("CI"):
            pytest.fail("CI must run the compiled detectors (make native)")
        pytest.skip("compiled detectors not built here")
    compiled = _run(["-c", _ALERTS], native=True).stdout
    pure = _run(["-c", _ALERTS], native=False).stdout
    assert compiled == pure
    assert compiled.count(b"\n") >= 10  # alerts were raised, opened and resolved
    rows = ["timestamp,value"] + [f"{h * 3600},{(h * 7919) % 13 + (60 if 300 <= h < 303 else 0)}"
                                  for h in range(600)]
    (tmp_path / "series.csv").write_text("\n".join(rows) + "\n")
    outs = []
    for native in (True, False):
        out = tmp_path / f"scored-{native}.csv"
        _run(["-m", "stream", "detect", "--input", str(tmp_path / "series.csv"), "--output", str(out)],
             native=native)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b",1\n") >= 1  # the spike is alerted


_STATES = """
import hashlib, random, sys
from datetime import UTC, datetime, timedelta
import orjson
from stream import aggregate
from stream.pipeline import Engine, Place, normalize_record
from stream.simulate.reports import reports_from_series
from stream.simulate.series import simulate_regions
series = simulate_regions(n_regions=8, days=30, seed=9)
claims = []
for i, r in enumerate(reports_from_series(series, seed=9, relay_rate=0.4)):
    res = normalize_record(orjson.dumps(r.raw), Place("raw", 0, i), datetime(2030, 1, 1, tzinfo=UTC))
    claims += res.claims
random.Random(9).shuffle(claims)  # late claims, corrections before what they correct
engine = Engine.create()
for c in claims:
    engine.apply(c)
now = max(c.published_at for c in claims)
for key in sorted(engine.states):
    st = engine.states[key]
    totals = aggregate.window_stats(st, as_of=now, window=timedelta(days=7))["totals"]
    sys.stdout.write(f"{key} {len(st.claims)} {hashlib.sha256(aggregate.encode(st)).hexdigest()} {totals}\\n")
"""


def test_compiled_aggregates_fold_to_the_same_states() -> None:
    if _status(native=True)[0] != "mypyc":
        if os.environ.get("CI"):
            pytest.fail("CI must run the compiled aggregates (make native)")
        pytest.skip("compiled aggregates not built here")
    compiled = _run(["-c", _STATES], native=True).stdout
    pure = _run(["-c", _STATES], native=False).stdout
    assert compiled == pure
    rows = [line.split(" ", 3) for line in pure.decode().splitlines()]
    assert len(rows) >= 8 and sum(int(r[1]) for r in rows) > 1000  # regions and ALL, claims folded
