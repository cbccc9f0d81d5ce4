"""Preview benchmark: run by hand (``python benchmarks/preview_benchmark.py``), not in the tests.

Target: in ``genkit preview``, an edit to a field shown only in the resident sheet updates that
sheet's HTML page at most 1.5 s after the file is saved. The edited field is the English text
of the ``denver-no-backup`` briefing fact, which only the English resident sheet shows. The
preview builds HTML only here (``--format html``), so each round measures the HTML pass alone;
the page is polled as a browser would load it after its reload event. Prints the median of the
rounds and exits 1 if it misses the target.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
NAME = "durham"
PAGE = "briefings/resident-sheet.en.html"
TARGET = 1.5
ROUNDS = 5
FACT = (
    "    denver-no-backup:\n      text:\n        en: Denver's team answered 2,800 calls and "
    "never once needed police to keep it safe ({marker}).\n"
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(REPO / "jurisdictions" / NAME, work / "jurisdictions" / NAME)
        profile = work / "jurisdictions" / NAME / "profile.yaml"
        base = profile.read_text(encoding="utf-8")
        anchor = "briefings:\n  languages: [en, es]\n  facts:\n"
        assert anchor in base, "the durham profile's briefings section has moved"

        def save(marker: str) -> None:
            profile.write_text(
                base.replace(anchor, anchor + FACT.format(marker=marker)), encoding="utf-8"
            )

        save("round 0")
        env = dict(os.environ, PYTHONPATH=str(REPO))
        process = subprocess.Popen(
            [sys.executable, "-m", "genkit", "preview", NAME, "--no-open", "--format", "html"],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            url = None
            assert process.stdout is not None
            for line in process.stdout:
                if found := re.search(r"at (http://127\.0\.0\.1:\d+/)", line):
                    url = found.group(1)
                    break
            assert url, "the preview did not start"
            seconds = []
            with httpx.Client(base_url=url, timeout=30) as client:
                for number in range(1, ROUNDS + 1):
                    marker = f"round {number}"
                    time.sleep(1.0)  # an idle preview, as between two edits by a person
                    save(marker)
                    saved = time.perf_counter()
                    while marker not in client.get(PAGE).text:
                        assert time.perf_counter() - saved < 30, "the page never updated"
                        time.sleep(0.02)
                    seconds.append(time.perf_counter() - saved)
                    print(f"round {number}: {seconds[-1]:.2f} s")
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    median = statistics.median(seconds)
    ok = median <= TARGET
    print(
        f"{'ok  ' if ok else 'MISS'}  edit to a resident-sheet-only field -> its HTML page "
        f"updated <= {TARGET} s: median {median:.2f} s of {ROUNDS} "
        f"(min {min(seconds):.2f}, max {max(seconds):.2f})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
