"""The map and the figures in a page: `{% region_map %}`, `{% action_figures project=project %}`.

The record pages live in apps below this one, so they reach the figures through these tags
rather than through their selectors. Each tag reads a bounded number of aggregated queries,
once per content generation and language: the HTML is kept as a fragment (core.caching) that
every page showing the same figure reads.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching import fragment
from figures import charts, maps, selectors

register = template.Library()


@register.simple_tag
def region_map(country=None, heading_level=2):
    """The map of the four countries; on a country's page, that country and its partners."""
    return fragment(
        "region_map",
        country.pk if country else "",
        heading_level,
        render=lambda: render_to_string(
            "figures/region_map.html", _region_map(country, heading_level)
        ),
    )


def _region_map(country, heading_level):
    countries = selectors.map_countries()
    corridors = selectors.corridors(country, limit=selectors.CORRIDORS_SHOWN + 1)
    # One more than shown tells whether older agreements were left out.
    more_corridors = len(corridors) > selectors.CORRIDORS_SHOWN
    corridors = corridors[-selectors.CORRIDORS_SHOWN :]
    code = country.code if country else None
    partners = {c for corridor in corridors for c in corridor.countries}
    listed = [c for c in countries if code is None or c.code in partners or c.code == code]
    names = {c.code: c.name for c in countries}
    return {
        "svg": maps.region_map_svg(
            countries=countries, highlight=code, corridors=corridors, language=get_language()
        ),
        "countries": listed,
        "corridors": [
            (corridor, ", ".join(names.get(code, code) for code in corridor.countries))
            for corridor in corridors
        ],
        "more_corridors": more_corridors,
        "country": country,
        "heading_level": heading_level,
    }


@register.simple_tag
def action_figures(project=None, country=None, everything=False):
    """The timeline and the counts of activities and results, for a project or a country.

    On the home page (`everything=True`), the timeline is the project's (the Action's) and
    the counts are those of every public record.
    """
    return fragment(
        "action_figures",
        project.pk if project else "",
        country.pk if country else "",
        everything,
        render=lambda: render_to_string(
            "figures/action_figures.html", _action_figures(project, country, everything)
        ),
    )


def _action_figures(project, country, everything):
    language = get_language()
    timeline = None
    if country is not None:
        timeline = selectors.country_timeline(country)
    elif project is not None:
        timeline = selectors.project_timeline(project)
    scope = None if everything else project
    series = [_("Activities"), _("Results")]
    charts_shown = []
    if country is None:
        rows = selectors.counts_by_country(project=scope)
        charts_shown.append(
            ("by-country", _("Activities and results by country"), _("Country"), rows)
        )
    rows = selectors.counts_by_theme(project=scope, country=country)
    charts_shown.append(
        (
            "by-theme",
            _("Activities and results by field of intervention"),
            _("Field of intervention"),
            rows,
        )
    )
    return {
        "timeline": timeline,
        "timeline_svg": charts.timeline_svg(
            rows=timeline.rows, language=language, title=_("Projects and activities over time")
        )
        if timeline and timeline.rows
        else "",
        "series": series,
        "charts": [
            {
                "id": chart_id,
                "title": title,
                "category": category,
                "rows": rows,
                "svg": charts.bar_chart_svg(
                    title=title,
                    series=series,
                    rows=rows,
                    language=language,
                    link=False,
                    id_prefix=f"chart-{chart_id}",
                ),
            }
            for chart_id, title, category, rows in charts_shown
        ],
    }
