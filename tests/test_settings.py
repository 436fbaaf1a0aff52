import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from acss_portal.env import env_bool, env_site_url, parse_database_url, parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent


def import_settings(**env):
    """Import the settings in a fresh interpreter with exactly these variables."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import acss_portal.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = import_settings(DEBUG="0", SECRET_KEY="short")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = import_settings(DEBUG="false", SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")


@pytest.mark.parametrize("word", ["maybe", "2", "Ture"])
def test_debug_with_a_typo_stops_start_up(word):
    result = import_settings(DEBUG=word)
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("no", False), ("off", False)]
)
def test_env_bool_reads_true_and_false_words(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG", default=not expected) is expected


def test_default_database_is_a_sqlite_file_under_var():
    config = parse_database_url("sqlite:///var/db.sqlite3", BASE_DIR)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(BASE_DIR / "var" / "db.sqlite3")


def test_postgres_url_gives_every_connection_part():
    config = parse_database_url("postgres://postgres:s%40cret@127.0.0.1:5432/acss", BASE_DIR)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("acss", "postgres", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("127.0.0.1", "5432")


@pytest.mark.parametrize(
    "url", ["mysql://root@localhost/acss", "postgres://localhost", "sqlite://"]
)
def test_unsupported_or_incomplete_database_url_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        parse_database_url(url, BASE_DIR)


@pytest.mark.parametrize("ref", ["", "XM/DAC", "XM DAC", "A&B"])
def test_an_iati_reference_iati_would_refuse_stops_start_up(ref):
    result = import_settings(IATI_REPORTING_ORG_REF=ref)
    assert result.returncode != 0
    assert "IATI_REPORTING_ORG_REF" in result.stderr


def test_email_goes_to_the_console_unless_told_otherwise():
    assert parse_email_url("console:") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_email_url_gives_the_smtp_server_and_its_encryption():
    settings = parse_email_url("smtp+tls://portal%40acss.org:s3cret@mail.example.org")
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == (
        "portal@acss.org",
        "s3cret",
    )
    assert settings["EMAIL_USE_TLS"] and not settings["EMAIL_USE_SSL"]
    assert parse_email_url("smtps://mail.example.org:2465")["EMAIL_PORT"] == 2465


@pytest.mark.parametrize(
    "url",
    ["smpt://mail.example.org", "smtp://", "smtp://mail.example.org:port", "mail.example.org"],
)
def test_a_mistyped_email_url_stops_start_up(url):
    with pytest.raises(ImproperlyConfigured):
        parse_email_url(url)


def test_a_bad_email_url_in_the_environment_stops_the_server():
    result = import_settings(EMAIL_URL="smtp//mail.example.org")
    assert result.returncode != 0
    assert "EMAIL_URL must start with" in result.stderr


@pytest.mark.parametrize("url", ["portal.example.org", "ftp://portal.example.org", "https://x/y"])
def test_site_url_must_be_an_address_without_a_path(monkeypatch, url):
    monkeypatch.setenv("SITE_URL", url)
    with pytest.raises(ImproperlyConfigured):
        env_site_url("SITE_URL", "http://127.0.0.1:8000")
