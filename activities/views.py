from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from activities.calendar import event_calendar
from activities.filters import ActivityFilter, EventFilter
from activities.models import Activity, Event
from activities.selectors import activity_page, event_page
from core.models import slug_matches
from core.templatetags.portal import plain
from core.views import filtered_list, history_page, record_page


def activity_list(request):
    return filtered_list(
        request,
        ActivityFilter,
        Activity.objects.published().for_listing().with_public_events(),
        "activities/activity_list.html",
    )


def activity_detail(request, slug):
    return record_page(
        request, activity_page, "activities/activity_detail.html", record="activity", slug=slug
    )


def event_list(request):
    return filtered_list(
        request,
        EventFilter,
        Event.objects.published().for_listing().upcoming_first(),
        "activities/event_list.html",
    )


def event_detail(request, slug):
    return record_page(
        request, event_page, "activities/event_detail.html", record="event", slug=slug
    )


def event_ics(request, slug):
    """The event as an iCalendar file in the page's language; public events only."""
    event = Event.objects.published().select_related("country").filter(slug_matches(slug)).first()
    if event is None:
        raise Http404
    body = event_calendar(
        event,
        # The same event keeps its UID in both languages and whatever port serves it.
        uid=f"event-{event.pk}@{request.get_host().partition(':')[0]}",
        url=request.build_absolute_uri(event.get_absolute_url()),
        title=plain(event, "title"),
        description=plain(event, "description"),
        location=f"{plain(event, 'place')}, {event.country.name}",
        language=get_language(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def activity_history(request, slug):
    return history_page(request, Activity.objects.all(), slug=slug)
