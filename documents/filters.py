import django_filters
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import country_choices, country_filter, facet, project_filter
from documents.models import Document, DocumentCategory, DocumentLanguage
from projects.models import Project


class DocumentFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=DocumentCategory.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language of the document"), choices=DocumentLanguage.choices
    )
    country = country_filter("countries__code")
    project = project_filter("projects")

    class Meta:
        model = Document
        fields = []

    def facets(self):
        projects = [(p.slug, p.acronym or p.title) for p in Project.objects.published()]
        return [
            facet(self, "category", "category", DocumentCategory.choices),
            facet(self, "language", "language", DocumentLanguage.choices),
            facet(self, "country", "countries__code", country_choices(), multiple=True),
            facet(self, "project", "projects__slug", projects),
        ]
