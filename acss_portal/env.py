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
