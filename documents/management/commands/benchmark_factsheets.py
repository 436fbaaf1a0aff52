import statistics
import time
from datetime import UTC, datetime
from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.test import RequestFactory
from django.utils import translation

from documents import factsheets, views
from projects.models import Country, Project


def median_ms(function, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


class Command(BaseCommand):
    help = "Time each factsheet: rendered anew, and served again from the cache (median, ms)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Runs per measure (default 20).")

    def handle(self, *args, repeat, **options):
        requests = RequestFactory(headers={"host": "127.0.0.1"})
        sheets = [
            (factsheets.ProjectFactsheet, views.project_factsheet, {"slug": p.slug})
            for p in Project.objects.published()
        ]
        sheets += [
            (factsheets.CountryFactsheet, views.country_factsheet, {"code": c.code.lower()})
            for c in Country.objects.all()
        ]
        self.stdout.write(f"{'factsheet':<28} {'lang':<5} {'rendered':>10} {'cached':>10}")
        for kind, view, kwargs in sheets:
            for language in ("en", "fr"):
                with translation.override(language):
                    sheet = kind(kind.selector(user=AnonymousUser(), **kwargs))
                    render = partial(
                        factsheets.render, sheet, url="http://127.0.0.1/", as_of=datetime.now(UTC)
                    )
                    rendered = median_ms(render, repeat)
                    request = requests.get("/")
                    request.user = AnonymousUser()
                    request.LANGUAGE_CODE = language
                    serve = partial(view, request, **kwargs)
                    serve()  # fill the cache
                    cached = median_ms(serve, repeat)
                name = f"{type(sheet.record).__name__} {sheet.record}"[:28]
                self.stdout.write(f"{name:<28} {language:<5} {rendered:>8.1f}ms {cached:>8.1f}ms")
