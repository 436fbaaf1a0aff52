import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backoffice import bench


class Command(BaseCommand):
    help = (
        "Measure every public page type against a bare view, through gunicorn in production "
        "mode, on a database holding SCALE times the seed (built once under var/bench/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=100, help="Times the seed (default 100).")
        parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
        parser.add_argument(
            "--seconds", type=float, default=3, help="Per page type and variant (default 3)."
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
        parser.add_argument("--connections", type=int, default=64)
        parser.add_argument(
            "--concurrency-seconds",
            type=float,
            default=30,
            help="How long the concurrent run lasts (default 30).",
        )
        parser.add_argument("--port", type=int, default=0, help="Default: any free port.")
        parser.add_argument(
            "--markdown",
            nargs="+",
            metavar="JSON",
            help="Print one Markdown table of earlier runs (var/bench/*.json) and stop.",
        )
        # Internal: run in the scaled database's process to pick URLs and count queries.
        parser.add_argument("--inspect", action="store_true", help="(internal)")

    def handle(self, *args, **options):
        if options["markdown"]:
            try:
                reports = [json.loads(Path(path).read_text()) for path in options["markdown"]]
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read a benchmark report: {error}") from None
            self.stdout.write(bench.markdown(reports))
            return
        if options["inspect"]:
            self.stdout.write(json.dumps(bench.inspect()))
            return
        if options["scale"] < 1 or options["workers"] < 1 or options["connections"] < 1:
            raise CommandError("--scale, --workers and --connections must be 1 or more.")
        if options["seconds"] <= 0 or options["concurrency_seconds"] <= 0:
            raise CommandError("--seconds and --concurrency-seconds must be above 0.")

        def log(line):
            sys.stderr.write(line + "\n")

        try:
            report, path = bench.run(
                database=options["database"],
                scale=options["scale"],
                seconds=options["seconds"],
                workers=options["workers"],
                connections=options["connections"],
                concurrency_seconds=options["concurrency_seconds"],
                port=options["port"],
                log=log,
            )
        except OSError as error:
            raise CommandError(f"Cannot run the benchmark: {error}") from None
        self.stdout.write(bench.table(report))
        self.stdout.write(f"Written to {path}")
