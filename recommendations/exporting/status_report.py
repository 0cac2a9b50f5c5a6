"""A review's mid-term status report: what a government attaches to its voluntary report.

Each recommendation with its reference, recommending states, position, current status, the
actions taken and the responsible institutions, grouped by theme, after the review's figures.
Only what counts is shown: the status is the one of the latest *validated* progress update
(``selectors.with_current_status``), the figures are ``selectors.measure`` of the review, and
the actions are those completed or ongoing.

A recommendation with several themes is listed once, under the first of its themes in
alphabetical order, with its other themes named in its entry: the sections then add up to
the figures at the top. Recommendations without a theme come last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format

from recommendations.models import (
    ImplementationAction,
    ProgressUpdate,
    Responsibility,
    ReviewCycle,
    Status,
)
from recommendations.selectors import (
    Measure,
    measure,
    with_current_status,
    with_status_is_demo,
)

NO_THEME = "Recommendations without a theme"
ACTIONS_TAKEN = (
    ImplementationAction.ActionStatus.COMPLETED,
    ImplementationAction.ActionStatus.ONGOING,
)


@dataclass
class ReportAction:
    title: str
    institution: str
    status: str
    dates: str
    is_demo: bool


@dataclass
class ReportEntry:
    reference: str
    text: str
    recommending_states: list[str]
    position: str
    status: str
    status_key: str
    status_is_demo: bool
    institutions: list[str]  # the lead first, marked "(lead)"
    other_themes: list[str]
    actions: list[ReportAction] = field(default_factory=list)


@dataclass
class ReportSection:
    theme: str
    entries: list[ReportEntry]


@dataclass
class StatusReport:
    review: ReviewCycle
    figures: Measure
    sections: list[ReportSection]
    generated_on: date
    has_demo_data: bool

    @property
    def title(self) -> str:
        return f"Mid-term status report: {self.review}"


def status_report(review: ReviewCycle) -> StatusReport:
    """The report of ``review`` (see module docstring), in a fixed number of queries."""
    recommendations = review.recommendations.all()
    listed = with_status_is_demo(with_current_status(recommendations)).prefetch_related(
        "recommending_states",
        "themes",
        Prefetch(
            "responsibilities",
            queryset=Responsibility.objects.select_related("institution").order_by(
                "role", "institution__name"
            ),
        ),
        Prefetch(
            "actions",
            queryset=ImplementationAction.objects.filter(status__in=ACTIONS_TAKEN)
            .select_related("institution")
            .order_by("start_date", "title"),
        ),
    )
    sections: dict[str, list[ReportEntry]] = {}
    for recommendation in listed.order_by("sort_key"):
        themes = [theme.name for theme in recommendation.themes.all()]
        entry = ReportEntry(
            reference=recommendation.reference,
            text=recommendation.text,
            recommending_states=[s.name for s in recommendation.recommending_states.all()],
            position=recommendation.position_in_words,
            status=Status(recommendation.current_status).label,
            status_key=recommendation.current_status,
            status_is_demo=recommendation.status_is_demo,
            institutions=[
                f"{r.institution.name} (lead)" if r.role == "lead" else r.institution.name
                for r in recommendation.responsibilities.all()
            ],
            other_themes=themes[1:],
            actions=[_action(action) for action in recommendation.actions.all()],
        )
        sections.setdefault(themes[0] if themes else NO_THEME, []).append(entry)
    ordered = sorted(sections, key=lambda theme: (theme == NO_THEME, theme.casefold()))
    return StatusReport(
        review=review,
        figures=measure(recommendations),
        sections=[ReportSection(theme, sections[theme]) for theme in ordered],
        generated_on=timezone.localdate(),
        has_demo_data=ProgressUpdate.objects.filter(
            recommendation__review=review, is_demo=True
        ).exists()
        or ImplementationAction.objects.filter(
            recommendations__review=review, is_demo=True
        ).exists(),
    )


def summary_lines(report: StatusReport) -> list[tuple[str, str]]:
    """The figures at the top as (label, value) texts, for the page and the document alike."""
    figures = report.figures
    lines = [
        ("Recommendations", str(figures.total)),
        ("Supported (wholly or in part)", str(figures.supported)),
        ("Noted", str(figures.by_position["noted"])),
        ("Pending", str(figures.by_position["pending"])),
        ("Implemented", str(figures.implemented)),
        ("Partially implemented", str(figures.partially_implemented)),
        ("In progress", str(figures.by_status["in_progress"])),
        ("Not started", str(figures.by_status["not_started"])),
        ("Not implemented", str(figures.by_status["not_implemented"])),
        ("% implemented", _percent(figures.percent_implemented)),
        ("% at least partially implemented", _percent(figures.percent_at_least_partially)),
    ]
    reported = report.review.government_reported_supported
    if reported is not None:
        lines.append(("Accepted, as the government reports it", str(reported)))
    return lines


def _action(action: ImplementationAction) -> ReportAction:
    start, end = action.start_date, action.end_date
    dates = " – ".join(date_format(d) for d in (start, end) if d) if start or end else ""
    return ReportAction(
        title=action.title,
        institution=action.institution.name,
        status=action.get_status_display(),
        dates=dates,
        is_demo=action.is_demo,
    )


def _percent(value) -> str:
    return "no data" if value is None else f"{value} %"
