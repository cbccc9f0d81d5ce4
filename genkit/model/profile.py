"""The whole profile: one jurisdiction's program, written once, used by every document."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from genkit.model.agreement import AGREEMENT_HELP, Agreement
from genkit.model.base import Model, ShortText, Slug
from genkit.model.briefings import Briefings
from genkit.model.calls import CallsData
from genkit.model.data_fields import DataCollection
from genkit.model.decision_tree import DecisionTree
from genkit.model.duties import RESPONSIBILITIES_HELP, Responsibilities
from genkit.model.evaluation import Evaluation
from genkit.model.funding import Funding, FundingStream
from genkit.model.metrics import MetricChoice, MetricDefinition
from genkit.model.packet import ClauseEntry
from genkit.model.procurement import Procurement
from genkit.model.program import Program
from genkit.model.sources import EvidenceItem, Source
from genkit.model.staffing import Staffing
from genkit.model.stakeholders import Person, Stakeholder
from genkit.model.statistics import Statistic
from genkit.model.training import Training
from genkit.model.volumes import CALL_VOLUMES_HELP, VOLUME_METRICS, CallVolumes


class Jurisdiction(Model):
    name: ShortText
    short_name: ShortText
    state: ShortText
    kind: Literal["city", "county", "city_county", "region"] = "city"
    population: int | None = Field(default=None, ge=1)


class Profile(Model):
    """Top level of a jurisdiction profile (``jurisdictions/NAME/profile.yaml``)."""

    extends: Slug | None = Field(
        default=None, description="Name of a profile whose values this one starts from."
    )
    status: Literal["sample", "draft", "final"] = Field(
        default="draft", description="'sample' marks every page of every document as a sample."
    )
    as_of: date = Field(description="Date the facts in this profile were last checked.")
    language: Literal["en"] = "en"
    jurisdiction: Jurisdiction
    program: Program
    program_director: Person | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    statistics: dict[Slug, Statistic] = Field(
        default_factory=dict,
        description="Outside statistics, each stored once with its "
        "source; texts quote them as {stat:ID}. The base profile ships the library.",
    )
    metric_library: dict[Slug, MetricDefinition] = Field(
        default_factory=dict, description="Metric definitions; the base profile ships a library."
    )
    metrics: list[MetricChoice] = Field(
        default_factory=list, description="The metrics this jurisdiction tracks, by library id."
    )
    call_volumes: CallVolumes | None = Field(default=None, description=CALL_VOLUMES_HELP)
    data_collection: DataCollection = Field(default_factory=DataCollection)
    calls: CallsData | None = Field(
        default=None,
        description="The CAD export's column map and date format, and the "
        "choices of the 911 call analysis ('genkit calls NAME FILE.csv').",
    )
    decision_tree: DecisionTree | None = Field(
        default=None,
        description="The dispatcher's triage tree: yes/no questions ending in who is sent.",
    )
    agreement: Agreement | None = Field(default=None, description=AGREEMENT_HELP)
    responsibilities: Responsibilities = Field(
        default_factory=Responsibilities, description=RESPONSIBILITIES_HELP
    )
    staffing: Staffing = Field(
        default_factory=Staffing,
        description="Positions to hire for (one job description and interview guide each), "
        "and the role and competency libraries they build on.",
    )
    procurement: Procurement | None = Field(
        default=None,
        description="The Request for Proposals for an operator: dates, money, "
        "staffing, scoring and contract terms. Documents that need it are skipped without it.",
    )
    procurement_clauses: dict[Slug, ClauseEntry] = Field(
        default_factory=dict,
        description="Administrative clauses of the RFP (validity, public "
        "records, protests...), with state wording; the base profile ships a library.",
    )
    funding_streams: dict[Slug, FundingStream] = Field(
        default_factory=dict,
        description="Funding streams with their rules and dates; the base profile ships a library.",
    )
    funding: Funding | None = Field(
        default=None,
        description="The funding and sustainability plan: budget by program year "
        "and the streams that pay for it. Documents that need it are skipped without it.",
    )
    briefings: Briefings = Field(
        default_factory=Briefings,
        description="Community briefing sheets: languages, reading level, wording, figures.",
    )
    evaluation: Evaluation = Field(
        default_factory=Evaluation,
        description="The evaluation plan: questions, logic model, data, reporting, design.",
    )
    training: Training = Field(default_factory=Training, description=Training.__doc__)
    sources: dict[Slug, Source] = Field(default_factory=dict)
    citations: dict[str, list[Slug]] = Field(
        default_factory=dict,
        description="Dotted path of a fact in this profile -> the sources it comes from.",
    )
    illustrative: list[str] = Field(
        default_factory=list,
        description="Dotted paths of figures that are not from a published source.",
    )

    @property
    def selected_metrics(self) -> list[dict]:
        """Each chosen metric with its definition: what templates iterate over."""
        return [
            {"id": m.id, "choice": self.metric_choice(m), "definition": self.metric_library[m.id]}
            for m in self.metrics
            if m.id in self.metric_library
        ]

    def metric_choice(self, choice: MetricChoice) -> MetricChoice:
        """A chosen metric with what the call volumes derive filled in: the volume metrics'
        baselines, and the targets of calls handled and missed from the reach target. A typed
        value that disagrees is refused by checks/volumes.py, so this never hides one."""
        if choice.baseline_from is not None and choice.baseline is None:
            stat = self.statistics.get(choice.baseline_from)  # unknown ids: checks/statistics
            if stat is not None:
                choice = choice.model_copy(update={"baseline": stat.value})
        # The cost per response genkit derives is an expected cost, not a target: documents
        # show it beside the metric (render context ``cost_per_response``), never as its target.
        volumes = self.call_volumes
        if volumes is None or choice.id not in VOLUME_METRICS:
            return choice
        update: dict[str, float] = {}
        baseline = volumes.baseline(choice.id)
        if choice.baseline is None and baseline is not None:
            update["baseline"] = baseline
        reach = next((m.target for m in self.metrics if m.id == "share-eligible-handled"), None)
        expected = volumes.expected(reach)
        if choice.target is None and expected is not None:
            if choice.id == "calls-handled":
                update["target"] = expected[0]
            elif choice.id == "missed-eligible":
                update["target"] = expected[1]
        return choice.model_copy(update=update) if update else choice


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "jurisdiction.name": "Jurisdiction name",
}
