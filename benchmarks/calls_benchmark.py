"""Benchmark: analyze a 1,000,000-row CAD export in under 10 s and under 1 GB of memory.

Generates synthetic calls with the same shape as the real Seattle sample in tests/data (same
13 columns, same date format, a realistic spread of call types, sources, beats and times; a
few blank arrival times), then runs the same code as ``genkit calls`` and reports time and
peak memory. Run from the repository root:

    python benchmarks/calls_benchmark.py            # 1,000,000 rows
    python benchmarks/calls_benchmark.py --rows 200000 --keep /tmp/calls.csv

Exit status 1 when a target is missed, so CI can run it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEADER = ["CAD Event Number", "Event Clearance Description", "Call Type", "Priority",
          "Initial Call Type", "Final Call Type", "Original Time Queued", "Arrived Time",
          "Precinct", "Sector", "Beat", "Blurred_Longitude", "Blurred_Latitude"]
# Labels as Seattle writes them; weights give a plausible mix, not Seattle's real shares.
CALL_TYPES = [
    ("SUSPICIOUS PERSON, VEHICLE, OR INCIDENT", 12), ("DISTURBANCE", 9),
    ("SERVICE - WELFARE CHECK", 6), ("TRESPASS", 4), ("LEWD -  (EXPOSING, FLASHING)", 1),
    ("SUICIDE - SUICIDAL PERSON AND ATTEMPTS", 2), ("OVERDOSE", 2), ("ASLT - DV CRITICAL", 2),
    ("SHOTS HEARD - IN PROGRESS", 1), ("PARKING VIOLATION (EXCEPT ABANDONED CAR)", 8),
    ("AUTO THEFT - VEH THEFT OR THEFT AND RECOVERY", 6), ("BURG - OCCUPIED RESD", 4),
    ("TRAFFIC - BLOCKING ROADWAY", 5), ("THEFT (DOES NOT INCLUDE SHOPLIFT OR SVCS)", 6),
    ("FOLLOW UP", 4), ("NUISANCE", 3), ("DOWN - CHECK FOR DOWN PERSON", 2),
] + [(f"OTHER CALL TYPE {i:03d}", 1) for i in range(150)]
SOURCES = [("911", 55), ("TELEPHONE OTHER, NOT 911", 25), ("ONVIEW", 15),
           ("ALARM CALL (NOT POLICE ALARM)", 5)]
DISPOSITIONS = ["ASSISTANCE RENDERED", "UNABLE TO LOCATE INCIDENT OR COMPLAINANT",
                "REPORT WRITTEN (NO ARREST)", "NO POLICE ACTION POSSIBLE OR NECESSARY",
                "PHYSICAL ARREST MADE", "ORAL WARNING GIVEN"]
HOUR_WEIGHTS = [4, 3, 3, 2, 2, 2, 3, 4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 7, 7, 6, 6, 5, 5]
SECTORS = {s: [f"{s[0]}{i}" for i in range(1, 4)] for s in
           ("CHARLIE", "EDWARD", "GEORGE", "BOY", "DAVID", "FRANK", "JOHN", "KING", "LINCOLN")}


def stamp(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    return (f"{moment.month:02d}/{moment.day:02d}/{moment.year} {hour}:{moment.minute:02d}:"
            f"{moment.second:02d} {'AM' if moment.hour < 12 else 'PM'}")


def generate(path: Path, rows: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    types = rng.choices([t for t, _ in CALL_TYPES], [w for _, w in CALL_TYPES], k=rows)
    sources = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES], k=rows)
    start = dt.datetime(2021, 1, 1)
    hours = rng.choices(range(24), HOUR_WEIGHTS, k=rows)
    span = 3 * 365 * 86_400
    sectors = list(SECTORS)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            # Fewer calls before dawn, most in the afternoon and evening, as in real CAD data.
            day = start + dt.timedelta(days=rng.randrange(span // 86_400))
            queued = day.replace(hour=hours[i], minute=rng.randrange(60),
                                 second=rng.randrange(60))
            arrived = "" if rng.random() < 0.15 else stamp(
                queued + dt.timedelta(seconds=rng.randrange(120, 7200)))
            sector = sectors[i % len(sectors)]
            writer.writerow([
                f"{queued.year}{i:09d}", rng.choice(DISPOSITIONS), sources[i],
                rng.randint(1, 7), types[i], "--" + types[i], stamp(queued), arrived,
                "EAST", sector, rng.choice(SECTORS[sector]),
                f"{-122.3 + rng.random() / 10:.7f}", f"{47.6 + rng.random() / 10:.7f}"])


def _cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def config():  # noqa: ANN201
    from genkit.model.calls import CallsData

    return CallsData.model_validate({
        "columns": {"call_type": "Initial Call Type", "received": "Original Time Queued",
                    "arrived": "Arrived Time", "source": "Call Type",
                    "disposition": "Event Clearance Description", "area": "Beat"},
        "date_format": "%m/%d/%Y %I:%M:%S %p",
        "officer_initiated": ["ONVIEW"],
        "demand_sources": ["911", "TELEPHONE OTHER, NOT 911"],
    })


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="time target")
    parser.add_argument("--megabytes", type=float, default=1024.0, help="memory target")
    parser.add_argument("--keep", type=Path, help="write the generated CSV here and keep it")
    args = parser.parse_args()

    from genkit.calls.reader import read_export
    from genkit.errors import Problem

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "calls.csv"
        if not path.exists():
            began = time.perf_counter()
            generate(path, args.rows)
            print(f"generated {args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
                  f"{time.perf_counter() - began:.1f} s")
        settings = config()
        began, cpu = time.perf_counter(), _cpu()
        tally = read_export(path, settings, lambda p, m: Problem("benchmark", 0, 0, "", m))
        elapsed, cpu = time.perf_counter() - began, _cpu() - cpu
    # Peak resident memory of this process and, separately, of the largest worker process.
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    meta = tally.meta
    print(f"analyzed {meta['rows']:,} rows in {elapsed:.2f} s (CPU {cpu:.2f} s over "
          f"{os.cpu_count()} cores; target {args.seconds:g} s); "
          f"peak memory {peak_mb:.0f} MB (target {args.megabytes:g} MB)")
    print(f"  911 demand {meta['demand']:,}; officer-initiated {meta['officer_initiated']:,}; "
          f"other sources {meta['other_sources']:,}; "
          f"{len(tally.types)} call types")
    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1):
        print(f"  note: load average {load:.1f} on {os.cpu_count()} cores; other work slowed "
              "this run")
    ok = elapsed < args.seconds and peak_mb < args.megabytes
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
