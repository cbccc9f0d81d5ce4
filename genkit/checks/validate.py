"""The validate stage: a loaded profile becomes a typed ``Profile`` that every rule accepts.

Pydantic checks each field (genkit/model); then the cross-field rules in this package run
(registry.py). Every problem is located at the line the load stage remembered, and every
profile's problems are reported together. Warning rules give advice that ``--strict`` fails on.
"""

from __future__ import annotations

from pydantic import ValidationError

from genkit.checks.registry import run_rules
from genkit.errors import GenkitError, Problem, ProfileError
from genkit.load.model_errors import problems_from
from genkit.load.parse_cache import ParseCache
from genkit.load.profiles import Loaded, LoadedProfile, SourceProfile, read_profile
from genkit.model import Profile
from genkit.paths import SearchPath


def validate(loaded: Loaded) -> list[LoadedProfile]:
    """Validate every profile the load stage read; raise GenkitError listing the problems of
    all of them (the load stage's included)."""
    valid, problems = [], list(loaded.problems)
    for source in loaded.profiles:
        try:
            valid.append(validate_one(source))
        except GenkitError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GenkitError(problems)
    return valid


def validate_one(source: SourceProfile) -> LoadedProfile:
    """One profile; raise ProfileError listing every problem in it."""
    located = source.located
    try:
        profile = Profile.model_validate(located.data)
    except ValidationError as exc:
        raise ProfileError(problems_from(exc, Profile, located.problem)) from None
    problems = [located.problem(path, message) for path, message in run_rules(profile)]
    if problems:
        raise ProfileError(sorted(problems))
    if source.calls_tally is not None and profile.calls is None:
        raise ProfileError(
            [
                Problem(
                    source.calls_file,
                    0,
                    0,
                    "",
                    (
                        "a stored call analysis needs a 'calls:' section in the profile (its "
                        "suppression "
                        "threshold and assumptions); add it, or delete this file"
                    ),
                )
            ]
        )
    warnings = sorted(
        located.problem(path, message) for path, message in run_rules(profile, warnings=True)
    )
    return LoadedProfile(
        source.name, source.folder, profile, located, source.calls_tally, warnings=warnings
    )


def load_profile(name: str, search: SearchPath, cache: ParseCache | None = None) -> LoadedProfile:
    """Load and validate one jurisdiction (both stages, for callers that need one profile);
    raise GenkitError listing every problem."""
    return validate_one(read_profile(name, search, cache))
