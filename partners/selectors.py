"""What an organisation's page shows: the organisation and its public roles and records."""

from core.caching import shared
from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sections import SECTION_LIMIT, list_url, section
from core.sources import sources_of
from partners.models import Organisation, Partnership


def organisation_page(*, user, slug, limit=SECTION_LIMIT) -> dict | None:
    organisation = (
        Organisation.objects.visible_to(user).for_listing().filter(slug_matches(slug)).first()
    )
    if organisation is None:
        return None
    parts = shared(
        "organisation_page",
        organisation.pk,
        limit,
        compute=lambda: _organisation_parts(organisation, limit),
    )
    return {"organisation": organisation, **parts}


def _organisation_parts(organisation, limit) -> dict:
    """Its public roles and records: the same for every visitor (core.caching.shared)."""
    slug = organisation.slug
    return {
        "parent": public_or_none(organisation.parent),
        "units": section(organisation.units.published(), limit=limit),
        "partnerships": section(
            Partnership.objects.published()
            .filter(organisation=organisation)
            .select_related("project"),
            limit=limit,
            url=list_url("projects:list", partner=slug),
        ),
        "contacts": section(
            organisation.contacts.published().select_related("country"), limit=limit
        ),
        # Records of the apps above, through the organisation's own relations.
        "activities": section(
            organisation.activities.published().for_listing().with_public_events(),
            limit=limit,
            url=list_url("activities:list", partner=slug),
        ),
        "events": section(organisation.events.published().for_listing(), limit=limit),
        "sources": sources_of(organisation),
        "last_published": last_published(organisation),
    }
