"""Site-wide rules: security headers, what robots may index, which methods public pages take,
and addresses written in the other language's words."""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

READ_METHODS = ["GET", "HEAD"]


def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def is_admin(request):
    """Whether the request is for the admin, wherever ADMIN_PATH puts it."""
    return request.path_info.startswith(f"/{settings.ADMIN_PATH}")


def admin_noindex(get_response):
    """Search engines never index the admin; robots.txt does not name its path, so this says so."""

    def middleware(request):
        response = get_response(request)
        if is_admin(request):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return middleware


def staff_language(get_response):
    """A staff member who chose a language on their profile gets the whole admin in it."""

    def middleware(request):
        profile = None
        if is_admin(request) and request.user.is_authenticated:
            profile = getattr(request.user, "staff_profile", None)
        if profile is not None and profile.language:
            translation.activate(profile.language)
            request.LANGUAGE_CODE = profile.language
        return get_response(request)

    return middleware


def public_pages_read_only(get_response):
    """Public pages answer GET and HEAD only; the admin is the one place that takes forms."""

    def middleware(request):
        if request.method not in READ_METHODS and not is_admin(request):
            return HttpResponseNotAllowed(READ_METHODS)
        return get_response(request)

    return middleware


def pages_in_other_words(get_response):
    """An address in another language's words leads to the page in the visitor's language.

    `/projects/` (the sitemap's x-default) for a French visitor, or `/fr/projects/`, would
    otherwise be a 404: the French page is `/fr/projets/`. Only a path that is no page of the
    visitor's language is redirected, so a real 404 stays one.
    """
    codes = [code for code, _name in settings.LANGUAGES]

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or request.method not in READ_METHODS or is_admin(request):
            return response
        target = _same_page_in(request.path_info, translation.get_language(), codes)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponseRedirect(f"{target}?{query}" if query else target)

    return middleware


def _same_page_in(path, language, codes):
    first, _sep, rest = path.lstrip("/").partition("/")
    words = f"/{rest}" if first in codes else path
    for code in codes:
        candidate = f"/{code}{words}"
        with translation.override(code):
            try:
                resolve(candidate)
            except Resolver404:
                continue
            target = translate_url(candidate, language)
        if target != path and target.startswith(f"/{language}/"):
            return target
    return None
