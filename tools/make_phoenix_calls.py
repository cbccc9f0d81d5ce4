"""Write the Phoenix sample's week of calls from the City of Phoenix open-data workbook.

The workbook (12,903 calls for service, 24-30 November 2019; origin in
``jurisdictions/phoenix/calls/README.md``) is 800 KB; the sample keeps the columns the
analysis and a reader need, every row in the workbook's order, as gzip-compressed CSV with ISO
dates, about a quarter of the size. Street addresses (``hundredblockaddr``) are left out: the
analysis reads areas from ``grid``. Run from the repository root::

    python tools/make_phoenix_calls.py PATH/TO/phoenix_calls_2019-11-24_to_30.xlsx

The output is byte-identical for the same workbook (fixed gzip time stamp, LF line ends).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import sys
from pathlib import Path

OUT = Path("jurisdictions/phoenix/calls/phoenix-calls-2019-11-24-to-30.csv.gz")
COLUMNS = [
    "incident_num",
    "final_radio_code",
    "final_call_type",
    "disp_code",
    "disposition",
    "grid",
    "call_date_time_mst",
]


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # incident numbers are stored as numbers in the workbook
    return str(value)


def main(source: Path) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(source, read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    keep = [header.index(name) for name in COLUMNS]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        if all(v is None for v in row):
            continue
        writer.writerow([cell(row[i]) for i in keep])
        count += 1
    OUT.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT}: {count:,} calls, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
