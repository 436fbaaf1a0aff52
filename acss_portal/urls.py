from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from acss_portal.sitemaps import SITEMAPS
from activities import urls as activity_urls
from core import views
from core.content_admin import view_on_site
from documents import urls as factsheets
from opendata import urls as opendata_urls
from opendata.views import open_data
from pages.feeds import NewRecordsFeed
from pages.views import favicon, home
from projects import urls as project_urls
from projects import views as project_views
from search.views import search_page

urlpatterns = [
    # Before the admin's own shortcut, which would redirect any staff member to any draft.
    path(
        f"{settings.ADMIN_PATH}r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Open data: the JSON API, the IATI file and the bulk downloads, the same in every language.
    path("api/v1/", include((opendata_urls.api_patterns, "api"))),
    path("iati/", include((opendata_urls.iati_patterns, "iati"))),
    path("downloads/", include((opendata_urls.download_patterns, "downloads"))),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path(
        _("projects/"),
        include(
            (project_urls.project_patterns + factsheets.project_factsheet_patterns, "projects")
        ),
    ),
    path(
        _("countries/"),
        include(
            (project_urls.country_patterns + factsheets.country_factsheet_patterns, "countries")
        ),
    ),
    path(_("themes/"), include((project_urls.theme_patterns, "themes"))),
    path(_("results/"), include((project_urls.result_patterns, "results"))),
    path(_("agreements/"), include((project_urls.agreement_patterns, "agreements"))),
    path(_("south-south-corridors/"), project_views.corridor_list, name="corridors"),
    path(_("activities/"), include((activity_urls.activity_patterns, "activities"))),
    path(_("events/"), include((activity_urls.event_patterns, "events"))),
    path(_("feed/"), NewRecordsFeed(), name="feed"),
    path(_("partners/"), include("partners.urls")),
    path(_("documents/"), include("documents.urls")),
    path(_("search/"), search_page, name="search"),
    path(_("open-data/"), open_data, name="open_data"),
    path("", include("pages.urls")),
)
