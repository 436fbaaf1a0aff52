"""A backup restored into an empty database gives back identical records."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from backoffice.backup import _models, backup, serialize_records
from core.publication import change_publication
from projects.models import Project
from tests.backoffice.conftest import make_staff


def snapshot():
    return serialize_records(_models(with_history=False))


def test_backup_and_restore_round_trip(transactional_db, seed, tmp_path):
    manager = make_staff("moussa", "Programme manager")
    change_publication(Project.objects.get(slug="modal"), to="published", by=manager)
    before = snapshot()
    path = tmp_path / "backup.json"
    call_command("backup_content", "--output", str(path))

    call_command("flush", "--noinput")  # an empty database, as after a fresh migrate
    assert not Project.objects.exists()
    call_command("restore_content", str(path))

    assert snapshot() == before
    assert Project.objects.get(slug="modal").published_by.username == "moussa"
    from django.test import Client

    assert "MODAL" in Client().get("/en/search/?q=modal").content.decode()


def test_backup_holds_both_languages_and_lists_files(seed):
    data = backup()
    project = next(
        r
        for r in data["records"]
        if r["model"] == "projects.project" and r["fields"]["slug"] == "acss"
    )
    assert project["fields"]["title_fr"] == "Action de Coopération Sud-Sud en matière de migration"
    assert data["files"] == []
    assert not any(r["model"].startswith("projects.historical") for r in data["records"])
    assert any(
        r["model"] == "projects.historicalproject" for r in backup(with_history=True)["records"]
    )


def test_restore_refuses_a_database_that_holds_content(seed, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup()))
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore_content", str(path))


def test_restore_refuses_a_file_that_is_no_backup(db, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": "world"}')
    with pytest.raises(CommandError, match="not a portal backup"):
        call_command("restore_content", str(path))
    path.write_text("not json")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore_content", str(path))
