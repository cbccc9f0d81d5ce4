"""The call triage decision tree as templates see it: ``decision_steps`` and its diagram.

Found by ``genkit.family.families()``; render names none of this.
"""

from __future__ import annotations

from genkit.decision_tree.diagram import diagram_figure
from genkit.decision_tree.order import Step, steps
from genkit.family import ContextName, Family, FigureSpec, Loaded


def decision_steps(loaded: Loaded) -> list[Step] | None:
    """The tree's questions in reading order, numbered as in its diagram; None without a tree."""
    tree = loaded.profile.decision_tree
    return None if tree is None else steps(tree)


FAMILY = Family(
    name="decision_tree",
    context={"decision_steps": ContextName(decision_steps, reads=(("decision_tree",),))},
    # Drawn from the tree; the other two are the reads every figure but the funding chart has
    # always declared, kept so that the bundles' read sets stay as they were.
    figures={
        "decision-tree": FigureSpec(
            diagram_figure, ("decision_tree", "calls", "program"), when="decision_tree"
        )
    },
)
