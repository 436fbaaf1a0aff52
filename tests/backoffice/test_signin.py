"""Sign-in: lockout after five failures, per username and address."""

import pytest
from django.conf import settings
from django.test import Client

from tests.backoffice.conftest import PASSWORD, make_staff

LOGIN = f"/{settings.ADMIN_PATH}login/"


@pytest.fixture
def editor(seed):
    return make_staff("aminata", "Ministry editor", ["ML"])


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(editor):
    client = Client()
    for _ in range(5):
        response = sign_in(client, "aminata", "wrong-password")
    response = sign_in(client, "aminata", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(editor):
    client = Client()
    for _ in range(4):
        sign_in(client, "aminata", "wrong-password")
    assert sign_in(client, "aminata", PASSWORD).status_code == 302


def test_the_lock_holds_that_username_from_that_address_only(editor):
    make_staff("moussa", "Translator")
    for _ in range(5):
        sign_in(Client(), "aminata", "wrong-password")
    assert sign_in(Client(), "moussa", PASSWORD).status_code == 302
    assert sign_in(Client(), "aminata", PASSWORD, address="10.0.0.2").status_code == 302


def test_passwords_are_validated(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("acss2021")


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
