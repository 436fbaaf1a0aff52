"""Uploaded documents in S3-compatible object storage: moto's server stands in for it."""

import socket

import boto3
import pytest
from django.test import Client
from moto.server import ThreadedMotoServer

from acss_portal.env import env_object_storage
from backoffice.backup import backup
from documents.models import Document
from tests.documents.test_library import pdf_bytes, stored_files, upload_form

BUCKET = "acss-documents"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 on a free port of this machine, with the portal's bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(Bucket=BUCKET)
    yield url, s3
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """The bucket, emptied, and the portal configured for it as settings.py would be."""
    url, s3 = s3_server
    for key in keys(s3):
        s3.delete_object(Bucket=BUCKET, Key=key)
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", BUCKET)
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", url)
    monkeypatch.setenv("AWS_S3_REGION_NAME", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    settings.STORAGES = {**settings.STORAGES, "default": env_object_storage()}
    return s3


def keys(s3):
    return [found["Key"] for found in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_an_uploaded_study_goes_to_the_bucket_and_the_public_downloads_it(
    bucket, staff_client, seed, settings
):
    content = pdf_bytes()
    response = upload_form(staff_client, "Étude finale.pdf", content)
    assert response.status_code == 302
    assert keys(bucket) == ["documents/2021/etude-finale.pdf"]
    assert stored_files(settings) == []  # nothing on this server's disk

    public = Client()
    download = public.get("/en/documents/study-senegalese-diaspora/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content

    # The backup lists the file as the bucket holds it.
    [listed] = backup()["files"]
    assert listed["name"] == "documents/2021/etude-finale.pdf"
    assert listed["size"] == len(content)


def test_a_draft_document_in_the_bucket_stays_private(bucket, staff_client, seed):
    upload_form(staff_client, "draft.pdf", pdf_bytes(), publication="draft")
    assert keys(bucket) == ["documents/2021/draft.pdf"]

    public = Client()
    assert public.get("/en/documents/study-senegalese-diaspora/").status_code == 404
    staff_copy = staff_client.get("/en/documents/study-senegalese-diaspora/")
    assert staff_copy.status_code == 200
    assert "no-store" in staff_copy["Cache-Control"]

    # The object has no grant for everyone, and no page gives out an address of the bucket.
    grants = bucket.get_object_acl(Bucket=BUCKET, Key="documents/2021/draft.pdf")["Grants"]
    assert not any("AllUsers" in grant["Grantee"].get("URI", "") for grant in grants)
    for url in ["/en/documents/", "/en/countries/sn/", "/fr/pays/sn/"]:
        page = public.get(url).content.decode()
        assert BUCKET not in page and "X-Amz-" not in page, url


def test_a_file_missing_from_the_bucket_is_a_404(bucket, staff_client, seed):
    upload_form(staff_client, "study.pdf", pdf_bytes())
    bucket.delete_object(Bucket=BUCKET, Key=Document.objects.get().file.name)
    assert Client().get("/en/documents/study-senegalese-diaspora/").status_code == 404
