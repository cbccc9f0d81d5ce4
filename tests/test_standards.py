"""Rules a contractor can meet: standards count only its own work, backup requests are
monitored and never capped, and coverage means teams on duty and available for dispatch."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import build_sample, edit, html_text, problems, squash


def test_a_standard_on_calls_the_contractor_cannot_take_is_refused(project: Path) -> None:
    line = edit(
        project,
        "    - {metric: assignments-accepted}\n",
        "    - {metric: share-eligible-handled}\n",
    )
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("procurement.performance_standards[0].metric", line)
    assert problem.message.startswith(
        "Share of eligible calls handled counts calls the contractor cannot take"
    )


def test_backup_requests_cannot_be_a_standard(project: Path) -> None:
    line = (
        edit(
            project,
            "    - {metric: response-time}\n",
            "    - {metric: response-time}\n    - {metric: backup-rate}\n",
        )
        + 1
    )
    [problem] = [p for p in problems(project) if "never capped" in p.message]
    assert (problem.field, problem.line) == ("procurement.performance_standards[2].metric", line)
    assert "monitored, never capped" in problem.message


def test_backup_requests_take_no_target(project: Path) -> None:
    line = edit(project, '  - {id: "backup-rate"}', '  - {id: "backup-rate", target: 0.02}')
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("metrics[5].target", line)
    assert problem.message.startswith("Police backup requests is monitored, never capped")


def test_the_rfp_and_agreement_word_the_rules_the_same_way(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, ["rfp", "agreements"])
    bundle = tmp_path / "durham"
    rfp = squash(html_text(bundle / "rfp" / "rfp.html"))
    agreement = squash(html_text(bundle / "agreements" / "operating-agreement.html"))
    for text in (rfp, agreement):
        assert "available for dispatch" in text and "free to take a call" not in text
        assert "never capped" in text
    standards = rfp[rfp.rindex("5. Performance standards") : rfp.rindex("6. Minimum qualif")]
    assert "Assignments accepted at least 95%" in standards
    assert "Police backup requests" not in standards
    assert "Share of eligible calls handled" not in standards
