"""Engagements as the recommendation pages show them, without importing ``missions``.

``missions`` records engagements and builds on this package: its model points at
our recommendations, institutions and states. This package never imports it (the
layout contracts in pyproject.toml), so its pages reach engagements the way the
model lets them: through the relations ``missions`` declares on our models
(``recommendation.engagements``, ``institution.organised`` …), and where a page
needs every engagement, not only those of one object (the dashboard's latest
ones, of a state or of none), through the model at the other end of such a
relation. The engagement pages themselves are ``missions``'.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from .. import rules
from ..models import Institution, Recommendation, State


def engagement_model():
    """The engagement model, as the other end of ``Recommendation.engagements``."""
    # The plugin types a reverse relation as its descriptor; get_field gives the relation.
    return Recommendation._meta.get_field("engagements").related_model  # type: ignore[attr-defined]


def latest_engagements(user, state: State | None, count: int, *, until=None) -> QuerySet:
    """The ``count`` latest engagements ``user`` reads (``rules.visible_engagements``)
    concerning ``state`` or no state in particular (every one when ``state`` is None),
    with their organisers; with ``until``, the latest begun by that day."""
    engagements = rules.visible_engagements(user, engagement_model().objects.all())
    engagements = engagements.prefetch_related("organisers")
    if until:
        engagements = engagements.filter(start_date__lte=until)
    if state:
        engagements = engagements.filter(Q(state_concerned=state) | Q(state_concerned__isnull=True))
    return engagements.order_by("-start_date", "title")[:count]


def engagements_of(user, institution: Institution) -> QuerySet:
    """The engagements ``institution`` organised, funded or took part in that ``user``
    reads, newest first, each annotated with its part (``organised``, ``funded``,
    ``participated``)."""

    def takes_part(relation):
        through = getattr(institution, relation).through
        return Exists(through.objects.filter(engagement=OuterRef("pk"), institution=institution))

    return (
        rules.visible_engagements(user, engagement_model().objects.all())
        .filter(Q(organisers=institution) | Q(funders=institution) | Q(participants=institution))
        .distinct()
        .annotate(
            organised=takes_part("organised"),
            funded=takes_part("funded"),
            participated=takes_part("participated_in"),
        )
        .order_by("-start_date", "title")
    )
