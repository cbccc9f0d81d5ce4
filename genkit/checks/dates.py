"""Rules for dates that follow the program: the agreement is in force before pre-service
training and the first shift, and no plan of future work (the RFP, training, the funding plan,
the evaluation timeline) has a milestone before the date the profile's facts were checked."""

from __future__ import annotations

from collections.abc import Iterator

from genkit.checks.registry import RuleResult, rule
from genkit.fieldpath import FieldPath
from genkit.language.formatting import date_long
from genkit.model import Profile
from genkit.model.dates import agreement_effective, evaluation_anchor, training_start


@rule
def agreement_in_force_before_the_work(profile: Profile) -> RuleResult:
    effective = agreement_effective(profile)
    if effective is None or profile.agreement is None:
        return
    start = training_start(profile) if profile.training.curricula else None
    if start is None or effective <= start:
        return
    proc = profile.procurement
    contract = proc.timeline.contract_start.date if proc is not None else None
    own = profile.agreement.effective is not None
    if own and contract is not None and effective > contract:
        return  # checks/agreement.py (in_force_by_contract_start) reports this date already
    if own and (contract is None or effective < contract):
        yield (
            ("agreement", "effective"),
            (
                f"the agreement takes effect {date_long(effective)}, after pre-service training "
                f"starts ({date_long(start)}); it must be in force before the work it governs. "
                "Move it earlier, or remove it so the agreement starts with the contract"
            ),
        )
    else:  # the agreement starts with the contract, so training began before the contract
        yield (
            ("training", "start"),
            (
                f"pre-service training starts on {date_long(start)}, before the contract and the "
                f"operating agreement start ({date_long(effective)}); start training on or "
                "after the contract start"
            ),
        )


def _future_dates(profile: Profile) -> Iterator[tuple[FieldPath, object, str]]:
    proc = profile.procurement
    if proc is not None:
        yield (
            ("procurement", "timeline", "release"),
            proc.timeline.release.date,
            "the RFP's release",
        )
    if profile.training.start is not None and profile.training.curricula:
        yield ("training", "start"), profile.training.start, "training"
    if profile.funding is not None:
        yield (
            ("funding", "first_year_start"),
            profile.funding.first_year_start,
            "the funding plan's year 1",
        )
    anchor, name = evaluation_anchor(profile)
    if anchor is not None:
        for i, item in enumerate(profile.evaluation.timeline):
            when = item.date_from(anchor)
            yield (
                ("evaluation", "timeline", i, "month"),
                when,
                (f"the evaluation milestone '{item.milestone}' (month {item.month} from {name})"),
            )


@rule
def plans_start_after_the_profile_date(profile: Profile) -> RuleResult:
    reported_timeline = False
    for path, when, what in _future_dates(profile):
        if when is not None and when < profile.as_of.replace(day=1):
            if path[0] == "evaluation":
                if reported_timeline:
                    continue  # the first milestone in the past says what to fix
                reported_timeline = True
            yield (
                path,
                (
                    f"{what} falls in {date_long(when)}, before the facts were checked "
                    f"(as_of: {date_long(profile.as_of)}); a plan of future work cannot start in "
                    "the "
                    "past, so move it later"
                ),
            )
