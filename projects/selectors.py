"""What the pages, factsheets and exports show about a project, a country or a field of intervention.

Each selector takes the visitor (`user`): the record itself may be a draft that a staff member
previews, but everything it links to or names is public, whoever reads it. Records of the
apps above this one (activities, documents) are reached through the record's own relations.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.models import public_or_none
from core.public_history import last_published
from core.sections import PARTS_LIMIT, SECTION_LIMIT, list_url, section
from core.sources import sources_of
from partners.models import Contact, OrganisationKind, PartnershipRole
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


def project_page(*, user, slug, limit=SECTION_LIMIT) -> dict | None:
    """A project with everything public that its page and factsheet show, each part bounded."""
    project = (
        Project.objects.visible_to(user)
        .select_related("parent")
        .prefetch_related("countries", "themes")
        .filter(slug=slug)
        .first()
    )
    if project is None:
        return None
    activities = section(
        project.activities.published().for_listing().with_public_events(),
        limit=limit,
        url=list_url("activities:list", project=slug),
    )
    # Results and partners are read on this page only: a fuller list, still bounded.
    results = section(project.results.published().for_listing(), limit=PARTS_LIMIT)
    agreements = section(project.agreements.published().prefetch_related("countries"), limit=limit)
    partnerships = section(
        project.partnerships.published().select_related("organisation"), limit=PARTS_LIMIT
    )
    return {
        "project": project,
        "parent": public_or_none(project.parent),
        "children": section(
            project.children.published(), limit=limit, url=list_url("projects:list", parent=slug)
        ),
        "partnerships": partnerships,
        "partner_groups": partners_by_role(partnerships),
        "links": list(project.links.all()[:PARTS_LIMIT]),
        "activities": activities,
        "results": results,
        "agreements": agreements,
        "documents": section(
            project.documents.published(),
            limit=limit,
            url=list_url("documents:list", project=slug),
        ),
        "contacts": section(
            project.contacts.published().select_related("organisation", "country"), limit=limit
        ),
        "timeline": timeline(agreements, activities, results),
        "sources": sources_of(project),
        "last_published": last_published(project),
    }


def country_page(*, user, code, limit=SECTION_LIMIT) -> dict | None:
    """A country with the public records bound to it, for its page and its factsheet."""
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        return None
    organisations = country.organisations.published().for_listing()
    in_country = {"country": country.code}
    return {
        "country": country,
        "ministries": section(organisations.ministries(), limit=limit),
        "partners": section(
            organisations.exclude(
                kind__in=[OrganisationKind.MINISTRY, OrganisationKind.DIRECTORATE]
            ),
            limit=limit,
        ),
        "all_partners_url": list_url("partners:list", **in_country),
        "contacts": section(
            # By name: the index contact_listing_order walks one country's contacts in order.
            Contact.objects.published()
            .filter(country=country)
            .select_related("organisation")
            .order_by("name"),
            limit=limit,
        ),
        "agreements": section(
            country.agreements.published().prefetch_related("countries"), limit=limit
        ),
        "projects": section(
            country.projects.published().for_listing(),
            limit=limit,
            url=list_url("projects:list", **in_country),
        ),
        "activities": section(
            country.activities.published().for_listing(),
            limit=limit,
            url=list_url("activities:list", **in_country),
        ),
        "events": section(country.events.published().for_listing(), limit=limit),
        "results": section(country.results.published().for_listing(), limit=limit),
        "documents": section(
            country.documents.published(),
            limit=limit,
            url=list_url("documents:list", **in_country),
        ),
        "sources": sources_of(country),
        "last_published": last_published(country),
    }


def theme_page(*, user, slug, limit=SECTION_LIMIT) -> dict | None:
    theme = ThematicArea.objects.filter(slug=slug).first()
    if theme is None:
        return None
    return {
        "theme": theme,
        "projects": section(
            theme.projects.published().for_listing(),
            limit=limit,
            url=list_url("projects:list", theme=slug),
        ),
        "activities": section(
            theme.activities.published().for_listing(),
            limit=limit,
            url=list_url("activities:list", theme=slug),
        ),
        "results": section(theme.results.published().for_listing(), limit=limit),
        "sources": sources_of(theme),
        "last_published": last_published(theme),
    }
