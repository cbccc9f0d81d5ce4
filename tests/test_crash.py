"""Killing a build at random moments never leaves a partial file in the bundle, and the next
run sweeps what a killed run left behind."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from genkit.write.atomic import sweep

TRIALS = int(os.environ.get("GENKIT_KILL_TRIALS", "100"))


def bundle_is_whole(bundle: Path) -> bool:
    """Every file the manifest lists is there with its hash, and nothing else is."""
    manifest = json.loads((bundle / "manifest.json").read_text())
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    present = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    if present != set(listed) | {"manifest.json", "town-bundle.zip"}:
        return False
    return all(
        hashlib.sha256((bundle / p).read_bytes()).hexdigest() == h for p, h in listed.items()
    )


@pytest.mark.slow
def test_random_kills_never_leave_a_partial_bundle(project: Path) -> None:
    profile = project / "jurisdictions/town/profile.yaml"
    original = profile.read_text()
    command = [
        sys.executable,
        "-m",
        "genkit",
        "build",
        "town",
        "--format",
        "html,docx",
        "--only",
        "worksheets",
        "-q",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    subprocess.run(command, cwd=project, env=env, check=True)
    bundle = project / "build/town"
    started = time.perf_counter()
    subprocess.run(command + ["--force"], cwd=project, env=env, check=True)
    full = time.perf_counter() - started
    rng = random.Random(7)
    partial, killed = 0, 0
    for trial in range(TRIALS):
        profile.write_text(original.replace("Jordan Ellis", f"Director {trial}"))
        process = subprocess.Popen(command, cwd=project, env=env)
        time.sleep(rng.uniform(0, full * 1.1))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        sweep(bundle)  # what the next run does before anything else
        if not bundle.is_dir() or not bundle_is_whole(bundle):
            partial += 1
        assert not list(bundle.parent.glob(".town.*")), "leftovers are swept"
    print(f"kill test: {TRIALS} trials, {killed} builds killed, {partial} partial bundles")
    assert partial == 0
    assert killed >= TRIALS // 4, "most trials should interrupt a build"
