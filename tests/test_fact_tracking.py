"""Fact tracking: what a render records as read, and what the sandbox still refuses."""

from __future__ import annotations

import jinja2
import pytest

from genkit.checks.validate import load_profile
from genkit.family import method_shows
from genkit.model.profile import Profile
from genkit.paths import SearchPath
from genkit.plan.read_sets import unchanged
from genkit.render.templating import make_env
from genkit.render.tracking.facts import DECLARED, Reads, Tracked, recording
from tests.conftest import REPO


@pytest.fixture(scope="module")
def profile() -> Profile:
    return load_profile("durham", SearchPath.from_cwd(REPO)).profile


def render(profile: Profile, source: str) -> tuple[str, Reads]:
    env = make_env(jinja2.DictLoader({"t": source}))
    reads = Reads(root=profile)
    context = {
        name: Tracked(getattr(profile, name), (name,))
        for name in ("program", "staffing", "procurement", "jurisdiction")
    }
    with recording(reads):
        text = env.get_template("t").render(context)
    return text, reads


def test_leaves_are_recorded_and_printed_as_before(profile: Profile) -> None:
    text, reads = render(profile, "{{ program.hours.start }} {{ procurement.rfp_number }}")
    assert text == f"{profile.program.hours.start} {profile.procurement.rfp_number}".replace(
        "-", "\\-"
    ).replace(":", "\\:")
    assert reads.shown == ["program.hours.start", "procurement.rfp_number"]


def test_if_and_for_read_what_decides_the_output(profile: Profile) -> None:
    _, reads = render(
        profile,
        "{% if program.exclusions %}{% for p in staffing.positions %}"
        "{{ p.pay.min }}{% endfor %}{% endif %}{{ program.team|length }}",
    )
    assert "program.exclusions|b" in reads.entries
    assert "staffing.positions|n" in reads.entries
    assert "staffing.positions[2].pay.min|v" in reads.entries
    assert "program.team|n" in reads.entries and "program.team|v" not in reads.entries


def test_python_code_gets_real_values_and_reads_all_of_them(profile: Profile) -> None:
    text, reads = render(profile, "{{ program.call_types | map(attribute='label') | join(', ') }}")
    assert "Trespass" in text
    assert "program.call_types|v" in reads.entries


def test_a_changed_or_vanished_field_is_noticed(profile: Profile) -> None:
    _, reads = render(profile, "{{ procurement.rfp_number }}{{ staffing.positions[5].title }}")
    assert unchanged(reads.entries, profile)
    assert not unchanged(reads.entries, changed(profile, "procurement", rfp_number="RFP 99-001"))
    positions = profile.staffing.positions[:2]
    assert not unchanged(reads.entries, changed(profile, "staffing", positions=positions))
    # Not read: no reason to render again.
    assert unchanged(reads.entries, changed(profile, "program", full_name="Something else"))


def changed(profile: Profile, section: str, **values: object) -> Profile:
    """The profile with fields of one section replaced (models are frozen)."""
    part = getattr(profile, section).model_copy(update=values)
    return profile.model_copy(update={section: part})


@pytest.mark.parametrize(
    "source",
    [
        "{{ program.__class__ }}",
        "{{ program._value }}",
        "{{ program.model_copy() }}",
        "{{ program['__class__'] }}",
        "{{ staffing.positions.__class__.__mro__ }}",
    ],
)
def test_the_sandbox_refuses_through_proxies(profile: Profile, source: str) -> None:
    with pytest.raises(jinja2.exceptions.SecurityError):
        render(profile, source)


def test_undefined_stays_strict(profile: Profile) -> None:
    with pytest.raises(jinja2.UndefinedError):
        render(profile, "{{ program.no_such_field }}")


def test_declared_fields_exist(profile: Profile) -> None:
    """The property and method tables name real fields (a rename must update them)."""
    from genkit.model import program as program_model
    from genkit.model import staffing as staffing_model

    classes = {
        "Profile": Profile,
        "Program": program_model.Program,
        "Staffing": staffing_model.Staffing,
    }
    for key, fields in DECLARED.items():
        owner, attr = key.split(".")
        if owner in classes:
            assert hasattr(classes[owner], attr)
            assert all(f in classes[owner].model_fields for f in fields), key
    shown = method_shows(staffing_model.Staffing.job)  # @shows names the model's own fields
    assert shown is not None and all(f in staffing_model.Staffing.model_fields for f in shown[0])


def test_odd_lookups_fail_as_before(profile: Profile) -> None:
    text, _ = render(
        profile,
        "{{ staffing.positions[-1].title }}|{{ program.hours.days is "
        "defined }}|{{ (staffing.positions[1:2] | first).title }}",
    )
    assert text.split("|")[0] == profile.staffing.positions[-1].title.replace("-", "\\-")
    with pytest.raises(jinja2.UndefinedError):
        render(profile, "{{ jurisdiction[[1]] }}")
