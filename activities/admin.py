from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from activities.models import Activity, Event
from core.admin import TRANSLATION_COLUMNS, project_short_name
from core.content_admin import ContentAdmin, ContentInline

PARTICIPATION = (("participants_on_site", "participants_online", "participants_approximate"),)


class EventInline(ContentInline, TranslationStackedInline):
    """Edited inside an activity: its dated sessions."""

    model = Event
    extra = 0
    autocomplete_fields = ("country", "organisations")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    fields = (
        "title",
        "slug",
        "slug_fr",
        ("kind", "format"),
        ("place", "country"),
        ("start_date", "end_date"),
        *PARTICIPATION,
        "organisations",
        "description",
    )


@admin.register(Activity)
class ActivityAdmin(ContentAdmin):
    list_display = (
        "title",
        "kind",
        project_short_name,
        "status",
        "start_date",
        *TRANSLATION_COLUMNS,
    )
    list_select_related = ("project",)
    list_filter = ("kind", "status", "project", "countries", "themes")
    search_fields = ("slug", "slug_fr", "title_en", "title_fr", "summary_en", "summary_fr")
    autocomplete_fields = ("project", "countries", "themes", "organisations")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    inlines = (EventInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "slug_fr", "kind", "project", "status", "summary")}),
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
class EventAdmin(ContentAdmin):
    list_display = ("title", "activity", "place", "country", "start_date", *TRANSLATION_COLUMNS)
    list_select_related = ("activity", "country")
    list_filter = ("kind", "format", "country")
    search_fields = ("slug", "slug_fr", "title_en", "title_fr", "place_en", "place_fr")
    autocomplete_fields = ("activity", "country", "organisations")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    date_hierarchy = "start_date"
    fields = EventInline.fields[:1] + ("activity",) + EventInline.fields[1:]
