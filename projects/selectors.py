"""What the pages, factsheets and exports show about a project, a country or a field of intervention.

Each selector takes the visitor (`user`): the record itself may be a draft that a staff member
previews, but everything it links to or names is public, whoever reads it. Records of the
apps above this one (activities, documents) are reached through the record's own relations.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sources import sources_of
from partners.models import Contact, PartnershipRole
from projects.models import Country, Project, ThematicArea


@dataclass
class TimelineItem:
    when: object  # a PartialDate or a Period
    sort_key: object
    label: str
    record: object
    url: str


def timeline(agreements, activities, results) -> list[TimelineItem]:
    """Dated agreements, activities, their events and results, oldest first."""
    items = []
    for agreement in agreements:
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
    for activity in activities:
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
        for event in activity.public_events:
            items.append(
                TimelineItem(
                    event.period,
                    event.start_date,
                    event.get_kind_display(),
                    event,
                    event.get_absolute_url(),
                )
            )
    for result in results:
        if result.date:
            items.append(
                TimelineItem(
                    result.date, result.achieved_on, _("Result"), result, f"#{result.slug}"
                )
            )
    return sorted(items, key=lambda item: item.sort_key)


def partners_by_role(partnerships) -> list:
    """(role label, partnerships) pairs in the order of the roles' definition."""
    groups = {role: [] for role in PartnershipRole}
    for partnership in partnerships:
        groups[partnership.role].append(partnership)
    return [(role.label, members) for role, members in groups.items() if members]


def project_page(*, user, slug) -> dict | None:
    """A project with everything public that its page and factsheet show."""
    project = (
        Project.objects.visible_to(user)
        .select_related("parent")
        .prefetch_related("countries", "themes")
        .filter(slug_matches(slug))
        .first()
    )
    if project is None:
        return None
    activities = list(project.activities.published().for_listing().with_public_events())
    results = list(project.results.published().for_listing())
    agreements = list(project.agreements.published().prefetch_related("countries"))
    partnerships = list(project.partnerships.published().select_related("organisation"))
    return {
        "project": project,
        "parent": public_or_none(project.parent),
        "children": list(project.children.published()),
        "partnerships": partnerships,
        "partner_groups": partners_by_role(partnerships),
        "links": list(project.links.all()),
        "activities": activities,
        "results": results,
        "agreements": agreements,
        "documents": list(project.documents.published()),
        "contacts": list(project.contacts.published().select_related("organisation", "country")),
        "timeline": timeline(agreements, activities, results),
        "sources": sources_of(project),
        "last_published": last_published(project),
    }


def country_page(*, user, code) -> dict | None:
    """A country with the public records bound to it, for its page and its factsheet."""
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        return None
    organisations = country.organisations.published().for_listing()
    ministries = list(organisations.ministries())
    return {
        "country": country,
        "ministries": ministries,
        "partners": list(organisations.exclude(pk__in=[m.pk for m in ministries])),
        "contacts": list(
            Contact.objects.published().filter(country=country).select_related("organisation")
        ),
        "agreements": list(country.agreements.published().prefetch_related("countries")),
        "projects": list(country.projects.published().for_listing()),
        "activities": list(country.activities.published().for_listing()),
        "events": list(country.events.published().for_listing()),
        "results": list(country.results.published().for_listing()),
        "documents": list(country.documents.published()),
        "sources": sources_of(country),
        "last_published": last_published(country),
    }


def theme_page(*, user, slug) -> dict | None:
    theme = ThematicArea.objects.filter(slug_matches(slug)).first()
    if theme is None:
        return None
    return {
        "theme": theme,
        "projects": list(theme.projects.published().for_listing()),
        "activities": list(theme.activities.published().for_listing()),
        "results": list(theme.results.published().for_listing()),
        "sources": sources_of(theme),
        "last_published": last_published(theme),
    }
