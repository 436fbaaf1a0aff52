"""Public pages answer GET and HEAD only; the admin still takes its forms."""

import pytest

PUBLIC_URLS = [
    "/",
    "/en/",
    "/fr/projets/",
    "/en/projects/acss/",
    "/en/search/?q=bamako",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
]
OTHER_METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]


@pytest.mark.parametrize("method", OTHER_METHODS)
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_refuse_every_other_method(client, db, url, method):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_public_pages_answer_get_and_head(client, seed):
    for url in PUBLIC_URLS[1:]:
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url


def test_a_405_keeps_the_security_headers(client, db):
    response = client.post("/en/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_admin_sign_in_form_still_takes_a_post(client, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-pass-phrase")
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "a-long-pass-phrase", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert "_auth_user_id" in client.session


def test_the_admin_answers_a_wrong_password_with_its_form(client, db):
    response = client.post("/admin/login/", {"username": "admin", "password": "wrong-password"})
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
