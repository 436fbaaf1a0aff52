import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def reset_language():
    """Each test starts and ends in the default language (EvaP's ResetLanguageOnTearDownMixin)."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Tests sign in often; a deliberately slow hasher only slows them."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def isolated_storage(settings, tmp_path):
    """Uploads and rendered factsheets go to this test's own folders and memory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "factsheets": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"factsheets-{tmp_path.name}",
        },
    }


@pytest.fixture
def seed(db):
    """The seed content of the Action, as `make run` loads it."""
    call_command("load_seed", verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "admin", "admin@example.org", "a-long-pass-phrase"
    )
    client.force_login(user)
    return client
