import django_filters
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityKind
from core.filters import YearFilter, choices_of, facet
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
