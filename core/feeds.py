"""Atom feeds of the public records, in the page's language (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import linebreaks_filter
from django.utils.feedgenerator import Atom1Feed

from core.templatetags.portal import plain

FEED_LENGTH = 30


class PortalFeed(Feed):
    """Every feed reads published records only; each subclass says which through `items()`.

    The feed's language is the page's (Django's default when `language` is not set).
    """

    feed_type = Atom1Feed
    title_field = "title"
    description_field = "description"

    def item_title(self, item):
        return plain(item, self.title_field)

    def item_description(self, item):
        return self.as_html(plain(item, self.description_field))

    @staticmethod
    def as_html(text):
        """Atom summaries are HTML: the record's plain text escaped, its lines as paragraphs."""
        return linebreaks_filter(text, autoescape=True)

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return getattr(item, "published_at", None) or item.updated_at
