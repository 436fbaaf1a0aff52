from django import forms
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from acss_portal.filters import MAX_QUERY_LENGTH
from acss_portal.search import search as run_search

PER_PAGE = 20


def filtered_list(request, filterset_class, queryset, template_name, **context):
    """A filterable, paginated list; invalid filter values give a 400 page that says why."""
    filterset = filterset_class(request.GET, queryset=queryset)
    valid = filterset.is_valid()
    page = Paginator(filterset.qs if valid else queryset.none(), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context.update(filterset=filterset, page=page, facets=filterset.facets())
    return render(request, template_name, context, status=200 if valid else 400)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), max_length=MAX_QUERY_LENGTH, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of record"),
        required=False,
        choices=[
            ("", _("All")),
            ("project", _("Projects")),
            ("activity", _("Activities")),
            ("event", _("Events")),
            ("result", _("Results")),
            ("organisation", _("Partners")),
        ],
    )


def search(request):
    form = SearchForm(request.GET)
    entries, query = [], ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        entries = run_search(query, kind=form.cleaned_data["kind"] or None)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "query": query, "page": page}
    return render(request, "search.html", context, status=200 if form.is_valid() else 400)


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
