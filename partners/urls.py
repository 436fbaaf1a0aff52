from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from partners import views

app_name = "partners"

urlpatterns = [
    path("", views.partner_list, name="list"),
    path("<slug:slug>/", views.partner_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("history/")), views.partner_history, name="history"),
]
