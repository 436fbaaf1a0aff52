from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from acss_portal.admin import (
    TRANSLATION_COLUMNS,
    IncompleteTranslationFilter,
    TranslationStatusMixin,
)
from backoffice.admin_mixins import RoleAdminMixin, RoleInlineMixin
from partners.models import Contact, Organisation, Partnership


class PartnershipInline(RoleInlineMixin, TranslationTabularInline):
    """Edited inside a project: who plays which role in it."""

    model = Partnership
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(
    RoleAdminMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    list_display = ("name", "acronym", "kind", "country", "parent", *TRANSLATION_COLUMNS)
    list_select_related = ("country", "parent")
    list_filter = ("kind", "country", IncompleteTranslationFilter)
    search_fields = ("slug", "name_en", "name_fr", "acronym_en", "acronym_fr")
    autocomplete_fields = ("parent", "country")
    prepopulated_fields = {"slug": ("acronym_en",)}


@admin.register(Partnership)
class PartnershipAdmin(
    RoleAdminMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    country_scope = "project__countries"
    list_display = ("organisation", "role", "project", *TRANSLATION_COLUMNS)
    list_select_related = ("organisation", "project")
    list_filter = ("role", "project")
    search_fields = ("organisation__name_en", "organisation__name_fr", "organisation__acronym_en")
    autocomplete_fields = ("project", "organisation")


@admin.register(Contact)
class ContactAdmin(
    RoleAdminMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    country_scope = "country"
    scope_field = "country"
    list_display = ("name", "role", "organisation", "country", "is_public", *TRANSLATION_COLUMNS)
    list_select_related = ("organisation", "country")
    list_filter = ("is_public", "country", IncompleteTranslationFilter)
    search_fields = ("name", "email", "role_en", "role_fr")
    autocomplete_fields = ("organisation", "country", "project")
