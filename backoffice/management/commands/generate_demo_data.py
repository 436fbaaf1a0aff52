import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backoffice.demo_data import PER_UNIT, MissingSeed, generate

MAX_SCALE = 10_000


class Progress:
    """A plain-text progress bar on standard error: no dependency, readable in a log too."""

    WIDTH = 30

    def __init__(self, stream, label):
        self.stream, self.label, self.started = stream, label, time.monotonic()

    def __call__(self, done, total):
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        elapsed = time.monotonic() - self.started
        end = "\n" if done == total else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} ({elapsed:.0f} s){end}")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        'Add N times the seed\'s volume of clearly fictional records ("Demo project 0423 …") '
        "in English and French, for load tests. Needs the seed (load_seed) first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, required=True, help="How many times the seed's volume to add."
        )
        parser.add_argument(
            "--random-seed", type=int, default=1, help="Same seed, same records (default 1)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even in production mode (DEBUG=0)."
        )

    def handle(self, *args, scale, random_seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. Demo data would mix with real "
                "records; add --force if this database really is for tests."
            )
        if not 1 <= scale <= MAX_SCALE:
            raise CommandError(f"--scale must be between 1 and {MAX_SCALE}, not {scale}.")
        show = options["verbosity"] > 0
        progress = Progress(sys.stderr, "Generating demo data") if show else None
        started = time.monotonic()
        try:
            counts = generate(scale=scale, random_seed=random_seed, progress=progress)
        except MissingSeed:
            raise CommandError(
                "No countries or fields of intervention: load the seed first (manage.py load_seed)."
            ) from None
        if show:
            added = ", ".join(f"{count:,} {name}" for name, count in counts.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {scale} × the seed ({sum(PER_UNIT.values()) * scale:,} records: "
                    f"{added}) in {time.monotonic() - started:.0f} s."
                )
            )
