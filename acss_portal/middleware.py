"""Site-wide rules: security headers, what robots may index, which methods public pages take,
addresses written in the other language's words, and the cache and compression of public pages."""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from core.caching import cache_call, content_key, content_scope
from core.models import ContentGeneration

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


# The page cache: whole responses for anonymous visitors.
#
# A page is the same for every anonymous visitor of the same address, in the same language and
# encoding, as long as no content has changed and the code is the same. So the key is exactly
# that: the full address (query string included: `?_=1` is a page of its own), the language,
# gzip or not, the content generation (core.models.ContentGeneration, in the database and moved
# on by every change of content) and the release. A change of content makes every server miss
# at once; old entries simply expire.

PAGE_CACHE_SECONDS = 24 * 60 * 60
PAGE_CACHE_MAX_BYTES = 5 * 1024 * 1024
# Response headers that may vary between visitors whose requests share a key.
SHARED_VARY = {"accept-encoding", "accept-language", "cookie"}
# Cookies that never change a page: the CSRF token (a page that uses it is never cached) and
# the language choice (in the key). Any other (a session, messages) means a personal page.
_impersonal_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def _personal(request) -> bool:
    """Whether the page may depend on who asks: a session or other cookie, or credentials."""
    return bool(set(request.COOKIES) - _impersonal_cookies) or "HTTP_AUTHORIZATION" in request.META


def _holds_csrf_token(request, response) -> bool:
    # A page that asked for the token (django.middleware.csrf.get_token) gets the CSRF cookie
    # from CsrfViewMiddleware, which then lowers this flag.
    return settings.CSRF_COOKIE_NAME in response.cookies or bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _page_key(request, content: str) -> str:
    language = translation.get_language_from_request(request, check_path=True)
    encoding = (
        "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    )
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{content}:{language}:{encoding}:{address}"


def _storable(request, response) -> bool:
    """Whether this response may be served to every anonymous visitor asking the same."""
    cache_control = {
        word.split("=")[0].strip().lower()
        for word in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    vary = {word.strip().lower() for word in cc_delim_re.split(response.get("Vary", "")) if word}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not _holds_csrf_token(request, response)
        and not _signed_in(request)
        and not cache_control & {"private", "no-store", "no-cache"}
        and vary <= SHARED_VARY
        and len(response.content) <= PAGE_CACHE_MAX_BYTES
    )


def page_cache(get_response):
    """Whole responses for anonymous visitors, with ETag, Last-Modified and 304 answers.

    Never cached: the admin, methods other than GET and HEAD, requests with a session (staff)
    or credentials, and responses that are not a plain 200, set a cookie, hold a CSRF token or
    say private/no-store. Staff get `private, no-store` on every response.
    """

    def middleware(request):
        if request.method not in READ_METHODS or is_admin(request) or _personal(request):
            return _mark_private(request, get_response(request))
        try:
            generation = ContentGeneration.current()
        except DatabaseError:  # the view says so: the health check answers 503
            return get_response(request)
        content = content_key(generation.cache_token)
        key = _page_key(request, content)
        entry = cache_call(cache.get, key)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Cache"] = "hit"
        else:
            with content_scope(content):
                response = get_response(request)
            if not _storable(request, response):
                return _mark_private(request, response)
            _describe(response, generation)
            entry = (response.status_code, dict(response.items()), response.content)
            cache_call(cache.set, key, entry, PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        last_modified = parse_http_date_safe(response["Last-Modified"])
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )

    return middleware


def _mark_private(request, response):
    """Staff pages are stored nowhere; a cookie or a CSRF token is for this browser only."""
    if _signed_in(request):
        patch_cache_control(response, private=True, no_store=True)
    elif response.cookies:
        patch_cache_control(response, private=True)
    return response


def _describe(response, generation):
    """The validators and freshness a browser or a CDN needs; a view's own ones are kept."""
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(generation.changed_at.timestamp())
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_MAX_AGE,
            s_maxage=settings.PAGE_SHARED_MAX_AGE,
        )
    patch_vary_headers(response, ("Accept-Encoding", "Cookie"))


COMPRESSIBLE = re.compile(r"text/|application/(json|xml|javascript)|[^;]*\+(json|xml)|image/svg")


class GZipPublicMiddleware(GZipMiddleware):
    """Django's gzip, for text that anonymous visitors read and that holds no CSRF token.

    BREACH guesses a secret in a compressed page from its size, using text the attacker
    makes the page repeat. The only such secret Django writes into pages is the CSRF token,
    and staff pages may show what only they may see: neither is compressed.
    """

    def process_response(self, request, response):
        if (
            COMPRESSIBLE.match(response.get("Content-Type", ""))
            and not _holds_csrf_token(request, response)
            and not _signed_in(request)
        ):
            return super().process_response(request, response)
        return response
