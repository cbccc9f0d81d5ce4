"""Precise-rebuild benchmark: run by hand (``python benchmarks/rebuild_benchmark.py``), not in
the tests.

On a copy of the project, after a full Durham build:
1. editing ``procurement.rfp_number`` and building again takes at most 0.15x the full build,
   and renders only the files of the documents whose templates print the RFP number (the RFP,
   and the operating agreement, which names the contract its operator was awarded under);
2. a rebuild with nothing changed takes at most 0.05x the full build.
Each rebuild runs ``ROUNDS`` times and the median counts, because a shared machine is noisy.
Prints one line per target and exits 1 if any is missed.

It also prints a floor for target 1, not a target itself: a fresh Python process that does
nothing but import WeasyPrint and turn the RFP's finished HTML into its PDF (checked to be the
same bytes as the build's). No build that re-renders the RFP's PDF in a new process can be
quicker than that, so an edit's time above the floor is all genkit can still win.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
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


CPU: dict[str, list[float]] = {}  # label -> CPU seconds of each run, workers included


def adopt_orphans() -> None:
    """Make this process the reaper of every process a build leaves behind (Linux only). The
    PDF workers are children of a fork server, which outlives the build by a moment; adopted
    and waited for here, their CPU time counts in RUSAGE_CHILDREN like the build's own."""
    import ctypes

    pr_set_child_subreaper = 36
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def reap_orphans() -> None:
    with contextlib.suppress(ChildProcessError):
        while True:
            os.wait()


def build(project: Path, *extra: str, label: str = "") -> float:
    """Seconds for one ``genkit build`` in ``project``. Its CPU time (the build and its PDF
    workers) is kept under ``label``: on a shared machine it says what wall time cannot."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # This checkout's genkit, whatever the environment has installed.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, "-m", "genkit", "build", NAME, "-q", *extra],
        cwd=project,
        check=True,
        capture_output=True,
        env=env,
    )
    wall = time.perf_counter() - start
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append(
        after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    )
    return wall


# Run in the benchmark's project copy: the RFP's HTML, as the build wrote it, to its PDF with
# the same renderer and asset folders as the build, and nothing else.
FLOOR_SCRIPT = """
import sys
from pathlib import Path
from genkit.paths import SearchPath
from genkit.render.formats.pdf import html_to_pdf
dirs = SearchPath.from_cwd().template_dirs()
html = Path(sys.argv[1]).read_text(encoding="utf-8")
same = html_to_pdf(html, dirs[-1], dirs, "rfp") == Path(sys.argv[2]).read_bytes()
sys.exit(0 if same else 3)
"""


def pdf_floor(project: Path) -> tuple[float, bool]:
    """Seconds a fresh process takes to lay out the RFP's PDF alone, and whether its bytes
    match the build's."""
    bundle = project / "build" / NAME / "rfp"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", FLOOR_SCRIPT, str(bundle / "rfp.html"), str(bundle / "rfp.pdf")],
        cwd=project,
        capture_output=True,
        env=env,
    )
    wall = time.perf_counter() - start
    if done.returncode not in (0, 3):
        raise RuntimeError(done.stderr.decode(errors="replace"))
    return wall, done.returncode == 0


def rendered_files(project: Path) -> dict[str, str]:
    """Each output file -> its fingerprint and content hash: a file re-rendered for a changed
    read gets a new fingerprint even when its bytes come out the same."""
    manifest = json.loads((project / "build" / NAME / "manifest.json").read_text())
    return {f["path"]: f.get("fingerprint", "") + f["sha256"] for f in manifest["files"]}


def printing_rfp_number() -> set[str]:
    """Output stems (``rfp/rfp``) of the templates that print the RFP number, found from the
    template text rather than from genkit's own record of what each document read. A template
    made once per item (``each:`` in its front matter) gives its folder, ``family/``."""
    templates = REPO / "templates"
    found = set()
    for path in templates.rglob("*.md.j2"):
        text = path.read_text(encoding="utf-8")
        if "rfp_number" not in text or path.name.startswith("_"):
            continue
        stem = str(path.relative_to(templates)).removesuffix(".md.j2")
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        found.add(stem.split("/")[0] + "/" if re.search(r"^each:", front, re.M) else stem)
    return found


def matches(documents: list[str], expected: set[str]) -> bool:
    """Every re-rendered document is one that prints the number, and each of those was."""
    stems = {p.rsplit(".", 1)[0] for p in documents}

    def hit(stem: str, want: str) -> bool:
        return stem.startswith(want) if want.endswith("/") else stem == want

    return all(any(hit(s, w) for w in expected) for s in stems) and all(
        any(hit(s, w) for s in stems) for w in expected
    )


def main() -> int:
    adopt_orphans()
    results: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(REPO / "jurisdictions", project / "jurisdictions")
        full = build(project, "--force", label="full")
        before = rendered_files(project)

        noop = statistics.median(build(project, label="no-op") for _ in range(ROUNDS))
        results.append(
            (
                "no-op rebuild <= 0.05x full",
                noop <= 0.05 * full,
                f"{noop:.2f} s vs {full:.2f} s = {noop / full:.3f}x",
            )
        )

        profile = project / "jurisdictions" / NAME / "profile.yaml"
        times, changed = [], set()
        for round_ in range(ROUNDS):
            text, count = RFP_NUMBER.subn(rf'\g<1>"RFP-BENCH-{round_}"', profile.read_text())
            assert count == 1, "the Durham profile has one procurement.rfp_number"
            profile.write_text(text)
            times.append(build(project, label="rfp edit"))
            after = rendered_files(project)
            changed |= {p for p, h in after.items() if before.get(p) != h}
            before = after
        edit = statistics.median(times)
        floors = [pdf_floor(project) for _ in range(ROUNDS)]
        floor = statistics.median(seconds for seconds, _ in floors)
        same = all(ok for _, ok in floors)
        documents = sorted(
            p for p in changed if not p.endswith((".zip", ".json")) and p != "index.html"
        )
        expected = printing_rfp_number()
        only_rfp = matches(documents, expected)
        results.append(
            (
                "rfp_number edit <= 0.15x full",
                edit <= 0.15 * full,
                f"{edit:.2f} s vs {full:.2f} s = {edit / full:.3f}x",
            )
        )
        results.append(
            (
                "rfp_number edit renders only the documents that print it",
                only_rfp,
                ", ".join(documents),
            )
        )
    for label, ok, detail in results:
        print(f"{'ok  ' if ok else 'MISS'} {label}: {detail}")
    print(
        f"floor for the rfp_number edit: a fresh process that only lays out the RFP's PDF "
        f"takes {floor:.2f} s = {floor / full:.3f}x "
        f"({'same bytes as the build' if same else 'DIFFERENT bytes from the build'}); "
        f"the edit takes {edit - floor:.2f} s more"
    )
    cpu = {label: statistics.median(runs) for label, runs in CPU.items()}
    print(
        "CPU seconds (median, PDF workers included): "
        + ", ".join(
            f"{label} {seconds:.2f} ({seconds / cpu['full']:.3f}x)"
            for label, seconds in cpu.items()
        )
    )
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
