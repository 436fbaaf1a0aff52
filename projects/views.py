from django.shortcuts import get_object_or_404, render

from projects.models import Project


def home(request):
    projects = list(Project.objects.for_listing())
    context = {
        "action": next((project for project in projects if project.featured), None),
        "projects": projects,
    }
    return render(request, "home.html", context)


def project_detail(request, slug):
    project = get_object_or_404(Project.objects.for_detail(), slug=slug)
    return render(request, "projects/project_detail.html", {"project": project})
