from modeltranslation.translator import TranslationOptions, register

from core.history import track
from projects.models import Agreement, Country, Project, ProjectLink, Result, ThematicArea


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", "role")
    required_languages = ("en", "fr")


@register(ThematicArea)
class ThematicAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en", "fr")


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "context",
        "objective",
        "approach",
        "approach_steps",
        "beneficiaries",
        "region",
        "focus",
        "topic",
    )
    required_languages = ("en",)


@register(ProjectLink)
class ProjectLinkTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "commitments")
    required_languages = ("en",)


@register(Result)
class ResultTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ("en",)


# History is registered after the translations so that it records title_en, title_fr, ...
track(Country)
track(ThematicArea)
track(Project, m2m_fields=["countries", "themes"])
track(ProjectLink)
track(Agreement, m2m_fields=["countries", "projects"])
track(Result, m2m_fields=["countries", "activities"])
