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
from projects.models import Agreement, AgreementKind, Project, Result, ResultStatus
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


class ResultFilter(django_filters.FilterSet):
    country = country_filter("countries__code")
    theme = theme_filter("theme__slug")
    project = project_filter()
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ResultStatus.choices)
    year = YearFilter(start="achieved_on", end="achieved_on")
    q = TextFilter(kind="result")

    class Meta:
        model = Result
        fields = []

    def facets(self):
        return [
            country_facet(self),
            facet(self, "theme", "theme__slug", choices_of(self, "theme"), multiple=True),
            facet(self, "project", "project__slug", choices_of(self, "project", short_name)),
            facet(self, "status", "status", ResultStatus.choices),
        ]


class AgreementFilter(django_filters.FilterSet):
    country = country_filter("countries__code")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AgreementKind.choices)
    project = project_filter("projects")
    year = YearFilter(start="signed_on", end="signed_on")

    class Meta:
        model = Agreement
        fields = []

    def facets(self):
        projects = choices_of(self, "project", short_name)
        return [
            country_facet(self),
            facet(self, "kind", "kind", AgreementKind.choices),
            facet(self, "project", "projects__slug", projects),
        ]
