"""Template helpers for the public pages."""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

register = template.Library()

# The note beside text shown in another language than the page's.
IN_LANGUAGE = {"en": _("(in English)"), "fr": _("(in French)")}


def _fallback(obj, field):
    """(language, text) for a translated field: the page's language, else another one."""
    current = get_language()
    codes = [current] + [code for code, _name in settings.LANGUAGES if code != current]
    for code in codes:
        value = getattr(obj, build_localized_fieldname(field, code), "")
        if value:
            return code, value
    return current, ""


@register.simple_tag
def text(obj, field, paragraphs=False, words=None):
    """A translated field; text missing in the page's language is shown marked in the other one.

    `{% text project "summary" paragraphs=True %}` renders line breaks as paragraphs;
    `words=40` shortens the text to forty words.
    """
    code, value = _fallback(obj, field)
    if words:
        value = Truncator(value).words(words)
    rendered = (
        linebreaks_filter(value, autoescape=True) if paragraphs else conditional_escape(value)
    )
    if code == get_language() or not value:
        # A name used untranslated in every language says which one it is written in.
        own = getattr(obj, f"{field}_language", "")
        if value and own and own != get_language():
            return format_html('<span lang="{}">{}</span>', own, rendered)
        return rendered
    note = IN_LANGUAGE.get(code, code)
    tag = "div" if paragraphs else "span"
    return format_html(
        '<{} lang="{}" class="fallback">{}</{}> <small class="fallback-note">{}</small>',
        tag,
        code,
        rendered,
        tag,
        note,
    )


@register.filter
def plain(obj, field):
    """A translated field as plain text, with fallback, for titles and meta tags."""
    return _fallback(obj, field)[1]


@register.filter
def reason_label(code):
    """A history entry's reason code in the reader's language."""
    from core.publication import reason_label as label

    return label(code)
