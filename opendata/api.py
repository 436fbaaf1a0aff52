"""The read-only JSON API at /api/v1/: every exported model (core.exports), filtered as its list page.

Plain Django views rather than a framework: the resources, their fields and their filters are
already declared once (core.exports, <app>/filters.py), so a framework would add a second
description of the same things, and dependencies, for no gain.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, JsonResponse
from django.urls import reverse

from core import exports

PER_PAGE = 50


def export_named(resource) -> exports.Export:
    for export in exports.REGISTRY.values():
        if export.resource == resource:
            return export
    raise Http404


def exporter_for(request) -> exports.Exporter:
    """Links between records lead to their API addresses, absolute for this request."""

    def link_of(record):
        export = exports.export_of(type(record))
        if export is None:
            return None
        key = getattr(record, export.key)
        return reverse("api:detail", kwargs={"resource": export.resource, "key": key})

    return exports.Exporter(request.build_absolute_uri, link_of)


def error(status, message, **details):
    return JsonResponse({"error": message, **details}, status=status)


def index(request):
    """What the API offers, each resource by its address."""
    url = request.build_absolute_uri
    return JsonResponse(
        {
            "resources": {
                export.resource: url(reverse("api:list", args=[export.resource]))
                for export in exports.REGISTRY.values()
            },
            "openapi": url(reverse("api:openapi")),
            "documentation": url(reverse("open_data")),
            "licence": "https://creativecommons.org/licenses/by/4.0/",
        }
    )


def record_list(request, resource):
    export = export_named(resource)
    queryset = export.published()
    if export.filterset is not None:
        filterset = export.filterset(request.GET, queryset=queryset)
        if not filterset.is_valid():
            return error(400, "Invalid filter values.", filters=filterset.errors.get_json_data())
        queryset = filterset.qs
    paginator = Paginator(export.prepare(queryset), PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return error(400, "The page must be a whole number.")
    except EmptyPage:
        return error(404, "There is no such page.")
    exporter = exporter_for(request)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [exporter.as_json(export, record) for record in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def record_detail(request, resource, key):
    export = export_named(resource)
    queryset = export.model._default_manager.published().filter(**{export.key: key})
    record = export.prepare(queryset).first()
    if record is None:
        return error(404, "No published record has this key.")
    return JsonResponse(
        exporter_for(request).as_json(export, record), json_dumps_params={"ensure_ascii": False}
    )
