"""A large, realistic data set for measuring the pages: many states under review,
four UPR cycles each, recommendations whose texts, recommending states,
responses, action categories and issues are the real ones of the UPR Info
export in ``demo/data/6-9.csv`` (reused as often as needed),
responsibilities, SDG goals and groups as the demo assigns them, and a
validated progress history with some drafts and submissions on top.

Rows are made in batches and written straight into the tables (PostgreSQL's COPY,
elsewhere ``executemany``), without history rows: it is a data set for timing reads,
not a record; on PostgreSQL the written tables' secondary indexes, unique constraints
and foreign keys are made again after the load (``_indexes_built_after_loading``). The
maintained statuses are then computed by the one service that keeps them
(``recommendation_status_refresh``). A million recommendations with their history take
about five minutes and a batch's worth of memory. Deterministic for a seed.
"""

import csv
import functools
import io
import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from demo import belarus
from demo.loader import load_demo
from recommendations import caching
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
    StatusChange,
    reference_sort_key,
)
from recommendations.statuses import recommendation_status_refresh

DATA = Path(__file__).resolve().parent.parent / "demo" / "data"
PER_REVIEW = 150
CYCLE_DATES = {1: date(2010, 5, 1), 2: date(2015, 5, 1), 3: date(2019, 11, 1), 4: date(2023, 11, 1)}
BATCH = 20_000  # recommendations per batch of rows written


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
    """Add recommendations (with everything around them) until the database holds about
    ``recommendations``, on top of the demo, which is loaded first: new UPR reviews of
    ``PER_REVIEW`` each. Returns how many were added."""
    load_demo(password=demo_password)
    wanted = recommendations - Recommendation.objects.count()
    if wanted <= 0:
        return 0
    with transaction.atomic():
        reviews = _reviews(wanted, Mechanism.objects.get(code="UPR"))
    made = add_recommendations(reviews, wanted, seed=seed + Recommendation.objects.count())
    return made.count()


def add_recommendations(reviews: list[ReviewCycle], count: int, *, seed: int = 2010):
    """Add ``count`` recommendations spread evenly over ``reviews``, with their
    recommending states, themes, groups, SDG goals, responsibilities and progress
    history (the demo's institutions and vocabularies must exist: ``load_demo``), then
    their maintained statuses. Returns the new recommendations (a queryset)."""
    generator = random.Random(seed)
    context = _Context.build()
    first = (Recommendation.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    already = dict(
        ReviewCycle.objects.filter(pk__in=[review.pk for review in reviews])
        .annotate(n=Count("recommendations"))
        .values_list("pk", "n")
    )
    writer = _Writer()
    with transaction.atomic(), _indexes_built_after_loading():
        for start in range(0, count, BATCH):
            tables = _Tables()
            for index in range(start, min(start + BATCH, count)):
                review = reviews[index * len(reviews) // count]
                number = already[review.pk]
                already[review.pk] += 1
                _recommendation(tables, first + index, review, number, context, generator)
            writer.write(tables)
        writer.finish()
        made = Recommendation.objects.filter(pk__gte=first)
        recommendation_status_refresh(made)
        caching.figures_changed()  # written beside the doors that record history
    refresh_planner_statistics()
    return made


@dataclass
class _Context:
    states: dict[str, int]
    state_ids: list[int]
    themes: dict[str, int]
    groups: dict[str, int]
    institutions: dict[str, int]
    coordinator_id: int | None
    now: str
    today: date

    @classmethod
    def build(cls):
        from django.contrib.auth import get_user_model

        coordinator = get_user_model().objects.filter(username="coordinator").first()
        issues = sorted({issue for source in sources() for issue in source.issues})
        states = dict(State.objects.values_list("iso3", "pk"))
        return cls(
            states=states,
            state_ids=sorted(states.values()),
            themes={issue: theme_named(issue).pk for issue in issues},
            groups=dict(AffectedGroup.objects.values_list("name", "pk")),
            institutions=dict(Institution.objects.values_list("name", "pk")),
            coordinator_id=coordinator.pk if coordinator else None,
            now=timezone.now().isoformat(),
            today=timezone.localdate(),
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
    return ReviewCycle.objects.bulk_create(reviews, batch_size=2000)


@contextmanager
def _indexes_built_after_loading():
    """On PostgreSQL, what its manual advises for a bulk load ("Populating a Database"):
    drop the written tables' secondary indexes, unique constraints and foreign keys, load,
    then build each index in one pass and check each foreign key with one join, instead of
    updating a dozen indexes (a full-text one among them) and queueing a foreign-key check
    for every row. Everything is dropped and made again from its own definition, in the
    loading transaction: the schema the block ends with is the one it began with, and a
    duplicate or a dangling reference still fails the load. Elsewhere nothing changes."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model, _columns in COLUMNS.values()]
    tables.append(StatusChange._meta.db_table)
    with connection.cursor() as cursor:
        # Checks this transaction still owes are made now (a table with pending ones
        # cannot be altered), then they are deferred again, as Django declares them.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(SCHEMA_SQL, [tables, tables])
        dropped = cursor.fetchall()
        for table, kind, name, _definition in dropped:
            if kind == "index":
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
            else:
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(table)} "
                    f"DROP CONSTRAINT {connection.ops.quote_name(name)}"
                )
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        # Indexes and unique constraints first: the foreign keys' checks may use them.
        for table, kind, name, definition in sorted(dropped, key=lambda row: row[1] == "f"):
            if kind == "index":
                cursor.execute(definition)
            else:
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(table)} "
                    f"ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
                )


# The secondary indexes (those that back no constraint), then the unique constraints and
# foreign keys, of the given tables: (table, "index" or the constraint's type, name, its
# definition). Primary keys and checks stay.
SCHEMA_SQL = """
SELECT i.indrelid::regclass::text, 'index', c.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                  AND k.conrelid = i.indrelid)
UNION ALL
SELECT conrelid::regclass::text, contype::text, conname, pg_get_constraintdef(oid)
FROM pg_constraint
WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('u', 'f')
"""


class _Tables:
    """One batch of rows, per table, as tuples in the order of ``COLUMNS``."""

    def __init__(self):
        self.rows = {name: [] for name in COLUMNS}


def _through(field):
    return Recommendation._meta.get_field(field).remote_field.through


# table -> (model, columns): what the generator writes (ids left to the database but
# the recommendations', which the other rows point at).
COLUMNS = {
    "recommendation": (
        Recommendation,
        [
            "id",
            "review_id",
            "reference",
            "sort_key",
            "text",
            "position",
            "position_source",
            "position_at_review",
            "position_explanation",
            "accepted_part",
            "noted_part",
            "action_category",
            "ohchr_annotation_id",
            "created_at",
            "updated_at",
            "status",
            "status_from_demo",
        ],
    ),
    "recommending_states": (_through("recommending_states"), ["recommendation_id", "state_id"]),
    "themes": (_through("themes"), ["recommendation_id", "theme_id"]),
    "affected_groups": (_through("affected_groups"), ["recommendation_id", "affectedgroup_id"]),
    "sdg_goals": (_through("sdg_goals"), ["recommendation_id", "sdggoal_id"]),
    "responsibilities": (Responsibility, ["recommendation_id", "institution_id", "role"]),
    "updates": (
        ProgressUpdate,
        [
            "recommendation_id",
            "status",
            "assessed_on",
            "narrative",
            "source",
            "institution_id",
            "evidence_url",
            "evidence_file",
            "evidence_is_public",
            "workflow_state",
            "submitted_at",
            "reviewed_at",
            "reviewed_by_id",
            "reviewer_comment",
            "is_demo",
            "created_at",
            "updated_at",
        ],
    ),
}

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
VALIDATED = ProgressUpdate.WorkflowState.VALIDATED.value


def _recommendation(tables, pk, review, number, context: _Context, generator):
    """The rows of one recommendation: itself, its relations and its progress history."""
    rows = tables.rows
    pool = sources()
    source = pool[generator.randrange(len(pool))]
    reference = f"{100 + number // 100}.{number % 100 + 1}"
    rows["recommendation"].append(
        (
            pk,
            review.pk,
            reference,
            reference_sort_key(reference),
            source.text,
            source.position,
            "Generated for the benchmark",
            "",
            "",
            "",
            "",
            source.action,
            "",
            context.now,
            context.now,
            Status.NOT_STARTED.value,
            False,
        )
    )
    recommenders = (
        {context.states[source.recommending_state]} if source.recommending_state else set()
    )
    while generator.random() < 0.3:  # some paragraphs gather several states
        recommenders.add(generator.choice(context.state_ids))
    rows["recommending_states"] += [(pk, state) for state in sorted(recommenders)]
    rows["themes"] += [(pk, context.themes[issue]) for issue in sorted(set(source.issues))]
    names = {g for issue in source.issues for g in belarus.GROUPS_BY_ISSUE.get(issue, [])}
    rows["affected_groups"] += [
        (pk, context.groups[name]) for name in sorted(names) if name in context.groups
    ]
    numbers = {n for issue in source.issues for n in belarus.SDGS_BY_ISSUE.get(issue, [])}
    rows["sdg_goals"] += [(pk, number) for number in sorted(numbers)]
    leads = [belarus.LEAD_BY_ISSUE[i] for i in source.issues if i in belarus.LEAD_BY_ISSUE]
    ordered = list(dict.fromkeys(leads or [belarus.DEFAULT_LEAD]))
    rows["responsibilities"] += [
        (
            pk,
            context.institutions[name],
            Responsibility.Role.LEAD.value if index == 0 else Responsibility.Role.SUPPORTING.value,
        )
        for index, name in enumerate(ordered)
    ]
    if source.position not in SUPPORTED_POSITIONS:
        return
    lead = context.institutions[ordered[0]]
    ending = generator.choices([e for e, _ in ENDINGS], [w for _, w in ENDINGS])[0]
    day = review.review_date or CYCLE_DATES[1]
    for status in STEPS[ending]:
        day = min(day + timedelta(days=generator.randrange(120, 900)), context.today)
        rows["updates"].append(
            (
                pk,
                status.value,
                day,
                "Generated for the benchmark.",
                ProgressUpdate.Source.GOVERNMENT.value,
                lead,
                "",
                "",
                False,
                VALIDATED,
                context.now,
                context.now,
                context.coordinator_id,
                "",
                True,
                context.now,
                context.now,
            )
        )
    if generator.random() < 0.05:  # a newer assessment still in the workflow
        state = generator.choice(
            [ProgressUpdate.WorkflowState.DRAFT, ProgressUpdate.WorkflowState.SUBMITTED]
        )
        rows["updates"].append(
            (
                pk,
                Status.IMPLEMENTED.value,
                context.today,
                "Generated for the benchmark: not validated yet.",
                ProgressUpdate.Source.GOVERNMENT.value,
                lead,
                "",
                "",
                False,
                state.value,
                None,
                None,
                None,
                "",
                True,
                context.now,
                context.now,
            )
        )


class _Writer:
    """Writes batches of rows: COPY on PostgreSQL (the fast way), ``executemany`` elsewhere."""

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def write(self, tables: _Tables):
        with connection.cursor() as cursor:
            for name, (model, columns) in COLUMNS.items():
                rows = tables.rows[name]
                if not rows:
                    continue
                table = connection.ops.quote_name(model._meta.db_table)
                names = ", ".join(connection.ops.quote_name(column) for column in columns)
                if self.copy:
                    cursor.copy_expert(
                        f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv, NULL '{NULL}')",
                        _as_csv(rows),
                    )
                else:
                    marks = ", ".join(["%s"] * len(columns))
                    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    def finish(self):
        """Move the recommendations' id sequence past the ids given here."""
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Recommendation]):
                cursor.execute(statement)


def _as_csv(rows) -> io.StringIO:
    """The rows as COPY's CSV: None as ``\\N``; the csv module writes the rest as PostgreSQL
    reads it (``True``, dates as ISO 8601)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [NULL if value is None else value for value in row] for row in rows
    )
    buffer.seek(0)
    return buffer


NULL = "\\N"
