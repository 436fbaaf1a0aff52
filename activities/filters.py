import django_filters
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import (
    ProgrammeFilterSet,
    TextFilter,
    YearFilter,
    facet,
    partner_filter,
    project_filter,
)
from activities.models import Activity, ActivityKind
from partners.models import Organisation
from projects.models import Project


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
        projects = [(p.slug, p.acronym or p.title) for p in Project.objects.published()]
        partners = [(o.slug, o.short_name) for o in Organisation.objects.published()]
        return [
            *self.shared_facets(),
            facet(self, "type", "kind", ActivityKind.choices),
            facet(self, "project", "project__slug", projects),
            facet(self, "partner", "organisations__slug", partners),
        ]
