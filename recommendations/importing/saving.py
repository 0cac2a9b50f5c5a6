"""Write parsed recommendations into the database: all or nothing, and idempotent.

The readers in this package turn files into ``ParsedRecommendation`` values;
this module is the one place that turns those into rows. A recommendation is
identified by its review and reference: importing the same data twice changes
nothing, importing corrected data changes only what differs, and every change
is kept in the recommendation's history.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from recommendations.models import Recommendation, ReviewCycle, State, Theme

from .vocabulary import load_states


@dataclass
class SaveReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        )


def ensure_states() -> dict[str, State]:
    """Make sure every state of the committed vocabulary exists; return all by ISO3.

    States a coordinator already has are left as they are (names included)."""
    existing = {state.iso3: state for state in State.objects.all()}
    missing = [known for known in load_states() if known.iso3 not in existing]
    State.objects.bulk_create(
        State(iso3=known.iso3, name=known.name, variants=list(known.variants)) for known in missing
    )
    return {state.iso3: state for state in State.objects.all()}


def theme_named(name: str) -> Theme:
    """The theme of that name (case-insensitive), created if new."""
    theme = Theme.objects.filter(name__iexact=name).first()
    if theme is None:
        theme = Theme.objects.create(name=name, slug=_free_slug(name))
    return theme


def _free_slug(name: str) -> str:
    base = slugify(name)[:110] or "theme"
    slug, number = base, 2
    while Theme.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_recommendations(review: ReviewCycle, parsed, *, position_source: str) -> SaveReport:
    """Create or update the review's recommendations from parsed ones.

    Each parsed recommendation needs ``reference``, ``text``, ``recommending_states``
    (ISO3 codes), ``final_position`` (or None: then ``position_at_review`` stands),
    ``position_at_review``, ``themes`` (names) and ``action_category``. Fields
    not in the parsed data (responsibilities, groups, progress) are left alone.
    One transaction: an error leaves the database as it was.
    """
    states = {state.iso3: state for state in State.objects.all()}
    existing = {
        recommendation.reference: recommendation
        for recommendation in review.recommendations.prefetch_related(
            "recommending_states", "themes"
        )
    }
    themes: dict[str, Theme] = {}
    report = SaveReport()
    for item in parsed:
        position = item.final_position or item.position_at_review
        values = {
            "text": item.text,
            "position": position,
            "position_at_review": item.position_at_review or "",
            "position_source": position_source if item.final_position else "Working Group report",
            "action_category": item.action_category,
        }
        state_objects = [states[code] for code in item.recommending_states]
        theme_objects = [themes.get(n) or themes.setdefault(n, theme_named(n)) for n in item.themes]
        recommendation = existing.get(item.reference)
        if recommendation is None:
            recommendation = Recommendation(review=review, reference=item.reference, **values)
            recommendation.full_clean()
            recommendation.save()
            recommendation.recommending_states.set(state_objects)
            recommendation.themes.set(theme_objects)
            report.created.append(item.reference)
            continue
        changed = [name for name, value in values.items() if getattr(recommendation, name) != value]
        for name in changed:
            setattr(recommendation, name, values[name])
        if changed:
            recommendation.full_clean()
            recommendation.save()
        if {s.pk for s in recommendation.recommending_states.all()} != {
            s.pk for s in state_objects
        }:
            recommendation.recommending_states.set(state_objects)
            changed.append("recommending_states")
        if {t.pk for t in recommendation.themes.all()} != {t.pk for t in theme_objects}:
            recommendation.themes.set(theme_objects)
            changed.append("themes")
        (report.updated if changed else report.unchanged).append(item.reference)
    return report
