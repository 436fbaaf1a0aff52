from modeltranslation.translator import TranslationOptions, register

from activities.models import Activity, Event


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "place")
    required_languages = ("en",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ("en",)
