"""Bounded sections of record pages: a handful of records, how many there are, and where to see all.

A page never renders an unbounded list: each section of a record page (a country's
activities, a partner's roles) shows at most `SECTION_LIMIT` records and links to the list
page filtered to exactly those records. The total comes from a window count in the same
query, so a section costs one query at any size.
"""

from urllib.parse import urlencode

from django.db.models import Count, Window
from django.urls import reverse

SECTION_LIMIT = 6
# The parts of a record that are read nowhere else (a project's results, an activity's events).
PARTS_LIMIT = 50


class Section(list):
    """The first records of a section, with `total` (all of them) and `url` (the full list)."""

    def __init__(self, records, total, url=""):
        super().__init__(records)
        self.total = total
        self.url = url

    @property
    def more(self) -> bool:
        return self.total > len(self)


def section(queryset, *, limit=SECTION_LIMIT, url="") -> Section:
    """At most `limit` records of `queryset` and their total, in one query."""
    records = list(queryset.annotate(section_total=Window(Count("pk")))[:limit])
    return Section(records, records[0].section_total if records else 0, url)


def list_url(url_name, **filters) -> str:
    """A list page filtered, e.g. list_url("activities:list", project="modal")."""
    return f"{reverse(url_name)}?{urlencode(filters)}"
