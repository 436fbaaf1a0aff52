import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import MAX_QUERY_LENGTH


class TextFilter(django_filters.CharFilter):
    """Free text, matched through the search index in the page's language."""

    def __init__(self, *, kind, **kwargs):
        self.kind = kind
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value or not value.strip():
            return qs
        from search.index import matching_ids

        return qs.filter(pk__in=matching_ids(value, kind=self.kind))
