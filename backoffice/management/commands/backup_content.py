import json
import sys

from django.core.management.base import BaseCommand

from backoffice.backup import backup


class Command(BaseCommand):
    help = "Write the whole content (both languages), staff accounts and the list of uploaded files as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")
        parser.add_argument(
            "--with-history", action="store_true", help="Include the history of every change."
        )

    def handle(self, *args, output=None, with_history=False, **options):
        data = backup(with_history=with_history)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            missing = [f["name"] for f in data["files"] if f.get("missing")]
            self.stderr.write(
                f"Wrote {len(data['records'])} records and a list of {len(data['files'])} files to {output}."
                + (f" Missing uploaded files: {', '.join(missing)}" if missing else "")
            )
        else:
            sys.stdout.write(text)
