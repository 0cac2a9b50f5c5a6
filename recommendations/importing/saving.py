"""Write recommendation records into the database: in batches, idempotently, with history.

The format readers turn files into :class:`~.records.RecommendationRecord` values; this module
is the one place that turns those into rows. A recommendation is identified by its review and
its OHCHR annotation id when the record has one, else by its review and reference (a stored
recommendation without an annotation id takes the id of the record with its reference). A
record's SDG targets bring their goals: whatever the record says of goals, the goals saved
include its targets' (``_with_target_goals``). For each batch of records the writer loads
the existing recommendations in a fixed number of queries, compares every field and relation
the record speaks for, and writes only what differs (``bulk_create_with_history`` /
``bulk_update_with_history``), so that importing the same data twice changes nothing and adds
no history. Each change is kept in the recommendation's history with its reason ("Import of
FILE by USER: position, themes"). In a dry run the same comparison is made and nothing is
written.

Writes are not validated row by row with ``full_clean`` (its uniqueness checks cost queries
per row): the readers check what the model requires, and the database's constraints stand
behind them. The caller provides the transaction (see :func:`~.service.import_recommendations`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import Exists, ManyToManyField, OuterRef, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from recommendations.models import (
    ImplementationAction,
    Position,
    ProgressUpdate,
    Recommendation,
    RecommendationText,
    Responsibility,
    ReviewCycle,
    reference_sort_key,
)

from .catalogue import Catalogue, ensure_states, theme_named
from .comparing import (
    MANY_TO_MANY,
    RELATION_LABELS,
    field_label,
    field_values,
    relation_key,
    relations_of,
    shown,
    text_relation,
)
from .errors import ImportFileError, ImportFileErrors
from .records import FIELDS, RecommendationRecord, distinct_reference, goals_of_targets
from .result import ImportResult, RowChange

if TYPE_CHECKING:  # django-stubs' helper is a development dependency
    from django_stubs_ext import WithAnnotations


class _Planning(TypedDict):
    """What the batch notes on each stored recommendation it plans for (``_existing``)."""

    _before: dict[str, list[str]]  # its relations by natural key
    _attached: bool  # whether it has progress, actions, engagements or institutions


if TYPE_CHECKING:
    PlannedRecommendation = WithAnnotations[Recommendation, _Planning]

BATCH_SIZE = 500
REASON_LENGTH = 100  # django-simple-history's change reason column

__all__ = ["RecommendationWriter", "ensure_states", "theme_named"]


class RecommendationWriter:
    """Buffers records per review and writes them a batch at a time (see module docstring)."""

    def __init__(self, catalogue: Catalogue, result: ImportResult, *, reason: str, user=None):
        self.catalogue = catalogue
        self.result = result
        self.reason = reason[:REASON_LENGTH]
        self.user = user
        self.dry_run = catalogue.dry_run
        self.buffer: list[tuple[ReviewCycle, RecommendationRecord]] = []
        self.written = 0

    def add(self, review: ReviewCycle, record: RecommendationRecord) -> None:
        self.buffer.append((review, record))
        if len(self.buffer) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Compare and write the buffered records; raises :class:`ImportFileErrors`."""
        if not self.buffer:
            return
        by_review: dict[int, list] = defaultdict(list)
        reviews = {}
        for review, record in self.buffer:
            by_review[id(review)].append(record)
            reviews[id(review)] = review
        self.buffer = []
        batch = _Batch(self)
        for key, records in by_review.items():
            batch.plan(reviews[key], records)
        if batch.errors:
            raise ImportFileErrors(batch.errors)
        if not self.dry_run:
            batch.apply()
        self.written += sum(len(records) for records in by_review.values())


class _Batch:
    """The plan for one batch: what to create, update and delete, then its writing."""

    def __init__(self, writer: RecommendationWriter):
        self.writer = writer
        self.catalogue = writer.catalogue
        self.result = writer.result
        self.errors: list[ImportFileError] = []
        self.created: list[tuple[Recommendation, RecommendationRecord]] = []
        self.updated: list[tuple[Recommendation, RecommendationRecord, list[str]]] = []
        self.deleted: list[tuple[Recommendation, str]] = []

    # Planning ---------------------------------------------------------------------------------

    def plan(self, review: ReviewCycle, records: list[RecommendationRecord]) -> None:
        existing, by_annotation = self._existing(review, records)
        for record in records:
            current, record = _identify(record, existing, by_annotation)
            merged = [existing[r] for r in record.merge if r in existing and r != record.reference]
            renamed = current is None and bool(merged)
            if renamed:
                current = next((m for m in merged if m._attached), merged[0])
                merged.remove(current)
            for other in merged:
                if other._attached:
                    self.errors.append(
                        ImportFileError(
                            f"{other.reference} and {current.reference} both have progress, "
                            f"actions, engagements or responsibilities and would both become "
                            f"{record.reference}: merge them by hand first",
                            row=record.row_number,
                        )
                    )
                self.deleted.append((other, record.reference))
                self._note(RowChange("deleted", str(review), other.reference, record.row_number))
            record = _with_target_goals(record, current)
            if current is None:
                self._plan_creation(review, record)
            else:
                renamed = renamed or current.reference != record.reference
                self._plan_update(review, record, current, renamed)

    def _existing(self, review: ReviewCycle, records) -> tuple[dict, dict]:
        """The batch's recommendations by reference and by annotation id, each with
        ``_before`` (its relations by natural key) and ``_attached`` (whether it has
        progress, actions, engagements or institutions)."""
        if review.pk is None:
            return {}, {}
        references = {r.reference for r in records} | {m for r in records for m in r.merge}
        annotations = {_annotation(r) for r in records} - {""}
        queryset = Recommendation.objects.filter(
            Q(reference__in=references) | Q(ohchr_annotation_id__in=annotations), review=review
        )
        if any(r.merge for r in records):
            queryset = queryset.annotate(
                _updates=Exists(ProgressUpdate.objects.filter(recommendation=OuterRef("pk"))),
                _actions=Exists(
                    ImplementationAction.recommendations.through.objects.filter(
                        recommendation=OuterRef("pk")
                    )
                ),
                # Through the relation missions declares: this package never imports it.
                _engagements=Exists(
                    Recommendation.engagements.through.objects.filter(recommendation=OuterRef("pk"))
                ),
            )
        found = {recommendation.pk: recommendation for recommendation in queryset}
        before = relations_of(list(found))
        for pk, stored in found.items():
            recommendation = cast("PlannedRecommendation", stored)  # noted just below
            recommendation._before = before[pk]
            recommendation._attached = bool(
                getattr(recommendation, "_updates", False)
                or getattr(recommendation, "_actions", False)
                or getattr(recommendation, "_engagements", False)
                or before[pk]["institutions"]
            )
        by_annotation = {r.ohchr_annotation_id: r for r in found.values() if r.ohchr_annotation_id}
        return {r.reference: r for r in found.values()}, by_annotation

    def _plan_creation(self, review: ReviewCycle, record: RecommendationRecord) -> None:
        if not record.values.get("text"):
            self.errors.append(
                ImportFileError(
                    f"there is no recommendation {record.reference} to update in {review}",
                    row=record.row_number,
                )
            )
            return
        values = field_values(record)
        values.setdefault("position", Position.PENDING)
        recommendation = Recommendation(
            review=review,
            reference=record.reference,
            sort_key=reference_sort_key(record.reference),
            **values,
        )
        self.created.append((recommendation, record))
        fields = {
            field_label(n): ("", shown(n, v)) for n, v in values.items() if v not in ("", None)
        }
        for name in RELATION_LABELS:
            after = self._relation_after(record, name)
            if after:
                fields[field_label(name)] = ("", "; ".join(after))
        self._note(RowChange("created", str(review), record.reference, record.row_number, fields))

    def _plan_update(self, review, record, current: PlannedRecommendation, renamed: bool) -> None:
        changes: dict[str, tuple[str, str]] = {}
        changed: list[str] = []
        if renamed:
            changes[field_label("reference")] = (current.reference, record.reference)
            changed.append("reference")
        for name, value in field_values(record).items():
            before = getattr(current, name)
            if before != value:
                changes[field_label(name)] = (shown(name, before), shown(name, value))
                changed.append(name)
        for name in RELATION_LABELS:
            after = self._relation_after(record, name)
            if after is None:
                continue
            before = current._before[name]
            if relation_key(name, before) != relation_key(name, after):
                changes[field_label(name)] = ("; ".join(before), "; ".join(after))
                changed.append(name)
        label = f"{current.reference} → {record.reference}" if renamed else record.reference
        if not changed:
            self.result.unchanged += 1
            return
        self.updated.append((current, record, changed))
        self._note(RowChange("updated", str(review), label, record.row_number, changes))

    def _relation_after(self, record: RecommendationRecord, name: str) -> list[str] | None:
        if name.startswith("text:"):
            language = name.partition(":")[2]
            if record.texts is None or language not in record.texts:
                return None
            text = record.texts[language]
            return [text] if text else []
        value = getattr(record, name)
        if value is None:
            return None
        if name == "institutions":
            known = self.catalogue.institutions
            return [
                f"{known[n.casefold()].name if n.casefold() in known else n} ({role})"
                for n, role in value
            ]
        return [str(item) for item in value]

    def _note(self, change: RowChange) -> None:
        self.result.record_change(change)

    # Writing ----------------------------------------------------------------------------------

    def apply(self) -> None:
        # ``_change_reason`` is how simple_history (untyped) is told why a version was saved.
        writer, now = self.writer, timezone.now()
        for recommendation, target in self.deleted:
            recommendation._change_reason = f"Merged into {target}: {writer.reason}"[:REASON_LENGTH]  # type: ignore[attr-defined]
            recommendation.delete()
        for recommendation, _record in self.created:
            recommendation._change_reason = writer.reason  # type: ignore[attr-defined]
        created = bulk_create_with_history(
            [recommendation for recommendation, _ in self.created],
            Recommendation,
            batch_size=BATCH_SIZE,
            default_user=writer.user,
            default_change_reason=writer.reason,
        )
        for (recommendation, _), saved in zip(self.created, created, strict=True):
            recommendation.pk = saved.pk
        fields = {"updated_at"}
        for recommendation, record, changed in self.updated:
            for name in changed:
                if name == "reference":
                    recommendation.reference = record.reference
                    recommendation.sort_key = reference_sort_key(record.reference)
                    fields |= {"reference", "sort_key"}
                elif name in FIELDS:
                    setattr(recommendation, name, field_values(record)[name])
                    fields.add(name)
            recommendation.updated_at = now
            labels = ", ".join(field_label(name) for name in changed)
            recommendation._change_reason = f"{writer.reason}: {labels}"[:REASON_LENGTH]  # type: ignore[attr-defined]
        if self.updated:
            bulk_update_with_history(
                [recommendation for recommendation, _, _ in self.updated],
                Recommendation,
                sorted(fields),
                batch_size=BATCH_SIZE,
                default_user=writer.user,
                default_change_reason=writer.reason,
            )
        self._apply_relations()

    def _apply_relations(self) -> None:
        # (recommendation, record, the fields it changes: None for a new one)
        targets: list[tuple[Recommendation, RecommendationRecord, set[str] | None]]
        targets = [(rec, record, None) for rec, record in self.created]
        targets += [(rec, record, set(changed)) for rec, record, changed in self.updated]
        for name in MANY_TO_MANY:
            field = Recommendation._meta.get_field(name)
            assert isinstance(field, ManyToManyField)
            through = field.remote_field.through
            assert through is not None  # Django makes one when the field names none
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            clear: list[int] = []
            rows = []
            for recommendation, record, changed in targets:
                after = getattr(record, name)
                if after is None or (changed is not None and name not in changed):
                    continue
                if changed is not None:
                    clear.append(recommendation.pk)
                for entry in self._entries(name, after):
                    rows.append(
                        through(**{f"{source}_id": recommendation.pk, f"{target}_id": entry.pk})
                    )
            if clear:
                through._default_manager.filter(**{f"{source}_id__in": clear}).delete()
            through._default_manager.bulk_create(rows, batch_size=BATCH_SIZE)
        self._apply_responsibilities(targets)
        self._apply_texts(targets)

    def _apply_responsibilities(self, targets) -> None:
        writer, new = self.writer, []
        for recommendation, record, changed in targets:
            if record.institutions is None or (
                changed is not None and "institutions" not in changed
            ):
                continue
            if changed is not None:
                for responsibility in recommendation.responsibilities.all():
                    responsibility._change_reason = writer.reason
                    responsibility.delete()  # one by one, so that each is kept in history
            for name, role in record.institutions:
                institution = self.catalogue.institutions[name.casefold()]
                new.append(
                    Responsibility(
                        recommendation=recommendation, institution=institution, role=role
                    )
                )
        if new:
            bulk_create_with_history(
                new,
                Responsibility,
                batch_size=BATCH_SIZE,
                default_user=writer.user,
                default_change_reason=writer.reason,
            )

    def _apply_texts(self, targets) -> None:
        """The texts in other languages the records give, each replaced (and kept in
        its history); an empty one removes the language's text."""
        writer, new = self.writer, []
        for recommendation, record, changed in targets:
            for language, text in (record.texts or {}).items():
                if changed is not None and text_relation(language) not in changed:
                    continue
                if changed is not None:
                    for old in RecommendationText.objects.filter(
                        recommendation=recommendation, language=language
                    ):
                        old._change_reason = writer.reason  # type: ignore[attr-defined]
                        old.delete()
                if text:
                    new.append(
                        RecommendationText(
                            recommendation=recommendation, language=language, text=text
                        )
                    )
        if new:
            bulk_create_with_history(
                new,
                RecommendationText,
                batch_size=BATCH_SIZE,
                default_user=writer.user,
                default_change_reason=writer.reason,
            )

    def _entries(self, name: str, keys: list) -> list:
        catalogue = self.catalogue
        if name == "recommending_states":
            return [catalogue.states[code] for code in keys]
        if name == "themes":
            return [catalogue.themes[" ".join(k.split()).casefold()] for k in keys]
        if name == "affected_groups":
            return [catalogue.groups[" ".join(k.split()).casefold()] for k in keys]
        if name == "sdg_targets":
            return [catalogue.targets[code] for code in keys]
        return [catalogue.goals[number] for number in keys]


def _annotation(record: RecommendationRecord) -> str:
    return str(record.values.get("ohchr_annotation_id") or "")


def _identify(record: RecommendationRecord, existing: dict, by_annotation: dict):
    """The stored recommendation ``record`` speaks of (or None), and the record with the
    reference it gets: an Index record whose paragraph another record of the review holds
    keeps apart from it under a reference of its own (``distinct_reference``)."""
    annotation = _annotation(record)
    current = by_annotation.get(annotation) if annotation else None
    holder = existing.get(record.reference)
    taken = (
        holder is not None
        and holder is not current
        and (current is not None or holder.ohchr_annotation_id not in ("", annotation))
    )
    if annotation and taken:
        record = replace(record, reference=distinct_reference(record.reference, annotation))
        holder = None
    return (current if current is not None else holder), record


def _with_target_goals(record: RecommendationRecord, current) -> RecommendationRecord:
    """The record with its targets' goals among its goals (a recommendation with target 16.3
    has goal 16): added to the goals it names, or to the stored ones when it names none."""
    if record.sdg_targets is None:
        return record
    if record.sdg_goals is not None:
        goals = set(record.sdg_goals)
    else:
        goals = {int(number) for number in current._before["sdg_goals"]} if current else set()
    return replace(record, sdg_goals=sorted(goals | set(goals_of_targets(record.sdg_targets))))
