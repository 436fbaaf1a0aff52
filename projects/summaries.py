"""Reads that gather several kinds of record for one page."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityKind, Event
from partners.models import Organisation
from projects.models import Country


@dataclass
class KeyFigures:
    countries: int
    organisations: int
    activities: int
    events: int
    people_trained: int
    people_trained_approximate: bool


def _participants(queryset, prefix=""):
    people = Coalesce(Sum(F(f"{prefix}participants_on_site")), 0) + Coalesce(
        Sum(F(f"{prefix}participants_online")), 0
    )
    approximate = Count("pk", filter=Q(**{f"{prefix}participants_approximate": True}))
    return queryset.aggregate(people=people, approximate=approximate)


def key_figures() -> KeyFigures:
    """The home page's figures, computed from the records."""
    training = Activity.objects.published().filter(kind=ActivityKind.CAPACITY)
    counted = _participants(training)
    # Sessions count only where their activity has no overall numbers, never twice.
    sessions = _participants(
        Event.objects.filter(
            activity__in=training.filter(
                participants_on_site__isnull=True, participants_online__isnull=True
            )
        )
    )
    return KeyFigures(
        countries=Country.objects.count(),
        organisations=Organisation.objects.published().count(),
        activities=Activity.objects.published().count(),
        events=Event.objects.published().count(),
        people_trained=counted["people"] + sessions["people"],
        people_trained_approximate=bool(counted["approximate"] or sessions["approximate"]),
    )


def country_records(country) -> dict:
    """The published records a country's page and factsheet show, as lazy querysets."""
    from documents.models import Document
    from partners.models import Contact
    from projects.models import Agreement, Project, Result

    organisations = Organisation.objects.published().filter(country=country).for_listing()
    ministries = organisations.ministries()
    return {
        "ministries": ministries,
        "partners": organisations.exclude(pk__in=ministries.values("pk")),
        "contacts": Contact.objects.public().filter(country=country).select_related("organisation"),
        "agreements": Agreement.objects.published()
        .filter(countries=country)
        .prefetch_related("countries"),
        "projects": Project.objects.published().filter(countries=country).for_listing(),
        "activities": Activity.objects.published().filter(countries=country).for_listing(),
        "events": Event.objects.published().filter(country=country).for_listing(),
        "results": Result.objects.published().filter(countries=country).for_listing(),
        "documents": Document.objects.published().filter(countries=country),
    }


@dataclass
class TimelineItem:
    when: object  # a PartialDate or a Period
    sort_key: object
    label: str
    record: object
    url: str


def timeline(project) -> list[TimelineItem]:
    """The project's dated agreements, activities, events and results, oldest first."""
    items = []
    for agreement in project.agreements.all():
        if agreement.signed:
            items.append(
                TimelineItem(
                    agreement.signed,
                    agreement.signed_on,
                    agreement.get_kind_display(),
                    agreement,
                    "",
                )
            )
    for activity in project.activities.all():
        if activity.start_date:
            items.append(
                TimelineItem(
                    activity.period,
                    activity.start_date,
                    _("Activity"),
                    activity,
                    activity.get_absolute_url(),
                )
            )
        for event in activity.events.all():
            items.append(
                TimelineItem(
                    event.period,
                    event.start_date,
                    event.get_kind_display(),
                    event,
                    event.get_absolute_url(),
                )
            )
    for result in project.results.all():
        if result.date:
            items.append(
                TimelineItem(
                    result.date, result.achieved_on, _("Result"), result, f"#{result.slug}"
                )
            )
    return sorted(items, key=lambda item: item.sort_key)
