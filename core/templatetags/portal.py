"""Template helpers for the public pages."""

import datetime
import html
import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import QueryDict
from django.template.defaultfilters import linebreaks_filter
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.partial_dates import PartialDate, Period, format_date

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


@dataclass
class Chip:
    """An active filter, and the address of the same list without it."""

    label: str
    value: str
    url: str


@register.simple_tag(takes_context=True)
def active_filters(context):
    """The filters the visitor has set, each with a link that removes it (and the page number)."""
    request, filterset = context["request"], context["filterset"]
    option_labels = {
        facet.name: {option.value: option.label for option in facet.options}
        for facet in context.get("facets", [])
    }
    chips = []
    for name, values in request.GET.lists():
        if name not in filterset.filters:
            continue
        for value in values:
            if not value.strip():
                continue
            # The same list without this value, without the page number and the empty
            # fields a submitted form leaves.
            remaining = QueryDict(mutable=True)
            for other_name, others in request.GET.lists():
                kept = [
                    other
                    for other in others
                    if other.strip() and (other_name, other) != (name, value)
                ]
                if other_name != "page" and kept:
                    remaining.setlist(other_name, kept)
            query = remaining.urlencode()
            if name == "q":  # the visitor's own words, quoted
                value = gettext("“%(query)s”") % {"query": value}
            chips.append(
                Chip(
                    label=str(filterset.filters[name].label),
                    value=option_labels.get(name, {}).get(value, value),
                    url=f"?{query}" if query else request.path,
                )
            )
    return chips


# A section's heading: an <h2 id="…">, or the <h2> of a <section id="…">.
HEADING = re.compile(
    r'(?:<section id="(?P<section>[^"]+)"[^>]*>\s*<h2[^>]*>|<h2 id="(?P<id>[^"]+)"[^>]*>)'
    r"(?P<title>.*?)</h2>",
    re.DOTALL,
)


class OnThisPageNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        sections = [
            (match["id"] or match["section"], html.unescape(strip_tags(match["title"])).strip())
            for match in HEADING.finditer(content)
        ]
        if len(sections) < 2:
            return content
        nav = render_to_string("includes/on_this_page.html", {"sections": sections})
        # Both parts come out of templates, escaped there.
        return mark_safe(nav + content)


@register.tag
def onthispage(parser, token):
    """`{% onthispage %}…{% endonthispage %}`: the block, led by links to each of its sections.

    A section is an `<h2 id="…">` the block renders, so the list names only the sections
    present, in their order, with nothing to keep in step by hand.
    """
    nodelist = parser.parse(("endonthispage",))
    parser.delete_first_token()
    return OnThisPageNode(nodelist)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered with autoescape already: kept as it is, so it is not escaped twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: render once, use as often as needed.

    base.html captures the title and description blocks for <title> and the social meta tags.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def partial_date(value, precision="day"):
    """A date, partial date or period in the page language's one format, in <time> elements.

    `{{ agreement.date|partial_date }}` → "June 2013" / "juin 2013";
    `{{ document.published_on|partial_date }}` → "12 March 2021" / "12 mars 2021".
    """
    if not value:
        return ""
    if isinstance(value, str):  # already written out
        return value
    if isinstance(value, PartialDate | Period):
        return value.as_html()
    if isinstance(value, datetime.datetime):
        value = localtime(value).date()
    return PartialDate(value, precision).as_html()


@register.filter
def acronym_shown(record):
    """The record's acronym, or "" when its name already shows it ("ADEPT", "… (GIZ) GmbH")."""
    from core.names import acronym_adds_to

    name = _fallback(record, "name" if hasattr(record, "name") else "title")[1]
    acronym = getattr(record, "acronym", "")
    return acronym if acronym_adds_to(name, acronym) else ""


@register.filter
def date_text(value):
    """A date (or date and time) as plain text in the page language's format, for sentences."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = localtime(value).date()
    return format_date(value)
