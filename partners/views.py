from core.views import filtered_list, history_page, record_page
from partners.filters import OrganisationFilter
from partners.models import Organisation
from partners.selectors import organisation_page


def partner_list(request):
    return filtered_list(
        request,
        OrganisationFilter,
        Organisation.objects.published().for_listing(),
        "partners/partner_list.html",
    )


def partner_detail(request, slug):
    return record_page(
        request, organisation_page, "partners/partner_detail.html", record="organisation", slug=slug
    )


def partner_history(request, slug):
    return history_page(request, Organisation.objects.all(), slug=slug)
