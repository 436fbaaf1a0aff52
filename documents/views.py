from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from acss_portal.views import filtered_list
from documents.factsheets import CountryFactsheet, ProjectFactsheet, cached_pdf, freshness
from documents.filters import DocumentFilter
from documents.models import Document
from projects.models import Country, Project


def factsheet_response(request, factsheet):
    """The factsheet PDF, or 304 when the visitor's copy is still current."""
    newest, signature = freshness(factsheet)
    etag = quote_etag(f"{signature[:20]}-{request.LANGUAGE_CODE}")
    last_modified = int(newest.timestamp()) if newest else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    url = request.build_absolute_uri(factsheet.record.get_absolute_url())
    pdf = cached_pdf(factsheet, url=url, signature=signature, as_of=newest)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{factsheet.file_name()}"'
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def project_factsheet(request, slug):
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    return factsheet_response(request, ProjectFactsheet(project))


def country_factsheet(request, code):
    return factsheet_response(
        request, CountryFactsheet(get_object_or_404(Country, code=code.upper()))
    )


def document_list(request):
    return filtered_list(
        request, DocumentFilter, Document.objects.published(), "documents/document_list.html"
    )


def document_download(request, slug):
    document = get_object_or_404(Document.objects.visible_to(request.user), slug=slug)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this document is missing.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{document.slug}.{document.extension.lower()}",
        content_type=document.content_type,
    )
