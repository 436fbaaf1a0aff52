"""Every way content changes moves the content generation on, so that cached pages renew."""

import io
import json

import pytest
from django.core.management import call_command

from backoffice.backup import backup
from core.models import ContentGeneration
from projects.models import Country, Project
from tests.factories import make_project


@pytest.fixture
def moves_on():
    """Asserts that the block moves the generation on."""

    class Watch:
        def __enter__(self):
            self.before = ContentGeneration.current()
            return self

        def __exit__(self, *exc):
            after = ContentGeneration.current()
            assert after.value > self.before.value
            assert after.cache_token != self.before.cache_token

    return Watch


def test_a_save_and_a_delete_move_it_on(seed, moves_on):
    with moves_on():
        project = make_project()
    with moves_on():
        project.delete()


def test_a_change_of_links_moves_it_on(seed, moves_on):
    project = Project.objects.get(slug="acss")
    with moves_on():
        project.countries.remove(Country.objects.get(code="ML"))


def test_bulk_writes_move_it_on(seed, moves_on):
    with moves_on():
        Project.objects.filter(slug="acss").update(title_en="Renamed")
    with moves_on():
        [project] = Project.objects.bulk_create(
            [Project(slug="bulk", title_en="Bulk", publication="published")]
        )
    project.title_en = "Bulk again"
    with moves_on():
        Project.objects.bulk_update([project], ["title_en"])


def test_the_seed_import_moves_it_on(empty_db, moves_on):
    with moves_on():
        call_command("load_seed", verbosity=0)


def test_a_search_index_rebuild_moves_it_on(seed, moves_on):
    with moves_on():
        call_command("rebuild_search_index", verbosity=0)


def test_a_restore_into_a_fresh_database_never_reuses_an_old_generation(
    transactional_db, seed, tmp_path
):
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup()))
    old = ContentGeneration.current()
    call_command("flush", "--noinput")
    assert ContentGeneration.current().value == 0
    call_command("restore_content", str(path), stdout=io.StringIO())
    new = ContentGeneration.current()
    assert new.value > 0
    # Even were the counters equal, a shared cache would never serve the old database's pages.
    assert new.cache_token != old.cache_token
