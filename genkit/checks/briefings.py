"""Rules for briefing sheets: every listed language has a wording of every fact a sheet shows,
and every figure a sheet quotes has a source and a sentence in each language.

Templates per language are checked when the build plans its documents (genkit/plan/jobs.py), since
they depend on the template search path rather than on the profile alone.
"""

from __future__ import annotations

from collections import Counter

from genkit.checks.registry import RuleResult, rule, warning
from genkit.model import Profile
from genkit.model.briefings import Wording


@rule
def languages_listed_once(profile: Profile) -> RuleResult:
    languages = profile.briefings.languages
    for lang, count in Counter(languages).items():
        if count > 1:
            index = len(languages) - 1 - languages[::-1].index(lang)
            yield ("briefings", "languages", index), f"language '{lang}' is listed twice"


@rule
def wording_for_each_language(profile: Profile) -> RuleResult:
    main = profile.language
    for i, lang in enumerate(profile.briefings.languages):
        if lang == main:
            continue
        wording = profile.briefings.text.get(lang)
        if wording is None:
            yield (
                ("briefings", "languages", i),
                (
                    f"no wording for '{lang}': add briefings.text.{lang} with the sheets' text in "
                    "that language"
                ),
            )
            continue
        yield from _complete(profile, lang, wording)


def _complete(profile: Profile, lang: str, wording: Wording) -> RuleResult:
    """Every fact a sheet shows must have a wording in this language, and no wording may name
    a fact that does not exist (a stale translation would silently never appear)."""
    program = profile.program
    here = ("briefings", "text", lang)
    main_wording = profile.briefings.wording(profile.language)
    for field in ("about", "area"):
        if getattr(wording, field) is None:
            yield (*here, field), f"is required for a sheet in '{lang}'"
    needs = {
        "jurisdiction_name": profile.jurisdiction.name,
        "department": program.host_department,
        "name_meaning": program.full_name,
        "program_line_note": program.access.program_line_note,
        "data_dashboard": program.data_dashboard
        if program.data_dashboard and " " in program.data_dashboard
        else None,
    }
    for field, source in needs.items():
        if source and getattr(wording, field) is None:
            yield (*here, field), f"is required for a sheet in '{lang}' (it translates '{source}')"
    team = [m.role for m in program.team]
    calls = [c.id for c in program.call_types]
    exclusions = [e.id for e in program.exclusions]
    # (what, ids that need a wording, where they are chosen, ids a wording may name, where
    # those are defined)
    keyed = {
        "team": ("team member", team, "program.team", team, "program.team"),
        "call_types": ("call type", calls, "program.call_types", calls, "program.call_types"),
        "exclusions": (
            "exclusion",
            exclusions,
            "program.exclusions",
            exclusions,
            "program.exclusions",
        ),
        "metrics": (
            "metric",
            [m.id for m in profile.metrics],
            "metrics",
            list(profile.metric_library),
            "metric_library",
        ),
    }
    for field, (what, needed, where, known, defined) in keyed.items():
        given = getattr(wording, field)
        for index, fid in enumerate(needed):
            if fid not in given:
                yield (
                    (*here, field),
                    (f"no '{lang}' wording for {what} '{fid}' ({where}[{index}]); add it here"),
                )
        for fid in given:
            if fid not in known:
                yield (*here, field, fid), f"names no {what} in {defined}"
    counted = {
        "goals": (len(program.goals), "program.goals"),
        "units": (len(program.units), "program.units"),
        "services": (len(main_wording.services), f"briefings.text.{profile.language}.services"),
    }
    for field, (expected, where) in counted.items():
        actual = len(getattr(wording, field))
        if actual != expected:
            yield (
                (*here, field),
                (
                    f"has {actual} entries but {where} has {expected}; "
                    "give one wording per entry, in the same order"
                ),
            )


@rule
def facts_are_sourced_and_worded(profile: Profile) -> RuleResult:
    briefings = profile.briefings
    for fid, fact in briefings.facts.items():
        for j, source in enumerate(fact.sources):
            if source not in profile.sources:
                yield (
                    ("briefings", "facts", fid, "sources", j),
                    (f"no source '{source}' under 'sources'"),
                )
    reported: set[tuple[str, str]] = set()
    for field in ("resident_facts", "partner_facts"):
        for i, fid in enumerate(getattr(briefings, field)):
            fact = briefings.facts.get(fid)
            if fact is None:
                known = ", ".join(briefings.facts) or "none"
                yield (
                    ("briefings", field, i),
                    (f"no fact '{fid}' in briefings.facts (known: {known})"),
                )
                continue
            for lang in briefings.languages:
                if lang not in fact.text and (fid, lang) not in reported:
                    reported.add((fid, lang))
                    yield (
                        ("briefings", "facts", fid, "text"),
                        (f"no '{lang}' sentence, but the sheets are made in '{lang}'"),
                    )


@warning
def residents_see_plain_call_types(profile: Profile) -> RuleResult:
    """The resident sheet lists the call types the team takes; a call type with no wording
    under ``briefings.text.<main language>.call_types`` shows its dispatch label there, which
    is written for call-takers (CAD codes, 'co-response request'), not for residents."""
    main = profile.language
    if main not in profile.briefings.languages:
        return  # no resident sheet in the main language
    given = profile.briefings.wording(main).call_types
    for i, call in enumerate(profile.program.call_types):
        if call.id not in given:
            yield (
                ("briefings", "text", main, "call_types"),
                (
                    f"no residents' wording for call type '{call.id}' (program.call_types[{i}]); "
                    f"the resident sheet would show the dispatch label '{call.label}'. Add "
                    f"'{call.id}: <the call type as a resident would say it>' here"
                ),
            )
