from modeltranslation.translator import TranslationOptions, register

from activities.models import Activity, Event
from core.history import track


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "place")
    required_languages = ("en",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ("en",)


# History is registered after the translations so that it records title_en, title_fr, ...
track(Activity, m2m_fields=["countries", "themes", "organisations"])
track(Event, m2m_fields=["organisations"])
