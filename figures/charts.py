"""Figures drawn on the server: the timeline of the Action and counts by country or theme.

Each function takes plain data (from `figures.selectors`) and returns SVG markup that reads
without any stylesheet; the page shows the same data as a table beside it.
"""

import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from figures import svg

WIDTH = 420
ROW = 40
KIND_FILLS = {
    "programme": svg.ACCENT_DARK,
    "project": svg.ACCENT,
    "activity": svg.SECOND,
    "agreement": "#6b2a8c",
}
# Kinds of rows that happen on one day, drawn as a diamond rather than a bar.
MILESTONES = {"agreement"}
KIND_NAMES = {
    "programme": gettext_lazy("Programme"),
    "project": gettext_lazy("Project"),
    "agreement": gettext_lazy("Agreement"),
    "activity": gettext_lazy("Activity"),
}
SERIES_FILLS = (svg.ACCENT, svg.SECOND, svg.ACCENT_DARK)


@dataclass(frozen=True)
class TimelineRow:
    label: str
    url: str
    kind: str  # "programme", "project" or "activity"
    kind_label: str
    when: str  # the period as people read it; empty when not recorded
    start: datetime.date | None
    end: datetime.date | None

    @property
    def open_ended(self) -> bool:
        return self.start is not None and self.end is None and self.kind not in MILESTONES


@dataclass(frozen=True)
class CountRow:
    label: str
    url: str
    values: tuple  # one count per series


def year_range(rows) -> tuple[int, int]:
    """The first and last years the timeline spans: at least 2018 to 2021, more as data grows."""
    years = [d.year for row in rows for d in (row.start, row.end) if d is not None]
    return min([2018, *years]), max([2021, *years])


def timeline_svg(*, rows, language, link=True, id_prefix="timeline", title=None) -> str:
    """A bar per programme, project and activity over the years; undated ones say so."""
    with translation.override(language):
        first, last = year_range(rows)
        left, right = 8, WIDTH - 8
        axis_start = datetime.date(first, 1, 1)
        span = (datetime.date(last + 1, 1, 1) - axis_start).days

        def x(day):
            return left + (right - left) * (day - axis_start).days / span

        drawn = {row.kind for row in rows if row.start is not None}
        kinds = [(kind, str(name)) for kind, name in KIND_NAMES.items() if kind in drawn]
        legend = 24 if kinds else 0
        top = legend + 26
        height = top + ROW * len(rows) + 8
        parts = [svg.element("rect", {"width": WIDTH, "height": height, "fill": svg.PAPER})]
        lx = left
        for kind, name in kinds:
            fill = KIND_FILLS.get(kind, svg.ACCENT)
            parts.append(
                svg.element("rect", {"x": lx, "y": 6, "width": 12, "height": 12, "fill": fill})
            )
            parts.append(svg.text(lx + 17, 16, name, size=13.5))
            lx += 30 + 7.5 * len(name)
        for year in range(first, last + 2):
            gx = x(datetime.date(year, 1, 1))
            parts.append(
                svg.element(
                    "path",
                    {
                        "d": f"M{svg.number(gx)} {top - 6}V{height - 4}",
                        "stroke": svg.LINE,
                        "stroke-width": 1,
                    },
                )
            )
            if year <= last:
                middle = x(datetime.date(year, 7, 1))
                parts.append(
                    svg.text(
                        middle, legend + 16, str(year), size=12, fill=svg.MUTED, anchor="middle"
                    )
                )
        for index, row in enumerate(rows):
            y = top + ROW * index
            label = Truncator(row.label).chars(50)
            drawing = [
                svg.text(
                    left,
                    y + 15,
                    label,
                    size=14,
                    weight="bold" if row.kind in ("programme", "project") else None,
                )
            ]
            bar_y = y + 22
            fill = KIND_FILLS.get(row.kind, svg.ACCENT)
            if row.start is None:
                drawing.append(
                    svg.text(
                        left,
                        bar_y + 9,
                        _("dates not recorded"),
                        size=12,
                        fill=svg.MUTED,
                        style="italic",
                    )
                )
            elif row.kind in MILESTONES:
                cx, cy = x(row.start), bar_y + 5
                drawing.append(
                    svg.element(
                        "rect",
                        {
                            "x": cx - 6,
                            "y": cy - 6,
                            "width": 12,
                            "height": 12,
                            "fill": fill,
                            "transform": f"rotate(45 {svg.number(cx)} {svg.number(cy)})",
                        },
                    )
                )
            else:
                end = row.end or datetime.date(last + 1, 1, 1)
                x0, x1 = x(row.start), max(x(end), x(row.start) + 4)
                drawing.append(
                    svg.element(
                        "rect",
                        {
                            "x": x0,
                            "y": bar_y,
                            "width": x1 - x0,
                            "height": 10,
                            "rx": 2,
                            "fill": fill,
                        },
                    )
                )
                if row.open_ended:
                    # No recorded end: the bar fades into a dashed line to the edge.
                    drawing.append(
                        svg.element(
                            "path",
                            {
                                "d": f"M{svg.number(x1 - 24)} {bar_y + 5}H{svg.number(x1)}",
                                "stroke": svg.PAPER,
                                "stroke-width": 3,
                                "stroke-dasharray": "4 3",
                            },
                        )
                    )
            name = f"{row.kind_label}: {row.label}, {row.when or _('dates not recorded')}"
            parts.append(svg.link(row.url if link else None, name, *drawing))
        return svg.document(
            width=WIDTH,
            height=height,
            title=title or _("Timeline"),
            description=" ".join(
                f"{row.kind_label}: {row.label}, {row.when or _('dates not recorded')}."
                for row in rows
            ),
            id_prefix=id_prefix,
            children=parts,
            # Without links the drawing is one image, named by its title and description.
            role=None if link else "img",
        )


def bar_chart_svg(*, title, series, rows, language, link=True, id_prefix="chart") -> str:
    """Horizontal bars: one group per row (a country, a theme), one bar per series."""
    with translation.override(language):
        left, right = 8, WIDTH - 40
        biggest = max([1, *[value for row in rows for value in row.values]])
        legend_height = 24
        group = 24 + 16 * len(series)
        height = legend_height + group * len(rows) + 8
        parts = [svg.element("rect", {"width": WIDTH, "height": height, "fill": svg.PAPER})]
        lx = left
        for index, name in enumerate(series):
            parts.append(
                svg.element(
                    "rect",
                    {"x": lx, "y": 6, "width": 12, "height": 12, "fill": SERIES_FILLS[index]},
                )
            )
            parts.append(svg.text(lx + 17, 16, name, size=13.5))
            lx += 32 + 8 * len(name)
        for index, row in enumerate(rows):
            y = legend_height + group * index
            drawing = [
                svg.text(left, y + 15, Truncator(row.label).chars(50), size=14, weight="bold")
            ]
            for number, value in enumerate(row.values):
                bar_y = y + 22 + 16 * number
                width = (right - left) * value / biggest
                drawing.append(
                    svg.element(
                        "rect",
                        {
                            "x": left,
                            "y": bar_y,
                            "width": max(width, 1),
                            "height": 12,
                            "fill": SERIES_FILLS[number],
                        },
                    )
                )
                drawing.append(svg.text(left + width + 5, bar_y + 11, str(value), size=13))
            name = f"{row.label}: " + ", ".join(
                f"{label} {value}" for label, value in zip(series, row.values, strict=True)
            )
            parts.append(svg.link(row.url if link else None, name, *drawing))
        return svg.document(
            width=WIDTH,
            height=height,
            title=title,
            description=" ".join(
                f"{row.label}: "
                + ", ".join(
                    f"{label} {value}" for label, value in zip(series, row.values, strict=True)
                )
                + "."
                for row in rows
            ),
            id_prefix=id_prefix,
            children=parts,
            # Without links the drawing is one image, named by its title and description.
            role=None if link else "img",
        )
