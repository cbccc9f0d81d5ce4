"""``genkit calls NAME EXPORT``: read an export, store the tally, tell staff what was found.

The stored analysis is written only after the whole export has been read without a problem,
and then in one atomic rename, so a bad or cut-off export leaves the previous analysis as it was.
This sits with the commands because it loads a profile; the reading, the tally, the stored file
and the report are ``genkit.calls``'s, which stays below ``load``.
"""

from __future__ import annotations

from pathlib import Path

from genkit.calls.reader import read_export
from genkit.calls.report import report
from genkit.calls.store import save
from genkit.checks.validate import load_profile
from genkit.errors import Problem, ProfileError
from genkit.paths import SearchPath


def run_calls(name: str, csv_path: Path, search: SearchPath) -> tuple[Path, str]:
    """Analyze ``csv_path`` for jurisdiction ``name``; return the file written and a report."""
    loaded = load_profile(name, search)
    profile = loaded.profile
    if profile.calls is None:
        where = loaded.located.where(())
        raise ProfileError(
            [
                Problem(
                    where[0],
                    0,
                    0,
                    "calls",
                    "the profile has no 'calls:' section; add one with the "
                    "export's column names and date format",
                )
            ]
        )
    if (
        loaded.folder.resolve().is_relative_to(search.builtin.resolve())
        and search.roots[0] != search.builtin
    ):
        raise ProfileError(
            f"'{name}' is a built-in sample; copy it into ./jurisdictions to "
            "keep an analysis of your own"
        )
    tally = read_export(csv_path, profile.calls, loaded.located.problem, search.display(csv_path))
    data = tally.to_json()
    path = save(loaded.folder, data)
    return path, report(data, loaded.profile, search.display(path))
