from django.shortcuts import render

from core.exports import wants_csv
from core.views import export_csv, filtered_list, history_page, record_page
from projects.filters import AgreementFilter, ProjectFilter, ResultFilter
from projects.models import Agreement, Country, Project, Result, ThematicArea
from projects.selectors import (
    agreement_page,
    corridors,
    countries_listed,
    country_page,
    project_page,
    result_page,
    theme_page,
)


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
    if wants_csv(request):
        return export_csv(request, Country.objects.all())
    return render(request, "projects/country_list.html", {"countries": countries_listed()})


def country_detail(request, code):
    return record_page(request, country_page, "projects/country_detail.html", code=code)


def theme_list(request):
    if wants_csv(request):
        return export_csv(request, ThematicArea.objects.all())
    return render(request, "projects/theme_list.html", {"themes": ThematicArea.objects.all()})


def theme_detail(request, slug):
    return record_page(request, theme_page, "projects/theme_detail.html", record="theme", slug=slug)


def result_list(request):
    return filtered_list(
        request, ResultFilter, Result.objects.published().for_listing(), "projects/result_list.html"
    )


def result_detail(request, slug):
    return record_page(
        request, result_page, "projects/result_detail.html", record="result", slug=slug
    )


def agreement_list(request):
    return filtered_list(
        request,
        AgreementFilter,
        Agreement.objects.published().for_listing(),
        "projects/agreement_list.html",
    )


def agreement_detail(request, slug):
    return record_page(
        request, agreement_page, "projects/agreement_detail.html", record="agreement", slug=slug
    )


def corridor_list(request):
    return render(request, "projects/corridor_list.html", {"corridors": corridors()})


def project_history(request, slug):
    return history_page(request, Project.objects.all(), slug=slug)


def country_history(request, code):
    return history_page(request, Country.objects.all(), code=code.upper())


def theme_history(request, slug):
    return history_page(request, ThematicArea.objects.all(), slug=slug)
