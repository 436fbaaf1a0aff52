"""The sources a record's facts rest on, as its page, factsheet and API answer cite them.

The `Source` model lives in the documents app, above the records it cites; each record
reaches its sources through the reverse relation `record.sources`, read here once.
"""

from django.db.models import F

# At most this many sources are listed on a page (the seed has five in all).
SOURCES_SHOWN = 12


def sources_of(record) -> list:
    """The public sources of a record, most recent first, bounded."""
    if record is None or not hasattr(record, "sources"):
        return []
    queryset = record.sources.published().select_related("publisher")
    newest_first = F("published_on").desc(nulls_last=True)
    return list(queryset.order_by(newest_first, "slug")[:SOURCES_SHOWN])
