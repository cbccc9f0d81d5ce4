"""SIGTERM stops genkit as Ctrl-C does, and a build started for another genkit process stops
when that process ends.

``timeout``, CI runners and service managers stop a process with SIGTERM, whose default action
ends it on the spot: PDF workers left running, temporary folders left behind. Turned into
``KeyboardInterrupt`` it takes the Ctrl-C path instead: the workers are stopped, the half-made
bundle is dropped (the previous one stays whole) and genkit exits non-zero.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

# Set by ``genkit preview`` on the build it runs in the background: the process id that build
# works for. Should the preview die, even by SIGKILL, the build stops too.
WATCH_ENV = "GENKIT_WATCH_PID"


_stopped_by_sigterm = False


def _interrupt(signum: int, frame: object) -> None:
    global _stopped_by_sigterm
    _stopped_by_sigterm = True
    raise KeyboardInterrupt


def stopped_by_sigterm() -> bool:
    """Whether a SIGTERM stopped this run (it has then been handled like Ctrl-C)."""
    return _stopped_by_sigterm


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises KeyboardInterrupt (main thread only, where Python
    delivers signals); the previous handler comes back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        _watch_owner()
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _watch_owner() -> None:
    """With GENKIT_WATCH_PID set, send this process SIGTERM once that process has ended."""
    value = os.environ.get(WATCH_ENV, "")
    if not value.isdigit():
        return
    from genkit.render.pdf.parent_watch import exit_when_gone

    own = os.getpid()
    exit_when_gone(int(value), lambda: os.kill(own, signal.SIGTERM))
