"""What the RFP packet's templates see beyond the profile: the price proposal form
(``price_form``), the administrative clauses worded for the state (``rfp_clauses``) and the
state's name (``state_name``), each with the profile paths it is computed from.

Found by ``genkit.family.families()``. The lettered attachments come from the plan, not the
profile, so render supplies them (genkit/render/attachments.py).
"""

from __future__ import annotations

from typing import Any

from genkit.family import ContextName, Family, Loaded
from genkit.packet.clauses import CLAUSE_READS, rfp_clauses, state_name
from genkit.packet.price_form import PRICE_FORM_READS, price_form


def _price_form(loaded: Loaded) -> Any:
    return price_form(loaded.profile)


def _clauses(loaded: Loaded) -> Any:
    return rfp_clauses(loaded.profile)


def _state(loaded: Loaded) -> Any:
    return state_name(loaded.profile.jurisdiction.state)


FAMILY = Family(
    name="packet",
    context={
        "price_form": ContextName(_price_form, tuple(PRICE_FORM_READS)),
        "rfp_clauses": ContextName(_clauses, tuple(CLAUSE_READS)),
        "state_name": ContextName(_state, (("jurisdiction", "state"),)),
    },
)
