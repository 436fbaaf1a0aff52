import contextlib
import io

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings
from django.utils import translation


class _Seed:
    """What the session knows about the seed it committed to the test database."""

    # The tables load_seed fills, measured when it runs; empty until the test database exists.
    tables: list[str] = []
    blocker = None


def _load_seed():
    # load_seed and the index rebuild it calls report on stdout whatever the verbosity.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("load_seed", verbosity=0)


def _tables_with_rows():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        filled = set()
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                filled.add(table)
    return filled


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the seed, committed once per session (and per xdist worker).

    Each test then runs in a transaction that is rolled back, so it starts from the seed.
    """
    with django_db_blocker.unblock():
        before = _tables_with_rows()
        _load_seed()
        _Seed.tables = sorted(_tables_with_rows() - before)
    _Seed.blocker = django_db_blocker


def _uses_database(item):
    # The names pytest-django itself looks for when it orders the tests.
    return bool(
        {"db", "transactional_db", "live_server"} & set(item.fixturenames)
        or item.get_closest_marker("django_db")
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    # A transactional test (transactional_db, live_server) flushes the database when it ends,
    # seed included. pytest-django runs those after the others, but whichever test comes next
    # finds the seed again: it is reloaded here, before the test opens its transaction.
    if _Seed.tables and _uses_database(item):
        with _Seed.blocker.unblock():
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT 1 FROM {quote(_Seed.tables[0])} LIMIT 1")
                flushed = cursor.fetchone() is None
            if flushed:
                _load_seed()
    return (yield)


@pytest.fixture(autouse=True, scope="session")
def fast_password_hasher():
    """MD5 takes microseconds where PBKDF2 takes a third of a second; validation is unchanged."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def reset_language():
    """Each test starts and ends in the default language (EvaP's ResetLanguageOnTearDownMixin)."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def isolated_storage(settings, tmp_path):
    """Uploads, cached pages and rendered factsheets go to this test's own folders and memory.

    Each test's transaction is rolled back, content generation included: a page cached by an
    earlier test could otherwise be served for the same generation.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"pages-{tmp_path.name}",
        },
        "factsheets": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"factsheets-{tmp_path.name}",
        },
    }


@pytest.fixture
def seed(db):
    """The seed content of the Action, as `make run` loads it: committed once by django_db_setup."""


@pytest.fixture
def empty_db(db):
    """The database as a fresh migrate leaves it: this test's transaction deletes the seed."""
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), _Seed.tables, allow_cascade=True)
    )


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "admin", "admin@example.org", "a-long-pass-phrase"
    )
    client.force_login(user)
    return client
