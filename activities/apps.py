from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from activities.exports import register_exports

        register_exports()
        from activities.models import Activity, Event
        from search import index

        index.register(
            Activity,
            kind="activity",
            label=_("Activity"),
            plural=_("Activities"),
            title="title",
            summary="summary",
            texts=("place",),
            dependents=("events",),
        )
        index.register(
            Event,
            kind="event",
            label=_("Event"),
            plural=_("Events"),
            title="title",
            summary="description",
            texts=("place", "country.name"),
        )
