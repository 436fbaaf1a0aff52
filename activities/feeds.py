from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activities.models import Event
from core.feeds import FEED_LENGTH, PortalFeed
from core.templatetags.portal import plain


class EventFeed(PortalFeed):
    """The public events, latest first."""

    title = _("ACSS Knowledge Portal: events")
    subtitle = _("Trainings, workshops and meetings of the Action, latest first.")

    def link(self):
        return reverse("events:list")

    def items(self):
        events = Event.objects.published().for_listing()
        return events.order_by("-start_date", "slug")[:FEED_LENGTH]

    def item_description(self, item):
        where = f"{item.period} · {plain(item, 'place')}, {item.country.name}"
        return self.as_html(f"{where}\n\n{plain(item, 'description')}".strip())

    def item_categories(self, item):
        return [item.get_kind_display(), item.get_format_display()]
