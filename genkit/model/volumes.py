"""Call volumes: how many 911 calls fit the program, and how many its teams reach.

Eligible, reached and missed calls and the reach rate depend on each other, so a profile types
as few of them as its source gives (two are enough) and genkit derives the rest within the same
period, with the formula a reader can check. Published sources often disagree (a planning count
before launch, a status report years later): each becomes one ``set`` with its own period,
definition and sources (``citations: call_volumes.sets[N]``), ``use`` names the one every
document quotes, and the documents name the others beside it.

The volume metrics (eligible-calls, calls-handled, share-eligible-handled, missed-eligible) take
their baselines from the set in use, and missed-eligible its target from the reach target, so
no document can show a baseline the volumes contradict (see ``Profile.selected_metrics``).
"""

from __future__ import annotations

from pydantic import Field

from genkit.model.base import LongText, Model, ShortText, Slug, Text

# The metric ids whose baseline (and, for missed calls, target) come from the volumes.
VOLUME_METRICS = ("eligible-calls", "calls-handled", "share-eligible-handled", "missed-eligible")


class VolumeSet(Model):
    """One published count of eligible calls over one period."""

    id: Slug
    period: ShortText = Field(
        description="The period the figures cover, e.g. 'a year, as "
        "reported in April 2025'. Every figure of a set shares it."
    )
    definition: LongText = Field(description="Which calls count as eligible in this source.")
    eligible: float | None = Field(default=None, ge=0, description="Eligible calls in the period.")
    reached: float | None = Field(
        default=None, ge=0, description="Eligible calls the teams took in the period."
    )
    missed: float | None = Field(
        default=None, ge=0, description="Eligible calls the teams did not take in the period."
    )
    reach_rate: float | None = Field(
        default=None, ge=0, le=1, description="reached / eligible, as a fraction (0.5 = 50%)."
    )
    all_calls: float | None = Field(
        default=None,
        gt=0,
        description="All calls of the kind the "
        "eligible ones are counted among (e.g. police calls for "
        "service), same period.",
    )
    all_calls_label: ShortText | None = Field(
        default=None, description="What all_calls counts, e.g. 'police calls for service'."
    )
    note: Text | None = None

    @property
    def typed(self) -> list[str]:
        return [
            k
            for k in ("eligible", "reached", "missed", "reach_rate")
            if getattr(self, k) is not None
        ]

    def derive(self) -> dict[str, tuple[float, str | None]]:
        """Every figure the typed ones determine: ``{name: (value, formula or None)}``.

        A typed figure has no formula. Two typed figures determine the other two; more than
        two are checked against each other (``checks/volumes.py``), never silently preferred.
        """
        e, r, m, s = self.eligible, self.reached, self.missed, self.reach_rate
        out: dict[str, tuple[float, str | None]] = {k: (getattr(self, k), None) for k in self.typed}
        if e is None:
            if r is not None and m is not None:
                e, how = r + m, "reached + missed"
            elif m is not None and s is not None and s < 1:
                e, how = m / (1 - s), "missed ÷ (1 − reach rate)"
            elif r is not None and s:
                e, how = r / s, "reached ÷ reach rate"
            else:
                return out
            out["eligible"] = (round(e), how)
            e = round(e)
        if r is None:
            if s is not None:
                r, how = e * s, "eligible × reach rate"
            elif m is not None:
                r, how = e - m, "eligible − missed"
            else:
                return out
            out["reached"] = (round(r), how)
            r = round(r)
        if m is None:
            out["missed"] = (round(e - r), "eligible − reached")
        if s is None and e:
            out["reach_rate"] = (r / e, "reached ÷ eligible")
        return out

    def value(self, name: str) -> float | None:
        found = self.derive().get(name)
        return found[0] if found else None

    def formula(self, name: str) -> str | None:
        found = self.derive().get(name)
        return found[1] if found else None


class CallVolumes(Model):
    """Published counts of eligible calls, one set per source and period."""

    use: Slug = Field(description="The id of the set every document quotes.")
    sets: list[VolumeSet] = Field(min_length=1)

    @property
    def current(self) -> VolumeSet | None:
        return next((s for s in self.sets if s.id == self.use), None)

    @property
    def others(self) -> list[VolumeSet]:
        return [s for s in self.sets if s.id != self.use]

    @property
    def eligible(self) -> float | None:
        return self.current.value("eligible") if self.current else None

    @property
    def reached(self) -> float | None:
        return self.current.value("reached") if self.current else None

    @property
    def missed(self) -> float | None:
        return self.current.value("missed") if self.current else None

    @property
    def reach_rate(self) -> float | None:
        return self.current.value("reach_rate") if self.current else None

    def baseline(self, metric: str) -> float | None:
        """The baseline a volume metric takes from the set in use."""
        field = {
            "eligible-calls": "eligible",
            "calls-handled": "reached",
            "share-eligible-handled": "reach_rate",
            "missed-eligible": "missed",
        }.get(metric)
        return self.current.value(field) if field and self.current else None

    def expected(self, reach_target: float | None) -> tuple[float, float] | None:
        """(calls reached, calls missed) a year at a reach target, from the eligible count."""
        if reach_target is None or self.eligible is None:
            return None
        reached = round(self.eligible * reach_target)
        return reached, self.eligible - reached


CALL_VOLUMES_HELP = (
    "Eligible, reached and missed 911 calls, one set per published source and "
    "period; genkit derives what a set does not type and the documents quote "
    "the set named by 'use'."
)
