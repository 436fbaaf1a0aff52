"""Keys that change with the content and the release, shared by the page cache and `shared`.

A whole page (`acss_portal.middleware.page_cache`) is kept per address. `shared` keeps what a
page reads from public content only, per what it shows: the map and the charts per record
and language, a record page's sections per record, a list's counts and records per filter
values. Every address that shows the same thing (a page with a tracking parameter, a list's
next page for its counts, any page with the same map) then reads it from the cache rather than
running its queries and drawing its SVG again. Both keys hold the release and the content generation (`ContentGeneration`, moved on by
every change of content), so no server shows anything older than the content, and entries of
older generations expire."""

import contextlib
import contextvars
import functools
import hashlib
import logging
import os
from pathlib import Path

import django
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core.models import ContentGeneration

logger = logging.getLogger(__name__)

FRAGMENT_SECONDS = 24 * 60 * 60
RELEASE_SKIPS = {"var", "tests", "node_modules", "__pycache__"}
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo", ".css", ".js", ".svg", ".typ"}

_MISSING = object()

# "release:generation" as the page cache read them for this request, so that `shared` does not
# read the generation again, nor digest the release again in development.
_content_key = contextvars.ContextVar("content_key", default=None)


def release() -> str:
    """A digest of the portal's code, templates, catalogue and static files, and Django's version.

    Part of every cache key, so that what the previous release cached is never served by
    this one; equal on every server that runs the same release. Read once per process, but
    on every request in development, where templates change under the running server.
    """
    if settings.DEBUG:
        _release.cache_clear()
    return _release()


@functools.cache
def _release() -> str:
    digest = hashlib.sha1(django.__version__.encode())
    for folder, subfolders, files in os.walk(settings.BASE_DIR):
        here = Path(folder).relative_to(settings.BASE_DIR)
        # os.walk visits only the folders left in this list: not .venv/, var/, tests/.
        subfolders[:] = [
            name
            for name in sorted(subfolders)
            if name not in RELEASE_SKIPS and not name.startswith(".")
        ]
        for name in sorted(files):
            if Path(name).suffix in RELEASE_SUFFIXES:
                digest.update(f"{here}/{name}".encode())
                digest.update((Path(folder) / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_call(method, *args):
    """The cache is an aid: when it fails (Redis away), pages are rendered as without it."""
    try:
        return method(*args)
    except Exception:
        logger.warning("The cache failed; going on without it.", exc_info=True)
        return None


def content_key(generation_token: str) -> str:
    """The part of every key that changes with the release and the content: "release:generation"."""
    return f"{release()}:{generation_token}"


@contextlib.contextmanager
def content_scope(key: str):
    """`shared` values read inside this block use `key` (content_key's), read once per request."""
    reset = _content_key.set(key)
    try:
        yield
    finally:
        _content_key.reset(reset)


def shared(name: str, *parts, compute):
    """`compute()`'s value, computed once per release, content generation, language and day.

    For what depends on public content only: every visitor, and every address that shows
    the same thing, reads the same value. `parts` say which records or filters it is for;
    the day is in the key because figures and counts say "ongoing" or "upcoming" against today.
    The value must pickle (it may go to Redis or to a file).
    """
    content = _content_key.get() or content_key(ContentGeneration.current().cache_token)
    described = repr((name, *parts))
    key = ":".join(
        (
            "shared",
            content,
            translation.get_language() or "",
            timezone.localdate().isoformat(),
            hashlib.sha256(described.encode()).hexdigest(),
        )
    )
    value = cache_call(cache.get, key, _MISSING)
    if value is _MISSING or value is None:
        value = compute()
        cache_call(cache.set, key, value, FRAGMENT_SECONDS)
    return value


def fragment(name: str, *parts, render):
    """The HTML `render()` gives, kept as `shared` keeps a value: a map, a set of charts."""
    return mark_safe(shared(name, *parts, compute=lambda: str(render())))
