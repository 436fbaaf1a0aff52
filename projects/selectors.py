"""What the pages, factsheets and exports show about a project, a country or a field of intervention.

Each selector takes the visitor (`user`): the record itself may be a draft that a staff member
previews, but everything it links to or names is public, whoever reads it. Records of the
apps above this one (activities, documents) are reached through the record's own relations.
"""

from dataclasses import dataclass, field
from itertools import combinations

from django.utils.translation import gettext_lazy as _

from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sources import sources_of
from partners.models import Contact, OrganisationKind, PartnershipRole
from projects.models import Agreement, Country, Project, Result, ThematicArea


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


@dataclass
class CountryOfIntervention:
    country: Country
    ministries: list  # the ministries and directorates of that country among the partners
    focal_points: list


MINISTRY_KINDS = (OrganisationKind.MINISTRY, OrganisationKind.DIRECTORATE)


def countries_of_intervention(countries, partnerships, contacts) -> list[CountryOfIntervention]:
    """Each country of a project with its ministries among the partners and its focal points.

    The country of the lead executing agency comes first (Morocco, for the Action), as in the
    Action's own factsheet; the others keep their order.
    """
    leading = {
        p.organisation.country_id for p in partnerships if p.role == PartnershipRole.ACCOUNTABLE
    }
    ministries = sorted(
        (p.organisation for p in partnerships if p.organisation.kind in MINISTRY_KINDS),
        # Ministries before their directorates, as in Organisation.objects.ministries().
        key=lambda organisation: organisation.kind != OrganisationKind.MINISTRY,
    )
    return [
        CountryOfIntervention(
            country,
            list(dict.fromkeys(m for m in ministries if m.country_id == country.pk)),
            [contact for contact in contacts if contact.country_id == country.pk],
        )
        for country in sorted(countries, key=lambda country: country.pk not in leading)
    ]


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
    contacts = list(project.contacts.published().select_related("organisation", "country"))
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
        "contacts": contacts,
        "countries": countries_of_intervention(project.countries.all(), partnerships, contacts),
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
        "activities": list(country.activities.published().for_listing().with_public_events()),
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
        "activities": list(theme.activities.published().for_listing().with_public_events()),
        "results": list(theme.results.published().for_listing()),
        "sources": sources_of(theme),
        "last_published": last_published(theme),
    }


def result_page(*, user, slug) -> dict | None:
    """A result with its project, countries, field of intervention and public activities."""
    result = Result.objects.visible_to(user).for_listing().filter(slug_matches(slug)).first()
    if result is None:
        return None
    return {
        "result": result,
        "project": public_or_none(result.project),
        "activities": list(result.activities.published().for_listing().with_public_events()),
    }


def agreement_page(*, user, slug) -> dict | None:
    """An agreement with its signatories, its public projects and the corridors it binds."""
    agreement = Agreement.objects.visible_to(user).for_listing().filter(slug_matches(slug)).first()
    if agreement is None:
        return None
    countries = list(agreement.countries.all())
    return {
        "agreement": agreement,
        "countries": countries,
        "projects": list(agreement.projects.published()),
        "pairs": [Pair(*pair) for pair in combinations(countries, 2)],
    }


@dataclass
class Pair:
    """Two countries, in the order of their codes."""

    first: Country
    second: Country

    @property
    def anchor(self):
        return f"{self.first.code}-{self.second.code}".lower()


@dataclass
class Corridor:
    """What binds two countries: the agreements both signed, and their shared results."""

    pair: Pair
    bilateral: list = field(default_factory=list)
    multilateral: list = field(default_factory=list)
    results: list = field(default_factory=list)
    activities: list = field(default_factory=list)


# The corridors page reads at most this many agreements, results and activities of each kind.
CORRIDOR_RECORDS = 200


def _add_by_pair(corridors, records, *, kind):
    """Each record under every pair of its countries; `kind(countries)` names the list."""
    for record in records:
        countries = sorted(record.countries.all(), key=lambda country: country.code)
        name = kind(countries)
        if name is None:
            continue
        for first, second in combinations(countries, 2):
            getattr(corridors[first.pk, second.pk], name).append(record)


def _agreement_kind(countries):
    return "bilateral" if len(countries) == 2 else "multilateral"


def _between_two(name):
    return lambda countries: name if len(countries) == 2 else None


def corridors() -> list[Corridor]:
    """Each pair of countries bound by public agreements, results or activities.

    An agreement signed by two countries is bilateral; one signed by more (the joint action
    plans) binds every pair among them. Results and activities count only when they concern
    exactly those two countries: they are what the two did together.
    """
    countries = Country.objects.order_by("code")
    found = {
        (first.pk, second.pk): Corridor(Pair(first, second))
        for first, second in combinations(countries, 2)
    }
    # Activities belong to an app above this one: reached through the country's relation.
    activities = Country._meta.get_field("activities").related_model.objects
    records = [
        (Agreement.objects.published(), _agreement_kind),
        (Result.objects.published(), _between_two("results")),
        (activities.published(), _between_two("activities")),
    ]
    for queryset, kind in records:
        listed = queryset.prefetch_related("countries")[:CORRIDOR_RECORDS]
        _add_by_pair(found, listed, kind=kind)
    return [
        corridor
        for corridor in found.values()
        if corridor.bilateral or corridor.multilateral or corridor.results or corridor.activities
    ]
