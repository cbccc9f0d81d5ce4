"""How long ``genkit validate`` takes: run by hand (``python benchmarks/validate_speed.py``).

Target: a profile check (load, validate, plan; nothing rendered) of one sample takes at most
0.5 s in process once genkit is imported, and the whole command stays within a couple of
seconds on a cold interpreter. Prints the minimum and median of several runs of each phase
(import, load, validate, plan) and of the whole command, and exits 1 if the target is missed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.5
PHASES = """
import time, json
from pathlib import Path
t0 = time.perf_counter()
from genkit.checks.validate import validate
from genkit.load.parse_cache import ParseCache
from genkit.load.profiles import load_profiles
from genkit.paths import SearchPath
from genkit.plan.stage import plan
t1 = time.perf_counter()
search = SearchPath.from_cwd()
loaded = load_profiles([{name!r}], search, ParseCache(Path({cache!r})))
t2 = time.perf_counter()
[profile] = validate(loaded)
t3 = time.perf_counter()
plan(profile, search, [], ["html", "docx"])
t4 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "load": t2 - t1, "validate": t3 - t2, "plan": t4 - t3}}))
"""


def phases(name: str, out_root: Path) -> dict[str, float]:
    import json

    code = PHASES.format(name=name, cache=str(out_root / ".cache" / "yaml"))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "genkit", *args], cwd=REPO, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main(name: str = "durham", runs: int = 5) -> int:
    with tempfile.TemporaryDirectory() as folder:
        # A small build leaves the parsed profile files in OUT/.cache, as any build does;
        # validate reads them (parsing YAML is most of a cold load).
        out_root = Path(folder)
        command(
            "build",
            name,
            "--only",
            "stakeholder-worksheet",
            "--format",
            "html",
            "--out",
            str(out_root),
        )
        found = [phases(name, out_root) for _ in range(runs)]
    for key in ("import", "load", "validate", "plan"):
        values = [f[key] for f in found]
        print(f"{key:9} min {min(values):.3f} s  median {statistics.median(values):.3f} s")
    check = [f["load"] + f["validate"] + f["plan"] for f in found]
    whole = [command("validate", name) for _ in range(runs)]
    print(
        f"profile check (load+validate+plan) min {min(check):.3f} s, "
        f"median {statistics.median(check):.3f} s (target {TARGET_SECONDS} s)"
    )
    print(
        f"`genkit validate {name}` (no parse cache) min {min(whole):.3f} s, "
        f"median {statistics.median(whole):.3f} s"
    )
    return 0 if min(check) <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
