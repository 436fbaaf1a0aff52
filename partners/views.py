from django.shortcuts import get_object_or_404, render

from acss_portal.views import filtered_list
from activities.models import Activity, Event
from partners.filters import OrganisationFilter
from partners.models import Organisation


def partner_list(request):
    return filtered_list(
        request,
        OrganisationFilter,
        Organisation.objects.for_listing(),
        "partners/partner_list.html",
    )


def partner_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.for_detail(), slug=slug)
    context = {
        "organisation": organisation,
        "activities": Activity.objects.filter(organisations=organisation).for_listing(),
        "events": Event.objects.filter(organisations=organisation).for_listing(),
    }
    return render(request, "partners/partner_detail.html", context)
