"""Views and helpers that every app's pages share, and the site-wide plain answers."""

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from core import exports
from core.caching import shared
from core.models import slug_matches
from core.public_history import describe, public_versions

PER_PAGE = 20


def filtered_list(request, filterset_class, queryset, template_name, **context):
    """A filterable, paginated list; invalid filter values give a 400 page that says why.

    `?format=csv` on the same address gives every record the filters select, as CSV.
    """
    filterset = filterset_class(request.GET, queryset=queryset)
    valid = filterset.is_valid()
    if exports.wants_csv(request):
        return export_csv(request, filterset.qs) if valid else exports.filter_errors(filterset)
    if not valid:
        page = Paginator(queryset.none(), PER_PAGE).get_page(1)
        context.update(filterset=filterset, page=page, facets=filterset.facets())
        return render(request, template_name, context, status=400)
    # The same for every visitor, and kept until the content changes (core.caching.shared),
    # keyed on the filters' own values only: another address of the same list (a tracking
    # parameter, the next page's facets) reads them rather than counting every row again.
    values = tuple(
        (name, tuple(filterset.data.getlist(name)))
        for name in sorted(filterset.filters)
        if name in filterset.data
    )
    kind = (f"{type(filterset).__module__}.{type(filterset).__qualname__}", template_name, values)
    facets, count = shared(
        "list aggregates", *kind, compute=lambda: (filterset.facets(), filterset.qs.count())
    )
    page = CountedPaginator(filterset.qs, PER_PAGE, count=count).get_page(request.GET.get("page"))
    # The page's records with what their items show (prefetched), per page number.
    page.object_list = shared(
        "list page", *kind, page.number, compute=lambda: list(page.object_list)
    )
    context.update(filterset=filterset, page=page, facets=facets)
    return render(request, template_name, context)


class CountedPaginator(Paginator):
    """A paginator told how many records there are, rather than counting them again."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.count = count  # in place of Paginator.count, a cached_property


def export_csv(request, queryset):
    """The records as CSV with the columns their model declares (core.exports)."""
    export = exports.export_of(queryset.model)
    if export is None:
        raise Http404
    return exports.csv_response(request, export, queryset, export.resource)


def record_page(request, selector, template_name, *, record=None, **lookup):
    """A record's page: what `selector` gives for this visitor, or 404 when it gives nothing.

    Every record page is built this way, so that what the visitor may see (published
    records, and the drafts a staff member may edit) is decided by the selector alone.
    `record` names the page's record in the selector's answer: an address with its slug in
    the other language (or a former one) moves for good to the page's own address.
    """
    context = selector(user=request.user, **lookup)
    if context is None:
        raise Http404
    if record is not None:
        request.page_record = context[record]
        address = context[record].get_absolute_url()
        if address != request.path:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)
    return render(request, template_name, context)


def history_page(request, queryset, **lookup):
    """A public record's published versions, newest first, paginated; a 404 unless it is public.

    Staff see no more here than the public: a draft has no public history.
    """
    # Either language's slug: French pages link the French one.
    found = slug_matches(lookup.pop("slug")) if "slug" in lookup else Q()
    record = queryset.published().filter(found, **lookup).first()
    if record is None:
        raise Http404
    versions = public_versions(record)[::-1]
    page = Paginator(versions, PER_PAGE).get_page(request.GET.get("page"))
    describe(record, page.object_list)
    return render(request, "history.html", {"record": record, "page": page})


@never_cache  # it answers for the database now, never from a cache
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers and monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request):
    # The admin path is not named here, where anyone could read it; admin responses say
    # X-Robots-Tag: noindex instead (acss_portal.middleware.admin_noindex).
    lines = [
        "User-agent: *",
        "Disallow:",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
