"""Settings of the ACSS Knowledge Portal, read from environment variables.

Development defaults need no set-up; production (DEBUG=0) fails closed.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from acss_portal.env import (
    env_bool,
    env_int,
    env_ip_list,
    env_list,
    env_object_storage,
    env_redis_url,
    env_site_url,
    parse_database_url,
    parse_email_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG=0")
    SECRET_KEY = DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin, with the back-office home of each role as its index.
    "backoffice.admin_config.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    # The portal's apps, each importing only from those above it in this list.
    "core",
    "search",
    "partners",
    "projects",
    "activities",
    "figures",
    "documents",
    "opendata",
    "pages",
    "backoffice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous visitors; outside the rest, so that it sees every cookie set.
    "acss_portal.middleware.page_cache",
    # Inside the page cache, which keeps the compressed copy.
    "acss_portal.middleware.GZipPublicMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before the locale middleware, so that it sees the 404 of /projects/ for a French visitor.
    "acss_portal.middleware.pages_in_other_words",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin in the language a staff member chose on their profile.
    "acss_portal.middleware.staff_language",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django 5.2 has no Content-Security-Policy of its own.
    "acss_portal.middleware.security_headers",
    "acss_portal.middleware.admin_noindex",
    # GET and HEAD only outside the admin, for every public view at once.
    "acss_portal.middleware.public_pages_read_only",
    # Records who made each change in the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Locks out repeated failed sign-ins; last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "acss_portal.urls"
WSGI_APPLICATION = "acss_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.language_versions",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///var/db.sqlite3")
DATABASES = {"default": parse_database_url(DATABASE_URL, BASE_DIR)}
if (
    DATABASES["default"]["ENGINE"].endswith("sqlite3")
    and DATABASES["default"]["NAME"] != ":memory:"
):
    # The default database lives under var/, created on first run.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out sign-in is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and the fallback for every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Numbers read as each language writes them: 1,250 / 1 250.
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",), "en": ("fr",)}
# The tabbed translation admin loads jQuery UI; we serve our own copy, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded documents go to S3-compatible object storage when AWS_STORAGE_BUCKET_NAME names a
# bucket, so that every app server reads the same files (acss_portal/env.py).
OBJECT_STORAGE = env_object_storage()
if OBJECT_STORAGE:
    STORAGES["default"] = OBJECT_STORAGE
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "media/"

# Uploaded documents larger than this are refused with a message.
DOCUMENT_MAX_UPLOAD_BYTES = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024

# The cache of pages (default) and of rendered factsheets. Redis when REDIS_URL (or CACHE_URL)
# names one, shared by every app server. Otherwise files under var/cache/: shared by the gunicorn
# workers of one server and kept across restarts, with nothing to set up. Either way the keys
# hold the content generation, which lives in the database, so no server shows an old page.
REDIS_URL = env_redis_url()
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"acss-{alias}",
        }
        for alias in ("default", "factsheets")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "core.cache.FileCache",
            "LOCATION": BASE_DIR / "var" / "cache" / folder,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
        for alias, folder in (("default", "pages"), ("factsheets", "factsheets"))
    }
# Anonymous visitors' pages: how long browsers (max-age) and shared caches such as a CDN
# (s-maxage) may keep them without asking; the app servers' own copies renew at once.
PAGE_MAX_AGE = env_int("PAGE_MAX_AGE", 60)
PAGE_SHARED_MAX_AGE = env_int("PAGE_SHARED_MAX_AGE", 300)
if PAGE_MAX_AGE < 0 or PAGE_SHARED_MAX_AGE < 0:
    raise ImproperlyConfigured("PAGE_MAX_AGE and PAGE_SHARED_MAX_AGE must be 0 or more")

# Mail: managers are told when a record is sent to review. The console by default (development).
globals().update(parse_email_url(os.environ.get("EMAIL_URL", "console:")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ACSS portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address links in emails lead to.
SITE_URL = env_site_url("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The admin lives at this path; a less guessable one keeps most robots away.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"

# Sessions (staff only: anonymous visitors get none) live in the database, so that a staff member
# stays signed in whichever app server answers.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Staff sessions end after eight hours, or when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No third-party requests and no inline scripts; the admin's inline styles are allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# IATI: who reports the portal's activities. The default is GIZ's IATI organisation identifier
# (GIZ implemented the Action); a publisher sets its own. Identifiers are REF-<project slug>.
IATI_REPORTING_ORG_REF = os.environ.get("IATI_REPORTING_ORG_REF", "XM-DAC-5-7").strip()
IATI_REPORTING_ORG_TYPE = os.environ.get("IATI_REPORTING_ORG_TYPE", "10").strip()
IATI_REPORTING_ORG_NAME = os.environ.get(
    "IATI_REPORTING_ORG_NAME", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"
).strip()
if not IATI_REPORTING_ORG_REF or any(c in IATI_REPORTING_ORG_REF for c in "/&|? "):
    # IATI rulesets 1.14.13 and 1.3.13: no /, &, |, ? or space in identifiers.
    raise ImproperlyConfigured("IATI_REPORTING_ORG_REF must be set, without / & | ? or spaces")

# Sign-in: five failed attempts lock that username from that address for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Failed attempts are counted in the database, so a lockout holds on every app server.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# The client address is REMOTE_ADDR, unless the request comes from one of our reverse proxies:
# then it is the entry the outermost of them appended to X-Forwarded-For (acss_portal/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "acss_portal.client_ip.client_ip"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more")
TRUSTED_PROXY_ADDRESSES = env_ip_list("TRUSTED_PROXY_ADDRESSES", ["127.0.0.1", "::1"])

if not DEBUG:
    # Behind a reverse proxy that terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = (
        os.environ.get("PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO"),
        "https",
    )
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
