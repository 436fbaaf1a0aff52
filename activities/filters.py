import django_filters
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
from activities.models import Activity, ActivityKind
from partners.models import Organisation
from projects.models import ActivityStatus, Project


class ActivityFilter(django_filters.FilterSet):
    country = country_filter("countries__code")
    theme = theme_filter("themes__slug")
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=ActivityKind.choices
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), to_field_name="slug", queryset=Project.objects.all()
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="organisations",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
        distinct=True,
    )
    status = django_filters.TypedChoiceFilter(
        label=_("Status"), choices=ActivityStatus.choices, coerce=int
    )
    year = YearFilter(start="start_date", end="end_date")
    q = TextFilter(kind="activity")

    class Meta:
        model = Activity
        fields = []

    def facets(self):
        return [
            facet(self, "country", "countries__code", country_choices(), multiple=True),
            facet(self, "theme", "themes__slug", theme_choices(), multiple=True),
            facet(self, "type", "kind", ActivityKind.choices),
            facet(
                self,
                "project",
                "project__slug",
                [(p.slug, p.acronym or p.title) for p in Project.objects.all()],
            ),
            facet(self, "status", "status", ActivityStatus.choices),
            facet(
                self,
                "partner",
                "organisations__slug",
                [(o.slug, o.short_name) for o in Organisation.objects.all()],
            ),
        ]
