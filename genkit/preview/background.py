"""The slow pass: the whole bundle (PDF and Word too), built in a separate process.

A child process keeps WeasyPrint's work off the server's interpreter, so pages stay quick to
serve and the next HTML pass is not slowed down. The child is the ordinary ``genkit build``,
whose atomic writer leaves the last complete bundle whole if it fails or is stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import genkit
from genkit.plan.manifest import FILE_NAME, Manifest
from genkit.signals import WATCH_ENV


@dataclass
class FullBundle:
    """The last complete bundle: its files, and the HTML each PDF was made from."""

    files: dict[str, bytes]
    html_sha: dict[str, str]  # path of an HTML page -> SHA-256, from the manifest


def read_bundle(folder: Path) -> FullBundle:
    raw = (folder / FILE_NAME).read_bytes()
    files, html_sha = {}, {}
    for path, entry in Manifest.from_json(raw).files.items():
        if path.endswith(".html"):
            html_sha[path] = entry.sha256
        else:
            files[path] = (folder / path).read_bytes()
    files[FILE_NAME] = raw
    zip_name = f"{folder.name}-bundle.zip"  # made after the manifest, so not listed in it
    if (folder / zip_name).is_file():
        files[zip_name] = (folder / zip_name).read_bytes()
    return FullBundle(files, html_sha)


class BackgroundBuild:
    """Runs ``genkit build`` in a child process, one at a time, and can stop it."""

    def __init__(self, name: str, cwd: Path, out_root: Path, only: list[str], formats: list[str]):
        self.name = name
        self.cwd = cwd
        self.out_root = out_root
        self.only = only
        self.formats = formats
        self._child: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def folder(self) -> Path:
        return self.out_root / self.name

    def command(self) -> list[str]:
        args = [
            sys.executable,
            "-m",
            "genkit",
            "build",
            self.name,
            "--out",
            str(self.out_root),
            "-q",
            "-j",
            "1",
        ]
        if self.only:
            args += ["--only", ",".join(self.only)]
        if self.formats:
            args += ["--format", ",".join(self.formats)]
        return args

    def run(self) -> tuple[bool, str]:
        """Build once; (True, "") on success, else (False, what the build reported)."""
        env = dict(os.environ)
        # The child must run this very genkit, wherever the working folder is.
        package_parent = str(Path(genkit.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
        # The build stops by itself should this preview end without stopping it (SIGKILL).
        env[WATCH_ENV] = str(os.getpid())
        with self._lock:
            if self._stopped:
                return False, ""
            # Its own session: a Ctrl-C in the terminal reaches the preview, which stops the
            # child itself, instead of the child printing its own interruption.
            self._child = subprocess.Popen(
                self.command(),
                cwd=self.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        child = self._child
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, child.pid, 10)  # the HTML pass comes first
        _out, err = child.communicate()
        with self._lock:
            self._child = None
            stopped = self._stopped
        if stopped:
            return False, ""
        return child.returncode == 0, err.decode("utf-8", "replace").strip()

    def stop(self) -> None:
        """Stop the running build, if any; its half-made bundle is discarded by the writer."""
        with self._lock:
            self._stopped = True
            child = self._child
        if child is None or child.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(signal.SIGINT)  # the writer removes its temporary folder
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
