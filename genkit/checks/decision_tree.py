"""Rules for the decision tree: every branch goes somewhere real, and no path loops."""

from __future__ import annotations

import difflib
from collections import Counter

from genkit.checks.registry import RuleResult, rule
from genkit.model import Profile


def _hint(name: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{guess[0]}'?" if guess else f" (known: {', '.join(known)})"


@rule
def tree_is_sound(profile: Profile) -> RuleResult:  # one walk, several findings
    tree = profile.decision_tree
    if tree is None:
        return
    base = ("decision_tree",)
    ids = [q.id for q in tree.questions] + [o.id for o in tree.outcomes]
    for dup, n in Counter(ids).items():
        if n > 1:
            yield (
                base,
                (f"id '{dup}' is used {n} times; questions and outcomes need ids of their own"),
            )
    questions = {q.id: (i, q) for i, q in enumerate(tree.questions)}
    outcomes = {o.id for o in tree.outcomes}
    known = sorted(set(ids))
    if tree.start is not None and tree.start not in questions:
        yield (
            (*base, "start"),
            (f"'{tree.start}' is not a question{_hint(tree.start, sorted(questions))}"),
        )
        return
    broken = False
    call_types = [c.id for c in profile.program.call_types]
    exclusions = [e.id for e in profile.program.exclusions]
    for i, q in enumerate(tree.questions):
        for branch in ("yes", "no"):
            target = getattr(q, branch)
            if target not in questions and target not in outcomes:
                broken = True
                yield (
                    (*base, "questions", i, branch),
                    (f"'{target}' is neither a question nor an outcome{_hint(target, known)}"),
                )
            elif target == q.id:
                broken = True
                yield (*base, "questions", i, branch), "a question cannot lead to itself"
        for j, ct in enumerate(q.call_types):
            if ct not in call_types:
                yield (
                    (*base, "questions", i, "call_types", j),
                    (f"no call type '{ct}' in program.call_types{_hint(ct, call_types)}"),
                )
        if q.exclusion is not None and q.exclusion not in exclusions:
            yield (
                (*base, "questions", i, "exclusion"),
                (
                    f"no exclusion '{q.exclusion}' in program.exclusions"
                    f"{_hint(q.exclusion, exclusions) if exclusions else ''}"
                ),
            )
    if broken:
        return
    cycle = _find_cycle(tree.first, questions)
    if cycle:
        index = questions[cycle[-2]][0]
        yield (
            (*base, "questions", index),
            (
                "the tree loops back on itself: "
                + " -> ".join(cycle)
                + "; every path must end in an "
                "outcome"
            ),
        )
        return
    reached = _reachable(tree.first, questions)
    for qid, (i, _) in questions.items():
        if qid not in reached:
            yield (*base, "questions", i, "id"), f"question '{qid}' is never reached from the start"
    for i, outcome in enumerate(tree.outcomes):
        if outcome.id not in reached:
            yield (*base, "outcomes", i, "id"), f"outcome '{outcome.id}' is never reached"


def _find_cycle(start: str, questions: dict) -> list[str] | None:
    """The first loop met walking from the start, as a list of ids ending where it began."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node not in questions:
            return None
        if state.get(node) == 1:
            return path[path.index(node) :] + [node]
        if state.get(node) == 2:
            return None
        state[node] = 1
        q = questions[node][1]
        for target in (q.yes, q.no):
            found = visit(target, [*path, node])
            if found:
                return found
        state[node] = 2
        return None

    return visit(start, [])


def _reachable(start: str, questions: dict) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in questions:
            q = questions[node][1]
            todo.extend((q.yes, q.no))
    return seen
