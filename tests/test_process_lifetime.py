"""No process outlives genkit: killed by SIGKILL or SIGTERM at any point, a build's PDF fork
server and workers (and a preview's background build) exit within seconds; a SIGTERM stops a
build as Ctrl-C does, leaving the previous bundle whole and exiting non-zero.

Each test marks the processes it starts with an environment variable of its own, which every
descendant inherits, and counts the live processes carrying it (Linux: /proc/PID/environ).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.test_crash import bundle_is_whole

REPO = Path(__file__).resolve().parent.parent
MARK = "GENKIT_TEST_PROCESS_MARK"
GRACE = 5.0  # seconds the helpers get to notice and exit

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/environ").is_file(), reason="counting processes reads /proc (Linux)"
)


def marked(token: str) -> list[int]:
    """Live (not zombie) processes whose environment carries ``token``."""
    found = []
    needle = f"{MARK}={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z":
                found.append(int(entry.name))
    return found


def wait_for_count(token: str, want, timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while True:
        pids = marked(token)
        if want(len(pids)) or time.monotonic() > deadline:
            return pids
        time.sleep(0.1)


def start(project: Path, token: str, *args: str) -> subprocess.Popen:
    """``genkit ARGS`` in ``project``; its error output goes to ``project/stderr.txt`` (a file,
    not a pipe, which a leftover process would hold open)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), MARK: token}
    with (project / "stderr.txt").open("w") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "genkit", *args],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )


def reap(token: str) -> None:
    """Whatever a failed test left: stop it, so one failure does not leak into the machine."""
    for pid in marked(token):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


BUILD = (
    "build",
    "town",
    "--only",
    "worksheets,quick-reference",
    "--format",
    "pdf",
    "-j",
    "2",
    "-q",
    "--force",
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_killed_build_leaves_no_pdf_processes(project: Path, sig: signal.Signals) -> None:
    token = uuid.uuid4().hex
    process = start(project, token, *BUILD)
    try:
        # The CLI, the resource tracker, the fork server and a worker: the pool is up.
        assert len(wait_for_count(token, lambda n: n >= 4, 60)) >= 4
        process.send_signal(sig)
        assert process.wait(timeout=60) != 0
        left = wait_for_count(token, lambda n: n == 0, GRACE)
        assert left == [], f"{len(left)} genkit processes outlived a killed build"
        if sig == signal.SIGTERM:  # stopped as Ctrl-C stops it: said so, nothing half-made
            assert "Traceback" not in (project / "stderr.txt").read_text()
            assert not list((project / "build").glob(".town.*"))
    finally:
        process.kill()
        reap(token)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_builds_killed_at_any_point_leave_nothing_running(
    project: Path, sig: signal.Signals
) -> None:
    token = uuid.uuid4().hex
    first = start(project, token, *BUILD)
    assert first.wait(timeout=300) == 0, (project / "stderr.txt").read_text()
    bundle = project / "build/town"
    profile = project / "jurisdictions/town/profile.yaml"
    original = profile.read_text()
    try:
        for trial, delay in enumerate((0.3, 1.0, 2.0, 3.5, 5.0, 8.0)):
            profile.write_text(original.replace("Jordan Ellis", f"Director {trial}"))
            process = start(project, token, *BUILD)
            time.sleep(delay)
            finished = process.poll() is not None
            process.send_signal(sig)
            process.wait(timeout=60)
            err = (project / "stderr.txt").read_text()
            left = wait_for_count(token, lambda n: n == 0, GRACE)
            assert left == [], f"{len(left)} processes outlived a build stopped after {delay}s"
            assert bundle_is_whole(bundle), f"the bundle is whole after {delay}s"
            if sig == signal.SIGTERM:
                # Stopped like Ctrl-C: non-zero, nothing half-made left beside the bundle.
                assert finished or process.returncode != 0, err
                assert not list(bundle.parent.glob(".town.*")), "the writer cleaned up"
                assert "Traceback" not in err
    finally:
        reap(token)


@pytest.mark.slow
def test_a_killed_preview_leaves_no_build_running(project: Path) -> None:
    token = uuid.uuid4().hex
    # The whole bundle, so the background build of PDFs would run on for a minute.
    process = start(project, token, "preview", "town", "--port", "0", "--format", "html,pdf")
    try:
        # The preview, and the background build of its PDFs once the web pages are up.
        def building(pids: list[int]) -> bool:
            return any(
                b"build" in Path(f"/proc/{pid}/cmdline").read_bytes()
                for pid in pids
                if Path(f"/proc/{pid}/cmdline").exists()
            )

        deadline = time.monotonic() + 120
        while not building(marked(token)):
            assert time.monotonic() < deadline and process.poll() is None, "no build started"
            time.sleep(0.1)
        process.send_signal(signal.SIGKILL)
        process.wait()
        left = wait_for_count(token, lambda n: n == 0, GRACE)
        assert left == [], f"{len(left)} processes outlived a killed preview"
    finally:
        process.kill()
        reap(token)
