import django_filters
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.codelists import ActivityStatus
from core.filters import (
    RelatedChoiceFilter,
    RelatedMultipleChoiceFilter,
    YearFilter,
    choices_of,
    country_facet,
    country_filter,
    facet,
)
from partners.filters import partner_filter
from projects.models import Project
from search.filters import TextFilter


def theme_filter(field_name):
    """Fields of intervention by slug, e.g. ?theme=migration-development."""
    return RelatedMultipleChoiceFilter(
        label=_("Field of intervention"), field_name=field_name, to_field_name="slug"
    )


def project_filter(field_name="project", label=None):
    """A published project, by slug."""
    return RelatedChoiceFilter(
        label=label or _("Project"), field_name=field_name, to_field_name="slug", public_only=True
    )


def short_name(record):
    return record.acronym or record.title


class ProgrammeFilterSet(django_filters.FilterSet):
    """Filters shared by projects and activities: where, what, how far along."""

    country = country_filter("countries__code")
    theme = theme_filter("themes__slug")
    status = django_filters.TypedChoiceFilter(
        label=_("Status"), choices=ActivityStatus.choices, coerce=int
    )

    def shared_facets(self):
        return [
            country_facet(self),
            facet(self, "theme", "themes__slug", choices_of(self, "theme")(), multiple=True),
            facet(self, "status", "status", ActivityStatus.choices),
        ]


class ProjectFilter(ProgrammeFilterSet):
    partner = partner_filter("partnerships__organisation")
    parent = project_filter("parent", label=_("Part of"))
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
        partners = choices_of(self, "partner", lambda organisation: organisation.short_name)
        return [
            *self.shared_facets(),
            facet(self, "partner", "partnerships__organisation__slug", partners),
            facet(self, "parent", "parent__slug", choices_of(self, "parent", short_name)),
        ]
