"""The program's own dates that plans count from: one function each, shared by the checks and
the documents, so the evaluation timeline and the agreement follow the contract, not a date
typed again."""

from __future__ import annotations

import datetime as dt
from typing import Any

ANCHOR_NAMES = {
    "service_start": "the first shift of the contracted teams",
    "contract_start": "the contract start",
    "launch": "the program's launch",
}


def evaluation_anchor(profile: Any) -> tuple[dt.date | None, str]:
    """(date, name) the evaluation timeline counts months from: the contracted teams' first
    shift, else the contract start, else the program's launch."""
    proc = profile.procurement
    if proc is not None and proc.timeline.service_start is not None:
        return proc.timeline.service_start.date, ANCHOR_NAMES["service_start"]
    if proc is not None:
        return proc.timeline.contract_start.date, ANCHOR_NAMES["contract_start"]
    launch = profile.program.launch_date
    if launch is not None and launch < profile.as_of:
        # A program already running with no new contract: its launch would date a plan of
        # future work in the past, so the timeline stays in months, undated.
        return None, ANCHOR_NAMES["launch"]
    return launch, ANCHOR_NAMES["launch"]


def agreement_effective(profile: Any) -> dt.date | None:
    """The agreement's own date, else the contract start it exists for."""
    agreement, proc = profile.agreement, profile.procurement
    if agreement is not None and agreement.effective is not None:
        return agreement.effective
    return proc.timeline.contract_start.date if proc is not None else None


def training_start(profile: Any) -> dt.date | None:
    """First day of pre-service training: training.start, else the contract start."""
    if profile.training.start is not None:
        return profile.training.start
    proc = profile.procurement
    return proc.timeline.contract_start.date if proc is not None else None
