"""The decision tree in reading order: numbered steps, each with its two branches.

Questions are numbered in an order where every branch points further down the page (a
topological order), so the diagram never needs an arrow going back up and the numbered text
version reads top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

from genkit.model.decision_tree import DecisionTree, Outcome, Question


@dataclass(frozen=True)
class Branch:
    answer: str  # "Yes" or "No"
    outcome: Outcome | None  # where the branch ends, or
    question: int | None  # the number of the question it leads to
    follows: bool  # True when that question comes right after this one


@dataclass(frozen=True)
class Step:
    number: int
    question: Question
    yes: Branch
    no: Branch

    @property
    def branches(self) -> tuple[Branch, Branch]:
        return (self.yes, self.no)


def ordered(tree: DecisionTree) -> list[Question]:
    """Questions in reverse post-order from the start: every branch points to a later one."""
    questions = {q.id: q for q in tree.questions}
    seen: set[str] = set()
    post: list[str] = []

    def visit(node: str) -> None:
        if node not in questions or node in seen:
            return
        seen.add(node)
        q = questions[node]
        # Reversed below: the 'no' branch (in triage, usually the next screening question) comes
        # straight after its question; a 'yes' sub-tree follows the main path.
        for target in (q.yes, q.no):
            visit(target)
        post.append(node)

    visit(tree.first)
    return [questions[i] for i in reversed(post)]


def steps(tree: DecisionTree) -> list[Step]:
    order = ordered(tree)
    number = {q.id: i + 1 for i, q in enumerate(order)}
    outcomes = {o.id: o for o in tree.outcomes}

    def branch(answer: str, target: str, here: int) -> Branch:
        if target in outcomes:
            return Branch(answer, outcomes[target], None, False)
        return Branch(answer, None, number[target], number[target] == here + 1)

    return [
        Step(i + 1, q, branch("Yes", q.yes, i + 1), branch("No", q.no, i + 1))
        for i, q in enumerate(order)
    ]
