"""Figures kept in the cache (``settings.CACHES``, shared by every app server) under a
key that changes with the data they count: djangoproject.com's "generation" pattern,
with the generation kept in the database.

``statuses_changed`` adds one to the generation (``FiguresVersion``) in the transaction
that changes what is counted; ``statuses.recommendation_status_refresh``, which every
change of a validated update goes through (validation, deletion, restore, bulk loads),
calls it. ``figures_changed`` moves the catalogue's generation as well: every save or
deletion of a vocabulary the figures name things by calls it (``names_changed``: a renamed
theme shows at once), and so does every bulk load. What else the figures depend on
(positions, reviews, responsibilities, which recommendations exist, their texts in other
languages) is recorded in the history by every door that changes it, so the latest history
row of each is part of the version too. ``figures_version`` reads all of it in one query;
a key made from it is never stale, and a validated update shows at once (in the
database, the new generation is seen exactly when the change is).

What does not count statuses (the filters' options, the states under review in order of
their number of recommendations) is kept under the catalogue's version
(``cached(…, counts_statuses=False)``): the same but for the statuses' generation, so a
validation does not make the next reader read them again.
"""

import contextvars
import functools
import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet
from django.utils.translation import get_language

TIMEOUT = 24 * 60 * 60  # a day: a key no longer asked for leaves by itself
# A page of rows (the list's rendered, the API's records) weighs a hundred kilobytes and
# few are read again: kept a short while unless the data change first.
ROWS_TIMEOUT = 10 * 60
# The shape of what is kept: one more whenever a cached figure holds something else (the
# dashboard's rendered parts, say), so a new release never reads what an older one kept.
SHAPE = 5
# The version read once in a request (``FiguresVersionOncePerRequest``), not per figure.
_this_request: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "figures_version_this_request", default=None
)


def statuses_changed() -> None:
    """Every cached figure that counts statuses is out of date from now on (once this
    transaction commits); what names and lists the recommendations is not."""
    _moved(generation=F("generation") + 1)


def figures_changed() -> None:
    """Every cached figure is out of date from now on (once this transaction commits)."""
    _moved(
        generation=F("generation") + 1,
        catalogue_generation=F("catalogue_generation") + 1,
    )


def _moved(**generations) -> None:
    from .models import FiguresVersion

    if not FiguresVersion.objects.filter(pk=1).update(**generations):
        FiguresVersion.objects.get_or_create(pk=1)
    remembered = _this_request.get()
    if remembered is not None:
        remembered.clear()


def names_changed(sender, **kwargs) -> None:
    """Receiver of a vocabulary's saves and deletions (a theme, a state, an institution
    renamed or removed): the figures name them, so they are out of date too. Connected
    in ``RecommendationsConfig.ready`` for :data:`NAMED`; a data migration's historical
    models send as other classes and change nothing."""
    figures_changed()


# What the figures show by name, beside what they count.
NAMED = (
    "State",
    "Mechanism",
    "Theme",
    "AffectedGroup",
    "SdgGoal",
    "SdgTarget",
    "Institution",
    "Cluster",
)


def figures_version() -> str:
    """The generation and the latest history row of recommendations, reviews,
    responsibilities and texts in other languages (kept lists show excerpts in the
    reader's language), in one query (once per request)."""
    return _versions()[0]


def catalogue_version() -> str:
    """``figures_version`` but for the statuses: the catalogue's generation and the same
    latest history rows (read in the same query)."""
    return _versions()[1]


def _versions() -> tuple[str, str]:
    remembered = _this_request.get()
    if remembered is not None and "versions" in remembered:
        return remembered["versions"]
    with connection.cursor() as cursor:
        cursor.execute(_version_query())
        generation, catalogue, *latest = cursor.fetchone()
    versions = (
        ".".join(str(value) for value in (generation, *latest)),
        ".".join(str(value) for value in (catalogue, *latest)),
    )
    if remembered is not None:
        remembered["versions"] = versions
    return versions


@functools.cache
def _version_query() -> str:
    """The query ``figures_version`` runs, written once: naming a history table through
    its model (``Recommendation.history``) makes django-simple-history build a manager
    class each time, a millisecond of every page."""
    from .models import (
        FiguresVersion,
        Recommendation,
        RecommendationText,
        Responsibility,
        ReviewCycle,
    )

    quote = connection.ops.quote_name
    generations = quote(FiguresVersion._meta.db_table)
    parts = [
        f"(SELECT generation FROM {generations} WHERE id = 1)",
        f"(SELECT catalogue_generation FROM {generations} WHERE id = 1)",
        *(
            f"(SELECT MAX(history_id) FROM {quote(model.history.model._meta.db_table)})"
            for model in (Recommendation, ReviewCycle, Responsibility, RecommendationText)
        ),
    ]
    return f"SELECT {', '.join(parts)}"


class FiguresVersionOncePerRequest:
    """Middleware: a request reads the version of the figures once, however many cached
    figures it shows (a step that changes them in the request reads it anew)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set({})
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)


def cached(name: str, compute, *parts, timeout: int = TIMEOUT, counts_statuses: bool = True):
    """``compute()``, from the cache when it was computed for the same ``parts`` since the
    figures last changed (``figures_key``), else computed now and kept. Given
    ``counts_statuses=False`` (``compute`` reads no status, maintained or not), since
    anything but the statuses last changed."""
    key = figures_key(name, *parts, counts_statuses=counts_statuses)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value


def kept(function, *args, **kwargs):
    """``function(*args, **kwargs)``, a figure (``measure``, ``measure_by`` …), kept with
    the figures for the same arguments (querysets by their SQL, which says whose and which
    rows) in the active language (labels are named in it): ``cached`` under the function's
    name."""
    name = f"{function.__module__}.{function.__qualname__}"
    named = [part for item in sorted(kwargs.items()) for part in item]
    return cached(name, lambda: function(*args, **kwargs), *args, *named, get_language())


def figures_key(name: str, *parts, counts_statuses: bool = True) -> str:
    """A cache key for the figure ``name`` of ``parts`` (querysets, by their SQL, and
    anything with a stable ``repr``), in the current version of the figures, or of the
    catalogue when ``counts_statuses`` is False."""
    described = [_described(part) for part in parts]
    digest = hashlib.sha256(repr(described).encode()).hexdigest()[:32]
    if counts_statuses:
        return f"upr:figures:{SHAPE}:{name}:{figures_version()}:{digest}"
    return f"upr:catalogue:{SHAPE}:{name}:{catalogue_version()}:{digest}"


def _described(part):
    if isinstance(part, QuerySet):
        # Written once per queryset (a page names the same one in several keys); a
        # queryset's methods return new ones, so its SQL stays what it was.
        if "_described_sql" not in part.__dict__:
            try:
                part.__dict__["_described_sql"] = str(part.query)
            except EmptyResultSet:
                part.__dict__["_described_sql"] = "nothing"
        return part.__dict__["_described_sql"]
    return part
