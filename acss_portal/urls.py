from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from acss_portal import views
from acss_portal.sitemaps import SITEMAPS
from projects import urls as project_urls
from projects import views as project_views

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", project_views.home, name="home"),
    path(_("projects/"), include((project_urls.project_patterns, "projects"))),
    path(_("countries/"), include((project_urls.country_patterns, "countries"))),
    path(_("themes/"), include((project_urls.theme_patterns, "themes"))),
    path(_("activities/"), include("activities.urls")),
    path(_("partners/"), include("partners.urls")),
    path(_("documents/"), include("documents.urls")),
    path(_("search/"), views.search, name="search"),
)
