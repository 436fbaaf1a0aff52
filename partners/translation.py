from modeltranslation.translator import TranslationOptions, register

from core.history import track
from partners.models import Contact, Organisation, Partnership


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = ("en",)


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("role",)


# History is registered after the translations so that it records name_en, name_fr, ...
track(Organisation)
track(Partnership)
track(Contact)
