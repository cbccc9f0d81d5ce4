"""Precise-rebuild benchmark: run by hand (``python benchmarks/rebuild_benchmark.py``), not in
the tests.

On a copy of the project, after a full Durham build:
1. editing ``procurement.rfp_number`` and building again takes at most 0.15x the full build,
   and renders only the RFP's files;
2. a rebuild with nothing changed takes at most 0.05x the full build.
Each rebuild runs ``ROUNDS`` times and the median counts, because a shared machine is noisy.
Prints one line per target and exits 1 if any is missed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAME = "durham"
ROUNDS = 3
RFP_NUMBER = re.compile(r"^(  rfp_number: ).*$", re.M)


def build(project: Path, *extra: str) -> float:
    """Seconds for one ``genkit build`` in ``project``."""
    start = time.perf_counter()
    # This checkout's genkit, whatever the environment has installed.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "genkit", "build", NAME, "-q", *extra],
                   cwd=project, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def rendered_files(project: Path) -> dict[str, str]:
    """Each output file -> its fingerprint and content hash: a file re-rendered for a changed
    read gets a new fingerprint even when its bytes come out the same."""
    manifest = json.loads((project / "build" / NAME / "manifest.json").read_text())
    return {f["path"]: f.get("fingerprint", "") + f["sha256"] for f in manifest["files"]}


def main() -> int:
    results: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(REPO / "jurisdictions", project / "jurisdictions")
        full = build(project, "--force")
        before = rendered_files(project)

        noop = statistics.median(build(project) for _ in range(ROUNDS))
        results.append(("no-op rebuild <= 0.05x full", noop <= 0.05 * full,
                        f"{noop:.2f} s vs {full:.2f} s = {noop / full:.3f}x"))

        profile = project / "jurisdictions" / NAME / "profile.yaml"
        times, changed = [], set()
        for round_ in range(ROUNDS):
            text, count = RFP_NUMBER.subn(rf'\g<1>"RFP-BENCH-{round_}"', profile.read_text())
            assert count == 1, "the Durham profile has one procurement.rfp_number"
            profile.write_text(text)
            times.append(build(project))
            after = rendered_files(project)
            changed |= {p for p, h in after.items() if before.get(p) != h}
            before = after
        edit = statistics.median(times)
        documents = sorted(p for p in changed if not p.endswith((".zip", "index.html")))
        only_rfp = all(p.startswith("rfp/") for p in documents) and bool(documents)
        results.append(("rfp_number edit <= 0.15x full", edit <= 0.15 * full,
                        f"{edit:.2f} s vs {full:.2f} s = {edit / full:.3f}x"))
        results.append(("rfp_number edit changes only the RFP", only_rfp,
                        ", ".join(documents)))
    for label, ok, detail in results:
        print(f"{'ok  ' if ok else 'MISS'} {label}: {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
