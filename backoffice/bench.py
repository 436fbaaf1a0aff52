"""`manage.py benchmark`: every public page type against a bare view, through gunicorn in production mode.

The command runs in three parts, each in the scaled database's own process:
1. `build`: migrate, load the seed, add `scale - 1` times its volume of demo data (once per scale;
   a stamp file under var/bench/ says it is done);
2. `inspect` (in-process, DEBUG on): pick the largest public record of each kind, and count
   each page's queries with CaptureQueriesContext;
3. `measure`: gunicorn (DEBUG=0, a generated SECRET_KEY, 2 workers) on a free port, requests
   one at a time for each page type, uncached (a unique query parameter each time, which no
   cache keyed by the URL can answer) and cached (the same URL again), then 64 connections
   at once over every page type, counting errors.
"""

import contextlib
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import ContentGeneration

BENCH_DIR = settings.BASE_DIR / "var" / "bench"
BARE = "bare view"
# After a change of content (nothing kept), at an address the page cache has not seen, again.
VARIANTS = ("cold", "uncached", "cached")
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/acss_bench"


# Where the scaled databases live ------------------------------------------------------------


def database_url(database, scale, postgres_url=DEFAULT_POSTGRES):
    if database == "sqlite":
        return f"sqlite:///{BENCH_DIR / f'scale-{scale}.sqlite3'}"  # an absolute path: four slashes
    parts = urllib.parse.urlsplit(postgres_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"{parts.path}_{scale}"))


def _manage(*args, env, quiet=False):
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(command, env=env, check=True, stdout=output)


def _create_postgres_database(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')


def build(*, database, scale, url, log):
    """The scaled database, built once: seed plus `scale - 1` times its volume of demo data."""
    stamp = BENCH_DIR / f"{database}-scale-{scale}.ready"
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1"}
    if stamp.exists() and stamp.read_text() == url:
        log(f"Reusing {url}")
        _manage("migrate", "--noinput", "-v0", env=env)
        return
    log(f"Building {url} (seed + {scale - 1} × demo data)")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if database == "sqlite":
        BENCH_DIR.joinpath(f"scale-{scale}.sqlite3").unlink(missing_ok=True)
    else:
        _create_postgres_database(url)
    _manage("migrate", "--noinput", "-v0", env=env)
    _manage("load_seed", env=env, quiet=True)
    if scale > 1:
        _manage("generate_demo_data", "--scale", str(scale - 1), env=env)
    stamp.write_text(url)


# Which pages, and how many queries each runs ----------------------------------------------


def _largest(queryset, relation):
    return queryset.annotate(n=Count(relation)).order_by("-n", "pk").first()


def page_urls() -> dict:
    """Each public page type's URL; record pages show the largest public record of the kind."""
    from activities.models import Activity
    from partners.models import Organisation
    from projects.models import Country, Project, ThematicArea

    project = _largest(Project.objects.published(), "activities")
    country = _largest(Country.objects.all(), "activities")
    theme = _largest(ThematicArea.objects.all(), "activities")
    activity = _largest(Activity.objects.published(), "events")
    partner = _largest(Organisation.objects.published(), "activities")
    return {
        BARE: reverse("healthz"),
        "home": reverse("home"),
        "project list": reverse("projects:list"),
        "project page": project.get_absolute_url(),
        "country list": reverse("countries:list"),
        "country page": country.get_absolute_url(),
        "theme list": reverse("themes:list"),
        "theme page": theme.get_absolute_url(),
        "activity list": reverse("activities:list"),
        "activity page": activity.get_absolute_url(),
        "partner list": reverse("partners:list"),
        "partner page": partner.get_absolute_url(),
        "document list": reverse("documents:list"),
        "search": reverse("search") + "?q=migration",
        "factsheet": reverse("projects:factsheet", kwargs={"slug": project.slug}),
    }


# Each run's own: a page cached by an earlier run is not taken for one rendered in this one.
RUN = secrets.token_hex(4)


def uncached(url, n):
    """The URL with a parameter no page cache has seen, so that the page is rendered anew."""
    return f"{url}{'&' if '?' in url else '?'}bench={RUN}-{n}"


class QueryCounter:
    """Counts queries (CaptureQueriesContext would not: every request resets the query log)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _cpu_and_queries(client, url, label, *, repeat, cold):
    """Median CPU ms of `repeat` renderings of the page, and the queries of one.

    Cold: the content generation moves on before each, as after an editor's change, so
    that neither the page nor any fragment (the map, the charts) is in the cache. Otherwise
    only the page is new: fragments kept since the last change are read from the cache.
    """

    def get(n, counter=None):
        if cold:
            ContentGeneration.bump()
        started = time.process_time()
        with connection.execute_wrapper(counter) if counter else contextlib.nullcontext():
            response = client.get(uncached(url, f"{label}{n}"))
        return response.status_code, (time.process_time() - started) * 1000

    queries = QueryCounter()
    status, _cpu = get("count", queries)
    cpu = [get(n)[1] for n in range(repeat)]
    return status, queries.count, round(statistics.median(cpu), 2)


def inspect(repeat=5) -> dict:
    """The URLs, each page's queries, and the CPU time it takes this process (median of a few).

    The CPU time is what the page costs the server whatever else runs on the machine, where
    the times measured through gunicorn include the wait for a core.
    """
    client = Client(HTTP_HOST="127.0.0.1")
    pages = {}
    for name, url in page_urls().items():
        client.get(uncached(url, "warm"))
        _status, cold_queries, cold_cpu = _cpu_and_queries(
            client, url, "cold", repeat=repeat, cold=True
        )
        status, queries, cpu = _cpu_and_queries(client, url, "cpu", repeat=repeat, cold=False)
        pages[name] = {
            "url": url,
            "queries": queries,
            "status": status,
            "cpu_ms": cpu,
            "cold_queries": cold_queries,
            "cold_cpu_ms": cold_cpu,
        }
    return {"vendor": connection.vendor, "pages": pages}


# Measuring through gunicorn ------------------------------------------------------------------


def free_port(preferred=0):
    with socket.socket() as probe:
        # As gunicorn does: a port left in TIME_WAIT by the previous run is free to use.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", preferred))
        return probe.getsockname()[1]


def fetch(port, url, timeout=30.0):
    """(status, seconds) of one GET on a new connection, as a browser's first visit."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", url)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        conn.close()


class Server:
    """gunicorn in production mode on the scaled database, for the length of a `with`."""

    def __init__(self, *, url, port, workers):
        self.port, self.workers = port, workers
        self.env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on the loopback: no proxy in front to terminate TLS.
            "SECURE_SSL_REDIRECT": "false",
        }

    def __enter__(self):
        gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
        self.process = subprocess.Popen(
            [
                gunicorn,
                "acss_portal.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=60",
                "--access-logfile=/dev/null",
                "--error-logfile=-",
                "--log-level=warning",
            ],
            cwd=settings.BASE_DIR,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if fetch(self.port, reverse("healthz"), timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer /healthz")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class Timing:
    requests: int
    errors: int
    per_second: float
    p50_ms: float
    p95_ms: float


def timing(samples, errors, elapsed) -> Timing:
    ms = sorted(seconds * 1000 for seconds in samples)
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) > 1 else ms[0]
    return Timing(len(ms), errors, len(ms) / elapsed, statistics.median(ms), p95)


class ContentChange:
    """Moves the scaled database's content generation on, as an editor's save does.

    Every page and every kept fragment then misses: the request after it costs what the
    first visitor after a change of content pays. Plain SQL on the benchmark's own database
    (this process's Django connection may be another one).
    """

    SQL = "UPDATE core_contentgeneration SET value = value + 1, changed_at = {now} WHERE id = 1"

    def __init__(self, url):
        if url.startswith("sqlite:"):
            import sqlite3

            self.connection = sqlite3.connect(urllib.parse.urlsplit(url).path, isolation_level=None)
            self.sql = self.SQL.format(now="strftime('%Y-%m-%d %H:%M:%f', 'now')")
        else:
            import psycopg

            self.connection = psycopg.connect(url, autocommit=True)
            self.sql = self.SQL.format(now="now()")

    def __call__(self):
        self.connection.execute(self.sql)

    def close(self):
        self.connection.close()


def run_for(port, urls, seconds, before=None) -> Timing:
    """Requests one after another for `seconds`, each URL from the iterator in turn.

    `before()`, when given, runs before each request, outside the time measured.
    """
    samples, errors = [], 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds or not samples:
        if before is not None:
            before()
        status, took = fetch(port, next(urls))
        samples.append(took)
        errors += status != 200
    return timing(samples, errors, time.perf_counter() - started)


def measure_pages(port, pages, seconds, log, change) -> dict:
    results = {}
    counter = iter(range(10**9))  # with RUN, never an address an earlier run cached
    for name, page in pages.items():
        url = page["url"]
        for _ in range(3):  # warm the workers and any cache
            fetch(port, url)
        addresses = (uncached(url, next(counter)) for _ in iter(int, 1))
        cold = run_for(port, addresses, seconds, before=change)
        fresh = run_for(port, addresses, seconds)
        again = run_for(port, (url for _ in iter(int, 1)), seconds)
        results[name] = {
            "url": url,
            "queries": page["queries"],
            "cpu_ms": page["cpu_ms"],
            "cold_queries": page["cold_queries"],
            "cold_cpu_ms": page["cold_cpu_ms"],
            "cold": cold,
            "uncached": fresh,
            "cached": again,
        }
        log(
            f"  {name:<14} cold p50 {cold.p50_ms:7.1f} ms   uncached p50 {fresh.p50_ms:7.1f} ms"
            f"   cached p50 {again.p50_ms:7.1f} ms"
        )
    bare = results[BARE]
    for result in results.values():
        result["cpu_ratio"] = result["cpu_ms"] / bare["cpu_ms"]
        for kind in VARIANTS:
            result[f"{kind}_ratio"] = result[kind].p50_ms / bare[kind].p50_ms
    return results


def concurrency(port, urls, *, connections, seconds) -> dict:
    """`connections` clients at once, each going through every page type, for `seconds`."""
    stop = time.perf_counter() + seconds
    lock = threading.Lock()
    samples, errors, failures = [], [0], {}

    def client(offset):
        i = offset
        while time.perf_counter() < stop:
            url = urls[i % len(urls)]
            i += 1
            try:
                status, took = fetch(port, url)
            except OSError as error:
                status, took = type(error).__name__, None
            with lock:
                if took is not None:
                    samples.append(took)
                if status != 200:
                    errors[0] += 1
                    failures[str(status)] = failures.get(str(status), 0) + 1

    started = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(client, range(connections)))
    result = asdict(timing(samples or [0.0], errors[0], time.perf_counter() - started))
    return {**result, "connections": connections, "seconds": seconds, "failures": failures}


# Report ---------------------------------------------------------------------------------------


def variants(row):
    """(variant, (queries, CPU ms) in-process or None, gunicorn timing, p50 ×bare) of a page."""
    in_process = {
        "cold": (row["cold_queries"], row["cold_cpu_ms"]),
        "uncached": (row["queries"], row["cpu_ms"]),
    }
    for kind in VARIANTS:
        yield kind, in_process.get(kind), row[kind], row[f"{kind}_ratio"]


def table(report) -> str:
    """The run as text: each variant's queries and CPU in-process, p50 and p95 through gunicorn.

    cold: the first request after a change of content (nothing kept); uncached: an address
    the page cache has not seen, with what the content generation keeps; cached: again.
    """
    head = f"{'page type':<14}"
    top = f"{'':<14}"
    for kind in VARIANTS:
        cells = f" {'queries':>7} {'CPU ms':>7}" if kind != "cached" else ""
        cells += f" {'p50 ms':>7} {'p95 ms':>7} {'×bare':>6} |"
        head += cells
        top += f" {kind:^{len(cells) - 2}} |"
    lines = [
        f"{report['database']} at {report['scale']}× the seed, {report['workers']} gunicorn workers"
        f", {report['seconds']} s per page type and variant; load average"
        f" {report['load_average'][0]} → {report['load_average'][1]} on {report['cpus']} CPUs",
        "queries and CPU ms: in-process; p50, p95 and ×bare (p50 over the bare view's): gunicorn",
        top,
        head,
        "-" * len(head),
    ]
    for name, row in report["pages"].items():
        line = f"{name:<14}"
        for _kind, in_process, t, ratio in variants(row):
            if in_process:
                line += f" {in_process[0]:>7} {in_process[1]:7.1f}"
            line += f" {t['p50_ms']:7.1f} {t['p95_ms']:7.1f} {ratio:6.1f} |"
        lines.append(line)
    c = report["concurrency"]
    lines.append(
        f"{c['connections']} connections for {c['seconds']} s over every page type (cached): "
        f"{c['requests']} requests, {c['per_second']:.1f} req/s, p50 {c['p50_ms']:.0f} ms, "
        f"p95 {c['p95_ms']:.0f} ms, {c['errors']} errors {c['failures'] or ''}"
    )
    return "\n".join(lines)


def run(*, database, scale, seconds, workers, connections, concurrency_seconds, port, log):
    url = database_url(database, scale, os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    build(database=database, scale=scale, url=url, log=log)
    port = free_port(port)
    load_before = os.getloadavg()[0]
    server = Server(url=url, port=port, workers=workers)
    _manage("collectstatic", "--noinput", "-v0", env=server.env)
    found = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "benchmark", "--inspect"],
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    pages = json.loads(found.stdout)["pages"]
    log(f"gunicorn on 127.0.0.1:{port}, {workers} workers, DEBUG=0")
    change = ContentChange(url)
    with server, contextlib.closing(change):
        results = measure_pages(port, pages, seconds, log, change)
        log(f"  {connections} connections for {concurrency_seconds} s …")
        crowd = concurrency(
            port,
            [page["url"] for page in pages.values()],
            connections=connections,
            seconds=concurrency_seconds,
        )
    report = {
        "database": database,
        "scale": scale,
        "workers": workers,
        "seconds": seconds,
        "measured_at": timezone.now().isoformat(timespec="seconds"),
        # The machine's load (1-minute average) before and after: other work skews every number.
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "cpus": os.cpu_count(),
        "pages": {
            name: {
                **row,
                "cold": asdict(row["cold"]),
                "uncached": asdict(row["uncached"]),
                "cached": asdict(row["cached"]),
            }
            for name, row in results.items()
        },
        "concurrency": crowd,
    }
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"{database}-scale-{scale}.json"
    path.write_text(json.dumps(report, indent=2))
    return report, path


def markdown(reports) -> str:
    """One Markdown table per run (e.g. 1× and 100×), for the README."""
    lines = []
    for r in reports:
        lines += [
            f"\n{r['database']} {r['scale']}×, load average {r['load_average'][0]}–"
            f"{r['load_average'][1]} on {r['cpus']} CPUs:\n",
            "| page type | cold: queries, CPU ms | cold: p50 / p95 ms (×bare)"
            " | uncached: queries, CPU ms | uncached: p50 / p95 ms (×bare)"
            " | cached: p50 / p95 ms (×bare) |",
            "|---|---|---|---|---|---|",
        ]
        for name, row in r["pages"].items():
            cells = [name]
            for _kind, in_process, t, ratio in variants(row):
                if in_process:
                    cells.append(f"{in_process[0]}, {in_process[1]:.1f}")
                cells.append(f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f} ({ratio:.1f})")
            lines.append("| " + " | ".join(cells) + " |")
        c = r["concurrency"]
        lines.append(
            f"\n{c['connections']} connections for {c['seconds']:.0f} s: {c['requests']} requests,"
            f" {c['per_second']:.1f} req/s, p95 {c['p95_ms']:.0f} ms, {c['errors']} errors."
        )
    return "\n".join(lines)
