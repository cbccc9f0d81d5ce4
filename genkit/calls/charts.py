"""Charts of the 911 call analysis, drawn with matplotlib: SVG for HTML/PDF, PNG for Word.

Only what the suppression rules allow is drawn: a suppressed count is left out of a bar chart
and shown as a hatched, unnumbered cell in the heat map. The look and the byte-stable output
(same analysis, same bytes) come from ``genkit.charting``; matplotlib loads only when drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from genkit.charting import ACCENT, INK, LIGHT, MUTED, chart
from genkit.figure import Figure

if TYPE_CHECKING:
    from genkit.calls.analysis import CallsAnalysis
    from genkit.family import Loaded

WINDOW = "#f4c27a"
HOUR_TICKS = [
    "12a",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6a",
    "7",
    "8",
    "9",
    "10",
    "11",
    "12p",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6p",
    "7",
    "8",
    "9",
    "10",
    "11",
]


def _analysis(loaded: Loaded) -> CallsAnalysis | None:
    return loaded.calls_analysis


def _note_suppressed(ax, any_hidden: bool, threshold: int) -> None:
    if any_hidden:
        ax.annotate(
            f"Counts under {threshold} are not shown.",
            xy=(0, -0.22),
            xycoords="axes fraction",
            fontsize=7.5,
            color=MUTED,
        )


def years_chart(loaded: Loaded) -> Figure | None:
    a = _analysis(loaded)
    if a is None or not a.per_year:
        return None

    def draw(fig) -> None:
        ax = fig.add_subplot()
        labels = [f"{r['year']}" + ("*" if r["partial"] else "") for r in a.per_year]
        eligible = [r["eligible"].shown or 0 for r in a.per_year]
        demand = [r["demand"].shown or 0 for r in a.per_year]
        other = [max(0, d - e) if d else 0 for d, e in zip(demand, eligible, strict=True)]
        ax.bar(labels, eligible, color=ACCENT, label="Eligible for the team")
        ax.bar(labels, other, bottom=eligible, color=LIGHT, label="Other 911 calls")
        for i, e in enumerate(eligible):
            if e:
                ax.annotate(
                    f"{e:,}",
                    (i, e),
                    ha="center",
                    va="bottom",
                    fontsize=8,
                    color="white" if e > 0.12 * max(demand) else INK,
                    xytext=(0, -12 if e > 0.12 * max(demand) else 2),
                    textcoords="offset points",
                )
        ax.set_ylabel("Calls")
        ax.yaxis.set_major_formatter(_thousands())
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, 1.12), ncols=2)
        hidden = any(r["eligible"].suppressed or r["demand"].suppressed for r in a.per_year)
        note = "* part of the year only." if any(r["partial"] for r in a.per_year) else ""
        ax.annotate(
            note, xy=(1, -0.22), xycoords="axes fraction", ha="right", fontsize=7.5, color=MUTED
        )
        _note_suppressed(ax, hidden, a.threshold)

    years = ", ".join(f"{r['year']}: {r['eligible']} eligible of {r['demand']}" for r in a.per_year)
    return chart(
        "calls-years",
        f"Bar chart of 911 calls per year, eligible calls in dark blue. {years}.",
        "911 calls per year, and the part eligible for the team.",
        draw,
        (7, 3.2),
    )


def hours_chart(loaded: Loaded) -> Figure | None:
    a = _analysis(loaded)
    if a is None or a.window is None:
        return None
    hours = loaded.profile.program.hours
    window = a.window

    def draw(fig) -> None:
        ax = fig.add_subplot()
        values = [c.shown or 0 for c in a.by_hour]
        top = max(values) or 1
        start = window.start
        for k in range(window.hours):  # the window may run past midnight: shade hour by hour
            h = (start + k) % 24
            ax.axvspan(h - 0.5, h + 0.5, color=WINDOW, alpha=0.45, lw=0)
        ax.bar(range(24), values, color=ACCENT, width=0.8)
        ax.set_xticks(range(24), HOUR_TICKS)
        ax.set_xlim(-0.6, 23.6)
        ax.set_ylim(0, top * 1.32)
        ax.set_ylabel("Eligible calls")
        ax.set_xlabel("Hour the call came in")
        ax.yaxis.set_major_formatter(_thousands())
        ax.annotate(
            f"Shaded: shortest window covering {window.share} of eligible calls, {window.summary}",
            xy=(0, 1.02),
            xycoords="axes fraction",
            fontsize=8.5,
            color=INK,
        )
        if not hours.is_24_7 and len(set(hours.days)) == 7:
            from genkit.model.program import minutes

            begin = minutes(hours.start) / 60 - 0.5
            span = hours.span_minutes / 60
            y = top * 1.15
            for lo, hi in _wrap(begin, begin + span):
                ax.plot([lo, hi], [y, y], color=INK, lw=3, solid_capstyle="butt")
            ax.annotate(
                "Current hours",
                (begin, y),
                xytext=(0, -11),
                textcoords="offset points",
                fontsize=8,
                color=INK,
            )
        _note_suppressed(ax, any(c.suppressed for c in a.by_hour), a.threshold)

    return chart(
        "calls-hours",
        f"Bar chart of eligible calls by hour of day. "
        f"The shortest daily window covering {window.share} of them is "
        f"{window.summary}.",
        "Eligible calls by the hour they came in, with the "
        "recommended daily service window shaded.",
        draw,
        (7, 3.1),
    )


def _wrap(lo: float, hi: float) -> list[tuple[float, float]]:
    """A span on a 24-hour axis that may run past midnight, as one or two pieces."""
    if hi <= 23.5:
        return [(lo, hi)]
    return [(lo, 23.5), (-0.5, hi - 24)]


def heatmap_chart(loaded: Loaded) -> Figure | None:
    a = _analysis(loaded)
    if a is None or not a.eligible_total:
        return None

    def draw(fig) -> None:
        import numpy as np

        ax = fig.add_subplot()
        data = np.array(
            [[c.shown if c.shown is not None else np.nan for c in row] for row in a.grid],
            dtype=float,
        )
        masked = np.ma.masked_invalid(data)
        top = max(1.0, float(np.nanmax(data)) if not np.all(np.isnan(data)) else 1.0)
        # pcolormesh, not imshow: imshow would embed a bitmap in the SVG, and so in the PDF.
        image = ax.pcolormesh(
            np.arange(25) - 0.5,
            np.arange(8) - 0.5,
            masked,
            cmap="Blues",
            vmin=0,
            vmax=top,
            edgecolors="white",
            linewidth=0.5,
        )
        ax.set_xlim(-0.5, 23.5)
        ax.set_ylim(6.5, -0.5)
        for d, row in enumerate(a.grid):
            for h, cell in enumerate(row):
                if cell.suppressed:  # gray and marked, never colored by its hidden count
                    ax.add_patch(_blank(h, d))
                    ax.text(
                        h, d, f"<{a.threshold}", ha="center", va="center", fontsize=6, color=MUTED
                    )
                elif cell.shown:
                    dark = cell.shown > 0.6 * top
                    ax.text(
                        h,
                        d,
                        _short(cell.shown),
                        ha="center",
                        va="center",
                        fontsize=6.5,
                        color="white" if dark else INK,
                    )
        ax.set_xticks(range(24), HOUR_TICKS)
        ax.set_yticks(range(7), [n[:3] for n in a.weekday_names])
        ax.set_xlabel("Hour the call came in")
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
        bar.solids.set_rasterized(False)  # keep the color scale vector too
        bar.set_label("Eligible calls")
        _note_suppressed(ax, any(c.suppressed for row in a.grid for c in row), a.threshold)

    busiest = max(
        ((c.shown or 0, d, h) for d, row in enumerate(a.grid) for h, c in enumerate(row)),
        default=(0, 0, 0),
    )
    peak = (
        f" The busiest hour is {a.weekday_names[busiest[1]]} at {HOUR_TICKS[busiest[2]]}."
        if busiest[0]
        else ""
    )
    return chart(
        "calls-heatmap",
        "Heat map of eligible calls by day of the week and hour of "
        f"day; darker cells hold more calls.{peak} The table below gives the same "
        "counts.",
        "Eligible calls by day of the week and hour of day.",
        draw,
        (7, 2.9),
    )


def _blank(h: int, d: int):
    # A plain fill: hatching becomes an SVG pattern, which the PDF would turn into a bitmap.
    from matplotlib.patches import Rectangle

    return Rectangle((h - 0.5, d - 0.5), 1, 1, facecolor="#e6e6e6", edgecolor="white", lw=0.5)


def _short(n: int) -> str:
    return f"{n}" if n < 1000 else f"{n / 1000:.1f}k" if n < 100_000 else f"{n // 1000}k"


def areas_chart(loaded: Loaded) -> Figure | None:
    a = _analysis(loaded)
    if a is None or not a.areas:
        return None
    rows = [r for r in a.areas[:15] if r["calls"].shown]

    def draw(fig) -> None:
        ax = fig.add_subplot()
        names = [_clip(r["name"]) for r in reversed(rows)]
        values = [r["calls"].shown for r in reversed(rows)]
        ax.barh(range(len(values)), values, color=ACCENT, height=0.6)
        ax.set_yticks(range(len(values)), names)
        ax.set_ylim(-0.7, max(len(values), 3) - 0.3)
        for i, v in enumerate(values):
            ax.annotate(
                f"{v:,}", (v, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8
            )
        ax.set_xlabel("Eligible calls")
        ax.xaxis.set_major_formatter(_thousands())
        ax.margins(x=0.12)
        _note_suppressed(ax, len(rows) < len(a.areas[:15]), a.threshold)

    listed = "; ".join(f"{r['name']}: {r['calls']}" for r in rows[:5])
    return chart(
        "calls-areas",
        f"Horizontal bar chart of eligible calls by area, busiest first. {listed}.",
        "Eligible calls by area (the busiest areas).",
        draw,
        (7, max(1.8, 0.28 * len(rows) + 0.9)),
    )


def _clip(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def staffing_chart(loaded: Loaded) -> Figure | None:
    a = _analysis(loaded)
    if a is None or not a.staffing:
        return None

    def draw(fig) -> None:
        ax = fig.add_subplot()
        hours = list(range(25))
        average = [s.teams_average for s in a.staffing]
        busiest = [s.teams_busiest for s in a.staffing]
        ax.step(
            hours,
            busiest + busiest[-1:],
            where="post",
            color=LIGHT,
            lw=2.2,
            label="Busiest day of the week",
        )
        ax.step(
            hours, average + average[-1:], where="post", color=ACCENT, lw=2.2, label="Average day"
        )
        ax.set_xticks(range(24), HOUR_TICKS, ha="left")
        ax.set_xlim(0, 24)
        ax.set_ylim(0, max(busiest + [1]) + 1)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel("Teams on duty")
        ax.set_xlabel("Hour of day")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, 1.14), ncols=2)

    return chart(
        "calls-staffing",
        f"Step chart of the teams needed on duty each hour, if the "
        f"team took every eligible call: at most {a.peak_teams} at once on the "
        "busiest day. The staffing table gives the numbers.",
        f"Teams needed on duty by hour, at {a.minutes_per_call} minutes a call and "
        f"{a.target_utilization:.0%} of the shift spent on calls.",
        draw,
        (7, 2.8),
    )


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: f"{value:,.0f}")


CHARTS = {
    "calls-years": years_chart,
    "calls-hours": hours_chart,
    "calls-heatmap": heatmap_chart,
    "calls-areas": areas_chart,
    "calls-staffing": staffing_chart,
}
