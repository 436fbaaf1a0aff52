"""Admin pieces shared by the apps: translation completeness at a glance."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TRANSLATION_COLUMNS = ("english_complete", "french_complete")


def translated_fields(model) -> list[str]:
    return list(translator.get_options_for_model(model).all_fields)


def translated_field_names(model) -> set[str]:
    """The translated fields and their per-language columns: title, title_en, title_fr, ..."""
    names = set(translated_fields(model))
    return names | {build_localized_fieldname(f, code) for f in names for code in LANGUAGE_CODES}


def missing_translations(obj, language: str) -> list[str]:
    """Fields that hold text in another language but not in this one."""
    missing = []
    for field in translated_fields(type(obj)):
        values = {
            code: getattr(obj, build_localized_fieldname(field, code)) for code in LANGUAGE_CODES
        }
        if any(values.values()) and not values[language]:
            missing.append(field)
    return missing


def incomplete_in(model, language: str) -> Q:
    """Records with a field filled in some language but empty in this one."""
    conditions = []
    for field in translated_fields(model):
        empty = Q(**{build_localized_fieldname(field, language): ""}) | Q(
            **{f"{build_localized_fieldname(field, language)}__isnull": True}
        )
        filled_elsewhere = reduce(
            or_,
            (
                ~Q(**{build_localized_fieldname(field, code): ""})
                & Q(**{f"{build_localized_fieldname(field, code)}__isnull": False})
                for code in LANGUAGE_CODES
                if code != language
            ),
        )
        conditions.append(empty & filled_elsewhere)
    return reduce(or_, conditions)


@admin.display(description=_("project"), ordering="project__acronym")
def project_short_name(record):
    """A record's project by acronym, so that list columns stay narrow."""
    return record.project.acronym or record.project.title


class IncompleteTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "incomplete"

    def lookups(self, request, model_admin):
        return [
            ("fr", _("French incomplete")),
            ("en", _("English incomplete")),
            ("fr-behind", _("French older than English")),
            ("en-behind", _("English older than French")),
        ]

    def queryset(self, request, queryset):
        from core.history import translations_behind

        value = self.value() or ""
        if value in LANGUAGE_CODES:
            return queryset.filter(incomplete_in(queryset.model, value))
        language = value.removesuffix("-behind")
        if value.endswith("-behind") and language in LANGUAGE_CODES:
            return queryset.filter(pk__in=translations_behind(queryset.model, language))
        return queryset


def _column_header(short, full):
    """A narrow list column header: the short label, the full one for the mouse and screen readers."""
    return lazy(lambda: format_html('<abbr title="{}">{}</abbr>', full, short), SafeString)()


class TranslationStatusMixin:
    """Two narrow list columns saying whether each language's text is complete."""

    @admin.display(description=_column_header("EN", _("English complete")), boolean=True)
    def english_complete(self, obj):
        return not missing_translations(obj, "en")

    @admin.display(description=_column_header("FR", _("French complete")), boolean=True)
    def french_complete(self, obj):
        return not missing_translations(obj, "fr")
