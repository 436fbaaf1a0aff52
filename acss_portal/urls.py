from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from acss_portal.sitemaps import SITEMAPS
from core import views
from core.content_admin import view_on_site
from documents import urls as factsheets
from pages.views import favicon, home
from projects import urls as project_urls
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
    path(_("activities/"), include("activities.urls")),
    path(_("partners/"), include("partners.urls")),
    path(_("documents/"), include("documents.urls")),
    path(_("search/"), search_page, name="search"),
    path("", include("pages.urls")),
)
