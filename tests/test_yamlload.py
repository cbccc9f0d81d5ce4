"""The YAML reader: literal strings, located errors, nothing clever allowed."""

from __future__ import annotations

import pytest

from genkit.errors import ProfileError
from genkit.load.strict_yaml import parse_yaml_text


def yaml_problems(text: str) -> list[str]:
    """The located problems of parsing ``text`` as a YAML file (it must fail), as printed."""
    with pytest.raises(ProfileError) as info:
        parse_yaml_text(text, "p.yaml")
    return [str(p) for p in info.value.problems]


def test_scalars_stay_strings() -> None:
    data = parse_yaml_text("a: no\nb: 02134\nc: 19:30\nd: yes\ne: 1e3\nf: ~\n", "p.yaml").data
    assert data == {"a": "no", "b": "02134", "c": "19:30", "d": "yes", "e": "1e3", "f": None}


def test_positions_point_at_keys() -> None:
    doc = parse_yaml_text("top:\n  inner: x\n  list:\n    - a\n    - b\n", "p.yaml")
    assert doc.where(("top", "inner")) == (2, 3)
    assert doc.where(("top", "list", 1)) == (5, 7)


def test_folded_text_has_no_markers() -> None:
    doc = parse_yaml_text("a: >-\n  one\n  two\n", "p.yaml")
    assert doc.data["a"] == "one two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x 1\nb: 2\n", "p.yaml:1:4: a: anchors (&x) are not allowed"),
        ("a: 1\nb: *x\n", "p.yaml:2:4"),
        ("a: 1\na: 2\n", "p.yaml:2:1: a: duplicate key 'a' (first given at line 1)"),
        ("a: !!python/object:os.system x\n", "p.yaml:1:4: a: YAML tags"),
        ("%YAML 1.1\n---\na: 1\n", "%YAML 1.1 is not supported"),
        ("a: [1, 2\n", "YAML syntax"),
        ("", "p.yaml:1:1: the file is empty"),
        ("# only a comment\n", "the file is empty"),
        ("a: 1\n---\nb: 2\n", "one YAML document only"),
    ],
)
def test_refused_constructs_are_located(text: str, expected: str) -> None:
    assert any(expected in p for p in yaml_problems(text)), yaml_problems(text)
