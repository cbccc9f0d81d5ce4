"""Build-speed benchmark: run by hand, not in the tests.

    python benchmarks/build_speed.py                # every target, 3 runs of the timed builds
    python benchmarks/build_speed.py --floor-only   # only genkit against its WeasyPrint floor
    python benchmarks/build_speed.py -j 2 --runs 5  # at a chosen parallelism, more runs

Checks the targets of the engine:
1. ``genkit --help`` and ``genkit validate`` never import WeasyPrint;
2. a full build of one jurisdiction (``genkit build durham --force -j N``) costs at most 1.3x
   the WeasyPrint floor at the same parallelism: the PDFs of that build made again from the
   same page HTML by WeasyPrint alone in ``N`` processes, biggest documents first, with genkit's
   own PDF writer settings (``benchmarks/weasyprint_floor.py``, which also checks it made the
   same bytes);
3. a rebuild with nothing changed costs at most a quarter of a full build;
4. ``build --all -j 2`` is at least 1.4x faster than ``-j 1`` on a 2-core machine.
Both sides of target 2 are timed the same way, as the wall time of a fresh ``python``
process, and each is the minimum of ``--runs`` runs: the machine may be shared, and other
work only ever adds time. Prints one line per target and exits 1 if any is missed.

Where a build's time goes (cProfile and per-stage CPU seconds, and what is left to win):
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLOOR = REPO / "benchmarks" / "weasyprint_floor.py"
NAME = "durham"


def run(*args: str, cwd: Path = REPO) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "genkit", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def imports_weasyprint(command: str) -> bool:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom genkit.cli.main import main\n"
        f"CliRunner().invoke(main, {command.split()!r})\n"
        "print('weasyprint' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return out.stdout.strip().endswith("True")


def floor_seconds(bundle: Path, jobs: int) -> float:
    """WeasyPrint alone, ``jobs`` processes, the same page HTML the build turned into PDFs
    (see weasyprint_floor.py); fails if any PDF differs from the build's."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(FLOOR), str(bundle), "-j", str(jobs)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def against_floor(out: Path, jobs: int, runs: int) -> tuple[float, float]:
    """(genkit's full build, the floor), each the minimum of ``runs`` runs, taken in turn so
    that a busy spell on a shared machine hurts both sides alike."""
    builds, floors = [], []
    for _ in range(runs):
        builds.append(run("build", NAME, "--out", str(out), "--force", "-q", "-j", str(jobs)))
        floors.append(floor_seconds(out / NAME, jobs))
    return min(builds), min(floors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="\n\n".join(__doc__.split("\n\n")[:2]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=max(1, min(os.cpu_count() or 1, 8)),
        help="processes for genkit and the floor alike "
        "(default: genkit's own, one per core up to 8)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="timed runs per measurement; the minimum counts (default 3)",
    )
    parser.add_argument(
        "--floor-only", action="store_true", help="only the full build against the WeasyPrint floor"
    )
    args = parser.parse_args(argv)
    busy = os.getloadavg()[0]
    if busy > (os.cpu_count() or 1) / 2:
        # Other work on the machine shares the cores with both sides, so the ratio drifts
        # towards 1 (genkit's extra process gets a larger share of a contended machine).
        print(
            f"warn  load average {busy:.1f} on {os.cpu_count()} cores: times and ratio are "
            "only indicative; run on a quiet machine"
        )
    results: list[tuple[str, bool, str]] = []
    if not args.floor_only:
        for command in ("--help", f"validate {NAME}"):
            clean = not imports_weasyprint(command)
            results.append((f"genkit {command} does not import WeasyPrint", clean, ""))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        full, floor = against_floor(out / "a", args.jobs, args.runs)
        ratio = full / floor
        print(
            f"info  genkit build {NAME} --force -j {args.jobs}: {full:.2f}s; WeasyPrint "
            f"floor, {args.jobs} processes: {floor:.2f}s (minimum of {args.runs} runs each)"
        )
        results.append(
            (
                f"full build / WeasyPrint floor, both -j {args.jobs}, <= 1.3",
                ratio <= 1.3,
                f"{full:.2f}s / {floor:.2f}s = {ratio:.2f}",
            )
        )
        if not args.floor_only:
            # Reported, not a target: the same build held to one process.
            single = run("build", NAME, "--out", str(out / "s"), "--force", "-q", "-j", "1")
            print(
                f"info  full build with -j 1 / floor with {args.jobs}: {single:.2f}s / "
                f"{floor:.2f}s = {single / floor:.2f}"
            )
            rebuild = min(
                run("build", NAME, "--out", str(out / "a"), "-q") for _ in range(args.runs)
            )
            share = rebuild / full
            results.append(
                (
                    "unchanged rebuild <= 25% of full build",
                    share <= 0.25,
                    f"{rebuild:.2f}s / {full:.2f}s = {share:.0%}",
                )
            )
            serial = run("build", "--all", "--out", str(out / "j1"), "--force", "-q", "-j", "1")
            parallel = run("build", "--all", "--out", str(out / "j2"), "--force", "-q", "-j", "2")
            speedup = serial / parallel
            results.append(
                (
                    "build --all: -j 2 at least 1.4x faster than -j 1",
                    speedup >= 1.4,
                    f"{serial:.2f}s / {parallel:.2f}s = {speedup:.2f}x",
                )
            )
    for label, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}  {label}  {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
