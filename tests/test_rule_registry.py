"""``@rule(needs=...)``: a rule about an optional section runs only when the profile has it."""

from __future__ import annotations

import pytest

from genkit.checks import registry
from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.conftest import REPO


@pytest.fixture
def isolated_rules(monkeypatch: pytest.MonkeyPatch):
    """Rules registered in a test stay there (the real ones are loaded first)."""
    from genkit.checks import load_all

    load_all()
    monkeypatch.setattr(registry, "_RULES", [])
    monkeypatch.setattr("genkit.checks.load_all", lambda: None)


def test_a_rule_that_needs_a_section_is_skipped_without_it(isolated_rules: None) -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    calls: list[str] = []

    @registry.rule(needs="agreement")
    def about_the_agreement(profile):
        calls.append(profile.jurisdiction.name)
        yield ("agreement",), "seen"

    assert registry.run_rules(profile) == [(("agreement",), "seen")]
    without = profile.model_copy(update={"agreement": None})
    assert registry.run_rules(without) == []
    assert calls == ["City of Durham"]


def test_a_needs_that_is_no_field_path_is_a_bug_found_at_import() -> None:
    with pytest.raises(ValueError, match="not a field path"):
        registry.rule(needs="agreement..x")(lambda profile: iter(()))
