"""The golden output tree: what genkit writes, in HTML and CSV, for one small fixture profile.

    python tools/refresh_golden.py          # rebuild tests/golden/springfield/ from the fixture
    python tools/refresh_golden.py --check  # only compare; exit 1 naming the files that differ

tests/test_golden.py builds the fixture (tests/fixtures/golden/jurisdictions/springfield, the
starter profile ``genkit new`` writes, with its ``as_of`` date pinned) and compares every file
with the stored tree byte for byte, so any change to what a template or the code writes shows
up as a diff in review. When the change is intended, run this command and commit the tree with
it. Only HTML and CSV are kept: they are text, small and diffable, and unlike the manifest and
the zip they carry no code fingerprint, so the tree changes when the output does, not whenever
a line of genkit does.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "golden"  # a working folder holding jurisdictions/NAME
NAME = "springfield"
GOLDEN = REPO / "tests" / "golden" / NAME
FORMATS = ("html", "csv")
REFRESH = "python tools/refresh_golden.py"


def render(out_root: Path) -> dict[str, bytes]:
    """Build the fixture into ``out_root``; its HTML and CSV files by bundle-relative path."""
    if str(REPO) not in sys.path:  # run as a script from anywhere: genkit is the checkout's
        sys.path.insert(0, str(REPO))
    from genkit.paths import SearchPath
    from genkit.pipeline import Options, build

    build(
        [NAME],
        SearchPath.from_cwd(FIXTURE),
        Options(out_root=out_root, formats=list(FORMATS), force=True),
    )
    return tree(out_root / NAME)


def tree(folder: Path) -> dict[str, bytes]:
    """The golden-format files under ``folder`` (sorted, '/'-separated relative paths)."""
    suffixes = {f".{name}" for name in FORMATS}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in suffixes
    }


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    """Paths missing from, added to or changed in ``actual``, in sorted order."""
    return [
        path
        for path in sorted(expected.keys() | actual.keys())
        if expected.get(path) != actual.get(path)
    ]


def write(files: dict[str, bytes], folder: Path = GOLDEN) -> None:
    """Replace ``folder`` with exactly ``files`` (a file no longer built is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the stored tree and write nothing"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = render(Path(tmp))
    changed = differences(tree(GOLDEN), files)
    if args.check:
        for path in changed:
            print(f"differs: {path}")
        return 1 if changed else 0
    write(files)
    print(f"{GOLDEN.relative_to(REPO)}: {len(files)} files, {len(changed)} changed")
    for path in changed:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
