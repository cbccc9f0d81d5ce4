"""The RFP's administrative clauses: the base library, worded for the jurisdiction's state.

Each clause in ``procurement_clauses`` has general wording and may have a state's own (public
records law differs state by state); a profile replaces a clause's wording under
``procurement.packet.clauses`` or drops one under ``omit_clauses``. Federal clauses appear only
when federal money pays for the contract, and the funding-out clause only when the contract can
outlast a budget year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
BUYER_WORDS = {"county": "County", "region": "Agency"}
NAMES = (
    "buyer",
    "jurisdiction",
    "issuing_agency",
    "contact",
    "validity_days",
    "protest_days",
    "paper_policy",
)


STATE_NAMES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "the District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}


def state_name(code: str) -> str:
    """``NC`` -> ``North Carolina``; a state already written out is kept."""
    return STATE_NAMES.get(code.strip().upper(), code)


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    text: str
    sources: tuple[str, ...]
    state_wording: bool  # worded for the jurisdiction's state (else general wording)
    local: bool  # the profile's own wording


def placeholders(profile: Any) -> dict[str, str]:
    proc = profile.procurement
    pk = proc.packet
    contact = proc.contact.name + (f", {proc.contact.title}" if proc.contact.title else "")
    if pk.paper_accepted and proc.contact.address:
        paper = (
            "Paper proposals are accepted if delivered to "
            + proc.contact.address
            + " before the deadline."
        )
    else:
        paper = "Proposals on paper, by email or by fax are not accepted."
    portal = (
        f"Proposals are received only through {pk.portal.name}"
        + (f" ({pk.portal.url})" if pk.portal and pk.portal.url else "")
        + ". "
        if pk.portal
        else ""
    )
    return {
        "buyer": BUYER_WORDS.get(profile.jurisdiction.kind, "City"),
        "jurisdiction": profile.jurisdiction.name,
        "issuing_agency": proc.issuing_agency,
        "contact": contact,
        "validity_days": str(pk.validity_days),
        "protest_days": str(pk.protest_days),
        "paper_policy": portal + paper,
    }


def federal_funds(profile: Any) -> bool:
    """Whether federal money pays for the contract: the packet says, or the funding plan."""
    setting = profile.procurement.packet.federal_funds
    if setting is not None:
        return setting
    federal = {s for c in profile.procurement_clauses.values() for s in c.when_streams}
    planned = profile.funding.streams if profile.funding else []
    return any(s.stream in federal and any(a > 0 for a in s.amounts) for s in planned)


def fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def rfp_clauses(profile: Any) -> list[Clause]:
    """The clauses this profile's RFP carries, in order, with placeholders filled."""
    proc = profile.procurement
    if proc is None:
        return []
    values = placeholders(profile)
    state = profile.jurisdiction.state
    multi_year = proc.term_months > 12 or proc.renewal.count > 0
    federal = federal_funds(profile)
    found = []
    for cid, entry in sorted(
        profile.procurement_clauses.items(), key=lambda kv: (kv[1].order, kv[0])
    ):
        if cid in proc.packet.omit_clauses:
            continue
        if (entry.when_streams and not federal) or (entry.multi_year and not multi_year):
            continue
        local = cid in proc.packet.clauses
        by_state = not local and state in entry.states
        text = (
            proc.packet.clauses[cid] if local else entry.states[state] if by_state else entry.text
        )
        sources = entry.state_sources.get(state, []) if by_state else entry.sources
        found.append(Clause(cid, entry.title, fill(text, values), tuple(sources), by_state, local))
    return found


# What choosing and wording the clauses reads, for a document's read set.
CLAUSE_READS: list[tuple] = [
    ("procurement_clauses",),
    ("procurement", "packet"),
    ("procurement", "contact"),
    ("procurement", "issuing_agency"),
    ("procurement", "term_months"),
    ("procurement", "renewal"),
    ("jurisdiction",),
    ("funding", "streams"),
]
