from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.filters import MAX_QUERY_LENGTH
from core.views import PER_PAGE
from search.highlight import entry_snippet, highlight
from search.index import find, is_capped, kinds


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), max_length=MAX_QUERY_LENGTH, required=False)
    kind = forms.ChoiceField(label=_("Kind of record"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All")), *kinds()]


def search_page(request):
    form = SearchForm(request.GET)
    entries, count, words, query, corrected = [], 0, [], "", None
    if form.is_valid():
        query = form.cleaned_data["q"]
        found = find(query, kind=form.cleaned_data["kind"] or None)
        entries, count, words, corrected = found.entries, found.count, found.words, found.corrected
    paginator = Paginator(entries, PER_PAGE)
    paginator.count = count  # counted once by find()
    page = paginator.get_page(request.GET.get("page"))
    for entry in page.object_list:
        entry.marked_title = highlight(entry.title, words)
        entry.snippet = entry_snippet(entry, words)
    context = {
        "form": form,
        "query": query,
        "corrected": corrected,
        "page": page,
        "capped": is_capped(page.paginator.count),
    }
    return render(request, "search.html", context, status=200 if form.is_valid() else 400)
