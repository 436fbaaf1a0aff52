from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from core.models import slug_matches
from core.views import filtered_list
from documents.factsheets import CountryFactsheet, ProjectFactsheet, cached_pdf
from documents.filters import DocumentFilter
from documents.models import Document, Source

# The library lists at most this many sources (the seed has five).
SOURCES_LISTED = 50


def factsheet_response(request, kind, url_name, **lookup):
    """The factsheet PDF, or 304 when the visitor's copy is still current."""
    url = request.build_absolute_uri(reverse(url_name, kwargs=lookup))
    found = cached_pdf(kind, user=request.user, lookup=lookup, url=url)
    if found is None:
        raise Http404
    record, pdf, as_of, file_name, digest = found
    etag = quote_etag(f"{digest}-{request.LANGUAGE_CODE}")
    last_modified = int(as_of.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is None:
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{file_name}"'
    else:
        response = not_modified
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    if record.is_public:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    else:  # a staff member's preview of a draft never rests in a shared cache
        patch_cache_control(response, private=True, no_store=True)
    return response


def project_factsheet(request, slug):
    return factsheet_response(request, ProjectFactsheet, "projects:detail", slug=slug)


def country_factsheet(request, code):
    return factsheet_response(request, CountryFactsheet, "countries:detail", code=code)


def document_list(request):
    sources = Source.objects.published().for_listing()[:SOURCES_LISTED]
    return filtered_list(
        request,
        DocumentFilter,
        Document.objects.published(),
        "documents/document_list.html",
        sources=sources,
    )


def document_download(request, slug):
    document = get_object_or_404(Document.objects.visible_to(request.user), slug_matches(slug))
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this document is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{document.slug}.{document.extension.lower()}",
        content_type=document.content_type,
    )
    if not document.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response
