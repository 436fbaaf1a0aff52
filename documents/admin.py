from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.admin import TRANSLATION_COLUMNS
from core.content_admin import ContentAdmin
from documents.models import Document, Source


@admin.register(Document)
class DocumentAdmin(ContentAdmin):
    list_display = (
        "title",
        "category",
        "language",
        "published_on",
        "file_size",
        *TRANSLATION_COLUMNS,
    )
    list_filter = ("category", "language", "countries", "projects")
    search_fields = ("slug", "slug_fr", "title_en", "title_fr", "description_en", "description_fr")
    autocomplete_fields = ("projects", "activities", "countries")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    date_hierarchy = "published_on"
    readonly_fields = ("content_type", "file_size")
    fields = (
        "title",
        "slug",
        "slug_fr",
        ("category", "language", "published_on"),
        "file",
        ("content_type", "file_size"),
        "description",
        "projects",
        "activities",
        "countries",
    )

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        # Type and size are read from the file: nothing to show before one is uploaded.
        return fields if obj else [f for f in fields if f != ("content_type", "file_size")]

    @admin.display(description=_("size"))
    def file_size(self, document):
        return filesizeformat(document.size)


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ("title", "kind", "language", "published_on", *TRANSLATION_COLUMNS)
    list_filter = ("kind", "language")
    search_fields = ("slug", "title", "author", "description_en", "description_fr")
    autocomplete_fields = ("publisher", *Source.CITED_BY)
    fields = (
        "title",
        "slug",
        ("kind", "language"),
        ("published_on", "published_on_precision"),
        ("publisher", "author"),
        "url",
        "description",
        *Source.CITED_BY,
    )
