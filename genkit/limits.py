"""Resource limits for rendering untrusted templates.

A template can ask for a lot of work (``'x' * 10**10``, nested loops, recursive macros). Each
render runs under a wall-clock limit, operations that would build a huge value are refused
before they run, and the text a template produces is capped.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

RENDER_SECONDS = 20.0  # far above what any real document needs (well under a second)
RENDER_MEMORY = 1 << 30  # address space one render may add: 1 GiB
MAX_VALUE_CHARS = 2_000_000  # one string or list built inside a template
MAX_OUTPUT_CHARS = 10_000_000
MAX_POWER_BITS = 4096


class RenderLimitExceeded(Exception):
    """A template used more time or memory than any real document needs."""


def check_binop(operator: str, left: object, right: object) -> None:
    """Refuse ``*``, ``**`` and ``+`` whose result would be too large, before computing it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(seq, (str, list, tuple))
                and isinstance(count, int)
                and len(seq) * max(count, 0) > MAX_VALUE_CHARS
            ):
                raise RenderLimitExceeded(
                    f"a repetition would build a value of more than {MAX_VALUE_CHARS:,} items"
                )
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > MAX_POWER_BITS
        ):
            raise RenderLimitExceeded("a multiplication would build a huge number")
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right * max(left.bit_length(), 1) > MAX_POWER_BITS
        ):
            raise RenderLimitExceeded("a power would build a huge number")
    elif (
        operator in ("+", "~")
        and isinstance(left, (str, list, tuple))
        and isinstance(right, (str, list, tuple))
        and len(left) + len(right) > MAX_VALUE_CHARS
    ):
        raise RenderLimitExceeded(
            f"a concatenation would build a value of more than {MAX_VALUE_CHARS:,} items"
        )


def capped_join(chunks: Iterator[str]) -> str:
    """Join a template's output stream, stopping once it passes the size cap."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise RenderLimitExceeded(
                f"the template produced more than {MAX_OUTPUT_CHARS:,} characters"
            )
        parts.append(chunk)
    return "".join(parts)


def _address_space() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def memory_limit(extra: int | None = None) -> Iterator[None]:
    """Let the block grow the process by at most ``extra`` bytes; past that, MemoryError.

    Some growth (Jinja's ``~`` joins, filters) cannot be checked before it happens; the
    operating system's address-space limit stops it whatever its source.
    """
    extra = RENDER_MEMORY if extra is None else extra
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + extra
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):  # no /proc, or limits not supported: rely on the other guards
        yield
        return
    try:
        yield  # a MemoryError keeps its traceback, so the template line can be reported
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextmanager
def render_limits() -> Iterator[None]:
    """The time and memory limits every template render runs under."""
    with memory_limit(), time_limit():
        yield


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Raise RenderLimitExceeded if the block runs longer than ``seconds`` (main thread only)."""
    seconds = RENDER_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise RenderLimitExceeded(f"rendering took longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
