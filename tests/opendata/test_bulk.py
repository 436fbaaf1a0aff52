"""The whole published database, as one JSON file and one zip of CSVs, made again when content changes."""

import csv
import io
import json
import zipfile

from projects.models import Project
from tests.factories import make_project


def test_the_json_file_holds_every_published_record(client, seed):
    response = client.get("/downloads/acss-portal.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="acss-portal-')
    data = json.loads(response.content)
    assert data["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [p["slug"] for p in data["projects"]] == list(
        Project.objects.published().values_list("slug", flat=True)
    )
    acss = next(p for p in data["projects"] if p["slug"] == "acss")
    assert acss["title"]["fr"] == "Action de Coopération Sud-Sud en matière de migration"
    assert acss == client.get("/api/v1/projects/acss/").json()


def test_the_zip_holds_a_csv_per_kind_of_record(client, seed):
    response = client.get("/downloads/acss-portal-csv.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(
        f"{name}.csv"
        for name in (
            "projects",
            "activities",
            "events",
            "results",
            "organisations",
            "countries",
            "themes",
            "agreements",
            "documents",
        )
    )
    raw = archive.read("projects.csv")
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == Project.objects.published().count()


def test_both_files_are_made_again_when_content_changes_and_reused_until_then(
    client, seed, django_assert_max_num_queries
):
    before = client.get("/downloads/acss-portal.json").content
    with django_assert_max_num_queries(2):  # the generation, then the cached file
        assert client.get("/downloads/acss-portal.json").content == before
    make_project(slug="brand-new")
    after = json.loads(client.get("/downloads/acss-portal.json").content)
    assert "brand-new" in [p["slug"] for p in after["projects"]]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/downloads/acss-portal-csv.zip").content))
    assert b"brand-new" in archive.read("projects.csv")


def test_drafts_are_in_neither_file(client, seed):
    make_project(slug="zz-draft", title_en="Zqdraft", publication="draft")
    assert b"Zqdraft" not in client.get("/downloads/acss-portal.json").content
    archive = zipfile.ZipFile(io.BytesIO(client.get("/downloads/acss-portal-csv.zip").content))
    assert all(b"Zqdraft" not in archive.read(name) for name in archive.namelist())
