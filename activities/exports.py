"""What activities and their events export."""

from django.utils.translation import gettext_lazy as _

from activities.filters import ActivityFilter, EventFilter
from activities.models import Activity, Event
from core.exports import Date, Many, One, Text, Value, page, register

PARTICIPANTS = [
    Value("participants_on_site", kind="integer"),
    Value("participants_online", kind="integer"),
    Value("participants_approximate", kind="boolean"),
]


def register_exports():
    register(
        Activity,
        resource="activities",
        key="slug",
        filterset=ActivityFilter,
        description=_("Dialogue platforms, studies, capacity building and pilot actions."),
        fields=[
            Value("slug"),
            Text("title"),
            Text("summary"),
            Value("kind"),
            Value("status", kind="integer"),
            One("project"),
            Date("start_date"),
            Date("end_date"),
            Text("place"),
            Many("countries"),
            Many("themes"),
            Many("organisations"),
            *PARTICIPANTS,
            page(),
        ],
    )
    register(
        Event,
        resource="events",
        key="slug",
        filterset=EventFilter,
        ordering=lambda events: events.upcoming_first(),
        description=_("Trainings, workshops, seminars and meetings held within the activities."),
        fields=[
            Value("slug"),
            Text("title"),
            Text("description"),
            Value("kind"),
            Value("format"),
            One("activity"),
            Date("start_date"),
            Date("end_date"),
            Text("place"),
            One("country"),
            Many("organisations"),
            *PARTICIPANTS,
            page(),
        ],
    )
