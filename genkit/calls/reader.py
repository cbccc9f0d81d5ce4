"""Stream a CAD export into a tally of 911 demand (see ``scan.py`` for what it counts).

The header is checked against the profile's column map first, so a missing column is reported
by name before any row is read; a large export is then read in parts (``parallel.py``).
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from genkit.calls.parallel import header_end, read_parts
from genkit.calls.scan import ColumnError, Tally
from genkit.errors import Problem
from genkit.model.calls import CallsData


def _indexes(header: list[str], config: CallsData, where, shown: str) -> dict[str, int]:  # noqa: ANN001
    """field -> column index; every missing column is reported, by name, at once."""
    clean = [h.strip().lstrip("\ufeff") for h in header]
    lookup = {h.casefold(): i for i, h in reversed(list(enumerate(clean)))}
    found, problems = {}, []
    for name, column in config.columns.mapped().items():
        index = lookup.get(column.strip().casefold())
        if index is None:
            guess = difflib.get_close_matches(column, clean, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            problems.append(where(("calls", "columns", name),
                                  f"column '{column}' is not in {shown}{hint} (its columns: "
                                  f"{', '.join(clean)})"))
        else:
            found[name] = index
    if problems:
        raise ColumnError(problems)
    return found


def read_export(path: Path, config: CallsData, where, shown: str | None = None,  # noqa: ANN001
                workers: int | None = None) -> Tally:
    """Read ``path`` once; ``where(path_tuple, message)`` locates a problem in the profile.

    A large export is split at record boundaries and read by several processes (see
    ``parallel.py``); the result is the same as reading it in one pass.
    """
    shown = shown or path.name
    data_start, header_lines, header_text = header_end(path)
    try:
        header = next(csv.reader(io.StringIO(header_text)))
    except StopIteration:
        raise ColumnError([Problem(shown, 1, 0, "", "the file is empty: it needs a header "
                                   "row naming its columns")]) from None
    except csv.Error as exc:
        raise ColumnError([Problem(shown, 1, 0, "", f"cannot read the header: {exc}")]) from None
    idx = _indexes(header, config, where, shown)
    scan = read_parts(path, config, idx, len(header), data_start, header_lines, workers)
    return scan.tally(path, shown, where)
