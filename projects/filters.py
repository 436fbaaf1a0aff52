import django_filters
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import ProgrammeFilterSet, TextFilter, YearFilter, facet
from partners.models import Organisation
from projects.models import Project


class ProjectFilter(ProgrammeFilterSet):
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="partnerships__organisation",
        to_field_name="slug",
        queryset=Organisation.objects.published(),
        distinct=True,
    )
    year = YearFilter(start="start_on", end="end_on")
    q = TextFilter(kind="project")

    class Meta:
        model = Project
        fields = []

    def filter_queryset(self, queryset):
        # The year filter reads the actual period where known, else the planned one.
        queryset = queryset.annotate(
            start_on=Coalesce("actual_start", "planned_start"),
            end_on=Coalesce("actual_end", "planned_end"),
        )
        return super().filter_queryset(queryset)

    def facets(self):
        partners = [(o.slug, o.short_name) for o in Organisation.objects.published()]
        return [
            *self.shared_facets(),
            facet(self, "partner", "partnerships__organisation__slug", partners),
        ]
