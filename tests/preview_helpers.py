"""A running ``genkit preview`` in a subprocess, and its event stream, for the preview tests."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent


class Lines:
    """Lines a stream prints, collected by a thread so a test can wait for one with a timeout."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._new = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self._new:
                self.lines.append(line.rstrip("\n"))
                self._new.notify_all()

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        with self._new:
            while True:
                for line in self.lines:
                    if (found := re.search(pattern, line)) is not None:
                        return found
                left = deadline - time.monotonic()
                assert left > 0, f"no line matching {pattern!r} in {self.lines}"
                self._new.wait(left)

    @property
    def text(self) -> str:
        with self._new:
            return "\n".join(self.lines)


class Events:
    """The server-sent events of one page, read by a thread."""

    def __init__(self, url: str, page: str) -> None:
        self.queue: queue.Queue = queue.Queue()
        self._url = f"{url}_preview/events"
        self._page = page
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        with httpx.stream("GET", self._url, params={"page": self._page}, timeout=None) as resp:
            event = None
            for line in resp.iter_lines():
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    self.queue.put((event, json.loads(line[6:])))

    def wait(self, check, timeout: float = 60) -> dict:
        """The first update event for which ``check(data)`` holds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, "no matching event arrived"
            event, data = self.queue.get(timeout=left)
            if event == "update" and check(data):
                return data


class Running:
    def __init__(self, cwd: Path, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "genkit", "preview", *args, "--no-open"],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out = Lines(self.process.stdout)
        self.err = Lines(self.process.stderr)
        self.url = self.out.wait_for(r"at (http://127\.0\.0\.1:\d+/)", 120).group(1)
        self.client = httpx.Client(base_url=self.url, timeout=30)

    def get(self, path: str) -> httpx.Response:
        return self.client.get(path)

    def stop(self) -> int:
        """Ctrl-C, as a terminal sends it; the exit code."""
        self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
