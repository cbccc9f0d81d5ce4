"""Rules for the training protocol: every kind of call is taught, hours fill the stated weeks,
training ends before the first shift, and the protocol and the RFP agree. (Job descriptions of
trained positions take their training from the protocol, so they need no rule.)"""

from __future__ import annotations

from genkit.checks.registry import RuleResult, rule
from genkit.language.formatting import date_long
from genkit.model import Profile

T = ("training",)


def _known(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "none"


def rfp_parts(profile: Profile) -> tuple:
    """The RFP's training terms, its timeline and the launch date, as Training.plan takes them."""
    procurement = profile.procurement
    if procurement is None:
        return None, None, profile.program.launch_date
    return procurement.training, procurement.timeline, profile.program.launch_date


@rule
def training_references_exist(profile: Profile) -> RuleResult:
    # A curriculum naming an unknown position or module would silently drop it from the
    # protocol; say which ids exist instead.
    training = profile.training
    positions = {p.id for p in profile.staffing.positions}
    targets = {c.id for c in profile.program.call_types} | {
        e.id for e in profile.program.exclusions
    }
    seen: set[str] = set()
    for i, curriculum in enumerate(training.curricula):
        if curriculum.position not in positions:
            yield (
                (*T, "curricula", i, "position"),
                (
                    f"no position '{curriculum.position}' in staffing.positions (known: "
                    f"{_known(positions)})"
                ),
            )
        elif curriculum.position in seen:
            yield (
                (*T, "curricula", i, "position"),
                (
                    f"position '{curriculum.position}' already has a curriculum; give each "
                    "position one"
                ),
            )
        seen.add(curriculum.position)
        for j, module in enumerate(curriculum.modules):
            if module not in training.module_library:
                yield (
                    (*T, "curricula", i, "modules", j),
                    (
                        f"no module '{module}' in training.module_library (known: "
                        f"{_known(set(training.module_library))})"
                    ),
                )
    for key, module in training.module_library.items():
        for j, target in enumerate(module.covers):
            if target not in targets:
                yield (
                    (*T, "module_library", key, "covers", j),
                    (
                        f"'{target}' is neither a program.call_types nor a program.exclusions id "
                        f"(known: {_known(targets)})"
                    ),
                )


@rule
def every_call_type_is_taught(profile: Profile) -> RuleResult:
    # A team sent to a kind of call nobody trained it for (or unable to spot an exclusion)
    # is the risk the protocol exists to remove. Only modules some curriculum teaches count.
    training = profile.training
    if not training.curricula:
        return
    taught = {m for c in training.curricula for m in c.modules}
    covered = {t for key, m in training.module_library.items() if key in taught for t in m.covers}
    kinds = (
        ("call_types", "call type", profile.program.call_types),
        ("exclusions", "exclusion", profile.program.exclusions),
    )
    for field, noun, items in kinds:
        for i, item in enumerate(items):
            if item.id not in covered:
                yield (
                    ("program", field, i, "id"),
                    (
                        f"no training module that a curriculum teaches covers {noun} '{item.id}'; "
                        "add it to the covers list of a module in training.module_library"
                    ),
                )


@rule
def curriculum_hours_fill_the_weeks(profile: Profile) -> RuleResult:
    training = profile.training
    rfp = profile.procurement.training if profile.procurement else None
    for i, curriculum in enumerate(training.curricula):
        plan = training.plan(curriculum, *rfp_parts(profile))
        here = (*T, "curricula", i)
        if plan.weeks is None:
            yield (
                here,
                (
                    "say how many weeks this training takes (weeks: N), or give the "
                    "RFP's procurement.training.pre_service_weeks"
                ),
            )
            continue
        if (
            rfp is not None
            and curriculum.weeks is not None
            and (curriculum.weeks < rfp.pre_service_weeks)
        ):
            yield (
                (*here, "weeks"),
                (
                    f"{curriculum.weeks} weeks is less than the {rfp.pre_service_weeks} weeks of "
                    "training the RFP requires before a first shift "
                    "(procurement.training.pre_service_weeks)"
                ),
            )
        stated = plan.weeks * training.hours_per_week
        if abs(plan.total_hours - stated) > 1e-9:
            weeks_from = (
                "procurement.training.pre_service_weeks"
                if plan.weeks_from_rfp
                else f"training.curricula[{i}].weeks"
            )
            yield (
                (*here, "modules"),
                (
                    f"the modules add up to {plan.total_hours:g} hours ({plan.classroom_hours:g} "
                    f"classroom, {plan.field_hours:g} field), but {plan.weeks} weeks "
                    f"({weeks_from}) at {training.hours_per_week:g} hours a week "
                    f"(training.hours_per_week) is {stated:g}; change the modules or their hours"
                ),
            )


@rule
def training_ends_before_first_shift(profile: Profile) -> RuleResult:
    training = profile.training
    where = (*T, "start") if training.start else ("procurement", "timeline", "contract_start")
    for curriculum in training.curricula:
        plan = training.plan(curriculum, *rfp_parts(profile))
        if plan.end is None or plan.first_shift is None or plan.end < plan.first_shift:
            continue
        yield (
            where,
            (
                f"training for '{curriculum.position}' starts {date_long(plan.start)} and takes "
                f"{plan.weeks or 'its'} weeks, so it ends {date_long(plan.end)}, not before the "
                f"first shift on {date_long(plan.first_shift)}; start training earlier "
                "(training.start) or move the first shift"
            ),
        )


@rule
def refresher_hours_written_once(profile: Profile) -> RuleResult:
    training = profile.training
    if not training.curricula:
        return
    rfp = profile.procurement.training if profile.procurement else None
    own = training.refresher.hours_per_year
    if rfp is not None and rfp.annual_hours and own is not None and own != rfp.annual_hours:
        yield (
            (*T, "refresher", "hours_per_year"),
            (
                f"{own} hours a year, but the RFP requires {rfp.annual_hours} "
                "(procurement.training.annual_hours); remove this line so both documents say the "
                "RFP's figure"
            ),
        )
    elif own is None and not (rfp is not None and rfp.annual_hours):
        yield (
            (*T, "refresher"),
            ("say how many refresher hours a year each responder completes (hours_per_year: N)"),
        )
