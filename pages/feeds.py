from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from core.feeds import FEED_LENGTH, PortalFeed
from core.templatetags.portal import plain
from documents.models import Document
from partners.models import Organisation
from projects.models import Agreement, Project, Result

# Each kind of publishable record, with the field its entries quote.
KINDS = [
    (Project, "title", "summary"),
    (Activity, "title", "summary"),
    (Result, "title", "description"),
    (Agreement, "title", "commitments"),
    (Organisation, "name", "description"),
    (Document, "title", "description"),
]


def newly_published():
    """The latest published records of every kind, newest first (one query per kind)."""
    records = []
    for model, _title, _description in KINDS:
        published = Coalesce("published_at", "updated_at")
        latest = model.objects.published().annotate(feed_date=published)
        records += latest.order_by(F("feed_date").desc(), "pk")[:FEED_LENGTH]
    records.sort(key=lambda record: record.feed_date, reverse=True)
    return records[:FEED_LENGTH]


class NewRecordsFeed(PortalFeed):
    """Projects, activities, results, agreements, partners and documents as they are published."""

    title = _("ACSS Knowledge Portal: newly published")
    subtitle = _("Projects, activities, results, agreements, partners and documents, newest first.")

    def link(self):
        return reverse("home")

    def items(self):
        return newly_published()

    def _fields(self, item):
        return next((title, text) for model, title, text in KINDS if isinstance(item, model))

    def item_title(self, item):
        title = plain(item, self._fields(item)[0])
        return gettext("%(label)s: %(value)s") % {
            "label": capfirst(item._meta.verbose_name),
            "value": title,
        }

    def item_description(self, item):
        return self.as_html(plain(item, self._fields(item)[1]))

    def item_pubdate(self, item):
        return item.feed_date
