from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core import exports
from opendata import bulk, iati
from opendata.openapi import filter_parameter, filters_of, openapi


def xml_response(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{file_name}"'
    return response


def iati_activities(request):
    # Made once per content generation, like the bulk files.
    content, _generation = bulk.cached(
        request, "iati", lambda request: iati.all_activities(request.build_absolute_uri)
    )
    return xml_response(content, "acss-iati-activities.xml")


def iati_activity(request, slug):
    content, _generation = bulk.cached(
        request, f"iati-{slug}", lambda request: iati.one_activity(slug, request.build_absolute_uri)
    )
    if content is None:
        raise Http404
    return xml_response(content, f"acss-iati-{slug}.xml")


def openapi_json(request):
    server = request.build_absolute_uri("/").rstrip("/")
    return JsonResponse(openapi(server), json_dumps_params={"ensure_ascii": False})


def download(content, content_type, file_name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def database_json(request):
    content, generation = bulk.cached(request, "json", bulk.database_json)
    return download(content, "application/json", f"acss-portal-{generation}.json")


def database_csv_zip(request):
    content, generation = bulk.cached(request, "zip", bulk.csv_zip)
    return download(content, "application/zip", f"acss-portal-csv-{generation}.zip")


def open_data(request):
    """What is published, under which licence, and how to fetch it: API, CSV, IATI, bulk files."""
    origin = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "opendata/open_data.html",
        {
            "origin": origin,
            "resources": api_reference(),
            "csv_lists": csv_lists(),
            "iati_example": iati.exported_projects()[:1],
        },
    )


def api_reference():
    """Each resource of the API with its filters and the values they take, for the docs."""
    reference = []
    for export in exports.REGISTRY.values():
        parameters = []
        for name, flt in filters_of(export).items():
            schema = filter_parameter(name, flt)["schema"]
            values = schema.get("enum") or schema.get("items", {}).get("enum") or []
            parameters.append({"name": name, "label": flt.label, "values": values})
        reference.append(
            {"resource": export.resource, "description": export.description, "filters": parameters}
        )
    return reference


def csv_lists():
    """(label, list page URL name) of the public lists that offer ?format=csv."""
    return [
        (_("Projects"), "projects:list"),
        (_("Activities"), "activities:list"),
        (_("Countries"), "countries:list"),
        (_("Fields of intervention"), "themes:list"),
        (_("Partners"), "partners:list"),
        (_("Documents"), "documents:list"),
    ]
