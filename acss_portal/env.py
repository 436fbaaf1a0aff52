"""Strict parsing of the environment variables the settings read.

A typo in production configuration must stop the server at start-up, not
silently fall back to a development default.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; anything but a true/false word raises."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of true/false/1/0/yes/no/on/off, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks around items."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_ip_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list of IP addresses; anything that is not one raises."""
    addresses = []
    for item in env_list(name, default):
        try:
            addresses.append(str(ipaddress.ip_address(item)))
        except ValueError:
            raise ImproperlyConfigured(f"{name} must list IP addresses, not {item!r}") from None
    return addresses


def env_int(name: str, default: int) -> int:
    """Read an integer; anything else raises."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def parse_database_url(url: str, base_dir: Path) -> dict:
    """Turn `sqlite:///path` or `postgres://user:pass@host:port/name` into a DATABASES entry.

    A relative SQLite path is taken from the project folder.
    """
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        raw_path = unquote(parts.path)
        # sqlite:///var/db.sqlite3 is relative, sqlite:////abs/db.sqlite3 is absolute.
        path = raw_path[1:] if raw_path.startswith("/") else raw_path
        if not path:
            raise ImproperlyConfigured(
                "DATABASE_URL for SQLite needs a file path: sqlite:///var/db.sqlite3"
            )
        if path == ":memory:":
            return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
        db_path = Path(path)
        if not db_path.is_absolute():
            db_path = base_dir / db_path
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db_path)}
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL for PostgreSQL needs a database name")
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured("DATABASE_URL has an invalid port") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported: use sqlite:// or postgres://"
    )


def env_redis_url() -> str:
    """REDIS_URL or CACHE_URL (either name): `redis://[:password@]host[:port][/db]` or `rediss://`.

    Empty when neither is set. Anything else (another scheme, no host, a bad port or database
    number, options after `?`) raises, as do the two names set to different caches.
    """
    values = {name: os.environ.get(name, "").strip() for name in ("REDIS_URL", "CACHE_URL")}
    urls = {url for url in values.values() if url}
    if len(urls) > 1:
        raise ImproperlyConfigured("REDIS_URL and CACHE_URL name different caches: set only one")
    if not urls:
        return ""
    url = urls.pop()
    name = "REDIS_URL" if values["REDIS_URL"] else "CACHE_URL"
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = 0
    database = parts.path.removeprefix("/")
    checks = [
        (parts.scheme in {"redis", "rediss"}, f"scheme {parts.scheme!r} is not redis or rediss"),
        (bool(parts.hostname), "it names no host"),
        (port != 0, "its port is not a number from 1 to 65535"),
        (not database or (database.isascii() and database.isdigit()), "its database is no number"),
        (not parts.query and not parts.fragment, "options after ? or # are not supported"),
    ]
    for passed, problem in checks:
        if not passed:
            # The value itself is not repeated: it may hold a password.
            raise ImproperlyConfigured(
                f"{name} must be redis://[:password@]host[:port][/database] or rediss://...: "
                f"{problem}"
            )
    return url


def env_http_url(name: str) -> str:
    """Read an http:// or https:// address with a host, or nothing; anything else raises."""
    url = os.environ.get(name, "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ImproperlyConfigured(
                f"{name} must be an http:// or https:// address, not {url!r}"
            )
    return url


def env_object_storage() -> dict | None:
    """The STORAGES entry for S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set.

    The bucket stays private: files are served through the download view, after its check of
    who may see the document, never by a public address.
    """
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env_http_url("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Without keys, boto3 looks for credentials itself (an instance role, ~/.aws).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # No ACL header: objects take the bucket's own, private, rules.
            "default_acl": None,
            # The admin's link to a file is signed and lasts five minutes.
            "querystring_auth": True,
            "querystring_expire": 300,
            # A second file of the same name gets a name of its own, as on local disk.
            "file_overwrite": False,
        },
    }


EMAIL_SCHEMES = {
    "console": {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
    "smtp": {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False, "EMAIL_PORT": 25},
    "smtp+tls": {"EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False, "EMAIL_PORT": 587},
    "smtps": {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True, "EMAIL_PORT": 465},
}


def parse_email_url(url: str) -> dict:
    """Turn `console:`, `smtp://`, `smtp+tls://` or `smtps://user:password@host:port` into settings.

    `smtp+tls` speaks STARTTLS (usually port 587), `smtps` TLS from the start (port 465).
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in EMAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(EMAIL_SCHEMES)}, not {url!r}"
        )
    settings = dict(EMAIL_SCHEMES[parts.scheme])
    if parts.scheme == "console":
        return settings
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has a port that is not a number: {url!r}") from None
    if not parts.hostname:
        raise ImproperlyConfigured(f"EMAIL_URL needs a host: {url!r}")
    settings.update(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST=parts.hostname,
        EMAIL_PORT=port or settings["EMAIL_PORT"],
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
    )
    return settings


def env_site_url(name: str, default: str) -> str:
    """The portal's public address (for links in emails), without a trailing slash."""
    raw = (os.environ.get(name) or default).strip().rstrip("/")
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"{name} must be an address like https://portal.example.org, not {raw!r}"
        )
    return raw
