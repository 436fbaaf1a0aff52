from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from core.history import record_first_versions
from projects.models import Country, Project
from search import index as search


class Command(BaseCommand):
    help = "Load the seed content of the Action when the database holds none yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if records exist (updates them)."
        )

    def handle(self, *args, force=False, **options):
        if not force and (Project.objects.exists() or Country.objects.exists()):
            self.stdout.write("The database already holds content; seed not loaded.")
            return
        fixtures = sorted(str(path) for path in (settings.BASE_DIR / "fixtures").glob("*.json"))
        # The index is rebuilt once at the end rather than record by record.
        # The history would keep each relation as loading sets it, one partial version at a
        # time: it is off while loading, and each record gets its one first version after.
        with search.paused(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        record_first_versions()
        call_command("rebuild_search_index", verbosity=options["verbosity"])
        self.stdout.write(
            self.style.SUCCESS(f"Loaded the seed content from {len(fixtures)} files.")
        )
