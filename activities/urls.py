from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from activities import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("<slug:slug>/", views.activity_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("history/")), views.activity_history, name="history"),
]
