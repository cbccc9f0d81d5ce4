"""Rules that hold each duty to one statement: what the jurisdiction supplies is budgeted, the
vehicles are supplied by the party the RFP names, every position filling a team seat holds the
seat's credential, and the contract's funds are stated once and bring no federal rules the RFP
lacks."""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile

R = ("responsibilities",)
PARTY_NAMES = {
    "jurisdiction": "the jurisdiction",
    "center": "the 911 center",
    "contractor": "the contractor",
}
# Streams whose money comes with federal procurement and contract rules.
FEDERAL_KINDS = {"federal", "grant"}


@rule
def jurisdiction_supplies_are_budgeted(profile: Profile) -> RuleResult:
    funding = profile.funding
    lines = {line.id for line in funding.lines} if funding else set()
    for i, supply in enumerate(profile.responsibilities.supplies):
        at = (*R, "supplies", i)
        if (
            supply.budget_line is not None
            and funding is not None
            and supply.budget_line not in lines
        ):
            yield (
                (*at, "budget_line"),
                (
                    f"no line '{supply.budget_line}' in funding.lines (known: "
                    f"{', '.join(sorted(lines)) or 'none'})"
                ),
            )
        elif supply.paid_by != "contractor" and funding is not None and supply.budget_line is None:
            yield (
                (*at, "paid_by"),
                (
                    f"{supply.item} is paid for by {PARTY_NAMES[supply.paid_by]}, so name the "
                    "funding.lines entry that budgets it (budget_line)"
                ),
            )
        elif supply.paid_by == "contractor" and supply.budget_line is not None:
            yield (
                (*at, "budget_line"),
                (
                    f"{supply.item} is paid for by the contractor, so it is inside the contract, "
                    "not a line of its own; remove budget_line or change paid_by"
                ),
            )


@rule
def vehicles_supplied_as_the_rfp_says(profile: Profile) -> RuleResult:
    proc = profile.procurement
    vehicles = profile.responsibilities.of_kind("vehicles")
    if proc is None or vehicles is None:
        return
    rfp_side = "contractor" if proc.services.vehicles == "contractor" else "jurisdiction"
    ours = "contractor" if vehicles.supplied_by == "contractor" else "jurisdiction"
    if ours != rfp_side:
        i = profile.responsibilities.supplies.index(vehicles)
        yield (
            (*R, "supplies", i, "supplied_by"),
            (
                f"says {PARTY_NAMES[vehicles.supplied_by]} supplies the vehicles, but the RFP "
                f"(procurement.services.vehicles: {proc.services.vehicles}) says otherwise; make "
                "them agree"
            ),
        )


@rule
def positions_hold_their_seat_credential(profile: Profile) -> RuleResult:
    seats = {m.role: m for m in profile.program.team if m.credential}
    for i, position in enumerate(profile.staffing.positions):
        seat = seats.get(position.team_role or "")
        if seat is None:
            continue
        held = profile.staffing.role_fields(position).get("certifications") or []
        # library items come as dumped mappings, the position's own as models
        names = [c["name"] if isinstance(c, dict) else str(c) for c in held]
        if seat.credential not in names:
            yield (
                ("staffing", "positions", i, "certifications"),
                (
                    f"{position.title} fills the team's '{seat.role}' seat, which needs "
                    f"'{seat.credential}' (program.team); list it here or change the seat's "
                    "credential, so the RFP, the agreement and this job agree"
                ),
            )


@rule
def contract_funds_stated_once(profile: Profile) -> RuleResult:
    funding, proc = profile.funding, profile.procurement
    if funding is None:
        return
    for i, line in enumerate(funding.lines):
        for j, sid in enumerate(line.paid_from):
            stream = profile.funding_streams.get(sid)
            if stream is None:
                yield (
                    ("funding", "lines", i, "paid_from", j),
                    (f"no funding stream '{sid}' in funding_streams"),
                )
            elif line.kind == "contract" and stream.kind in FEDERAL_KINDS and proc is not None:
                yield (
                    ("funding", "lines", i, "paid_from", j),
                    (
                        f"{stream.name} would pay the operator contract, which brings federal "
                        "procurement and contract rules the RFP does not include; pay the "
                        "contract from local money or add those terms to the RFP first"
                    ),
                )
        if line.kind == "contract" and line.paid_from and proc is not None and proc.funding_source:
            yield (
                ("procurement", "funding_source"),
                (
                    f"the contract's funds are stated in funding.lines[{i}].paid_from; remove "
                    "funding_source so the RFP takes them from there"
                ),
            )


@rule
def sample_states_who_supplies_what(profile: Profile) -> RuleResult:
    # Where an RFP and an agreement both describe the teams' equipment, a sample must say once
    # who supplies and pays for it, or the two documents fall back to different wordings.
    if (
        profile.status == "sample"
        and profile.procurement is not None
        and profile.agreement is not None
        and not profile.responsibilities.supplies
    ):
        yield (
            ("agreement", "systems"),
            (
                "say once who supplies and who pays for the teams' vehicles, radios, terminals and "
                "CAD licenses under responsibilities.supplies; the RFP, this agreement and the "
                "funding plan render that list"
            ),
        )


# How the RFP says calls reach the teams (procurement.dispatch.cad_access) decides whether the
# teams need a terminal and a CAD account; the agreement renders responsibilities.cad_access.
SCREENS = {
    "mobile_data_terminal": "mobile data terminals in the team vehicles",
    "cad_client": "a CAD workstation or client",
}


@rule
def terminals_and_cad_access_agree(profile: Profile) -> RuleResult:
    proc, duties = profile.procurement, profile.responsibilities
    if proc is None:
        return
    mode = proc.dispatch.cad_access
    terminals = duties.of_kind("terminals")
    if mode in SCREENS:
        if duties.cad_access == "none":
            yield (
                (*R, "cad_access"),
                (
                    f"says the teams have no CAD account, but the RFP gives them {SCREENS[mode]} "
                    f"(procurement.dispatch.cad_access: {mode}); choose read_only or "
                    "status_updates, or set the RFP's cad_access to phone_and_radio"
                ),
            )
        elif terminals is None and duties.supplies:
            yield (
                (*R, "supplies"),
                (
                    f"the RFP gives the teams {SCREENS[mode]} (procurement.dispatch.cad_access: "
                    f"{mode}), so say who supplies and pays for them (an entry of kind terminals)"
                ),
            )
    else:
        if duties.cad_access != "none":
            yield (
                (*R, "cad_access"),
                (
                    f"says the teams {duties.cad_access.replace('_', ' ')} in CAD, but the RFP "
                    "gives them no CAD screen (procurement.dispatch.cad_access: phone_and_radio); "
                    "set cad_access to none, or give them a terminal in the RFP"
                ),
            )
        if terminals is not None:
            i = duties.supplies.index(terminals)
            yield (
                (*R, "supplies", i, "kind"),
                (
                    f"{terminals.item} are listed, but the RFP gives the teams no CAD screen "
                    "(procurement.dispatch.cad_access: phone_and_radio); remove the entry or give "
                    "them a terminal in the RFP"
                ),
            )
