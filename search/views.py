from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.filters import MAX_QUERY_LENGTH
from core.views import PER_PAGE
from search.index import kinds, search


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), max_length=MAX_QUERY_LENGTH, required=False)
    kind = forms.ChoiceField(label=_("Kind of record"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All")), *kinds()]


def search_page(request):
    form = SearchForm(request.GET)
    entries, query = [], ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        entries = search(query, kind=form.cleaned_data["kind"] or None)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "query": query, "page": page}
    return render(request, "search.html", context, status=200 if form.is_valid() else 400)
