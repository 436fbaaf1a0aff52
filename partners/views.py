from django.shortcuts import get_object_or_404, render

from acss_portal.views import filtered_list
from activities.models import Activity, Event
from partners.filters import OrganisationFilter
from partners.models import Organisation


def partner_list(request):
    return filtered_list(
        request,
        OrganisationFilter,
        Organisation.objects.published().for_listing(),
        "partners/partner_list.html",
    )


def partner_detail(request, slug):
    organisations = Organisation.objects.visible_to(request.user).for_detail()
    organisation = get_object_or_404(organisations, slug=slug)
    context = {
        "organisation": organisation,
        "activities": Activity.objects.published().filter(organisations=organisation).for_listing(),
        "events": Event.objects.published().filter(organisations=organisation).for_listing(),
    }
    return render(request, "partners/partner_detail.html", context)
