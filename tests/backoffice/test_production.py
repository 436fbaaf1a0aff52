"""Production mode is safe by default."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def run_in_production(*args):
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="portal.example.org")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_silent_with_only_secret_key_and_allowed_hosts():
    result = run_in_production("check", "--deploy", "--fail-level", "DEBUG")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_turn_on_https_and_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SECURE_PROXY_SSL_HEADER[0])"
    )
    result = run_in_production("shell", "-c", code)
    assert result.stdout.splitlines()[-1].split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "HTTP_X_FORWARDED_PROTO",
    ]


@pytest.mark.parametrize(
    "path", ["/en/", "/fr/projets/acss/", "/en/countries/ml/factsheet.pdf", "/admin/login/"]
)
def test_every_response_carries_the_security_headers(client, seed, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert (
        "script-src 'self';" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_pages_use_no_inline_script(client, seed):
    for path in (
        "/en/",
        "/fr/activites/formation-modal-des-organisations-de-la-societe/",
        "/admin/login/",
    ):
        html = client.get(path).content.decode()
        assert "<script>" not in html and "onclick=" not in html


def test_healthz_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_healthz_says_503_when_the_database_does_not(client, db, monkeypatch):
    from core import views

    class Broken:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr(views, "connection", Broken())
    assert client.get("/healthz").status_code == 503


def test_gunicorn_configuration_loads():
    namespace = {}
    exec((BASE_DIR / "gunicorn.conf.py").read_text(), namespace)
    assert (
        namespace["workers"] >= 2 and namespace["timeout"] == 30 and namespace["accesslog"] == "-"
    )
