from modeltranslation.translator import TranslationOptions, register

from core.history import track
from documents.models import Document, Source


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


# History is registered after the translations so that it records title_en, title_fr, ...
track(Document, m2m_fields=["projects", "activities", "countries"])


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("en",)


track(Source, m2m_fields=Source.CITED_BY)
