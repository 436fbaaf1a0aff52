from django.urls import path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<slug:slug>/", views.document_download, name="download"),
]

# Factsheets live beside the pages of their records: /en/projects/acss/factsheet.pdf.
project_factsheet_patterns = [
    path(
        format_lazy("<slug:slug>/{}", _("factsheet.pdf")),
        views.project_factsheet,
        name="factsheet",
    ),
]
country_factsheet_patterns = [
    re_path(
        format_lazy(r"^(?P<code>[a-z]{{2}})/{}$", _("factsheet.pdf")),
        views.country_factsheet,
        name="factsheet",
    ),
]
