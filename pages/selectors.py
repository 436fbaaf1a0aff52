"""Reads for the pages that gather every kind of record: the home page, about and contact."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from activities.models import Activity, ActivityKind, Event
from core.caching import shared
from core.sections import section
from partners.models import Contact, Organisation
from projects.models import Country, Project, Result, ThematicArea


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


def home_page() -> dict:
    """The Action presented, its figures, the ways in, the latest results and a few projects.

    The same for every visitor: computed once per content generation (core.caching.shared).
    """
    return shared("home_page", compute=_home_page)


def _home_page() -> dict:
    projects = Project.objects.published().for_listing()
    return {
        "action": projects.prefetch_related("countries", "themes").filter(featured=True).first(),
        "projects": section(projects, url=reverse("projects:list")),
        "figures": key_figures(),
        "countries": list(Country.objects.all()),
        "themes": list(ThematicArea.objects.all()),
        "latest_results": list(
            Result.objects.published().for_listing().filter(achieved_on__isnull=False)[:3]
        ),
    }


# The contact page lists the focal points of the Action; a few per country at most.
CONTACTS_SHOWN = 20


def about_page() -> dict:
    """The Action as the about page presents it: its record, countries and fields."""
    return {
        "action": Project.objects.published().for_listing().filter(featured=True).first(),
        "countries": Country.objects.all(),
        "themes": ThematicArea.objects.all(),
        "steps": ActivityKind.choices,
    }


def contact_page() -> dict:
    """The focal points shown publicly, by country."""
    contacts = (
        Contact.objects.published()
        .select_related("organisation", "country")
        .order_by("country__code", "name")[:CONTACTS_SHOWN]
    )
    return {"contacts": list(contacts)}
