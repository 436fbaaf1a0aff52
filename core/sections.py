"""Bounded sections of record pages: a handful of records, how many there are, and where to see all.

A page never renders an unbounded list: each section of a record page (a country's
activities, a partner's roles) shows at most `SECTION_LIMIT` records and links to the list
page filtered to exactly those records. A section costs one query at any size: the first
records, each with the total from an uncorrelated subquery that the database computes once (a
window count would read every row in full before the limit).
"""

from urllib.parse import urlencode

from django.db.models import F, Func, IntegerField, Subquery
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
    count = Func(F("pk"), function="COUNT", output_field=IntegerField())
    total = queryset.order_by().prefetch_related(None).annotate(n=count).values("n")
    records = list(queryset.annotate(section_total=Subquery(total))[:limit])
    return Section(records, records[0].section_total if records else 0, url)


def list_url(url_name, **filters) -> str:
    """A list page filtered, e.g. list_url("activities:list", project="modal")."""
    return f"{reverse(url_name)}?{urlencode(filters)}"
