from django.urls import path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from projects import views

project_patterns = [
    path("", views.project_list, name="list"),
    path("<slug:slug>/", views.project_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("history/")), views.project_history, name="history"),
]

country_patterns = [
    path("", views.country_list, name="list"),
    # Lower-case ISO codes only, so that each country has one address.
    re_path(r"^(?P<code>[a-z]{2})/$", views.country_detail, name="detail"),
    re_path(
        format_lazy(r"^(?P<code>[a-z]{{2}})/{}$", _("history/")),
        views.country_history,
        name="history",
    ),
]

theme_patterns = [
    path("", views.theme_list, name="list"),
    path("<slug:slug>/", views.theme_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("history/")), views.theme_history, name="history"),
]

result_patterns = [
    path("", views.result_list, name="list"),
    path("<slug:slug>/", views.result_detail, name="detail"),
]

agreement_patterns = [
    path("", views.agreement_list, name="list"),
    path("<slug:slug>/", views.agreement_detail, name="detail"),
]
