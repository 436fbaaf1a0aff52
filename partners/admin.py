from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from core.admin import TRANSLATION_COLUMNS
from core.content_admin import ContentAdmin, ContentInline
from partners.models import Contact, Organisation, Partnership


class PartnershipInline(ContentInline, TranslationTabularInline):
    """Edited inside a project: who plays which role in it."""

    model = Partnership
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ("name", "acronym", "kind", "country", "parent", *TRANSLATION_COLUMNS)
    list_select_related = ("country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("slug", "slug_fr", "name_en", "name_fr", "acronym_en", "acronym_fr")
    autocomplete_fields = ("parent", "country")
    prepopulated_fields = {"slug": ("acronym_en",), "slug_fr": ("acronym_fr",)}


@admin.register(Partnership)
class PartnershipAdmin(ContentAdmin):
    list_display = ("organisation", "role", "project", *TRANSLATION_COLUMNS)
    list_select_related = ("organisation", "project")
    list_filter = ("role", "project")
    search_fields = ("organisation__name_en", "organisation__name_fr", "organisation__acronym_en")
    autocomplete_fields = ("project", "organisation")


@admin.register(Contact)
class ContactAdmin(ContentAdmin):
    list_display = (
        "name",
        "role",
        "organisation",
        "country",
        "shown_publicly",
        *TRANSLATION_COLUMNS,
    )
    list_select_related = ("organisation", "country")
    list_filter = ("shown_publicly", "country")
    search_fields = ("name", "email", "role_en", "role_fr")
    autocomplete_fields = ("organisation", "country", "project")
