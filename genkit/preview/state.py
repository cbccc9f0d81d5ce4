"""What the preview serves, shared between the build thread and the HTTP server.

The served bundle is replaced as a whole under a lock, so a request never sees half of one
build and half of another; a failed build leaves it untouched and only records its problems.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field


@dataclass
class Snapshot:
    """One consistent view: the HTML of the last good build and the newest PDF and Word files."""

    version: int = 0
    html: dict[str, bytes] = field(default_factory=dict)  # path -> bytes (pages and index)
    others: dict[str, bytes] = field(default_factory=dict)  # PDF, Word, zip, manifest
    pending: frozenset[str] = frozenset()  # PDF and Word paths not yet rebuilt for this state
    expected: tuple[str, ...] = ()  # every output path of the current plan, in index order
    problems: tuple[str, ...] = ()  # located problems of the newest attempt, if it failed
    background_problems: tuple[str, ...] = ()

    def get(self, path: str) -> bytes | None:
        return self.html.get(path, self.others.get(path))


class Broadcast:
    """Server-sent events to every open page; publish() may be called from any thread."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue()
        with self._lock:
            self._loop = asyncio.get_running_loop()
            self._queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        with self._lock:
            self._queues.discard(queue)

    def publish(self, event: str, data: dict | None) -> None:
        """Send ``event`` to every subscriber; ``data=None`` ends their streams."""
        message = None if data is None else (event, json.dumps(data, sort_keys=True))
        with self._lock:
            loop, queues = self._loop, list(self._queues)
        if loop is None or loop.is_closed():
            return
        for queue in queues:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, message)
            except RuntimeError:  # the loop closed while shutting down: nobody is listening
                return


class PreviewState:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        self.events = Broadcast()

    @property
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    def update(self, **changes: object) -> Snapshot:
        """Replace fields of the snapshot at once and bump its version."""
        with self._lock:
            current = self._snapshot
            values = {**current.__dict__, **changes, "version": current.version + 1}
            self._snapshot = Snapshot(**values)
            return self._snapshot
