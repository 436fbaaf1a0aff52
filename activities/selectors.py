"""What an activity's page (and its exports) show: the activity and its public records."""

from django.db.models import Prefetch

from activities.models import Activity, Event
from core.caching import shared
from core.models import public_or_none, slug_matches
from core.public_history import last_published
from core.sections import PARTS_LIMIT, SECTION_LIMIT, list_url, section
from core.sources import sources_of
from partners.models import Organisation


def activity_page(*, user, slug, limit=SECTION_LIMIT) -> dict | None:
    activity = (
        Activity.objects.visible_to(user)
        .select_related("project")
        .prefetch_related("countries", "themes")
        .filter(slug_matches(slug))
        .first()
    )
    if activity is None:
        return None
    parts = shared(
        "activity_page", activity.pk, limit, compute=lambda: _activity_parts(activity, limit)
    )
    return {"activity": activity, **parts}


def _activity_parts(activity, limit) -> dict:
    """Its public records: the same for every visitor (core.caching.shared)."""
    public_organisations = Organisation.objects.published()
    events = (
        activity.events.published()
        .for_listing()
        .prefetch_related(Prefetch("organisations", queryset=public_organisations))
    )
    return {
        "project": public_or_none(activity.project),
        "organisations": section(activity.organisations.published(), limit=PARTS_LIMIT),
        # Events are read on this page only: a fuller list, still bounded.
        "events": section(events, limit=PARTS_LIMIT),
        "results": section(activity.results.published().for_listing(), limit=limit),
        "documents": section(
            activity.documents.published(),
            limit=limit,
            url=list_url("documents:list", activity=activity.slug),
        ),
        "sources": sources_of(activity),
        "last_published": last_published(activity),
    }


def event_page(*, user, slug) -> dict | None:
    """An event with its activity, partners and the activity's other public sessions."""
    event = (
        Event.objects.visible_to(user)
        .for_listing()
        .select_related("activity__project")
        .prefetch_related(Prefetch("organisations", queryset=Organisation.objects.published()))
        .filter(slug_matches(slug))
        .first()
    )
    if event is None:
        return None
    activity = public_or_none(event.activity)
    siblings = activity.events.published().for_listing().exclude(pk=event.pk) if activity else []
    return {
        "event": event,
        "activity": activity,
        "project": public_or_none(event.activity.project),
        "other_events": list(siblings),
        "sources": sources_of(event),
    }
