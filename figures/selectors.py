"""What the map and the figures show, read in a few aggregated queries (published records only).

Each function returns plain data for `figures.maps` and `figures.charts`; pages, factsheets
and exports call the same functions, so they cannot disagree.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from core.models import public_condition, public_or_none
from core.partial_dates import DatePrecision
from figures.charts import CountRow, TimelineRow, year_range
from figures.maps import Corridor, MapCountry
from projects.models import Agreement, Country, Project, Result, ThematicArea


def _grouped(queryset, relation: str) -> dict:
    """{related pk: number of records of `queryset`}, None for the records with none.

    One grouped scan of the records: a subquery per country or field of intervention read
    them all once per group (four times as long on 1,000 times the seed).
    """
    rows = queryset.order_by().values_list(relation).annotate(n=Count("pk", distinct=True))
    return dict(rows)


def _total(queryset):
    """A subquery counting every row of `queryset` (the same number on each outer row)."""
    counted = (
        queryset.order_by()
        .annotate(everything=Value(1))
        .values("everything")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def map_countries() -> list[MapCountry]:
    """The countries with their numbers of public projects and activities, in three queries."""
    projects = _grouped(Project.objects.published(), "countries")
    activities = _grouped(Activity.objects.published(), "countries")
    return [
        MapCountry(
            code=country.code,
            name=country.name,
            url=country.get_absolute_url(),
            projects=projects.get(country.pk, 0),
            activities=activities.get(country.pk, 0),
        )
        for country in Country.objects.all()
    ]


def agreement_url(agreement, page_url) -> str:
    """The agreement's own page when it has one, else its place on a page that lists it."""
    if hasattr(agreement, "get_absolute_url"):
        return agreement.get_absolute_url()
    return f"{page_url}#agreement-{agreement.slug}"


def corridors(country=None, *, limit=None) -> list[Corridor]:
    """The public agreements between two countries or more (those of `country` if given),
    oldest first; with `limit`, the latest `limit` of them.

    Read in one query, through the table that joins agreements to their countries.
    """
    agreements = (
        Agreement.objects.published()
        .annotate(signatories=Count("countries", distinct=True))
        .filter(signatories__gte=2)
    )
    if country is not None:
        # After the count, so that it counts every signatory, not only this one.
        agreements = agreements.filter(countries=country)
    if limit is not None:
        agreements = agreements.order_by(F("signed_on").desc(nulls_first=True), "-slug")[:limit]
    links = (
        Agreement.countries.through.objects.filter(agreement__in=agreements.values("pk"))
        .select_related("agreement", "country")
        # The agreements' own order (oldest first, undated last), signatories by code.
        .order_by(
            F("agreement__signed_on").asc(nulls_last=True), "agreement__slug", "country__code"
        )
    )
    signatories = {}
    for link in links:
        signatories.setdefault(link.agreement, []).append(link.country)
    return [
        Corridor(
            countries=tuple(c.code for c in countries),
            title=agreement.title,
            kind=agreement.kind,
            kind_label=agreement.get_kind_display(),
            when=str(agreement.signed or ""),
            url=agreement_url(agreement, countries[0].get_absolute_url()),
        )
        for agreement, countries in signatories.items()
    ]


# The map draws at most this many agreements, the latest.
CORRIDORS_SHOWN = 20
# The timeline shows at most this many activities and projects; the page links to the lists.
TIMELINE_ACTIVITIES = 10
TIMELINE_PROJECTS = 8
TIMELINE_AGREEMENTS = 6


def last_day(date):
    """The last day a partial date covers: 1 December 2021 known to the month ends on the 31st."""
    if date is None:
        return None
    if date.precision == DatePrecision.YEAR:
        return date.value.replace(month=12, day=31)
    if date.precision == DatePrecision.MONTH:
        following = (date.value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return date.value


def project_name(project) -> str:
    """The title with its acronym, unless the title already holds it."""
    if project.acronym and project.acronym.lower() not in project.title.lower():
        return f"{project.title} ({project.acronym})"
    return project.title


def _project_row(project, kind) -> TimelineRow:
    period = project.period
    return TimelineRow(
        label=project_name(project),
        url=project.get_absolute_url(),
        kind=kind,
        kind_label=str(_("Programme") if kind == "programme" else _("Project")),
        when=str(period) if period else "",
        start=period.start.value if period.start else None,
        end=last_day(period.end),
    )


def _activity_row(activity) -> TimelineRow:
    period = activity.period
    return TimelineRow(
        label=activity.title,
        url=activity.get_absolute_url(),
        kind="activity",
        kind_label=str(_("Activity")),
        when=str(period) if period else "",
        start=activity.start_date,
        end=last_day(period.end),
    )


@dataclass
class Timeline:
    rows: list
    activities_shown: int
    activities_total: int
    activities_undated: int
    # Whether projects were left out past TIMELINE_PROJECTS.
    more_projects: bool = False

    @property
    def activities_beyond(self) -> int:
        """Dated activities left out to keep the page short."""
        return self.activities_total - self.activities_undated - self.activities_shown


def _agreement_row(agreement, page_url) -> TimelineRow:
    return TimelineRow(
        label=agreement.title,
        url=agreement_url(agreement, page_url),
        kind="agreement",
        kind_label=agreement.get_kind_display(),
        when=str(agreement.signed),
        start=agreement.signed_on,
        end=agreement.signed_on,
    )


def _timeline(projects, activities, agreements, page_url) -> Timeline:
    activities = activities.order_by(F("start_date").asc(nulls_last=True), "slug")
    # The counts ride along with the first activities, in the same query.
    dated = list(
        activities.filter(start_date__isnull=False).annotate(
            all_activities=_total(activities),
            undated_activities=_total(activities.filter(start_date__isnull=True)),
        )[:TIMELINE_ACTIVITIES]
    )
    if dated:
        counts = {"total": dated[0].all_activities, "undated": dated[0].undated_activities}
    else:
        counts = activities.aggregate(
            total=Count("pk", distinct=True),
            undated=Count("pk", distinct=True, filter=Q(start_date__isnull=True)),
        )
    # Agreements signed within the years the projects and activities span, as milestones.
    first_year = year_range(projects + [_activity_row(activity) for activity in dated])[0]
    signed = agreements.filter(signed_on__gte=datetime.date(first_year, 1, 1)).order_by(
        "signed_on", "slug"
    )[:TIMELINE_AGREEMENTS]
    return Timeline(
        rows=projects
        + [_agreement_row(agreement, page_url) for agreement in signed]
        + [_activity_row(activity) for activity in dated],
        activities_shown=len(dated),
        activities_total=counts["total"],
        activities_undated=counts["undated"],
    )


def project_timeline(project) -> Timeline:
    """The project's public parents, itself, its first public sub-projects and the dated
    activities of the project and its sub-projects."""
    children = list(project.children.published()[: TIMELINE_PROJECTS + 1])
    chain = []
    parent = public_or_none(project.parent)
    while parent is not None:
        chain.insert(0, parent)
        parent = public_or_none(parent.parent) if parent.parent_id else None
    rows = [_project_row(p, "programme") for p in chain]
    rows.append(_project_row(project, "programme" if children and not chain else "project"))
    rows += [_project_row(child, "project") for child in children[:TIMELINE_PROJECTS]]
    # Those of a sub-project only when it is public: a draft's links show nowhere.
    agreements = Agreement.objects.published().filter(
        Q(projects=project)
        | (Q(projects__parent=project) & public_condition(Project, "projects__"))
    )
    timeline = _timeline(
        rows,
        _scoped(Activity.objects.published(), project=project),
        agreements.distinct(),
        project.get_absolute_url(),
    )
    timeline.more_projects = len(children) > TIMELINE_PROJECTS
    return timeline


def country_timeline(country) -> Timeline:
    """The public projects in the country and its dated activities."""
    projects = list(country.projects.published().select_related("parent")[: TIMELINE_PROJECTS + 1])
    rows = [_project_row(p, "project") for p in projects[:TIMELINE_PROJECTS]]
    timeline = _timeline(
        rows,
        Activity.objects.published().filter(countries=country),
        country.agreements.published(),
        country.get_absolute_url(),
    )
    timeline.more_projects = len(projects) > TIMELINE_PROJECTS
    return timeline


def _scoped(queryset, *, project=None, country=None):
    """The records of the project and of its sub-projects, or of the country, or all."""
    if project is not None:
        queryset = queryset.filter(Q(project=project) | Q(project__parent=project))
    if country is not None:
        queryset = queryset.filter(countries=country)
    return queryset


def counts_by_country(*, project=None) -> list[CountRow]:
    """Public activities and results in each country (a record in two countries counts in both)."""
    activities = _grouped(_scoped(Activity.objects.published(), project=project), "countries")
    results = _grouped(_scoped(Result.objects.published(), project=project), "countries")
    return [
        CountRow(c.name, c.get_absolute_url(), (activities.get(c.pk, 0), results.get(c.pk, 0)))
        for c in Country.objects.all()
    ]


def counts_by_theme(*, project=None, country=None) -> list[CountRow]:
    """Public activities and results in each field of intervention, and those in none."""
    activities = _scoped(Activity.objects.published(), project=project, country=country)
    results = _scoped(Result.objects.published(), project=project, country=country)
    # The key None counts the records in no field of intervention.
    activities, results = _grouped(activities, "themes"), _grouped(results, "theme")
    rows = [
        CountRow(t.name, t.get_absolute_url(), (activities.get(t.pk, 0), results.get(t.pk, 0)))
        for t in ThematicArea.objects.all()
    ]
    if activities.get(None) or results.get(None):
        none = (activities.get(None, 0), results.get(None, 0))
        rows.append(CountRow(str(_("No field of intervention recorded")), "", none))
    return rows
