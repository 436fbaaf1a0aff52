from activities.filters import ActivityFilter
from activities.models import Activity
from activities.selectors import activity_page
from core.views import filtered_list, history_page, record_page


def activity_list(request):
    return filtered_list(
        request,
        ActivityFilter,
        Activity.objects.published().for_listing(),
        "activities/activity_list.html",
    )


def activity_detail(request, slug):
    return record_page(
        request, activity_page, "activities/activity_detail.html", record="activity", slug=slug
    )


def activity_history(request, slug):
    return history_page(request, Activity.objects.all(), slug=slug)
