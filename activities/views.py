from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from acss_portal.views import filtered_list
from activities.filters import ActivityFilter
from activities.models import Activity
from documents.models import Document
from projects.models import Result


def activity_list(request):
    return filtered_list(
        request,
        ActivityFilter,
        Activity.objects.published().for_listing(),
        "activities/activity_list.html",
    )


def activity_detail(request, slug):
    activities = (
        Activity.objects.visible_to(request.user)
        .for_detail()
        .prefetch_related(
            Prefetch("results", queryset=Result.objects.published().for_listing()),
            Prefetch("documents", queryset=Document.objects.published()),
        )
    )
    activity = get_object_or_404(activities, slug=slug)
    return render(request, "activities/activity_detail.html", {"activity": activity})
