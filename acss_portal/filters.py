"""Filter pieces shared by the public lists, and the counts shown beside each choice."""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from projects.models import ActivityStatus, Country, ThematicArea

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
        from acss_portal.search import matching_ids

        return qs.filter(pk__in=matching_ids(value, kind=self.kind))


def country_filter(field_name):
    return django_filters.ModelMultipleChoiceFilter(
        label=_("Country"),
        field_name=field_name,
        to_field_name="code",
        queryset=Country.objects.all(),
        distinct=True,
    )


def theme_filter(field_name):
    return django_filters.ModelMultipleChoiceFilter(
        label=_("Field of intervention"),
        field_name=field_name,
        to_field_name="slug",
        queryset=ThematicArea.objects.all(),
        distinct=True,
    )


class ProgrammeFilterSet(django_filters.FilterSet):
    """Filters shared by projects and activities: where, what, how far along."""

    country = country_filter("countries__code")
    theme = theme_filter("themes__slug")
    status = django_filters.TypedChoiceFilter(
        label=_("Status"), choices=ActivityStatus.choices, coerce=int
    )

    def shared_facets(self):
        return [
            facet(self, "country", "countries__code", country_choices(), multiple=True),
            facet(self, "theme", "themes__slug", theme_choices(), multiple=True),
            facet(self, "status", "status", ActivityStatus.choices),
        ]


def partner_filter(field_name):
    """A published partner organisation, by slug."""
    from partners.models import Organisation

    return django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name=field_name,
        to_field_name="slug",
        queryset=Organisation.objects.published(),
        distinct=True,
    )


def project_filter(field_name="project"):
    """A published project, by slug."""
    from projects.models import Project

    return django_filters.ModelChoiceFilter(
        label=_("Project"),
        field_name=field_name,
        to_field_name="slug",
        queryset=Project.objects.published(),
        distinct=True,
    )


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


def facet(filterset, name, path, choices, *, multiple=False):
    """A filter's choices, each with how many records it gives alongside the other filters."""
    data = filterset.data.copy()
    data.pop(name, None)
    base = type(filterset)(data, queryset=filterset.queryset).qs
    counts = dict(base.order_by().values_list(path).annotate(n=Count("pk", distinct=True)))
    selected = set(filterset.data.getlist(name)) if multiple else {filterset.data.get(name)}
    options = [
        Option(str(value), str(label), counts.get(value, 0), str(value) in selected)
        for value, label in choices
    ]
    return Facet(name, str(filterset.filters[name].label), multiple, options)


def country_choices():
    return [(country.code, country.name) for country in sorted(Country.objects.all(), key=str)]


def theme_choices():
    return [(theme.slug, theme.name) for theme in ThematicArea.objects.all()]
