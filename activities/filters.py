import django_filters
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityKind, Event, EventFormat, EventKind
from core.filters import YearFilter, choices_of, country_facet, country_filter, facet
from partners.filters import partner_filter
from projects.filters import ProgrammeFilterSet, project_filter, short_name
from search.filters import TextFilter


class ActivityFilter(ProgrammeFilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=ActivityKind.choices
    )
    project = project_filter()
    partner = partner_filter("organisations")
    year = YearFilter(start="start_date", end="end_date")
    q = TextFilter(kind="activity")

    class Meta:
        model = Activity
        fields = []

    def facets(self):
        partners = choices_of(self, "partner", lambda organisation: organisation.short_name)
        return [
            *self.shared_facets(),
            facet(self, "type", "kind", ActivityKind.choices),
            facet(self, "project", "project__slug", choices_of(self, "project", short_name)),
            facet(self, "partner", "organisations__slug", partners),
        ]


class EventWhen(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    PAST = "past", _("Past")


def count_by_when(events):
    """{when: count}: an event is upcoming until its last day has passed."""
    today = timezone.localdate()
    return {
        EventWhen.UPCOMING: events.filter(end_date__gte=today).count(),
        EventWhen.PAST: events.filter(end_date__lt=today).count(),
    }


class EventFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=EventWhen.choices, method="filter_when"
    )
    country = country_filter("country__code")
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=EventKind.choices
    )
    # Not "format": that parameter asks a list for its CSV export (core.views.filtered_list).
    mode = django_filters.ChoiceFilter(
        label=_("Format"), field_name="format", choices=EventFormat.choices
    )
    year = YearFilter(start="start_date", end="end_date")
    q = TextFilter(kind="event")

    class Meta:
        model = Event
        fields = []

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        if value == EventWhen.UPCOMING:
            return queryset.filter(end_date__gte=today)
        return queryset.filter(end_date__lt=today)

    def facets(self):
        return [
            facet(self, "when", "", EventWhen.choices, counts=count_by_when),
            country_facet(self, "country__code"),
            facet(self, "type", "kind", EventKind.choices),
            facet(self, "mode", "format", EventFormat.choices),
        ]
