"""End this process when another one ends: how genkit's helper processes never outlive it.

The PDF fork server and its workers are not children that the CLI could take down with it
when it is killed outright (SIGKILL, the OOM killer): the workers are the fork server's
children, and they keep each other alive through the pipes they share. So each helper watches
the genkit process it works for and exits on its own, within a second, once that process has
ended, however it ended.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable

_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def exit_when_gone(pid: int, then: Callable[[], None] | None = None) -> threading.Thread:
    """Start a daemon thread that, once process ``pid`` has ended, calls ``then`` (default:
    exit this process at once, without running cleanup that could wait on the dead one)."""
    thread = threading.Thread(
        target=_watch, args=(pid, then), daemon=True, name=f"genkit-watch-{pid}"
    )
    thread.start()
    return thread


def die_with_parent() -> None:
    """On Linux, ask the kernel to kill this process when the thread that forked it ends.

    Only for a process whose parent forks from a thread that lives as long as the parent
    (the fork server's main loop does); a no-op elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch(pid: int, then: Callable[[], None] | None) -> None:
    wait_until_gone(pid)
    if then is None:
        os._exit(1)
    then()


def wait_until_gone(pid: int) -> None:
    """Return once process ``pid`` has ended (a zombie not yet reaped counts as ended)."""
    parent = pid == os.getppid()
    pidfd = None
    if hasattr(os, "pidfd_open"):  # Linux 5.3+: woken the moment the process exits
        try:
            pidfd = os.pidfd_open(pid)
        except ProcessLookupError:
            return
        except OSError:
            pidfd = None
    if pidfd is not None:
        try:
            select.select([pidfd], [], [])
        finally:
            os.close(pidfd)
        return
    # Elsewhere: poll. A parent that ended hands its children to another process, so a changed
    # parent id tells even while the old parent is a zombie.
    while _alive(pid) and (not parent or os.getppid() == pid):
        time.sleep(_POLL_SECONDS)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
