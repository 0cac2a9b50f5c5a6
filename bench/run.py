"""Time the dashboard and the recommendation pages on a large data set.

    python -m bench.run --recommendations 100000    (or: make bench)

Uses its own database, ``BENCH_DATABASE_URL`` (default: ``bench.sqlite3`` in the
project folder, rebuilt when it holds a different number of recommendations),
never ``DATABASE_URL``. Fills it with ``bench.data.generate``, then requests
each page with Django's test client as the adviser and prints the median time
and the number of queries of each.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = f"sqlite:///{ROOT / 'bench.sqlite3'}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="requests per page (median)")
    options = parser.parse_args(argv)

    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr_tracker.settings")
    os.environ.setdefault("DEBUG", "true")
    sys.path.insert(0, str(ROOT))
    if database == DEFAULT_DATABASE:
        _start_afresh_unless(options.recommendations)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    _fill(options.recommendations)
    _time_pages(options.repeat)
    _time_selectors(options.repeat)


def _start_afresh_unless(recommendations: int):
    """Keep the default bench database when it was built for this size; else rebuild it."""
    path = ROOT / "bench.sqlite3"
    marker = ROOT / "bench.sqlite3.size"
    if path.exists() and (not marker.exists() or marker.read_text() != str(recommendations)):
        path.unlink()
    marker.write_text(str(recommendations))


def _fill(recommendations: int):
    from recommendations.models import Recommendation

    from .data import generate

    if Recommendation.objects.count() >= recommendations:
        print(f"Using the {Recommendation.objects.count():,} recommendations already there.")
        return
    started = time.perf_counter()
    made = generate(recommendations, demo_password="bench password")
    print(f"Generated {made:,} recommendations in {time.perf_counter() - started:.0f} s.")


def _pages():
    from django.urls import reverse

    from recommendations.models import Institution, Recommendation, Theme

    busiest = Recommendation.objects.filter(progress_updates__isnull=False).order_by("-pk").first()
    theme = Theme.objects.order_by("pk").first()
    institution = Institution.objects.get(name="Ministry of Justice")
    listing = reverse("recommendation-list")
    return [
        ("dashboard (default selection)", reverse("dashboard")),
        ("dashboard, one cycle", reverse("dashboard") + "?cycle=1"),
        (
            "dashboard, a theme as of a day",
            reverse("dashboard") + f"?theme={theme.slug}&as_of=2014-12-31",
        ),
        ("whole breakdown by state", reverse("breakdown", args=["recommending_state"])),
        ("institutions", reverse("institution-list")),
        ("recommendation list", listing),
        ("list, by theme", f"{listing}?theme={theme.slug}"),
        ("list, search 'torture'", f"{listing}?search=torture"),
        ("list, sorted by status", f"{listing}?sort=status"),
        ("list, sorted by last update", f"{listing}?sort=-updated"),
        ("list, page 500", f"{listing}?page=500"),
        ("recommendation detail", reverse("recommendation-detail", args=[busiest.pk])),
        ("institution page", reverse("institution-detail", args=[institution.pk])),
        ("engagements", reverse("engagement-list")),
    ]


def _time_pages(repeat: int):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from recommendations.models import ProgressUpdate, Recommendation

    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.get(username="adviser"))
    print(
        f"{Recommendation.objects.count():,} recommendations, "
        f"{ProgressUpdate.objects.count():,} progress updates, "
        f"database: {connection.vendor}\n"
    )
    print(f"{'page':34} {'median':>9} {'slowest':>9} {'queries':>8}")
    for name, url in _pages():
        timings, queries = [], 0
        for _ in range(repeat):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
            queries = len(captured)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        print(f"{name:34} {statistics.median(timings):8.3f}s {max(timings):8.3f}s {queries:8d}")


def _time_selectors(repeat: int):
    """The worst case no page asks for yet: the measure over every recommendation."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from recommendations.models import Recommendation, ReviewCycle
    from recommendations.selectors import measure, measure_by
    from recommendations.selectors.over_time import implementation_over_time
    from recommendations.selectors.overdue import overdue_recommendations

    everything = Recommendation.objects.all()
    every_review = list(ReviewCycle.objects.select_related("state_under_review", "mechanism"))
    print(
        f"\n{'selector, over all recommendations':34} {'median':>9} {'slowest':>9} {'queries':>8}"
    )
    for name, run in [
        ("measure", lambda: measure(everything)),
        ("measure_by theme", lambda: measure_by(everything, "theme")),
        ("overdue count", lambda: overdue_recommendations(everything).count()),
        (
            "over time, every review",
            lambda: implementation_over_time(everything, every_review),
        ),
    ]:
        timings = []
        for _ in range(repeat):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                run()
                timings.append(time.perf_counter() - started)
        print(
            f"{name:34} {statistics.median(timings):8.3f}s {max(timings):8.3f}s {len(captured):8d}"
        )


if __name__ == "__main__":
    main()
