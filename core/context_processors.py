from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def language_versions(request):
    """The current page in each language, filters and all, for the switcher and hreflang."""
    path = request.get_full_path()
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        versions.append(
            {"code": code, "name": info["name_local"], "url": translate_url(path, code)}
        )
    return {"language_versions": versions}
