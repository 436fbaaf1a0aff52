import json

from django.core.management.base import BaseCommand, CommandError

from backoffice.backup import RestoreError, restore


class Command(BaseCommand):
    help = "Restore a backup written by backup_content into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The JSON file written by backup_content.")

    def handle(self, *args, backup, **options):
        try:
            with open(backup, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {backup}: {error}") from None
        try:
            count = restore(data)
        except RestoreError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {count} records."))
        self.stdout.write(
            "Copy the uploaded files listed in the backup into var/media/ (names, sizes and "
            "SHA-256 are in its 'files' list)."
        )
