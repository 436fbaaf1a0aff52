"""What an organisation's page shows: the organisation and its public roles and records."""

from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sources import sources_of
from partners.models import Organisation, Partnership


def organisation_page(*, user, slug) -> dict | None:
    organisation = (
        Organisation.objects.visible_to(user).for_listing().filter(slug_matches(slug)).first()
    )
    if organisation is None:
        return None
    return {
        "organisation": organisation,
        "parent": public_or_none(organisation.parent),
        "units": list(organisation.units.published()),
        "partnerships": list(
            Partnership.objects.published()
            .filter(organisation=organisation)
            .select_related("project")
        ),
        "contacts": list(organisation.contacts.published().select_related("country")),
        # Records of the apps above, through the organisation's own relations.
        "activities": list(organisation.activities.published().for_listing().with_public_events()),
        "events": list(organisation.events.published().for_listing()),
        "sources": sources_of(organisation),
        "last_published": last_published(organisation),
    }
