import django_filters
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import ProgrammeFilterSet, TextFilter, YearFilter, facet
from activities.models import Activity, ActivityKind
from partners.models import Organisation
from projects.models import Project


class ActivityFilter(ProgrammeFilterSet):
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=ActivityKind.choices
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), to_field_name="slug", queryset=Project.objects.published()
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="organisations",
        to_field_name="slug",
        queryset=Organisation.objects.published(),
        distinct=True,
    )
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
