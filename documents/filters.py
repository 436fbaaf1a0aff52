import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import RelatedChoiceFilter, choices_of, country_facet, country_filter, facet
from documents.models import Document, DocumentCategory, DocumentLanguage
from projects.filters import project_filter, short_name


class DocumentFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=DocumentCategory.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language of the document"), choices=DocumentLanguage.choices
    )
    country = country_filter("countries__code")
    project = project_filter("projects")
    activity = RelatedChoiceFilter(
        label=_("Activity"),
        field_name="activities",
        to_field_name="slug",
        public_only=True,
    )

    class Meta:
        model = Document
        fields = []

    def facets(self):
        return [
            facet(self, "category", "category", DocumentCategory.choices),
            facet(self, "language", "language", DocumentLanguage.choices),
            country_facet(self),
            facet(self, "project", "projects__slug", choices_of(self, "project", short_name)),
            facet(self, "activity", "activities__slug", choices_of(self, "activity")),
        ]
