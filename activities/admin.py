from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from acss_portal.admin import (
    TRANSLATION_COLUMNS,
    IncompleteTranslationFilter,
    TranslationStatusMixin,
    project_short_name,
)
from activities.models import Activity, Event
from backoffice.admin_mixins import RoleAdminMixin, RoleInlineMixin

PARTICIPATION = (("participants_on_site", "participants_online", "participants_approximate"),)


class EventInline(RoleInlineMixin, TranslationStackedInline):
    """Edited inside an activity: its dated sessions."""

    model = Event
    extra = 0
    autocomplete_fields = ("country", "organisations")
    prepopulated_fields = {"slug": ("title_en",)}
    fields = (
        "title",
        "slug",
        ("kind", "format"),
        ("place", "country"),
        ("start_date", "end_date"),
        *PARTICIPATION,
        "organisations",
        "description",
    )


@admin.register(Activity)
class ActivityAdmin(
    RoleAdminMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    country_scope = "countries"
    scope_field = "countries"
    list_display = (
        "title",
        "kind",
        project_short_name,
        "status",
        "start_date",
        *TRANSLATION_COLUMNS,
    )
    list_select_related = ("project",)
    list_filter = ("kind", "status", "project", "countries", "themes", IncompleteTranslationFilter)
    search_fields = ("slug", "title_en", "title_fr", "summary_en", "summary_fr")
    autocomplete_fields = ("project", "countries", "themes", "organisations")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = (EventInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "project", "status", "summary")}),
        (
            _("Where and when"),
            {
                "fields": (
                    "place",
                    "countries",
                    ("start_date", "start_date_precision"),
                    ("end_date", "end_date_precision"),
                )
            },
        ),
        (_("Who"), {"fields": ("themes", "organisations", *PARTICIPATION)}),
    )


@admin.register(Event)
class EventAdmin(
    RoleAdminMixin, TranslationStatusMixin, SimpleHistoryAdmin, TabbedTranslationAdmin
):
    country_scope = "country"
    scope_field = "country"
    list_display = ("title", "activity", "place", "country", "start_date", *TRANSLATION_COLUMNS)
    list_select_related = ("activity", "country")
    list_filter = ("kind", "format", "country", IncompleteTranslationFilter)
    search_fields = ("slug", "title_en", "title_fr", "place_en", "place_fr")
    autocomplete_fields = ("activity", "country", "organisations")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"
    fields = EventInline.fields[:1] + ("activity",) + EventInline.fields[1:]
