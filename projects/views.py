from django.db.models import Prefetch
from django.shortcuts import render

from core.views import filtered_list, history_page, record_page
from partners.models import Organisation
from projects.filters import ProjectFilter
from projects.models import Country, Project, ThematicArea
from projects.selectors import country_page, project_page, theme_page


def project_list(request):
    return filtered_list(
        request,
        ProjectFilter,
        Project.objects.published().for_listing(),
        "projects/project_list.html",
    )


def project_detail(request, slug):
    return record_page(
        request, project_page, "projects/project_detail.html", record="project", slug=slug
    )


def country_list(request):
    ministries = Organisation.objects.published().ministries()
    countries = Country.objects.prefetch_related(Prefetch("organisations", queryset=ministries))
    return render(request, "projects/country_list.html", {"countries": countries})


def country_detail(request, code):
    return record_page(request, country_page, "projects/country_detail.html", code=code)


def theme_list(request):
    return render(request, "projects/theme_list.html", {"themes": ThematicArea.objects.all()})


def theme_detail(request, slug):
    return record_page(request, theme_page, "projects/theme_detail.html", record="theme", slug=slug)


def project_history(request, slug):
    return history_page(request, Project.objects.all(), slug=slug)


def country_history(request, code):
    return history_page(request, Country.objects.all(), code=code.upper())


def theme_history(request, slug):
    return history_page(request, ThematicArea.objects.all(), slug=slug)
