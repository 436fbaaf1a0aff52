from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from activities import views
from activities.feeds import EventFeed

activity_patterns = [
    path("", views.activity_list, name="list"),
    path("<slug:slug>/", views.activity_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("history/")), views.activity_history, name="history"),
]

event_patterns = [
    path("", views.event_list, name="list"),
    # Before the events' own addresses, which it would otherwise look like.
    path(_("feed/"), EventFeed(), name="feed"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path(format_lazy("<slug:slug>/{}", _("calendar.ics")), views.event_ics, name="calendar"),
]
