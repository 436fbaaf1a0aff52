"""Pages and static files reach visitors compressed; nothing with a secret in it is."""

import gzip

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

GZIP = {"accept-encoding": "gzip, deflate, br"}


@pytest.mark.parametrize(
    "url", ["/en/", "/fr/projets/acss/", "/en/search/?q=bamako", "/sitemap.xml"]
)
def test_pages_are_gzipped_for_browsers_that_accept_it(client, seed, url):
    plain = client.get(url)
    zipped = client.get(url, headers=GZIP)
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain


def test_a_pdf_is_not_gzipped_again(client, seed):
    response = client.get("/en/projects/acss/factsheet.pdf", headers=GZIP)
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Encoding" not in response


def test_staff_pages_are_not_gzipped(staff_client, seed):
    # What only staff may see is never exposed to BREACH.
    assert "Content-Encoding" not in staff_client.get("/en/projects/acss/", headers=GZIP)


def test_the_sign_in_page_with_its_csrf_token_is_not_gzipped(seed):
    response = Client().get("/admin/login/", headers=GZIP)
    assert b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response


def test_static_files_have_hashed_names_and_are_served_precompressed_for_a_year(
    settings, tmp_path, seed
):
    """What `make production` sets up: collectstatic, then whitenoise serves the files."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    stylesheet = static("css/portal.css")
    assert stylesheet.startswith("/static/css/portal.") and stylesheet != "/static/css/portal.css"
    collected = settings.STATIC_ROOT / stylesheet.removeprefix("/static/")
    assert collected.with_suffix(".css.gz").exists()

    client = Client()  # a new handler, whose whitenoise finds the collected files
    assert stylesheet in client.get("/en/").content.decode()
    response = client.get(stylesheet, headers=GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 60 * 60
