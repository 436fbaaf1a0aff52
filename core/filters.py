"""Filter pieces shared by the public lists, and the counts shown beside each choice."""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Case, Count, Q, When
from django.utils.translation import gettext_lazy as _
from django_filters.utils import get_model_field

MAX_QUERY_LENGTH = 200


class YearFilter(django_filters.NumberFilter):
    """Records whose period covers the year; an open end counts as still running."""

    field_class = forms.IntegerField

    def __init__(self, *, start, end, **kwargs):
        self.start, self.end = start, end
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        first, last = datetime.date(value, 1, 1), datetime.date(value, 12, 31)
        return qs.filter(
            Q(**{f"{self.start}__lte": last})
            & (Q(**{f"{self.end}__gte": first}) | Q(**{f"{self.end}__isnull": True}))
        )


class RelatedRecords:
    """Choices among the records at the end of `field_name`, e.g. countries by ISO code.

    The related model is found from the filtered model's own field, so that an app filters
    by another app's records without importing it; `public_only` offers published ones only.
    """

    def __init__(self, *, public_only=False, **kwargs):
        self.public_only = public_only
        kwargs.setdefault("distinct", True)
        super().__init__(**kwargs)

    def get_queryset(self, request):
        field = get_model_field(self.model, self.field_name)
        related = field.related_model or field.model
        records = related._default_manager.all()
        return records.published() if self.public_only else records


class RelatedChoiceFilter(RelatedRecords, django_filters.ModelChoiceFilter):
    pass


class RelatedMultipleChoiceFilter(RelatedRecords, django_filters.ModelMultipleChoiceFilter):
    pass


def country_filter(field_name):
    """Countries by ISO code, e.g. ?country=ML&country=SN."""
    return RelatedMultipleChoiceFilter(
        label=_("Country"), field_name=field_name, to_field_name="code"
    )


def country_facet(filterset, path="countries__code"):
    choices = sorted(choices_of(filterset, "country")(), key=lambda choice: str(choice[1]))
    return facet(filterset, "country", path, choices, multiple=True)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    multiple: bool
    options: list


# The most options a facet offers; the rest are found with the text filter. A facet of
# related records (partners, projects) would otherwise list every one of them.
FACET_LIMIT = 25


def facet(filterset, name, path, choices, *, multiple=False, counts=None):
    """A filter's choices, each with how many records it gives alongside the other filters.

    One aggregate query per facet. `choices` is a list of (value, label), or a function that
    gives them for a set of values: then only the `FACET_LIMIT` values with the most records
    (and the selected ones) are offered, whatever the number of records.
    `counts(records)` may give {value: count} where a plain count along `path` would also
    count what the public may not see.
    """
    if name in filterset.data:
        data = filterset.data.copy()
        data.pop(name, None)
        base = type(filterset)(data, queryset=filterset.queryset).qs
    else:  # the list's own records: no second filter set to build
        base = filterset.qs
    selected = set(filterset.data.getlist(name)) if multiple else {filterset.data.get(name)}
    # A value with a NUL character names no record, and PostgreSQL refuses it in a query.
    selected = {value for value in selected if value is None or "\x00" not in value}
    if counts is not None:
        counts = counts(base)
    else:
        records = base.order_by()
        if callable(choices):
            # Before the grouping, which then reuses this join: after it, a relation to many
            # (an activity's partners) would be joined a second time, squaring the rows.
            records = records.filter(**{f"{path}__isnull": False})
        rows = records.values_list(path).annotate(n=Count("pk", distinct=True))
        if callable(choices):
            chosen = Case(When(**{f"{path}__in": selected - {None}}, then=0), default=1)
            rows = rows.order_by(chosen, "-n", path)[:FACET_LIMIT]
        counts = dict(rows)
    if callable(choices):
        choices = choices(set(counts) | (selected - {None}))
    options = [
        Option(str(value), str(label), counts.get(value, 0), str(value) in selected)
        for value, label in choices
    ]
    return Facet(name, str(filterset.filters[name].label), multiple, options)


def choices_of(filterset, name, label=str):
    """(value, label) pairs of a related-record filter, from its own queryset.

    Returns a function of the values to label, so that a facet reads only the records it offers;
    called without values, it gives every record (for short lists: countries, themes).
    """
    field = filterset.filters[name]
    to_field = field.field.to_field_name

    def choices(values=None):
        records = field.get_queryset(None)
        if values is not None:
            records = records.filter(**{f"{to_field}__in": values})
        return [(getattr(record, to_field), label(record)) for record in records]

    return choices
