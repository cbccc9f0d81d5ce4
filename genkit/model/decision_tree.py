"""The dispatcher's triage tree: yes/no questions that end in who is sent.

Questions and outcomes share one set of ids, so a branch simply names where it goes. A question
may name the eligible call types or the exclusion it screens for, tying the tree to the same
lists every other document uses.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from genkit.model.base import Model, ShortText, Slug, Text

OutcomeKind = Literal["community_team", "co_response", "police", "ems", "clinician_phone", "other"]

OUTCOME_KIND_TEXT = {
    "community_team": "Send the community response team",
    "co_response": "Co-response (clinician with police)",
    "police": "Police",
    "ems": "Fire and EMS",
    "clinician_phone": "Clinician by phone",
    "other": "Other",
}


class Outcome(Model):
    """Where a path through the tree ends: who the dispatcher sends."""

    id: Slug
    label: ShortText = Field(description="What the dispatcher does, e.g. 'Send HEART'.")
    kind: OutcomeKind
    note: Text | None = Field(
        default=None, description="What else to do, e.g. how to code the call when no team is free."
    )

    @property
    def kind_text(self) -> str:
        return OUTCOME_KIND_TEXT[self.kind]


class Question(Model):
    """One yes/no question; ``yes`` and ``no`` name the next question or an outcome."""

    id: Slug
    ask: ShortText = Field(description="The question as the call-taker reads it.")
    help: Text | None = Field(default=None, description="What to listen for, in a few words.")
    call_types: list[Slug] = Field(
        default_factory=list, description="Ids of program.call_types this question lists."
    )
    exclusion: Slug | None = Field(
        default=None, description="Id of the program.exclusions entry this question screens for."
    )
    yes: Slug
    no: Slug


class DecisionTree(Model):
    """Questions with yes/no branches; every path must end in an outcome."""

    title: ShortText = "Call triage decision tree"
    start: Slug | None = Field(
        default=None, description="Id of the first question (default: the first one)."
    )
    questions: list[Question] = Field(min_length=1)
    outcomes: list[Outcome] = Field(min_length=1)
    note: Text | None = None

    @property
    def first(self) -> str:
        return self.start or self.questions[0].id

    def node(self, node_id: str) -> Question | Outcome | None:
        for item in (*self.questions, *self.outcomes):
            if item.id == node_id:
                return item
        return None


# Reader-facing names of this section's fields, for sources lists and the manifest
# (collected by genkit.model.fact_names; a path's last part is the fallback).
FACT_NAMES: dict[str, str] = {
    "decision_tree": "Call triage decision tree",
}
