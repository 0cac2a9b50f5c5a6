"""A large, realistic data set for measuring the pages: many states under review,
four UPR cycles each, recommendations whose texts, recommending states,
responses, action categories and issues are the real ones of the UPR Info
export in ``demo/data/6-9.csv`` (reused as often as needed),
responsibilities, SDG goals and groups as the demo assigns them, and a
validated progress history with some drafts and submissions on top.

Everything is written with ``bulk_create`` (no history rows): it is a data set
for timing reads, not a record. Deterministic for a seed.
"""

import functools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from demo import belarus
from demo.loader import load_demo
from recommendations.database import refresh_planner_statistics
from recommendations.importing.reading import read_rows
from recommendations.importing.saving import theme_named
from recommendations.importing.upr_sources import read_upr_info
from recommendations.importing.vocabulary import StateNames
from recommendations.models import (
    SUPPORTED_POSITIONS,
    AffectedGroup,
    Institution,
    Mechanism,
    Position,
    ProgressUpdate,
    Recommendation,
    Responsibility,
    ReviewCycle,
    State,
    Status,
    reference_sort_key,
)

DATA = Path(__file__).resolve().parent.parent / "demo" / "data"
PER_REVIEW = 150
CYCLE_DATES = {1: date(2010, 5, 1), 2: date(2015, 5, 1), 3: date(2019, 11, 1), 4: date(2023, 11, 1)}
BATCH = 2000


@dataclass(frozen=True)
class Source:
    text: str
    recommending_state: str | None  # ISO3
    position: str
    action: int | None
    issues: tuple[str, ...]


@functools.cache
def sources() -> tuple[Source, ...]:
    """The UPR Info export's recommendations (about 5,000), read once per process."""
    _header, rows = read_rows((DATA / "6-9.csv").read_bytes(), "6-9.csv", encoding="mac_roman")
    names = StateNames()
    return tuple(
        Source(
            text=row.text,
            recommending_state=names.lookup(row.recommending_state),
            position=row.position or Position.PENDING,
            action=row.action,
            issues=tuple(row.issues),
        )
        for row in read_upr_info(rows)
        if row.text
    )


def generate(recommendations: int, *, seed: int = 2010, demo_password: str | None = None) -> int:
    """Add about ``recommendations`` recommendations (with everything around them) to
    the database, on top of the demo, which is loaded first: new UPR reviews of
    ``PER_REVIEW`` each. Returns how many were added."""
    load_demo(password=demo_password)
    with transaction.atomic():
        reviews = _reviews(recommendations, Mechanism.objects.get(code="UPR"))
        return len(add_recommendations(reviews, recommendations, seed=seed))


def add_recommendations(
    reviews: list[ReviewCycle], count: int, *, seed: int = 2010
) -> list[Recommendation]:
    """Add ``count`` recommendations spread evenly over ``reviews``, with their
    recommending states, themes, groups, SDG goals, responsibilities and progress
    history (the demo's institutions and vocabularies must exist: ``load_demo``)."""
    generator = random.Random(seed)
    context = _Context.build()
    made = _recommendations(reviews, count, sources(), generator)
    _relations(made, context, generator)
    _history(made, context, generator)
    refresh_planner_statistics()
    return [recommendation for recommendation, _source in made]


@dataclass
class _Context:
    states: dict[str, State]
    themes: dict[str, int]
    groups: dict[str, int]
    institutions: dict[str, int]
    coordinator_id: int | None

    @classmethod
    def build(cls):
        from django.contrib.auth import get_user_model

        coordinator = get_user_model().objects.filter(username="coordinator").first()
        issues = sorted({issue for source in sources() for issue in source.issues})
        return cls(
            states={state.iso3: state for state in State.objects.all()},
            themes={issue: theme_named(issue).pk for issue in issues},
            groups=dict(AffectedGroup.objects.values_list("name", "pk")),
            institutions=dict(Institution.objects.values_list("name", "pk")),
            coordinator_id=coordinator.pk if coordinator else None,
        )


def _reviews(recommendations: int, upr: Mechanism) -> list[ReviewCycle]:
    """Enough new UPR reviews (four cycles per state) for the recommendations asked for."""
    needed = -(-recommendations // PER_REVIEW)
    taken = set(
        ReviewCycle.objects.filter(mechanism=upr).values_list("state_under_review_id", "cycle")
    )
    reviews = []
    for state in State.objects.order_by("iso3"):
        for cycle, day in CYCLE_DATES.items():
            if len(reviews) < needed and (state.pk, cycle) not in taken:
                reviews.append(
                    ReviewCycle(
                        state_under_review=state,
                        mechanism=upr,
                        cycle=cycle,
                        session=str(cycle * 10),
                        review_date=day + timedelta(days=state.pk % 150),
                    )
                )
    return ReviewCycle.objects.bulk_create(reviews, batch_size=BATCH)


def _recommendations(reviews, count, pool, generator) -> list[tuple[Recommendation, Source]]:
    """Paragraphs 100.1, 100.2 … after those a review already has."""
    already = dict(
        ReviewCycle.objects.filter(pk__in=[review.pk for review in reviews])
        .annotate(n=Count("recommendations"))
        .values_list("pk", "n")
    )
    made = []
    for index in range(count):
        review = reviews[index * len(reviews) // count]
        number = already[review.pk]
        already[review.pk] += 1
        source = pool[generator.randrange(len(pool))]
        reference = f"{100 + number // 100}.{number % 100 + 1}"
        made.append(
            (
                Recommendation(
                    review=review,
                    reference=reference,
                    sort_key=reference_sort_key(reference),
                    text=source.text,
                    position=source.position,
                    action_category=source.action,
                    position_source="Generated for the benchmark",
                ),
                source,
            )
        )
    Recommendation.objects.bulk_create([r for r, _ in made], batch_size=BATCH)
    return made


def _relations(made, context: _Context, generator):
    through = Recommendation.recommending_states.through
    themes = Recommendation.themes.through
    groups = Recommendation.affected_groups.through
    goals = Recommendation.sdg_goals.through
    states = list(context.states.values())
    rows = {through: [], themes: [], groups: [], goals: [], Responsibility: []}
    for recommendation, source in made:
        recommenders = {source.recommending_state} if source.recommending_state else set()
        while generator.random() < 0.3:  # some paragraphs gather several states
            recommenders.add(generator.choice(states).iso3)
        rows[through] += [
            through(recommendation_id=recommendation.pk, state_id=context.states[iso3].pk)
            for iso3 in recommenders
        ]
        rows[themes] += [
            themes(recommendation_id=recommendation.pk, theme_id=context.themes[issue])
            for issue in set(source.issues)
        ]
        names = {g for issue in source.issues for g in belarus.GROUPS_BY_ISSUE.get(issue, [])}
        rows[groups] += [
            groups(recommendation_id=recommendation.pk, affectedgroup_id=context.groups[name])
            for name in names
            if name in context.groups
        ]
        numbers = {n for issue in source.issues for n in belarus.SDGS_BY_ISSUE.get(issue, [])}
        rows[goals] += [
            goals(recommendation_id=recommendation.pk, sdggoal_id=number) for number in numbers
        ]
        leads = [belarus.LEAD_BY_ISSUE[i] for i in source.issues if i in belarus.LEAD_BY_ISSUE]
        ordered = list(dict.fromkeys(leads or [belarus.DEFAULT_LEAD]))
        rows[Responsibility] += [
            Responsibility(
                recommendation_id=recommendation.pk,
                institution_id=context.institutions[name],
                role=Responsibility.Role.LEAD if position == 0 else Responsibility.Role.SUPPORTING,
            )
            for position, name in enumerate(ordered)
        ]
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=BATCH)


# How a supported recommendation's history ends: (final status, share of them).
ENDINGS = [
    (Status.IMPLEMENTED, 0.45),
    (Status.PARTIALLY_IMPLEMENTED, 0.2),
    (Status.IN_PROGRESS, 0.15),
    (Status.NOT_IMPLEMENTED, 0.05),
    (None, 0.15),  # nothing validated yet
]
STEPS = {
    Status.IMPLEMENTED: [Status.IN_PROGRESS, Status.PARTIALLY_IMPLEMENTED, Status.IMPLEMENTED],
    Status.PARTIALLY_IMPLEMENTED: [Status.IN_PROGRESS, Status.PARTIALLY_IMPLEMENTED],
    Status.IN_PROGRESS: [Status.IN_PROGRESS],
    Status.NOT_IMPLEMENTED: [Status.NOT_IMPLEMENTED],
    None: [],
}


def _history(made, context: _Context, generator):
    validated = ProgressUpdate.WorkflowState.VALIDATED
    today = timezone.localdate()
    updates = []
    lead_of = dict(
        Responsibility.objects.filter(
            role=Responsibility.Role.LEAD,
            recommendation_id__in=[r.pk for r, _ in made],
        ).values_list("recommendation_id", "institution_id")
    )
    for recommendation, _source in made:
        if recommendation.position not in SUPPORTED_POSITIONS:
            continue
        ending = generator.choices([e for e, _ in ENDINGS], [w for _, w in ENDINGS])[0]
        day = recommendation.review.review_date or CYCLE_DATES[1]
        for status in STEPS[ending]:
            day = min(day + timedelta(days=generator.randrange(120, 900)), today)
            updates.append(
                ProgressUpdate(
                    recommendation_id=recommendation.pk,
                    status=status,
                    assessed_on=day,
                    narrative="Generated for the benchmark.",
                    institution_id=lead_of.get(recommendation.pk),
                    workflow_state=validated,
                    submitted_at=timezone.now(),
                    reviewed_at=timezone.now(),
                    reviewed_by_id=context.coordinator_id,
                    is_demo=True,
                )
            )
        if generator.random() < 0.05:  # a newer assessment still in the workflow
            updates.append(
                ProgressUpdate(
                    recommendation_id=recommendation.pk,
                    status=Status.IMPLEMENTED,
                    assessed_on=today,
                    narrative="Generated for the benchmark: not validated yet.",
                    institution_id=lead_of.get(recommendation.pk),
                    workflow_state=generator.choice(
                        [ProgressUpdate.WorkflowState.DRAFT, ProgressUpdate.WorkflowState.SUBMITTED]
                    ),
                    is_demo=True,
                )
            )
    ProgressUpdate.objects.bulk_create(updates, batch_size=BATCH)
