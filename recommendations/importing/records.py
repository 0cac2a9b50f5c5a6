"""What a format reader hands to the writer: one recommendation, as the file states it.

Every format (the tracker's own, OHCHR's Universal Human Rights Index, UPR Info, the UN report
extracts) is read into :class:`RecommendationRecord` values; :mod:`.saving` is the one place
that turns them into rows. A record speaks only for the fields its file holds: a field that is
``None`` (or absent from ``values``) is left as the database has it, an empty list clears it.
Pure Python: no Django here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Recommendations read from a UPR Info export before the Working Group report's paragraphs
# are known get a provisional reference: this prefix and the row's number among the state's
# rows in the file ("UPR-Info.12"). Importing the report later folds them into paragraphs.
PROVISIONAL_PREFIX = "UPR-Info."

# The model fields a record may set, in the order changes are shown.
FIELDS = (
    "reference",
    "text",
    "position",
    "position_at_review",
    "position_source",
    "position_explanation",
    "accepted_part",
    "noted_part",
    "action_category",
    "ohchr_annotation_id",
)
RELATIONS = (
    "recommending_states",
    "themes",
    "affected_groups",
    "sdg_goals",
    "sdg_targets",
    "institutions",
)

LEAD = "lead"
SUPPORTING = "supporting"


# UPR Working Group sessions by cycle: sessions 1–12 were the first cycle, 13–26 the second,
# 27–40 the third; the fourth began with session 41.
_CYCLE_STARTS = ((41, 4), (27, 3), (13, 2), (1, 1))


def upr_cycle_of_session(session: int) -> int | None:
    """The UPR cycle of a Working Group session (1 → 1, 13 → 2, 27 → 3, 41 → 4 …)."""
    return next((cycle for first, cycle in _CYCLE_STARTS if session >= first), None)


def goals_of_targets(targets) -> list[int]:
    """The goals of SDG target codes ("16.3" → 16), sorted, each once."""
    return sorted({int(code.partition(".")[0]) for code in targets})


def distinct_reference(reference: str, annotation_id: str) -> str:
    """The reference of an Index record whose paragraph another record of its review has
    too: the paragraph and the end of its annotation id ("49 (df1978d336c3)", the last part
    of a UUID)."""
    return f"{reference} ({annotation_id[-12:]})"


def provisional_reference(number: int) -> str:
    """The provisional reference of a UPR Info row: ``UPR-Info.<number>``."""
    return f"{PROVISIONAL_PREFIX}{number}"


def is_provisional(reference: str) -> bool:
    """Whether ``reference`` is a provisional UPR Info reference, not a report paragraph."""
    return reference.startswith(PROVISIONAL_PREFIX)


@dataclass(frozen=True)
class ReviewKey:
    """Which review a row belongs to: state under review, mechanism and cycle.

    ``document_symbol`` tells apart reviews without a cycle number (treaty bodies).
    """

    state: str  # ISO3
    mechanism: str = "UPR"
    cycle: int | None = None
    document_symbol: str = ""

    def __str__(self) -> str:
        cycle = f" cycle {self.cycle}" if self.cycle else ""
        symbol = f" {self.document_symbol}" if self.document_symbol and not self.cycle else ""
        return f"{self.state} {self.mechanism}{cycle}{symbol}"


@dataclass
class RecommendationRecord:
    """One recommendation as a file gives it.

    ``values`` holds model fields (see :data:`FIELDS`); the relation lists hold natural keys:
    ISO3 codes, theme and group names, SDG numbers, SDG target codes ("16.3") and
    ``(institution name, role)`` pairs, the lead first; ``sdg_target_names`` names the targets
    as the file does (used for targets the tracker does not know yet). A target's goal is
    among the goals the writer saves, whatever ``sdg_goals`` says. ``merge`` lists provisional
    references whose recommendations become this one (see :data:`PROVISIONAL_PREFIX`).
    ``review`` is None when the import names the review; ``session`` and ``published``
    describe it when the import adds it. ``values["ohchr_annotation_id"]``,
    when given, identifies the recommendation within its review before its reference does.
    """

    row_number: int
    reference: str
    values: dict[str, object] = field(default_factory=dict)
    recommending_states: list[str] | None = None
    themes: list[str] | None = None
    affected_groups: list[str] | None = None
    sdg_goals: list[int] | None = None
    sdg_targets: list[str] | None = None
    sdg_target_names: dict[str, str] = field(default_factory=dict)
    institutions: list[tuple[str, str]] | None = None
    # The official text in other languages, by language code ("ru"); a language absent is
    # left as the database has it, an empty text removes that language's.
    texts: dict[str, str] | None = None
    review: ReviewKey | None = None
    merge: list[str] = field(default_factory=list)
    # What a new review is given: its Working Group session, its document's publication date.
    session: int | None = None
    published: date | None = None
