from modeltranslation.translator import TranslationOptions, register

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
