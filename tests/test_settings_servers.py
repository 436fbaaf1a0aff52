"""Settings for several app servers: a shared cache, sessions, lockouts and files, strictly read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from acss_portal.env import env_http_url, env_redis_url

BASE_DIR = Path(__file__).resolve().parent.parent
SERVER_VARIABLES = {
    "REDIS_URL",
    "CACHE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "PAGE_MAX_AGE",
    "PAGE_SHARED_MAX_AGE",
}


def settings_with(**env):
    """What the settings say in a fresh interpreter with these variables (or the error)."""
    clean = {k: v for k, v in os.environ.items() if k not in SERVER_VARIABLES | {"DEBUG"}}
    code = (
        "import json, acss_portal.settings as s; print(json.dumps({"
        "'caches': {a: [c['BACKEND'], str(c['LOCATION'])] for a, c in s.CACHES.items()},"
        "'files': s.STORAGES['default']['BACKEND'],"
        "'static': s.STORAGES['staticfiles']['BACKEND'],"
        "'sessions': s.SESSION_ENGINE, 'axes': s.AXES_HANDLER}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def read(result):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_redis_the_cache_is_files_that_every_worker_shares():
    found = read(settings_with())
    for alias, folder in [("default", "pages"), ("factsheets", "factsheets")]:
        backend, location = found["caches"][alias]
        assert backend == "core.cache.FileCache"
        assert location == str(BASE_DIR / "var" / "cache" / folder)


def test_redis_url_puts_pages_and_factsheets_in_redis():
    found = read(settings_with(REDIS_URL="redis://127.0.0.1:6379/5"))
    assert found["caches"] == {
        alias: ["django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/5"]
        for alias in ("default", "factsheets")
    }


def test_cache_url_is_another_name_for_it():
    found = read(settings_with(CACHE_URL="rediss://:secret@cache.example.org:6380/2"))
    assert found["caches"]["default"][1] == "rediss://:secret@cache.example.org:6380/2"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("memcached://127.0.0.1:11211", "is not redis or rediss"),
        ("127.0.0.1:6379", "is not redis or rediss"),
        ("redis://", "names no host"),
        ("redis://127.0.0.1:63790000", "port"),
        ("redis://127.0.0.1:port", "port"),
        ("redis://127.0.0.1:6379/five", "database is no number"),
        ("redis://127.0.0.1:6379/5?timeout=1", "options"),
    ],
)
def test_a_bad_redis_url_stops_start_up(url, problem):
    result = settings_with(REDIS_URL=url)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert problem in result.stderr


def test_a_bad_redis_url_is_reported_without_its_password(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://:hunter2-secret@127.0.0.1:port/0")
    with pytest.raises(ImproperlyConfigured) as error:
        env_redis_url()
    assert "hunter2" not in str(error.value)


def test_two_different_cache_urls_stop_start_up(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/5")
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/6")
    with pytest.raises(ImproperlyConfigured, match="set only one"):
        env_redis_url()


def test_negative_page_ages_stop_start_up():
    result = settings_with(PAGE_MAX_AGE="-1")
    assert result.returncode != 0
    assert "PAGE_MAX_AGE" in result.stderr


def test_sessions_and_lockout_counters_live_in_the_database():
    found = read(settings_with(REDIS_URL="redis://127.0.0.1:6379/5"))
    assert found["sessions"] == "django.contrib.sessions.backends.db"
    assert found["axes"] == "axes.handlers.database.AxesDatabaseHandler"


def test_documents_stay_on_local_disk_unless_a_bucket_is_named():
    assert read(settings_with())["files"] == "django.core.files.storage.FileSystemStorage"
    found = read(
        settings_with(
            AWS_STORAGE_BUCKET_NAME="acss-documents",
            AWS_S3_ENDPOINT_URL="https://s3.example.org",
        )
    )
    assert found["files"] == "storages.backends.s3.S3Storage"


@pytest.mark.parametrize("url", ["s3.example.org", "ftp://s3.example.org", "https://"])
def test_a_bad_object_storage_address_stops_start_up(monkeypatch, url):
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", url)
    with pytest.raises(ImproperlyConfigured, match="AWS_S3_ENDPOINT_URL"):
        env_http_url("AWS_S3_ENDPOINT_URL")


def test_static_files_have_hashed_compressed_names_in_production():
    found = read(settings_with(DEBUG="0", SECRET_KEY="x" * 60))
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
