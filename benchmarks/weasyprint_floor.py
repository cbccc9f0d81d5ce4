"""The WeasyPrint floor: a built bundle's PDFs laid out again by WeasyPrint alone.

``python benchmarks/weasyprint_floor.py BUNDLE_DIR [-j N]`` finds every page of a bundle that
was also written as a PDF (``x.html`` beside ``x.pdf``: genkit renders both from the same page
HTML string), and renders those pages to PDF in ``N`` processes (default 1) with nothing of
genkit around them but its own PDF writer, ``genkit.render.formats.pdf.html_to_pdf``: the same
WeasyPrint settings (PDF/UA-1, forms, tags), the same deny-by-default fetcher, the same base
URL and allowed template folders, the same embedded-font dates. That is the least any tool
could spend to make these PDFs, so a genkit build is compared with it at equal parallelism.

Fair in both directions:
- WeasyPrint is imported once, before the processes fork (genkit's PDF workers fork from a
  server that has imported it too), and the time counted starts before that import, as a
  genkit build's time includes its own;
- pages go out biggest first (by HTML size, images left out), one at a time, so the last
  process is not left alone with the longest document;
- every PDF made here is checked against the bundle's: equal bytes prove the floor did the
  same work (exit 1 if any differs).

Prints the seconds spent from before the import to the last PDF; with ``-v``, each page's own
seconds too (on stderr). The bundle folder must be named after its jurisdiction, as genkit
names it (``build/durham``), for the jurisdiction's own template folder to be found.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path

START = time.perf_counter()

REPO = Path(__file__).resolve().parent.parent
_DATA_URI = re.compile(r"data:[^\"')\s]+")


def pages(bundle: Path) -> list[Path]:
    """Every page written both as HTML and as PDF, biggest first (ties by path)."""
    found = [
        p
        for p in bundle.rglob("*.html")
        if p.name != "index.html" and p.with_suffix(".pdf").is_file()
    ]
    return sorted(found, key=lambda p: (-weight(p), str(p)))


def weight(page: Path) -> int:
    """A page's size as layout sees it: inline images cost bytes but little layout time."""
    return len(_DATA_URI.sub("", page.read_text(encoding="utf-8")))


def template_dirs(bundle: Path) -> list[Path]:
    """The folders genkit's build let WeasyPrint read (the jurisdiction's templates first,
    then the built-in ones): the base URL is the last of them, as in the build."""
    from genkit.paths import SearchPath, search_dirs

    search = SearchPath.from_cwd(REPO)
    own = search.jurisdiction_dir(bundle.name) / "templates"
    return search_dirs(own, search.template_dirs())


def _render(job: tuple[str, list[str]]) -> tuple[str, str, float]:
    """One page, in a worker: (path, sha256 of the PDF, seconds)."""
    from genkit.render.formats.pdf import html_to_pdf

    path, dirs = job
    began = time.perf_counter()
    html = Path(path).read_text(encoding="utf-8")
    folders = [Path(d) for d in dirs]
    data = html_to_pdf(html, folders[-1], folders, path)
    return path, hashlib.sha256(data).hexdigest(), time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="a built bundle, e.g. build/durham")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also print each page's seconds, biggest first"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    import multiprocessing

    import genkit.render.formats.pdf  # noqa: F401 - WeasyPrint, imported once before the fork

    bundle = args.bundle.resolve()
    dirs = [str(d) for d in template_dirs(bundle)]
    jobs = [(str(p), dirs) for p in pages(bundle)]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = list(pool.imap_unordered(_render, jobs, chunksize=1))
    else:
        results = [_render(job) for job in jobs]
    elapsed = time.perf_counter() - START
    different = [
        path
        for path, digest, _ in results
        if digest != hashlib.sha256(Path(path).with_suffix(".pdf").read_bytes()).hexdigest()
    ]
    print(f"{elapsed:.2f}")
    if args.verbose:
        for path, _, seconds in sorted(results, key=lambda r: -r[2]):
            print(f"  {seconds:6.2f}s  {Path(path).relative_to(bundle)}", file=sys.stderr)
    for path in different:
        print(f"not the build's PDF: {path}", file=sys.stderr)
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
