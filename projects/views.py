from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from acss_portal.views import filtered_list
from activities.models import Activity
from partners.models import Organisation
from projects.filters import ProjectFilter
from projects.models import Country, Project, Result, ThematicArea
from projects.summaries import country_records, key_figures, timeline


def home(request):
    projects = list(Project.objects.published().for_listing())
    context = {
        "action": next((project for project in projects if project.featured), None),
        "projects": projects,
        "figures": key_figures(),
        "countries": Country.objects.all(),
        "themes": ThematicArea.objects.all(),
        "latest_results": Result.objects.published()
        .for_listing()
        .filter(achieved_on__isnull=False)[:3],
    }
    return render(request, "home.html", context)


def project_list(request):
    return filtered_list(
        request,
        ProjectFilter,
        Project.objects.published().for_listing(),
        "projects/project_list.html",
    )


def project_detail(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user).for_detail(), slug=slug)
    context = {"project": project, "timeline": timeline(project)}
    return render(request, "projects/project_detail.html", context)


def country_list(request):
    countries = Country.objects.prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.published().ministries())
    )
    return render(request, "projects/country_list.html", {"countries": countries})


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    context = {"country": country, **country_records(country)}
    return render(request, "projects/country_detail.html", context)


def theme_list(request):
    return render(request, "projects/theme_list.html", {"themes": ThematicArea.objects.all()})


def theme_detail(request, slug):
    theme = get_object_or_404(ThematicArea, slug=slug)
    context = {
        "theme": theme,
        "projects": Project.objects.published().filter(themes=theme).for_listing(),
        "activities": Activity.objects.published().filter(themes=theme).for_listing(),
        "results": Result.objects.published().filter(theme=theme).for_listing(),
    }
    return render(request, "projects/theme_detail.html", context)
