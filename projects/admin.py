from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import TRANSLATION_COLUMNS, project_short_name
from core.content_admin import ContentAdmin, ContentInline
from partners.admin import PartnershipInline
from projects.models import Agreement, Country, Project, ProjectLink, Result, ThematicArea


@admin.register(Country)
class CountryAdmin(ContentAdmin):
    list_display = ("name", "code", *TRANSLATION_COLUMNS)
    search_fields = ("code", "name_en", "name_fr")


@admin.register(ThematicArea)
class ThematicAreaAdmin(ContentAdmin):
    list_display = ("name", "slug", "position", *TRANSLATION_COLUMNS)
    list_editable = ("position",)
    search_fields = ("slug", "slug_fr", "name_en", "name_fr")
    prepopulated_fields = {"slug": ("name_en",), "slug_fr": ("name_fr",)}


class ProjectLinkInline(ContentInline, TranslationTabularInline):
    model = ProjectLink
    extra = 0


@admin.register(Project)
class ProjectAdmin(ContentAdmin):
    list_display = ("title", "acronym", "status", "part_of", "planned_start", *TRANSLATION_COLUMNS)
    list_select_related = ("parent",)
    list_filter = ("status", "countries", "themes")
    search_fields = (
        "slug",
        "slug_fr",
        "acronym",
        "title_en",
        "title_fr",
        "summary_en",
        "summary_fr",
        "objective_en",
        "objective_fr",
        "aliases",
    )
    autocomplete_fields = ("parent", "countries", "themes")
    prepopulated_fields = {"slug": ("acronym",), "slug_fr": ("acronym",)}
    inlines = (PartnershipInline, ProjectLinkInline)

    @admin.display(description=_("part of"), ordering="parent__acronym")
    def part_of(self, project):
        return project.parent.acronym or project.parent.title if project.parent else None

    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "acronym",
                    "aliases",
                    "slug",
                    "slug_fr",
                    "parent",
                    "status",
                    "featured",
                )
            },
        ),
        (
            _("Description"),
            {
                "fields": (
                    "summary",
                    "context",
                    "objective",
                    "approach",
                    "approach_steps",
                    "beneficiaries",
                )
            },
        ),
        (_("Where and what"), {"fields": ("countries", "themes", ("region", "focus", "topic"))}),
        (
            _("Period"),
            {
                "fields": (
                    ("planned_start", "planned_start_precision"),
                    ("planned_end", "planned_end_precision"),
                    ("actual_start", "actual_start_precision"),
                    ("actual_end", "actual_end_precision"),
                )
            },
        ),
    )


@admin.register(Agreement)
class AgreementAdmin(ContentAdmin):
    list_display = ("title", "kind", "signed_on", *TRANSLATION_COLUMNS)
    list_filter = ("kind", "countries")
    search_fields = ("slug", "slug_fr", "title_en", "title_fr", "commitments_en", "commitments_fr")
    autocomplete_fields = ("countries", "projects")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    fields = (
        "title",
        "slug",
        "slug_fr",
        "kind",
        ("signed_on", "signed_on_precision"),
        "countries",
        "projects",
        "commitments",
    )


@admin.register(Result)
class ResultAdmin(ContentAdmin):
    list_display = (
        "title",
        project_short_name,
        "status",
        "achieved_on",
        "theme",
        *TRANSLATION_COLUMNS,
    )
    list_select_related = ("project", "theme")
    list_filter = ("status", "project", "theme", "countries")
    search_fields = ("slug", "slug_fr", "title_en", "title_fr", "description_en", "description_fr")
    autocomplete_fields = ("project", "countries", "theme", "activities")
    prepopulated_fields = {"slug": ("title_en",), "slug_fr": ("title_fr",)}
    fields = (
        "title",
        "slug",
        "slug_fr",
        "project",
        "status",
        ("achieved_on", "achieved_on_precision"),
        "place",
        "countries",
        "theme",
        "activities",
        "description",
    )
