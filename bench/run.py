"""Time the pages and endpoints on large generated data sets, each against its floor.

    python -m bench.run                 (or: make bench)   10,000 then 100,000 recommendations
    python -m bench.run --million       (make bench BENCH_MILLION=1)   … then 1,000,000

Runs on PostgreSQL: ``BENCH_DATABASE_URL`` if given (never ``DATABASE_URL``), else a
throwaway server started and removed here (``bench.server``). The data set grows from one
size to the next (``bench.data.generate``). For each path it prints the median and 95th
percentile of the application's time (Django's test client, as the UN adviser), its number
of queries, and the time of its floor (``bench.floors``: the same result by hand-written SQL
through psycopg2, checked equal in the same run), and writes the tables, with the machine
they ran on, to ``benchmarks/RESULTS.md``.
"""

import argparse
import math
import os
import platform
import re
import statistics
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


@dataclass
class Timing:
    name: str
    median: float
    p95: float
    queries: int | None
    floor: float | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.floor else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000", help="comma-separated numbers of recommendations"
    )
    parser.add_argument("--million", action="store_true", help="then 1,000,000 as well")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per path")
    parser.add_argument("--output", default=str(RESULTS))
    options = parser.parse_args(argv)
    sizes = [int(size) for size in options.sizes.split(",") if size]
    if options.million:
        sizes.append(1_000_000)

    from .server import bench_database

    with bench_database() as url:
        _setup_django(url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        # Production settings serve the static files by their hashed names.
        call_command("collectstatic", interactive=False, verbosity=0)
        runs = []
        for size in sizes:
            generated = _fill(size)
            timings = _time_everything(options.repeat)
            runs.append((size, generated, timings))
            _print(size, timings)
        _write(Path(options.output), runs, options.repeat)


def _setup_django(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr_tracker.settings")
    # Production settings (DEBUG off) over plain HTTP, as behind a proxy that ends TLS
    # (``make load`` runs the same way).
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        os.environ.setdefault(name, "false")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    # Django's test client calls itself "testserver". Not ``setup_test_environment``: it
    # has every template rendered send a signal, for which the client copies the context
    # (tens of milliseconds on a page of a thousand options, never spent in production).
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def _fill(size: int) -> str:
    from django.db import connection

    from recommendations.models import Recommendation

    from .data import generate

    there = Recommendation.objects.count()
    if there >= size:
        return f"{there:,} recommendations already there"
    started = time.perf_counter()
    made = generate(size, demo_password="bench password")
    took = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
    print(f"Generated {made:,} recommendations with their history in {took:.0f} s.")
    return f"{made:,} generated with their history in {took:.0f} s"


@dataclass
class Path_:
    """A path to time: what the application does, what it shows, and its floor."""

    name: str
    run: object  # () -> the application's response or result
    shown: object  # response -> what the page shows, in the floor's shape
    floor: object | None = None  # cursor -> the same
    repeat: int | None = None
    before: object | None = None  # () -> run before each timed run, not timed


def _time_everything(repeat: int) -> list[Timing]:
    import psycopg2
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from upr_tracker.serving import ready_to_serve

    client = Client()
    client.force_login(get_user_model().objects.get(username="adviser"))
    database = settings.DATABASES["default"]
    floor_connection = psycopg2.connect(
        dbname=database["NAME"],
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"],
        port=database["PORT"],
        # The application's own session settings (JIT off, the planner's page cost).
        options=f"{database['OPTIONS'].get('options', '')} -c timezone=UTC".strip(),
    )
    floor_connection.autocommit = True
    timings = []
    ready_to_serve()  # as upr_tracker/wsgi.py does before the first request
    try:
        with floor_connection.cursor() as cursor:
            for path in _paths(client, cache):
                timings.append(_time(path, cursor, path.repeat or repeat))
            timings.append(_jit_cost(cursor))
    finally:
        floor_connection.close()
    return timings


def _time(path: Path_, cursor, repeat: int) -> Timing:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def once():
        if path.before:
            path.before()
        started = time.perf_counter()
        response = path.run()
        if getattr(response, "streaming", False):
            response.streaming_content = [b"".join(response.streaming_content)]
        return time.perf_counter() - started, response

    once()  # warm: connections, the session, the caches a first request fills
    timings = [once()[0] for _ in range(repeat)]
    if path.before:
        path.before()
    with CaptureQueriesContext(connection) as captured, _templates_reported():
        response = path.run()
        shown = path.shown(response)
    floor = None
    if path.floor:
        expected = path.floor(cursor)
        if shown != expected:
            raise SystemExit(
                f"{path.name}: the floor's result differs from the application's:\n"
                f"{_difference(shown, expected)}"
            )
        started = []
        for _ in range(max(3, repeat // 2)):
            begin = time.perf_counter()
            path.floor(cursor)
            started.append(time.perf_counter() - begin)
        floor = statistics.median(started)
    timings.sort()
    return Timing(
        path.name,
        statistics.median(timings),
        timings[math.ceil(0.95 * len(timings)) - 1],
        len(captured),
        floor,
    )


@contextmanager
def _templates_reported():
    """The checked run only: templates report their context (``response.context``, what
    the page shows), as in Django's tests; the timed runs render as in production."""
    from django.template import Template
    from django.test.utils import instrumented_test_render

    original = Template._render
    Template._render = instrumented_test_render
    try:
        yield
    finally:
        Template._render = original


def _difference(shown, expected) -> str:
    """Where two results first differ (for the message when a floor is wrong)."""
    if isinstance(shown, dict) and isinstance(expected, dict):
        for key in sorted(set(shown) | set(expected), key=str):
            if shown.get(key) != expected.get(key):
                return f"[{key!r}] " + _difference(shown.get(key), expected.get(key))
    if isinstance(shown, list | tuple) and isinstance(expected, list | tuple):
        for index, (left, right) in enumerate(zip(shown, expected, strict=False)):
            if left != right:
                return f"[{index}] " + _difference(left, right)
        return f"lengths {len(shown)} and {len(expected)}"
    return f"application {shown!r}\n    floor {expected!r}"


def _jit_cost(cursor) -> Timing:
    """What JIT compilation would add: the measure over everything, with and without it."""
    from . import floors

    def timed(jit):
        cursor.execute(f"SET jit = {jit}")
        runs = []
        for _ in range(5):
            begin = time.perf_counter()
            floors.measure_everything(cursor)
            runs.append(time.perf_counter() - begin)
        return statistics.median(runs)

    with_jit, without = timed("on"), timed("off")
    return Timing(
        "(JIT: measure over everything with jit=on)",
        with_jit,
        with_jit,
        None,
        without,
        note="floor column: jit=off",
    )


def _paths(client, cache) -> list[Path_]:
    from django.http import QueryDict
    from django.urls import reverse

    from recommendations.models import Institution, Recommendation, ReviewCycle, Theme
    from recommendations.selectors import measure, measure_by, overdue_threshold
    from recommendations.selectors.over_time import half_year_ends, implementation_over_time

    from . import floors

    today = floors.today()
    threshold = overdue_threshold(today)
    everything = Recommendation.objects.all()
    every_review = list(ReviewCycle.objects.select_related("state_under_review", "mechanism"))
    first_day = min(r.review_date for r in every_review if r.review_date)
    every_day = half_year_ends(first_day, today)
    # The dashboard's reviews: those with recommendations of the state with most of them.
    from django.contrib.auth import get_user_model

    from recommendations.views.selection import select

    adviser = get_user_model().objects.get(username="adviser")
    selection = [r for r in select(QueryDict(), adviser).reviews if r.recommendations.exists()]
    selection_start = min(r.review_date for r in selection if r.review_date)
    busiest = Recommendation.objects.filter(progress_updates__isnull=False).order_by("-pk").first()
    theme = Theme.objects.order_by("pk").first()
    justice = Institution.objects.get(name="Ministry of Justice")
    listing = reverse("recommendation-list")
    count = everything.count()
    far_page = min(500, math.ceil(count / 50))
    # The download of about 100,000 rows: all of them up to that, a cycle's beyond.
    exported = "" if count <= 150_000 else "&cycle=2"
    exported_rows = everything.filter(review__cycle=2).count() if exported else count

    def get(url):
        return lambda: client.get(url)

    def days_of(first):
        return half_year_ends(first, today)

    return [
        Path_(
            "dashboard (default selection)",
            get(reverse("dashboard")),
            floors.app_dashboard,
            lambda c: floors.dashboard(c, threshold, days_of),
        ),
        Path_(
            "dashboard, after a validation",
            get(reverse("dashboard")),
            floors.app_dashboard,
            lambda c: floors.dashboard(c, threshold, days_of),
            before=_as_after_a_validation,
        ),
        Path_(
            "dashboard, nothing cached",
            get(reverse("dashboard")),
            floors.app_dashboard,
            lambda c: floors.dashboard(c, threshold, days_of),
            before=cache.clear,
        ),
        Path_("dashboard, one cycle", get(reverse("dashboard") + "?cycle=1"), _status_only),
        Path_(
            "dashboard, a theme as of a day",
            get(reverse("dashboard") + f"?theme={theme.slug}&as_of=2014-12-31"),
            _status_only,
        ),
        Path_(
            "whole breakdown by state",
            get(reverse("breakdown", args=["recommending_state"])),
            _status_only,
        ),
        Path_("institutions", get(reverse("institution-list")), _status_only),
        Path_("recommendation list", get(listing), floors.app_listing, lambda c: floors.listing(c)),
        Path_("list, by theme", get(f"{listing}?theme={theme.slug}"), _status_only),
        Path_(
            "list, search 'torture'",
            get(f"{listing}?search=torture"),
            floors.app_listing,
            lambda c: floors.listing(c, floors.SEARCH, ("torture", "torture")),
        ),
        Path_(
            "list, sorted by status",
            get(f"{listing}?sort=status"),
            floors.app_listing,
            lambda c: floors.listing(c, order=f"{floors.STATUS_RANK}, {floors.REVIEW_ORDER}"),
        ),
        Path_(
            "list, sorted by last update",
            get(f"{listing}?sort=-updated"),
            floors.app_listing,
            lambda c: floors.listing(
                c, order=f"r.status_on DESC NULLS LAST, {floors.REVIEW_ORDER}"
            ),
        ),
        Path_(
            f"list, page {far_page}",
            get(f"{listing}?page={far_page}"),
            floors.app_listing,
            lambda c: floors.listing(c, offset=(far_page - 1) * 50),
        ),
        Path_(
            "recommendation detail",
            get(reverse("recommendation-detail", args=[busiest.pk])),
            _status_only,
        ),
        Path_(
            "institution page",
            get(reverse("institution-detail", args=[justice.pk])),
            floors.app_institution,
            lambda c: floors.institution(c, justice.pk, threshold),
        ),
        Path_("engagements", get(reverse("engagement-list")), _status_only),
        Path_(
            "`measure` over everything",
            lambda: measure(everything),
            floors.app_figures,
            floors.measure_everything,
        ),
        Path_(
            "`measure_by` theme",
            lambda: measure_by(everything, "theme"),
            floors.app_groups,
            floors.measure_by_theme,
        ),
        Path_(
            "over-time series, the dashboard's reviews",
            # Computed as the dashboard computes it (which keeps it with its figures).
            lambda: implementation_over_time(everything, selection, today=today, cached=False),
            floors.app_over_time,
            lambda c: floors.implemented_over_time(
                c, [r.pk for r in selection], half_year_ends(selection_start, today)
            ),
        ),
        Path_(
            "over-time series, every review",
            lambda: implementation_over_time(everything, every_review, today=today, cached=False),
            floors.app_over_time,
            lambda c: floors.implemented_over_time(c, [r.pk for r in every_review], every_day),
            repeat=5,
        ),
        Path_(
            "/api/v1/stats/?group_by=theme",
            get("/api/v1/stats/?group_by=theme"),
            floors.app_stats,
            floors.stats_by_theme,
        ),
        Path_(
            "/api/v1/recommendations/?page_size=100",
            get("/api/v1/recommendations/?page_size=100"),
            floors.app_api_recommendations,
            floors.api_recommendations,
        ),
        Path_(
            f"CSV export of {exported_rows:,} rows",
            get(reverse("recommendation-export") + "?format=csv" + exported),
            floors.app_csv,
            lambda c: floors.csv_export(c, cycle=2 if exported else None),
            repeat=3,
        ),
    ]


def _as_after_a_validation():
    """What a validation does to what is kept: the statuses' generation moves on
    (``recommendation_status_refresh`` calls this in the validation's transaction)."""
    from django.db import transaction

    from recommendations import caching

    with transaction.atomic():
        caching.statuses_changed()


def _status_only(response):
    if response.status_code != 200:
        raise SystemExit(f"answered {response.status_code}")
    return None


def _print(size: int, timings: list[Timing]):
    print(f"\n{size:,} recommendations")
    print(f"{'path':44} {'median':>9} {'p95':>9} {'queries':>8} {'floor':>9} {'ratio':>6}")
    for t in timings:
        floor = f"{t.floor * 1000:7.1f}ms" if t.floor else "        —"
        ratio = f"{t.ratio:5.1f}×" if t.ratio else "     —"
        queries = f"{t.queries:8d}" if t.queries is not None else "       —"
        print(
            f"{t.name:44} {t.median * 1000:7.1f}ms {t.p95 * 1000:7.1f}ms {queries} {floor} {ratio}"
        )


def _machine() -> list[str]:
    from django.db import connection

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split()[1])
        memory = f"{kilobytes / 1024 / 1024:.0f} GB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores",
        f"- memory: {memory}",
        f"- PostgreSQL {version} (throwaway server of `scripts/test-postgres.sh` unless "
        "`BENCH_DATABASE_URL` was given: fsync off, default memory settings), JIT off for "
        "the application and for the floors",
        f"- Python {platform.python_version()}, {platform.system()} {platform.release()}",
        f"- load average when the run ended: {load} (the machine was shared with other work)",
    ]


def _write(path: Path, runs, repeat: int):
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m bench.run`) on {datetime.now():%Y-%m-%d %H:%M}.",
        "",
        "## The machine",
        "",
        *_machine(),
        "",
        "## How to read the tables",
        "",
        f"Each path is run once to warm up, then {repeat} times (the CSV export 3 times): the",
        "median and the 95th percentile of those runs, through Django's test client as the UN",
        "adviser (pages and API) or as a Python call (the selectors). *Queries* is the number",
        "of SQL queries of one run (session and user included). *Floor* is the median time of",
        "the same result computed by hand-written SQL through psycopg2 on the same database in",
        "the same run (`bench/floors.py`), checked equal to what the application shows before",
        "the ratio is taken. The floor fetches rows; the application also renders the page.",
        "*Dashboard, after a validation* moves the statuses' generation before each run, as",
        "a validation does: the first request after one (its figures counted and drawn",
        "again, the filters' options and the states as kept). *Dashboard, nothing cached*",
        "clears the cache before each run: the first request after a deployment, or after a",
        "renamed theme or an import (which change what the options show). The over-time",
        "series are computed each time, as the dashboard computes its chart before keeping",
        "it with its figures.",
        "",
    ]
    for size, generated, timings in runs:
        lines += [
            f"## {size:,} recommendations",
            "",
            f"Data: {generated}.",
            "",
            *_targets(size, timings),
            "",
            "| path | median | p95 | queries | floor | ratio |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for t in timings:
            lines.append(
                f"| {t.name} | {t.median * 1000:,.0f} ms | {t.p95 * 1000:,.0f} ms | "
                f"{t.queries if t.queries is not None else '—'} | "
                f"{f'{t.floor * 1000:,.1f} ms' if t.floor else '—'} | "
                f"{f'{t.ratio:.1f}×' if t.ratio else '—'} |"
            )
        lines.append("")
    lines += _kept_sections(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))
    print(f"\nWrote {path}.")


def _kept_sections(path: Path) -> list[str]:
    """The sections other tools write into the same file (``make load``'s), as they are."""
    from load.results import HEADING

    if not path.exists():
        return []
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    match = pattern.search(path.read_text())
    return [match.group(0).rstrip("\n"), ""] if match else []


# The targets: (path, most milliseconds) at 100,000, and at 1,000,000.
TARGETS = {
    100_000: [
        ("dashboard (default selection)", 150),
        ("over-time series, the dashboard's reviews", 300),
        ("over-time series, every review", 300),  # the issue's own row
        ("list, search 'torture'", 200),
    ],
    1_000_000: [("dashboard (default selection)", 500)],
}


def _targets(size: int, timings: list[Timing]) -> list[str]:
    """The targets of this size, each said met or not, and the paths beyond 2× their
    floor or at 15 queries or more."""
    by_name = {t.name: t for t in timings}
    lines = []
    for name, most in TARGETS.get(size, []):
        if name in by_name:
            median = by_name[name].median * 1000
            verdict = "met" if median < most else "**not met**"
            lines.append(f"- {name}: median {median:,.0f} ms, target under {most} ms: {verdict}")
    slower = [f"{t.name} ({t.ratio:.1f}×)" for t in timings if t.ratio and t.ratio > 2]
    busier = [f"{t.name} ({t.queries})" for t in timings if t.queries and t.queries >= 15]
    lines.append(f"- beyond 2× the floor: {', '.join(slower) or 'none'}")
    lines.append(f"- 15 queries or more: {', '.join(busier) or 'none'}")
    return lines


if __name__ == "__main__":
    main()
