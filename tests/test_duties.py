"""Each duty stated once: who supplies and pays for equipment, who screens and dispatches, CAD
access, credentials and the contract's funds come from one place and agree in every document."""

from __future__ import annotations

import glob
from pathlib import Path

from tests.helpers import build_sample, edit, html_text, problems, squash


def test_what_the_city_pays_for_must_be_budgeted(project: Path) -> None:
    line = edit(
        project,
        "      paid_by: jurisdiction\n      budget_line: equipment\n",
        "      paid_by: jurisdiction\n",
    )
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("responsibilities.supplies[1].paid_by", line)
    assert problem.message.startswith(
        "Portable radios on the City's public-safety radio system "
        "is paid for by the jurisdiction, so name the funding"
    )


def test_a_budget_line_must_exist(project: Path) -> None:
    edit(
        project,
        "paid_by: jurisdiction, budget_line: equipment}",
        "paid_by: jurisdiction, budget_line: radios}",
    )
    [problem] = problems(project)
    assert problem.field == "responsibilities.supplies[3].budget_line"
    assert problem.message.startswith("no line 'radios' in funding.lines (known: ")


def test_vehicles_must_be_supplied_as_the_rfp_says(project: Path) -> None:
    edit(
        project,
        "kind: vehicles, supplied_by: contractor, paid_by: contractor}",
        "kind: vehicles, supplied_by: jurisdiction, paid_by: contractor}",
    )
    [problem] = problems(project)
    assert problem.field == "responsibilities.supplies[0].supplied_by"
    assert "(procurement.services.vehicles: contractor) says otherwise" in problem.message


def test_a_position_must_hold_its_seats_credential(project: Path) -> None:
    line = edit(
        project,
        "        - Advanced EMT credential from the North Carolina Office of "
        "Emergency Medical Services\n",
        "        - EMT-Basic credential\n",
    )
    [problem] = problems(project)
    assert problem.field == "staffing.positions[2].certifications"
    assert problem.line < line
    assert problem.message.startswith(
        "Advanced EMT fills the team's 'emt' seat, which needs 'Advanced EMT credential from "
        "the North Carolina Office of Emergency Medical Services' (program.team)"
    )


def test_a_federal_grant_cannot_silently_pay_the_contract(project: Path) -> None:
    line = edit(
        project,
        "      paid_from: [general-fund]\n",
        "      paid_from: [general-fund, samhsa-grant]\n",
    )
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("funding.lines[0].paid_from[1]", line)
    assert problem.message.startswith(
        "SAMHSA crisis response grants would pay the operator "
        "contract, which brings federal procurement"
    )


def test_the_contracts_funds_are_stated_once(project: Path) -> None:
    edit(
        project,
        "  budget_basis: term\n",
        "  budget_basis: term\n  funding_source: the general fund\n",
    )
    [problem] = problems(project)
    assert problem.field == "procurement.funding_source"


def test_documents_state_the_same_duties(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, ["rfp", "agreements", "funding", "training"])
    bundle = tmp_path / "durham"
    rfp = squash(html_text(bundle / "rfp" / "rfp.html"))
    agreement_file = str(bundle / "agreements" / "operating-agreement.html")
    agreement = squash(html_text(Path(agreement_file)))
    plan = squash(html_text(bundle / "funding" / "funding-plan.html"))
    training = squash(html_text(Path(sorted(glob.glob(str(bundle / "training/*.html")))[0])))
    radios = "Portable radios on the City's public-safety radio system The City The City"
    assert radios in rfp and radios in agreement
    assert "CAD licenses for the contractor's staff The 911 center The City" in rfp
    assert "CAD licenses for the contractor's staff The ECC The City" in agreement
    assert "Portable radios on the City's public-safety radio system (budgeted under" in plan
    assert "portable radios on the City's public-safety radio system (the City)" in training
    screening = "call-takers at the Emergency Communications Center screen every 911 call"
    assert screening in rfp and screening in agreement
    cad = "record their own status (en route, on scene, transporting, clear)"
    assert cad in rfp and cad in agreement and cad in training
    assert "read access" not in agreement and "provides, insures and maintains" not in rfp
    assert "pays the contract from this stream: Local general fund" in rfp
    credential = "Advanced EMT credential from the North Carolina Office of Emergency Medical"
    assert credential in rfp


def test_the_evaluation_plan_takes_the_cad_extract_from_the_agreement(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, "evaluation")
    plan = squash(html_text(tmp_path / "durham" / "evaluation" / "evaluation-plan.html"))
    assert "the CAD fields of every call sent to a team or missed, every week" in plan
    assert "monthly extract" not in plan


def test_a_sample_rfp_and_agreement_need_the_supplies_list(project: Path) -> None:
    import re

    path = project / "jurisdictions" / "town" / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nresponsibilities:\n") + 1
    end = re.compile(r"^\S", re.M).search(text, start + len("responsibilities:\n")).start()
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = [p for p in problems(project) if p.field == "agreement.systems"]
    assert found and found[0].message.startswith("say once who supplies and who pays")


def test_no_cad_account_beside_an_rfp_terminal_is_refused(project: Path) -> None:
    # Philadelphia's RFP once gave each vehicle a terminal while its agreement gave the
    # clinicians no CAD account: the two now come from settings a check holds together.
    line = edit(project, "  cad_access: status_updates\n", "  cad_access: none\n")
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("responsibilities.cad_access", line)
    assert "procurement.dispatch.cad_access: mobile_data_terminal" in problem.message


def test_terminals_without_a_cad_screen_are_refused(project: Path) -> None:
    edit(project, "    cad_access: mobile_data_terminal\n", "    cad_access: phone_and_radio\n")
    found = {p.field: p for p in problems(project)}
    assert set(found) == {"responsibilities.cad_access", "responsibilities.supplies[2].kind"}
    assert "gives them no CAD screen" in found["responsibilities.cad_access"].message
    assert found["responsibilities.supplies[2].kind"].line > 0


def test_philadelphias_rfp_and_agreement_agree_on_cad(tmp_path: Path) -> None:
    build_sample("philadelphia", tmp_path, ["rfp", "agreements"])
    bundle = tmp_path / "philadelphia"
    rfp = squash(html_text(bundle / "rfp" / "rfp.html"))
    agreement = squash(html_text(bundle / "agreements" / "operating-agreement.html"))
    access = "have no account of their own; the 911 center passes each call to them by radio"
    assert access in rfp and access in agreement
    for text in (rfp, agreement):
        assert "mobile data terminal" not in text
