from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info


def language_versions(request):
    """The current page in each language, filters and all, for the switcher and hreflang."""
    path = request.get_full_path()
    # A record's page has its slug in each language (core.views.record_page sets it).
    record = getattr(request, "page_record", None)
    query = request.META.get("QUERY_STRING")
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if record is not None:
            with translation.override(code):
                url = record.get_absolute_url() + (f"?{query}" if query else "")
        else:
            url = translate_url(path, code)
        versions.append({"code": code, "name": info["name_local"], "url": url})
    return {"language_versions": versions}
