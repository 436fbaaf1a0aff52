"""Two app servers against one database and one cache behave as one portal.

Two gunicorn instances on free ports share a copy of the test database (migrated, seed
committed) and the cache: Redis at 127.0.0.1:6379 (database 5) when it answers, else the files
under var/cache/. A record published through one is on the other's pages at once, though the
other had cached them; a lockout earned on one holds on the other.
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest
from django.conf import settings
from django.db import connection, connections

# The servers work on a copy of the test database, made before the test's transaction opens.
pytestmark = [pytest.mark.servers, pytest.mark.django_db]

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "a-long-staff-pass-phrase"
REDIS_URL = "redis://127.0.0.1:6379/5"
ADMIN = f"/{settings.ADMIN_PATH}"
# Run against the copy before the servers start: two staff accounts, and MODAL back to draft.
SETUP = f"""
import django
django.setup()
from django.contrib.auth.models import User
from projects.models import Project
User.objects.create_superuser("fatou", "fatou@example.org", {PASSWORD!r})
User.objects.create_user("aminata", "aminata@example.org", {PASSWORD!r}, is_staff=True)
Project.objects.filter(slug="modal").update(publication="draft")
print(Project.objects.get(slug="modal").pk)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="module")
def shared_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """DATABASE_URL of a copy of the test database (migrated, seed committed), dropped after."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path_factory.mktemp("servers") / "servers.sqlite3"
        with django_db_blocker.unblock(), sqlite3.connect(path) as copy:
            connection.ensure_connection()
            connection.connection.backup(copy)
        yield f"sqlite:///{path}"
        return
    import psycopg

    name = f"{db['NAME']}_servers"
    # A template database must have no other connection while it is copied.
    connections.close_all()
    server = {"user": db["USER"], "password": db["PASSWORD"], "host": db["HOST"]}
    with psycopg.connect(
        dbname="postgres", port=db["PORT"] or None, autocommit=True, **server
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{db["NAME"]}"')
        try:
            address = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
            yield f"postgres://{db['USER']}:{db['PASSWORD']}@{address}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def two_servers(shared_database, tmp_path_factory):
    """The base addresses of two gunicorn instances, and MODAL's id in their database."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_URL"}}
    env.update(
        DEBUG="1", DATABASE_URL=shared_database, DJANGO_SETTINGS_MODULE="tests.servers_settings"
    )
    if redis_answers():
        env["REDIS_URL"] = REDIS_URL
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stderr
    modal = int(setup.stdout.split()[-1])
    servers, addresses = [], []
    for index in range(2):
        port = free_port()
        log = open(tmp_path_factory.getbasetemp() / f"server-{index}.log", "w")  # noqa: SIM115 (closed below)
        servers.append(
            (
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}"]
                    + ["--workers", "1", "--access-logfile", "-", "acss_portal.wsgi"],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                ),
                log,
            )
        )
        addresses.append(f"http://127.0.0.1:{port}")
    try:
        for address in addresses:
            wait_for(address)
        yield addresses, modal
    finally:
        for process, log in servers:
            process.terminate()
            process.wait(timeout=10)
            log.close()
        if "REDIS_URL" in env:
            flush_redis_database_5()


def wait_for(address, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Visitor(address).get("/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{address} did not start")


def flush_redis_database_5():
    """This test's cache entries go; only database 5, which is this portal's tests'."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Visitor:
    """A browser with its own cookies, talking to one server."""

    def __init__(self, base):
        self.base = base
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        return self._open(path)

    def post(self, path, fields):
        return self._open(path, urlencode(fields).encode())

    def _open(self, path, data=None):
        try:
            with self.opener.open(self.base + path, data, timeout=15) as response:
                return response.status, response.headers, response.read().decode()
        except HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf_token(self, path):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path)[2])[1]

    def sign_in(self, username, password):
        token = self.csrf_token(f"{ADMIN}login/")
        fields = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        return self.post(f"{ADMIN}login/?next={ADMIN}", fields)


def test_two_servers_share_what_is_published_and_who_is_locked_out(two_servers):
    """One test, so that the two servers start once (about 10 seconds)."""
    (first, second), modal = two_servers

    # The second server has cached the list of projects, without the draft MODAL.
    public = Visitor(second)
    title = "Mobilisation of Diaspora Organisations"
    assert public.get("/en/projects/modal/")[0] == 404
    public.get("/en/projects/")
    status, headers, page = public.get("/en/projects/")
    assert (status, headers["X-Cache"]) == (200, "hit")
    assert title not in page

    # A programme manager publishes MODAL through the first server...
    manager = Visitor(first)
    assert manager.sign_in("fatou", PASSWORD)[0] == 200
    changelist = f"{ADMIN}projects/project/"
    fields = {
        "action": "publish",
        "_selected_action": modal,
        "index": 0,
        "csrfmiddlewaretoken": manager.csrf_token(changelist),
    }
    assert "now: Published" in manager.post(changelist, fields)[2]

    # ...and the second server shows it at once.
    status, headers, page = public.get("/en/projects/")
    assert headers["X-Cache"] == "miss"
    assert title in page
    assert public.get("/en/projects/modal/")[0] == 200

    # Five wrong passwords on the first server lock the account on the second too.
    attacker = Visitor(first)
    for _ in range(5):
        attacker.sign_in("aminata", "wrong-password")
    status, _headers, page = Visitor(second).sign_in("aminata", PASSWORD)
    assert status == 429
    assert "Sign-in locked" in page
