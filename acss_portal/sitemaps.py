from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from activities.models import Activity, Event
from partners.models import Organisation
from projects.models import Agreement, Country, Project, Result, ThematicArea


class PortalSitemap(Sitemap):
    """Every public page in English and French, each listing the other as an alternate."""

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(PortalSitemap):
    def items(self):
        return [
            "home",
            "projects:list",
            "activities:list",
            "events:list",
            "results:list",
            "agreements:list",
            "corridors",
            "countries:list",
            "themes:list",
            "partners:list",
            "documents:list",
            "open_data",
            "pages:about",
            "pages:contact",
            "pages:legal",
            "pages:privacy",
            "pages:accessibility",
        ]

    def location(self, name):
        return reverse(name)


class RecordSitemap(PortalSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        queryset = self.model.objects.order_by("pk")
        return queryset.published() if hasattr(queryset, "published") else queryset


SITEMAPS = {
    "pages": PageSitemap(),
    "projects": RecordSitemap(Project),
    "activities": RecordSitemap(Activity),
    "events": RecordSitemap(Event),
    "results": RecordSitemap(Result),
    "agreements": RecordSitemap(Agreement),
    "countries": RecordSitemap(Country),
    "themes": RecordSitemap(ThematicArea),
    "partners": RecordSitemap(Organisation),
}
