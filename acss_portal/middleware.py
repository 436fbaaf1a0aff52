"""Site-wide rules: security headers, what robots may index, which methods public pages take."""

from django.conf import settings
from django.http import HttpResponseNotAllowed

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


def public_pages_read_only(get_response):
    """Public pages answer GET and HEAD only; the admin is the one place that takes forms."""

    def middleware(request):
        if request.method not in READ_METHODS and not is_admin(request):
            return HttpResponseNotAllowed(READ_METHODS)
        return get_response(request)

    return middleware
