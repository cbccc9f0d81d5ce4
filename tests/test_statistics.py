"""The evidence library: each outside statistic is stored once and quoted by id; a figure typed
by hand beside its program's name is refused, so one statistic never has two values."""

from __future__ import annotations

from pathlib import Path

from genkit.checks.validate import load_profile
from genkit.paths import SearchPath
from tests.helpers import build_sample, edit, html_text, problems, squash

REPO = Path(__file__).resolve().parent.parent
FACT = """  facts:
    durham-calls:"""


def add_fact(project: Path, text: str, sources: str = "[cahoots-2019]") -> int:
    path = project / "jurisdictions" / "town" / "profile.yaml"
    body = path.read_text(encoding="utf-8")
    assert FACT in body
    new = f'''  facts:
    eugene-local:
      sources: {sources}
      text:
        en: "{text}"
    durham-calls:'''
    path.write_text(body.replace(FACT, new, 1), encoding="utf-8")
    return body[: body.index(FACT)].count("\n") + 5  # the line of `en:`


def test_a_figure_typed_beside_the_program_name_is_refused(project: Path) -> None:
    line = add_fact(project, "In Eugene only 2% of 14,000 calls needed police backup.")
    [problem] = problems(project)
    assert (problem.field, problem.line) == ("briefings.facts.eugene-local.text.en", line)
    assert problem.message.startswith(
        "types a figure by hand in a sentence about Eugene; quote the evidence library "
        "instead ({stat:cahoots-backup}: calls on which the team asked police for backup"
    )


def test_quoting_by_id_passes_and_an_unknown_id_is_named(project: Path) -> None:
    add_fact(project, "CAHOOTS asked for backup on {stat:cahoots-backup} of its calls.")
    load_profile("town", SearchPath.from_cwd(project))  # valid
    edit(project, "{stat:cahoots-backup}", "{stat:cahoots}")
    [problem] = problems(project)
    assert problem.field == "briefings.facts.eugene-local.text.en"
    assert problem.message.startswith("no statistic 'cahoots' under statistics (known: ")


def test_a_quote_must_list_the_statistics_source(project: Path) -> None:
    add_fact(
        project,
        "CAHOOTS asked for backup on {stat:cahoots-backup} of its calls.",
        sources="[gpl-worksheet]",
    )
    [problem] = problems(project)
    assert problem.field == "briefings.facts.eugene-local.sources"
    assert problem.message == (
        "quotes statistic 'cahoots-backup', so list its source (cahoots-2019) here"
    )


def test_one_backup_rate_in_every_document(tmp_path: Path) -> None:
    build_sample("durham", tmp_path, ["worksheets", "briefings", "evaluation"])
    bundle = tmp_path / "durham"
    texts = {
        name: squash(html_text(bundle / name))
        for name in (
            "worksheets/stakeholder-worksheet.html",
            "briefings/partner-brief.en.html",
            "evaluation/evaluation-plan.html",
        )
    }
    for name, text in texts.items():
        assert "0.625% of about 24,000 calls in 2019" in text, name
        assert "14,000" not in text, name
    spanish = squash(html_text(bundle / "briefings/partner-brief.es.html"))
    assert "0.625 % de unas 24,000 llamadas en 2019" in spanish


def test_a_metric_baseline_quotes_the_library(project: Path) -> None:
    profile = load_profile("durham", SearchPath.from_cwd(REPO)).profile
    [felt] = [m["choice"] for m in profile.selected_metrics if m["id"] == "felt-safe"]
    assert felt.baseline == profile.statistics["durham-felt-safe"].value
    edit(
        project,
        "baseline_from: durham-felt-safe,",
        "baseline_from: durham-felt-safe, baseline: 0.98,",
    )
    [problem] = problems(project)
    assert problem.field == "metrics[6].baseline"
    assert problem.message.startswith("the baseline comes from statistic 'durham-felt-safe'")
