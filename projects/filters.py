from django.db.models.functions import Coalesce

from acss_portal.filters import ProgrammeFilterSet, TextFilter, YearFilter, facet, partner_filter
from partners.models import Organisation
from projects.models import Project


class ProjectFilter(ProgrammeFilterSet):
    partner = partner_filter("partnerships__organisation")
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
