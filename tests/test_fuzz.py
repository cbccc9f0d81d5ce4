"""Property-based tests and a fuzz run: whatever a profile holds, genkit either builds cleanly
or reports located errors; it never fails with an uncaught exception.

The fuzz run mutates real profile text 10,000 times (GENKIT_FUZZ_INPUTS sets the count); it is
marked slow, so the everyday suite leaves it to `python -m pytest -m slow` (and .ci/run).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genkit.checks.registry import run_rules
from genkit.errors import GenkitError, ProfileError
from genkit.load.model_errors import problems_from
from genkit.load.profiles import Located
from genkit.load.strict_yaml import parse_yaml_text
from genkit.model import Profile
from tests.helpers import build_town

REPO = Path(__file__).resolve().parent.parent
DURHAM = (REPO / "jurisdictions/durham/profile.yaml").read_text()
BASE = parse_yaml_text((REPO / "jurisdictions/_base/profile.yaml").read_text(), "_base").data
TOKENS = [
    "",
    " ",
    "\n",
    ": ",
    "- ",
    "&a ",
    "*a",
    "!!str ",
    "!tag ",
    "? ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "'",
    '"',
    "|",
    ">-",
    "#",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "~",
    "null",
    "yes",
    "no",
    "0x1F",
    "1e400",
    "2025-02-30",
    "24:60",
    "\t",
    "\x00",
    "\ufeff",
    "é",
    "\u202e",
    "    ",
    "true",
    "-1",
    "999999999999999999999",
    "<<: ",
    "@",
    "`",
    "\\",
    "%",
]


def load_text(text: str) -> None:
    """The whole loader on in-memory text: parse, merge with the base, validate, rules."""
    doc = parse_yaml_text(text, "fuzz.yaml")
    if not isinstance(doc.data, dict):
        return
    data = {**BASE, **{k: v for k, v in doc.data.items() if k != "extends"}}
    located = Located(
        data,
        {(): ("fuzz.yaml", 1, 1), **{p: ("fuzz.yaml", *pos) for p, pos in doc.positions.items()}},
    )
    try:
        profile = Profile.model_validate(data)
    except Exception as exc:
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        problems = problems_from(exc, Profile, located.problem)
        assert all(p.file == "fuzz.yaml" and p.message for p in problems)
        return
    for path, message in run_rules(profile):
        assert located.problem(path, message).line >= 0


def mutate(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    window = lines[start : start + rng.randint(1, 60)] if rng.random() < 0.5 else lines
    out = "".join(window)
    for _ in range(rng.randint(1, 6)):
        pos = rng.randrange(len(out) + 1)
        action = rng.random()
        if action < 0.4:
            out = out[:pos] + rng.choice(TOKENS) + out[pos:]
        elif action < 0.7:
            out = out[:pos] + out[pos + rng.randint(1, 20) :]
        elif action < 0.85:
            other = rng.randrange(len(out) + 1)
            out = out[:pos] + out[min(pos, other) : max(pos, other)] + out[pos:]
        else:
            out = out[:pos] + chr(rng.randrange(0x20, 0x3000)) + out[pos:]
    return out


@pytest.mark.slow
def test_fuzz_profile_loader() -> None:
    count = int(os.environ.get("GENKIT_FUZZ_INPUTS", "10000"))
    rng = random.Random(20261121)
    located_errors = 0
    for _ in range(count):
        text = mutate(rng, DURHAM)
        try:
            load_text(text)
        except ProfileError as exc:
            located_errors += 1
            assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems)
    print(f"fuzz: {count} inputs, {located_errors} located errors, 0 crashes")
    assert located_errors > count // 10, "the mutations should break many profiles"


yaml_scalar = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(yaml_scalar)
def test_any_string_value_loads_or_is_located(value: str) -> None:
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = DURHAM.replace("  short_name: Durham", f"  short_name: {quoted}", 1)
    try:
        load_text(text)
    except ProfileError as exc:
        assert all(p.line > 0 for p in exc.problems), exc.problems


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60),
    summary=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400),
)
def test_generated_values_build_cleanly_or_fail_located(
    tmp_path_factory, name: str, summary: str
) -> None:
    project = tmp_path_factory.mktemp("prop")
    folder = project / "jurisdictions/town"
    folder.mkdir(parents=True)

    def q(v: str) -> str:
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'

    text = DURHAM.replace("  name: HEART\n", f"  name: {q(name)}\n", 1)
    text = text.replace("  summary: >-\n", f"  summary: {q(summary)}\n  x_old: >-\n", 1)
    lines = text.splitlines(keepends=True)
    i = next(n for n, line in enumerate(lines) if "x_old" in line)
    j = i + 1
    while lines[j].startswith("    "):
        j += 1
    (folder / "profile.yaml").write_text("".join(lines[:i] + lines[j:]))
    try:
        build_town(project, "worksheets", ["html", "docx"])
    except GenkitError as exc:
        assert exc.problems and all(p.file for p in exc.problems)
        assert not (project / "build").exists()
        return
    assert (project / "build/town/manifest.json").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(3))
def test_mutated_profiles_never_crash_the_cli(seed: int, tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from genkit.cli.main import main

    folder = tmp_path / "jurisdictions/town"
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    for _ in range(20):
        (folder / "profile.yaml").write_text(mutate(rng, DURHAM))
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(main, ["validate", "town"])
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output, (
            result.output
        )
