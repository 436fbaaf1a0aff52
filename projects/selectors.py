"""What the pages, factsheets and exports show about a project, a country or a field of intervention.

Each selector takes the visitor (`user`): the record itself may be a draft that a staff member
previews, but everything it links to or names is public, whoever reads it. So those parts are
the same for every visitor: they are computed once per content generation (core.caching.shared)
and read from the cache by the next visitor whose page the page cache does not hold. Records of the
apps above this one (activities, documents) are reached through the record's own relations.
"""

from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from core.caching import shared
from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sections import PARTS_LIMIT, SECTION_LIMIT, list_url, section
from core.sources import sources_of
from partners.models import Contact, Organisation, OrganisationKind, PartnershipRole
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


def project_page(*, user, slug, limit=SECTION_LIMIT) -> dict | None:
    """A project with everything public that its page and factsheet show, each part bounded."""
    project = (
        Project.objects.visible_to(user)
        .select_related("parent")
        .prefetch_related("countries", "themes")
        .filter(slug_matches(slug))
        .first()
    )
    if project is None:
        return None
    parts = shared(
        "project_page", project.pk, limit, compute=lambda: _project_parts(project, limit)
    )
    return {"project": project, **parts}


def _project_parts(project, limit) -> dict:
    """What a project's page shows besides the project: public records only, for anyone."""
    activities = section(
        project.activities.published().for_listing().with_public_events(),
        limit=limit,
        url=list_url("activities:list", project=project.slug),
    )
    # Results and partners are read on this page only: a fuller list, still bounded.
    results = section(project.results.published().for_listing(), limit=PARTS_LIMIT)
    agreements = section(project.agreements.published().prefetch_related("countries"), limit=limit)
    partnerships = section(
        project.partnerships.published().select_related("organisation"), limit=PARTS_LIMIT
    )
    contacts = section(
        project.contacts.published().select_related("organisation", "country"), limit=limit
    )
    return {
        "parent": public_or_none(project.parent),
        "children": section(
            project.children.published(),
            limit=limit,
            url=list_url("projects:list", parent=project.slug),
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
            url=list_url("documents:list", project=project.slug),
        ),
        "contacts": contacts,
        "countries": countries_of_intervention(project.countries.all(), partnerships, contacts),
        "timeline": timeline(agreements, activities, results),
        "sources": sources_of(project),
        "last_published": last_published(project),
    }


def countries_listed() -> list:
    """The four countries, each with its ministry in charge only (one row per country).

    The same for every visitor: computed once per content generation (core.caching.shared).
    """

    def compute():
        ministries = Organisation.objects.published().ministries()
        first = Window(RowNumber(), partition_by=F("country"), order_by=ministries.query.order_by)
        ministries = ministries.annotate(rank=first).filter(rank=1)
        organisations = Prefetch("organisations", queryset=ministries)
        return list(Country.objects.prefetch_related(organisations))

    return shared("countries_listed", compute=compute)


def country_page(*, user, code, limit=SECTION_LIMIT) -> dict | None:
    """A country with the public records bound to it, for its page and its factsheet."""
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        return None
    parts = shared(
        "country_page", country.pk, limit, compute=lambda: _country_parts(country, limit)
    )
    return {"country": country, **parts}


def _country_parts(country, limit) -> dict:
    organisations = country.organisations.published().for_listing()
    in_country = {"country": country.code}
    return {
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
            country.activities.published().for_listing().with_public_events(),
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
    theme = ThematicArea.objects.filter(slug_matches(slug)).first()
    if theme is None:
        return None
    parts = shared("theme_page", theme.pk, limit, compute=lambda: _theme_parts(theme, limit))
    return {"theme": theme, **parts}


def _theme_parts(theme, limit) -> dict:
    return {
        "projects": section(
            theme.projects.published().for_listing(),
            limit=limit,
            url=list_url("projects:list", theme=theme.slug),
        ),
        "activities": section(
            theme.activities.published().for_listing().with_public_events(),
            limit=limit,
            url=list_url("activities:list", theme=theme.slug),
        ),
        "results": section(theme.results.published().for_listing(), limit=limit),
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
        "sources": sources_of(result),
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
        "sources": sources_of(agreement),
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
