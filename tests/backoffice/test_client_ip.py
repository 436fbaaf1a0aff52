"""The sign-in lockout's client address: X-Forwarded-For counts only as far as our proxies wrote it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from core import roles
from tests.backoffice.conftest import PASSWORD, make_staff

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LOGIN = f"/{settings.ADMIN_PATH}login/"


@pytest.fixture
def one_proxy(settings):
    """One nginx on the same machine, appending the address it saw."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1", "::1"]
    return settings


def client_address(remote_addr, forwarded=None):
    from acss_portal.client_ip import client_ip

    headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote_addr, headers=headers))


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1", "::1"]
    assert client_address("127.0.0.1", "203.0.113.9") == "127.0.0.1"


def test_a_direct_request_with_forged_forwarded_for_gives_its_own_address(one_proxy):
    assert client_address("198.51.100.7", "203.0.113.9") == "198.51.100.7"


def test_behind_one_proxy_the_client_is_the_entry_the_proxy_appended(one_proxy):
    assert client_address("127.0.0.1", "spoof, 203.0.113.9") == "203.0.113.9"
    assert client_address("::1", "203.0.113.9") == "203.0.113.9"


def test_behind_two_proxies_the_client_is_the_second_entry_from_the_right(one_proxy):
    one_proxy.TRUSTED_PROXY_COUNT = 2
    assert client_address("127.0.0.1", "192.0.2.1, 203.0.113.9, 10.0.0.5") == "203.0.113.9"


def test_fewer_entries_than_proxies_falls_back_to_the_proxy_address(one_proxy):
    one_proxy.TRUSTED_PROXY_COUNT = 2
    assert client_address("127.0.0.1", "203.0.113.9") == "127.0.0.1"
    assert client_address("127.0.0.1") == "127.0.0.1"


def test_an_entry_that_is_not_an_address_falls_back_to_the_proxy_address(one_proxy):
    assert client_address("127.0.0.1", "203.0.113.9, unknown") == "127.0.0.1"


@pytest.mark.parametrize(("count", "appended"), [(1, "203.0.113.9"), (2, "203.0.113.9, 10.0.0.5")])
def test_rotating_what_the_client_sent_never_changes_the_address(one_proxy, count, appended):
    one_proxy.TRUSTED_PROXY_COUNT = count
    forged = ["", "1.2.3.4, ", "5.6.7.8, 9.9.9.9, ", "garbage, ", ", , "]
    assert {client_address("127.0.0.1", prefix + appended) for prefix in forged} == {"203.0.113.9"}


def import_settings(**env):
    """Import the settings in a fresh interpreter with these proxy variables only."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TRUSTED_PROXY_")}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import acss_portal.settings as s; print(s.TRUSTED_PROXY_ADDRESSES)",
        ],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_proxy_addresses_default_to_this_machine():
    result = import_settings(TRUSTED_PROXY_COUNT="1")
    assert result.stdout.strip() == "['127.0.0.1', '::1']", result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRUSTED_PROXY_ADDRESSES": "127.0.0.1,localhost"}, "must list IP addresses"),
        ({"TRUSTED_PROXY_ADDRESSES": "10.0.0.0/8"}, "must list IP addresses"),
        ({"TRUSTED_PROXY_COUNT": "-1"}, "TRUSTED_PROXY_COUNT must be 0 or more"),
    ],
)
def test_a_wrong_proxy_setting_stops_start_up(env, message):
    result = import_settings(**{"TRUSTED_PROXY_COUNT": "1", **env})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.fixture
def translator(db):
    return make_staff("moussa", roles.TRANSLATOR)


def sign_in(client, password, remote_addr, forwarded):
    return client.post(
        LOGIN,
        {"username": "moussa", "password": password},
        REMOTE_ADDR=remote_addr,
        headers={"X-Forwarded-For": forwarded},
    )


def test_behind_the_proxy_rotating_forwarded_for_does_not_escape_the_lockout(one_proxy, translator):
    client = Client()
    for attempt in range(5):
        sign_in(client, "wrong-password", "127.0.0.1", f"198.51.100.{attempt}, 203.0.113.9")
    response = sign_in(client, PASSWORD, "127.0.0.1", "198.51.100.99, 203.0.113.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("forged", ["203.0.113.{}", "203.0.113.{}, 192.0.2.1"])
def test_reaching_gunicorn_directly_rotating_forwarded_for_does_not_escape_the_lockout(
    one_proxy, translator, forged
):
    client = Client()
    for attempt in range(5):
        sign_in(client, "wrong-password", "198.51.100.7", forged.format(attempt))
    response = sign_in(client, PASSWORD, "198.51.100.7", forged.format(99))
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_behind_the_proxy_another_client_is_not_locked_out(one_proxy, translator):
    for _ in range(5):
        sign_in(Client(), "wrong-password", "127.0.0.1", "203.0.113.9")
    assert sign_in(Client(), PASSWORD, "127.0.0.1", "203.0.113.10").status_code == 302
