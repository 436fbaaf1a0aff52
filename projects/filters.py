import django_filters
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import (
    TextFilter,
    YearFilter,
    country_choices,
    country_filter,
    facet,
    theme_choices,
    theme_filter,
)
from partners.models import Organisation
from projects.models import ActivityStatus, Project


class ProjectFilter(django_filters.FilterSet):
    country = country_filter("countries__code")
    theme = theme_filter("themes__slug")
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="partnerships__organisation",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        distinct=True,
    )
    status = django_filters.TypedChoiceFilter(
        label=_("Status"), choices=ActivityStatus.choices, coerce=int
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
        return [
            facet(self, "country", "countries__code", country_choices(), multiple=True),
            facet(self, "theme", "themes__slug", theme_choices(), multiple=True),
            facet(self, "status", "status", ActivityStatus.choices),
            facet(
                self,
                "partner",
                "partnerships__organisation__slug",
                [(o.slug, o.short_name) for o in Organisation.objects.all()],
            ),
        ]
