"""The map of West and North Africa: the Action's four countries and the agreements between them.

The shapes come from `figures/data/region.json`, built once from Natural Earth by
`scripts/build_map.py`. The functions here take plain data (from `figures.selectors`) and
return SVG markup; with `link=False` the same drawing carries no link, for the factsheets.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from figures import svg

DATA = Path(__file__).resolve().parent / "data" / "region.json"

OCEAN = "#d6e8ef"
LAND = "#ece8df"
BORDER = "#ffffff"
# On the home page every country is a "partner"; on a country's page it stands out from them.
FILLS = {"all": svg.ACCENT, "highlight": svg.ACCENT_DARK, "partner": "#5f9db4", "other": "#a9c9d5"}
# Where each country's name goes, from its centre (map units), and how it is anchored.
LABELS = {
    "MA": (-118, 66, "start"),
    "ML": (8, -58, "start"),
    "SN": (-78, 52, "start"),
    "CI": (0, 38, "middle"),
}
# How each kind of agreement is drawn: (stroke colour, dash pattern).
STROKES = {"memorandum": (svg.SECOND, None), "action-plan": ("#6b2a8c", "7 5")}


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    url: str
    projects: int
    activities: int


@dataclass(frozen=True)
class Corridor:
    """An agreement between countries: an arc between two signatories, spokes from a hub to
    each of three or more."""

    countries: tuple  # country codes
    title: str
    kind: str
    kind_label: str
    when: str
    url: str

    @property
    def bilateral(self) -> bool:
        return len(self.countries) == 2


@cache
def region() -> dict:
    return json.loads(DATA.read_text())


def counts_label(country: MapCountry) -> str:
    projects = ngettext("%(count)d project", "%(count)d projects", country.projects) % {
        "count": country.projects
    }
    activities = ngettext("%(count)d activity", "%(count)d activities", country.activities) % {
        "count": country.activities
    }
    return f"{projects} · {activities}"


def corridor_label(corridor: Corridor, names: dict) -> str:
    countries = ", ".join(names.get(code, code) for code in corridor.countries)
    name = f"{corridor.kind_label}, {corridor.when}" if corridor.when else corridor.kind_label
    return _("%(name)s: %(facts)s") % {"name": name, "facts": f"{corridor.title} ({countries})"}


def _arc(start, end, bend):
    """A quadratic curve from `start` to `end`, bowed sideways by `bend` times its length."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2 - dy * bend, (y0 + y1) / 2 + dx * bend
    n = svg.number
    return f"M{n(x0)} {n(y0)}Q{n(cx)} {n(cy)} {n(x1)} {n(y1)}"


def _corridor_lines(corridors, centres):
    """(corridor, path data) pairs: an arc between the two signatories of a bilateral agreement
    (bowed apart when a pair has several), spokes from a hub to each signatory of a wider one."""
    seen = {}
    side = 1
    for corridor in corridors:
        points = [centres[code] for code in corridor.countries if code in centres]
        if len(points) < 2:
            continue
        if corridor.bilateral:
            rank = seen.get(corridor.countries, 0)
            seen[corridor.countries] = rank + 1
            # Neighbouring arcs bow to alternate sides, so that they cross rather than merge.
            side = -side
            bend = (0.1 + 0.12 * rank) * side
            yield corridor, [_arc(points[0], points[1], bend)], None
        else:
            hub = (
                sum(x for x, _y in points) / len(points),
                sum(y for _x, y in points) / len(points),
            )
            yield corridor, [_arc(hub, point, 0.05) for point in points], hub


def _legend(corridors, right):
    kinds = []
    for corridor in corridors:
        if (corridor.kind, corridor.kind_label) not in kinds:
            kinds.append((corridor.kind, corridor.kind_label))
    if not kinds:
        return []
    width, height = 262, 12 + 24 * len(kinds)
    left, top = right - width, 8
    items = [
        svg.element(
            "rect",
            {
                "x": left,
                "y": top,
                "width": width,
                "height": height,
                "rx": 4,
                "fill": svg.PAPER,
                "fill-opacity": 0.9,
            },
        )
    ]
    for row, (kind, label) in enumerate(kinds):
        colour, dash = STROKES.get(kind, (svg.SECOND, None))
        y = top + 24 * (row + 1)
        items.append(
            svg.element(
                "path",
                {
                    "d": f"M{left + 8} {y - 4}h28",
                    "stroke": colour,
                    "stroke-width": 3,
                    "stroke-dasharray": dash,
                    "fill": "none",
                },
            )
        )
        items.append(svg.text(left + 42, y, label, size=14))
    return items


def _background(data) -> list:
    """The sea, the neighbouring countries and Western Sahara's dashed outline."""
    return [
        svg.element("rect", {"width": data["width"], "height": data["height"], "fill": OCEAN}),
        svg.element(
            "g",
            {"fill": LAND, "stroke": BORDER, "stroke-width": 1, "stroke-linejoin": "round"},
            *[svg.element("path", {"d": shape["d"]}) for shape in data["others"]],
            *[
                svg.element(
                    "path", {"d": shape["d"], "stroke": "#9aa3ad", "stroke-dasharray": "3 3"}
                )
                for shape in data["disputed"]
            ],
        ),
        svg.text(22, 60, _("Atlantic Ocean"), size=16, fill="#3b6f85", style="italic"),
    ]


def _country(country, shape, role, *, link, show_counts):
    """(the country's linked shape, its name and numbers for the top layer)."""
    counts = counts_label(country)
    outline = svg.element(
        "path",
        {
            "d": shape["d"],
            "fill": FILLS[role],
            "stroke": BORDER,
            "stroke-width": 1.5,
            "stroke-linejoin": "round",
            "class": "country",
        },
    )
    label = _("%(name)s: %(facts)s") % {"name": country.name, "facts": counts}
    x, y = shape["centre"]
    dx, dy, anchor = LABELS.get(country.code, (0, 0, "middle"))
    words = [
        svg.text(x + dx, y + dy, country.name, size=21, weight="bold", anchor=anchor, halo=True),
        svg.text(x + dx, y + dy + 19, counts, size=15, anchor=anchor, halo=True)
        if show_counts
        else "",
    ]
    # The names go on top of the corridors, in a second link to the country that is neither
    # a tab stop nor read out (the shape's link already is, with the same words).
    attributes = {"aria-hidden": "true"}
    if link:
        attributes.update({"href": country.url, "tabindex": "-1"})
    return (
        svg.link(country.url if link else None, label, outline),
        svg.element("a" if link else "g", attributes, *words),
    )


def _corridor(corridor, paths, hub, names, *, link):
    colour, dash = STROKES.get(corridor.kind, (svg.SECOND, None))
    lines = [
        svg.element(
            "path",
            {
                "d": d,
                "fill": "none",
                "stroke": colour,
                "stroke-width": 3,
                "stroke-dasharray": dash,
                "stroke-linecap": "round",
                "class": "corridor",
            },
        )
        for d in paths
    ]
    if hub:
        x, y = hub
        lines.append(
            svg.element(
                "rect",
                {
                    "x": x - 6,
                    "y": y - 6,
                    "width": 12,
                    "height": 12,
                    "fill": colour,
                    "stroke": svg.PAPER,
                    "stroke-width": 2,
                    "transform": f"rotate(45 {svg.number(x)} {svg.number(y)})",
                },
            )
        )
    return svg.link(corridor.url if link else None, corridor_label(corridor, names), *lines)


def _dot(centre):
    x, y = centre
    return svg.element(
        "circle",
        {
            "cx": x,
            "cy": y,
            "r": 5,
            "fill": svg.PAPER,
            "stroke": svg.INK,
            "stroke-width": 2,
            # A click on the dot reaches the country beneath.
            "pointer-events": "none",
        },
    )


def region_map_svg(
    *,
    countries,
    highlight=None,
    corridors=(),
    link=True,
    language,
    id_prefix="region-map",
    show_counts=True,
) -> str:
    """The region with the Action's countries, each linked to its page, and its corridors.

    `highlight` (a country code) sets that country apart from its partners, `link=False`
    draws no link (for the factsheets), `show_counts=False` leaves the numbers off the drawing
    (for an image that outlives them). Layers, from the bottom: sea and neighbours, the
    countries, the corridors, the dots, the names, the legend.
    """
    data = region()
    with translation.override(language):
        names = {country.code: country.name for country in countries}
        partners = {code for c in corridors if highlight in c.countries for code in c.countries}
        shapes, labels = _background(data), []
        for country in countries:
            shape = data["countries"].get(country.code)
            if shape is None:
                continue
            if highlight is None:
                role = "all"
            elif country.code == highlight:
                role = "highlight"
            else:
                role = "partner" if country.code in partners else "other"
            outline, words = _country(country, shape, role, link=link, show_counts=show_counts)
            shapes.append(outline)
            labels.append(words)
        centres = {code: shape["centre"] for code, shape in data["countries"].items()}
        for corridor, paths, hub in _corridor_lines(corridors, centres):
            shapes.append(_corridor(corridor, paths, hub, names, link=link))
        shapes += [_dot(centres[code]) for code in names if code in centres]
        shapes += labels
        shapes += _legend(corridors, data["width"] - 8)
        return svg.document(
            width=data["width"],
            height=data["height"],
            title=map_title(highlight, names),
            description=map_description(countries, corridors, names),
            id_prefix=id_prefix,
            children=shapes,
            css_class="region-map",
            role=None if link else "img",
        )


def map_title(highlight, names) -> str:
    if highlight in names:
        return _("Map of %(country)s and its partner countries in the Action") % {
            "country": names[highlight]
        }
    return _("Map of the Action’s four countries in West and North Africa")


def map_description(countries, corridors, names) -> str:
    facts = [
        _("%(name)s: %(facts)s") % {"name": country.name, "facts": counts_label(country)} + "."
        for country in countries
    ]
    if corridors:
        facts.append(_("Lines join the countries bound by an agreement:"))
        facts.extend(f"{corridor_label(corridor, names)}." for corridor in corridors)
    return " ".join(facts)
