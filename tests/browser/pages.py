"""Every public page type, named once. The browser checks (axe-core, the Nu Html Checker), the
screenshots and the Lighthouse script visit each in both languages: a new page type is one
line here."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class PageType:
    name: str
    url_name: str
    kwargs: dict = field(default_factory=dict)
    query: str = ""


PAGE_TYPES = [
    PageType("home", "home"),
    PageType("project list", "projects:list"),
    PageType("filtered project list", "projects:list", query="?country=SN"),
    PageType("project", "projects:detail", {"slug": "acss"}),
    PageType("country list", "countries:list"),
    PageType("country", "countries:detail", {"code": "ml"}),
    PageType("theme list", "themes:list"),
    PageType("theme", "themes:detail", {"slug": "migrants-rights"}),
    PageType("activity list", "activities:list"),
    PageType("activity", "activities:detail", {"slug": "modal-training-2021"}),
    PageType("activity history", "activities:history", {"slug": "modal-training-2021"}),
    PageType("partner list", "partners:list"),
    PageType("partner", "partners:detail", {"slug": "fecong"}),
    PageType("document list", "documents:list"),
    PageType("event list", "events:list"),
    PageType("event", "events:detail", {"slug": "modal-training-bamako-2021"}),
    PageType("result list", "results:list"),
    PageType("result", "results:detail", {"slug": "joint-action-plans-adopted"}),
    PageType("agreement list", "agreements:list"),
    PageType("agreement", "agreements:detail", {"slug": "mou-morocco-senegal-2013"}),
    PageType("south-south corridors", "corridors"),
    PageType("open data", "open_data"),
    PageType("about", "pages:about"),
    PageType("contact", "pages:contact"),
    PageType("legal notice", "pages:legal"),
    PageType("privacy", "pages:privacy"),
    PageType("accessibility statement", "pages:accessibility"),
    PageType("search results", "search", query="?q=thies"),
    PageType("search with a typo", "search", query="?q=bamakko"),
]


def page_paths(languages=None):
    """(page type name, language, path) of every page type in every language."""
    languages = languages or [code for code, _name in settings.LANGUAGES]
    paths = []
    for language in languages:
        with translation.override(language):
            for page in PAGE_TYPES:
                path = reverse(page.url_name, kwargs=page.kwargs) + page.query
                paths.append((page.name, language, path))
    return paths
