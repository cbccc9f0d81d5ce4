"""Read a large export with several processes: split at record boundaries, add up the parts.

A CSV record may hold line breaks inside quotes, so a split point is a line break with an even
number of quote characters before it. A file with a stray quote can still fool that count; a
wrong split always shows up as a broken record at the edge of a part, so when any part has a
problem at its edges the export is simply read again in one pass. Results never depend on how
many processes ran.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from genkit.calls.scan import _Scan
    from genkit.model.calls import CallsData

PARALLEL_FROM = 32 * 1024 * 1024   # smaller files are read in one pass: a process costs time
CHUNK = 8 * 1024 * 1024
EDGE_LINES = 50                    # a broken record this close to a split means a bad split


def header_end(path: Path) -> tuple[int, int, str]:
    """(byte offset where the data starts, lines in the header, header text)."""
    with open(path, "rb") as handle:
        head = b""
        quotes = 0
        while True:
            chunk = handle.read(64 * 1024)
            if not chunk or len(head) > (1 << 20):  # no header is a megabyte long
                break
            start = len(head)
            head += chunk
            for i in range(start, len(head)):
                byte = head[i]
                if byte == 0x22:
                    quotes += 1
                elif byte == 0x0A and quotes % 2 == 0:
                    text = head[: i + 1]
                    return i + 1, text.count(b"\n"), text.decode("utf-8-sig", "replace")
    return len(head), head.count(b"\n"), head.decode("utf-8-sig", "replace")


def _split_points(path: Path, data_start: int, parts: int) -> list[tuple[int, int]]:
    """[(byte offset, newlines before it)] of each part's start, found by counting quotes."""
    size = path.stat().st_size
    points = [(data_start, 0)]
    with open(path, "rb") as handle:
        handle.seek(data_start)
        position, quotes, newlines = data_start, 0, 0
        for k in range(1, parts):
            target = data_start + (size - data_start) * k // parts
            while position < target:  # count up to the target in big chunks
                chunk = handle.read(min(CHUNK, target - position))
                if not chunk:
                    return points
                quotes += chunk.count(b'"')
                newlines += chunk.count(b"\n")
                position += len(chunk)
            while True:  # then byte by byte to the next line break outside quotes
                chunk = handle.read(64 * 1024)
                if not chunk:
                    return points
                found = None
                for i, byte in enumerate(chunk):
                    if byte == 0x22:
                        quotes += 1
                    elif byte == 0x0A:
                        newlines += 1
                        if quotes % 2 == 0:
                            found = i
                            break
                if found is None:
                    position += len(chunk)
                    continue
                position += found + 1
                handle.seek(position)
                points.append((position, newlines))
                break
    return points


def _edges_clean(scans: list[_Scan], bounds: list[tuple[int, int]]) -> bool:
    """False when a problem sits where a wrong split would put one."""
    for k, scan in enumerate(scans):
        first_line, last_line = bounds[k]
        for line, _message in scan.problems:
            if k > 0 and line <= first_line + EDGE_LINES:
                return False
            if k < len(scans) - 1 and line >= last_line:
                return False
    return True


def read_parts(path: Path, config: CallsData, idx: dict[str, int], width: int, data_start: int,
               header_lines: int, workers: int | None) -> _Scan:
    from genkit.calls.scan import merge, scan_range

    count = workers if workers is not None else min(4, os.cpu_count() or 1)
    size = path.stat().st_size
    if count < 2 or size - data_start < PARALLEL_FROM:
        return scan_range(path, config, idx, width, data_start, None, header_lines)
    points = _split_points(path, data_start, count)
    if len(points) < 2:
        return scan_range(path, config, idx, width, data_start, None, header_lines)
    jobs = []
    bounds = []
    for k, (start, newlines) in enumerate(points):
        end = points[k + 1][0] if k + 1 < len(points) else None
        next_lines = points[k + 1][1] if k + 1 < len(points) else 1 << 62
        jobs.append((start, end, header_lines + newlines))
        bounds.append((header_lines + newlines + 1, header_lines + next_lines))
    with ProcessPoolExecutor(len(jobs), mp_context=get_context("fork")) as pool:
        futures = [pool.submit(scan_range, path, config, idx, width, *job) for job in jobs]
        scans = [f.result() for f in futures]
    if not _edges_clean(scans, bounds):
        return scan_range(path, config, idx, width, data_start, None, header_lines)
    return merge(scans)
