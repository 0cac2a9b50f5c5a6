"""No page runs more queries when there is ten times more data: a couple of hundred
recommendations against a couple of thousand (bulk-created, as ``make bench`` makes them),
every page and download; the dashboard, which caches its figures, also with nothing cached
(the first request after a deployment or a renamed theme) and after a validation (which
leaves what reads no status, the filters' options, as kept)."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.data import add_recommendations
from missions.models import Engagement
from recommendations import caching
from recommendations.models import Institution, ProgressUpdate, Recommendation, ReviewCycle

pytestmark = pytest.mark.django_db

# The most any page may run with nothing cached (session and user included; in a test
# each cache write takes a savepoint's two more), and with its figures in the cache. The
# filters' drop-downs are read in one query for all of them (``web.choice_lists``), the
# dashboard's breakdown tables in one (``measure_by_each``); a recommendation's page and a
# review's status report, with their linked records, reach 17.
LIMIT = 22
CACHED_LIMIT = 17
# After a validation the filters' options and the states under review stay as kept.
VALIDATED_LIMIT = 19


def pages(review, recommendation, update) -> dict[str, tuple[str, str]]:
    """name -> (who reads it, its address)."""
    listing = reverse("recommendation-list")
    justice = Institution.objects.get(name="Ministry of Justice")
    engagement = Engagement.objects.order_by("pk").first()
    return {
        "dashboard": ("adviser", reverse("dashboard")),
        "dashboard, one cycle": ("coordinator", reverse("dashboard") + "?cycle=1"),
        "list": ("adviser", listing),
        "list, filtered": (
            "adviser",
            f"{listing}?review={review.pk}&theme=trafficking&position=supported",
        ),
        "list, searched and sorted by status": ("adviser", f"{listing}?search=rights&sort=status"),
        "list, sorted by last update, page 3": ("adviser", f"{listing}?sort=-updated&page=3"),
        "list, as of a day": ("adviser", f"{listing}?as_of=2013-01-01&status=implemented"),
        "detail": ("adviser", reverse("recommendation-detail", args=[recommendation.pk])),
        "institution": ("adviser", reverse("institution-detail", args=[justice.pk])),
        "institutions": ("adviser", reverse("institution-list")),
        "whole breakdown by theme": ("adviser", reverse("breakdown", args=["theme"])),
        "whole breakdown by state, CSV": (
            "adviser",
            reverse("breakdown-export", args=["recommending_state"]) + "?format=csv",
        ),
        "dashboard, a theme as of a day": (
            "adviser",
            reverse("dashboard") + "?theme=trafficking&as_of=2014-12-31",
        ),
        "download, CSV": ("adviser", reverse("recommendation-export") + "?format=csv"),
        "download, XLSX": ("adviser", reverse("recommendation-export") + "?format=xlsx"),
        "status report": ("adviser", reverse("review-status-report", args=[review.pk])),
        "status report, Word": (
            "adviser",
            reverse("review-status-report-docx", args=[review.pk]),
        ),
        "engagements": ("adviser", reverse("engagement-list")),
        "engagement": ("adviser", reverse("engagement-detail", args=[engagement.pk])),
        "engagements, CSV": ("adviser", reverse("engagement-export") + "?format=csv"),
        "my recommendations": ("justice", reverse("workspace:home")),
        "workspace recommendation": (
            "justice",
            reverse("workspace:recommendation", args=[update.recommendation_id]),
        ),
        "validation queue": ("coordinator", reverse("workspace:queue")),
        "history": ("coordinator", reverse("workspace:history", args=["update", update.pk])),
        "stats": ("adviser", "/api/v1/stats/?group_by=theme"),
        "API list": ("adviser", "/api/v1/recommendations/?page_size=100"),
        "API list, CSV": ("adviser", "/api/v1/recommendations/?format=csv"),
    }


def queries(client, url, *, cached: bool, validated: bool = False) -> int:
    """The queries of one request (a first one has loaded what a session keeps), with the
    figures' cache as it is (``cached``) or emptied first, or after what a validation
    does to it (``validated``: the statuses' generation moved)."""
    client.get(url)
    if not cached:
        cache.clear()
    if validated:
        with transaction.atomic():
            caching.statuses_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def test_no_page_runs_more_queries_with_ten_times_the_recommendations(client, demo):
    review = ReviewCycle.objects.get(state_under_review__iso3="BLR", cycle=1)
    first_batch = add_recommendations([review], 150, seed=1)
    recommendation = next(
        r for r in first_batch if ProgressUpdate.objects.filter(recommendation=r).exists()
    )
    update = ProgressUpdate.objects.filter(
        recommendation__responsibilities__institution__name="Ministry of Justice"
    ).first()
    urls = pages(review, recommendation, update)

    def counted():
        """Each page's queries with its figures cached, and with nothing cached (the
        pages that cache: the dashboard's)."""
        counts = {}
        for name, (user, url) in urls.items():
            client.login(username=user, password="demo password for tests")
            counts[name] = queries(client, url, cached=True)
            if name.startswith("dashboard"):
                counts[f"{name}, nothing cached"] = queries(client, url, cached=False)
                counts[f"{name}, after a validation"] = queries(
                    client, url, cached=True, validated=True
                )
        return counts

    with_hundreds = counted()
    add_recommendations([review], 2000, seed=2)
    assert Recommendation.objects.filter(review=review).count() == 93 + 2150

    with_thousands = counted()
    grown = {
        name: (with_hundreds[name], count)
        for name, count in with_thousands.items()
        if count > with_hundreds[name]
    }
    assert grown == {}
    limits = {"nothing cached": LIMIT, "after a validation": VALIDATED_LIMIT}
    over = {
        name: count
        for name, count in with_hundreds.items()
        if count > limits.get(name.rpartition(", ")[2], CACHED_LIMIT)
    }
    assert over == {}
    assert (
        with_thousands["dashboard"]
        < with_thousands["dashboard, after a validation"]
        < with_thousands["dashboard, nothing cached"]
    )
