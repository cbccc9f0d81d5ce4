"""Rules for the evidence library: every ``{stat:ID}`` names a statistic, a text quoting one
lists its sources, and no sentence that names a statistic's program types a figure by hand (so
one statistic cannot be quoted with two values)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from genkit.checks.registry import RuleResult, rule
from genkit.fieldpath import FieldPath
from genkit.model import Profile
from genkit.model.statistics import TOKEN, VOLUME_TOKEN

_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
_DIGIT = re.compile(r"\d")
# Phone numbers that name a service, not a figure: "calls to 911".
_SERVICE_NUMBER = re.compile(r"\b(911|988)\b")


def quoting_texts(profile: Profile) -> Iterator[tuple[FieldPath, str, list[str], FieldPath]]:
    """(path of a text, the text, its sources, path of those sources) for every text that may
    quote an outside statistic."""
    for i, item in enumerate(profile.evidence):
        yield ("evidence", i, "answer"), item.answer, item.sources, ("evidence", i, "sources")
    for fid, fact in profile.briefings.facts.items():
        for lang, text in fact.text.items():
            yield (
                ("briefings", "facts", fid, "text", lang),
                text,
                fact.sources,
                ("briefings", "facts", fid, "sources"),
            )
    for mid, metric in profile.metric_library.items():
        if metric.benchmark:
            sources = [metric.benchmark_source] if metric.benchmark_source else []
            yield (
                ("metric_library", mid, "benchmark"),
                metric.benchmark,
                sources,
                ("metric_library", mid, "benchmark_source"),
            )


@rule
def statistics_cited_by_id(profile: Profile) -> RuleResult:
    library = profile.statistics
    for path, text, sources, sources_path in quoting_texts(profile):
        for match in TOKEN.finditer(text):
            sid = match.group(1)
            stat = library.get(sid)
            if stat is None:
                yield (
                    path,
                    (
                        f"no statistic '{sid}' under statistics (known: "
                        f"{', '.join(sorted(library)) or 'none'})"
                    ),
                )
                continue
            if match.group(2) == "of" and stat.of is None:
                yield path, f"statistic '{sid}' gives no 'of' count to quote"
            if match.group(2) == "year" and stat.year is None:
                yield path, f"statistic '{sid}' gives no year to quote"
            if not set(stat.sources) & set(sources):
                yield (
                    sources_path,
                    (
                        f"quotes statistic '{sid}', so list its source "
                        f"({', '.join(stat.sources)}) here"
                    ),
                )
        if VOLUME_TOKEN.search(text) and profile.call_volumes is None:
            yield path, "quotes {calls:...}, but the profile has no call_volumes"
        bare = _SERVICE_NUMBER.sub("", VOLUME_TOKEN.sub("", TOKEN.sub("", text)))
        for sentence in _SENTENCE.split(bare):
            if not _DIGIT.search(sentence):
                continue
            named = {
                sid: n
                for sid, stat in sorted(library.items())
                for n in stat.names
                if re.search(rf"\b{re.escape(n)}\b", sentence)
            }
            if named:
                choices = "; ".join(f"{{stat:{sid}}}: {library[sid].definition}" for sid in named)
                yield (
                    path,
                    (
                        f"types a figure by hand in a sentence about {next(iter(named.values()))}; "
                        f"quote the evidence library instead ({choices}), so the figure has one "
                        "value everywhere"
                    ),
                )
                break


@rule
def statistics_sources_exist(profile: Profile) -> RuleResult:
    for sid, stat in profile.statistics.items():
        for j, source in enumerate(stat.sources):
            if source not in profile.sources:
                yield ("statistics", sid, "sources", j), f"no source '{source}' under 'sources'"


@rule
def metric_baselines_from_statistics(profile: Profile) -> RuleResult:
    for i, choice in enumerate(profile.metrics):
        if choice.baseline_from is None:
            continue
        if choice.baseline_from not in profile.statistics:
            yield (
                ("metrics", i, "baseline_from"),
                (
                    f"no statistic '{choice.baseline_from}' under statistics (known: "
                    f"{', '.join(sorted(profile.statistics)) or 'none'})"
                ),
            )
        elif choice.baseline is not None:
            yield (
                ("metrics", i, "baseline"),
                (
                    f"the baseline comes from statistic '{choice.baseline_from}'; remove it here "
                    "so "
                    "the two cannot differ"
                ),
            )
