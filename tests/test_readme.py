"""The README and docs/ name only commands and options that exist.

A renamed command or a dropped flag otherwise leaves the guide telling users to type something
that fails.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from genkit.cli.main import main

REPO = Path(__file__).resolve().parent.parent
GUIDES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
INLINE = re.compile(r"`(genkit [^`]+)`")  # `genkit build durham --only rfp`
FENCE = re.compile(r"^```(?:sh|console|bash)\n(.*?)^```", re.M | re.S)
IN_SHELL = re.compile(r"(?:^|&& )(genkit [^#&>\n]+)", re.M)


def _commands(text: str) -> list[str]:
    found = INLINE.findall(text)
    for block in FENCE.findall(text):
        found.extend(IN_SHELL.findall(block))
    return [c.split(">")[0].strip() for c in found]


def _options(command: click.Command) -> set[str]:
    names: set[str] = set()
    for param in command.params:
        names.update(getattr(param, "opts", []))
        names.update(getattr(param, "secondary_opts", []))
    return names


def test_the_guides_name_commands() -> None:
    assert len(_commands((REPO / "README.md").read_text())) >= 10


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_command_in_the_guides_exists(guide: Path) -> None:
    problems = []
    for command in _commands(guide.read_text()):
        words = shlex.split(command)
        sub = main.commands.get(words[1]) if len(words) > 1 else None
        if sub is None:
            problems.append(f"{command}: no command '{words[1] if len(words) > 1 else ''}'")
            continue
        known = _options(sub) | {"-h", "--help"}
        for word in words[2:]:
            flag = word.split("=", 1)[0]
            if flag.startswith("-") and flag not in known:
                problems.append(f"{command}: '{sub.name}' has no option '{flag}'")
    assert not problems, "\n".join(problems)
