"""A review's mid-term status report: what a government attaches to its voluntary report.

Each recommendation with its reference, recommending states, position, current status, the
actions taken and the responsible institutions, grouped by theme, after the review's figures.
Only what counts is shown: the status is the one of the latest *validated* progress update
(``selectors.with_current_status``), the figures are ``selectors.measure`` of the review, and
the actions are those completed or ongoing, each with its indicators (latest validated
value against the target: ``report_plans``). What is overdue on the day of the report (an
open action past its planned end, an indicator report past its date) follows the figures.

A recommendation with several themes is listed once, under the first of its themes in
alphabetical order, with its other themes named in its entry: the sections then add up to
the figures at the top. Recommendations without a theme come last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext, pgettext

from recommendations.models import (
    ImplementationAction,
    ProgressUpdate,
    Responsibility,
    ReviewCycle,
    Status,
)
from recommendations.selectors import (
    Measure,
    action_is_overdue,
    measure,
    with_current_status,
    with_status_is_demo,
)
from web.collation import collation_key

from .report_plans import (
    OverdueLine,
    ReportIndicator,
    indicators_prefetch,
    overdue_lines,
    report_indicator,
)

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
    is_overdue: bool = False
    indicators: list[ReportIndicator] = field(default_factory=list)


@dataclass
class ReportEntry:
    reference: str
    text: str  # in the reader's language where recorded, else the original
    text_language: str
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
    overdue: list[OverdueLine] = field(default_factory=list)

    @property
    def title(self) -> str:
        return gettext("Mid-term status report: %(review)s") % {"review": self.review}


def status_report(review: ReviewCycle) -> StatusReport:
    """The report of ``review`` (see module docstring), in a fixed number of queries, in the
    active language: its words, dates, numbers and, where recorded, the recommendations'
    texts."""
    recommendations = review.recommendations.all()
    today = timezone.localdate()
    language = get_language()
    listed = with_status_is_demo(with_current_status(recommendations)).prefetch_related(
        "recommending_states",
        "translations",
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
            .prefetch_related(indicators_prefetch())
            .order_by("start_date", "title"),
        ),
    )
    sections: dict[str | None, list[ReportEntry]] = {}
    for recommendation in listed.order_by("sort_key"):
        themes = sorted((theme.name for theme in recommendation.themes.all()), key=collation_key)
        shown = recommendation.text_in(language)
        entry = ReportEntry(
            reference=recommendation.reference,
            text=shown.text,
            text_language=shown.language,
            recommending_states=[s.name for s in recommendation.recommending_states.all()],
            position=recommendation.position_in_words,
            status=str(Status(recommendation.current_status).label),
            status_key=recommendation.current_status,
            status_is_demo=recommendation.status_is_demo,
            institutions=[
                pgettext("responsibility", "%(institution)s (lead)")
                % {"institution": r.institution.name}
                if r.role == "lead"
                else r.institution.name
                for r in recommendation.responsibilities.all()
            ],
            other_themes=themes[1:],
            actions=[_action(action, today) for action in recommendation.actions.all()],
        )
        sections.setdefault(themes[0] if themes else None, []).append(entry)
    ordered = sorted(sections, key=lambda theme: (theme is None, collation_key(theme or "")))
    return StatusReport(
        review=review,
        figures=measure(recommendations),
        sections=[
            ReportSection(theme or gettext("Recommendations without a theme"), sections[theme])
            for theme in ordered
        ],
        generated_on=today,
        overdue=overdue_lines(
            ImplementationAction.objects.filter(recommendations__review=review).distinct(),
            today,
        ),
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
    # The context is written out in every call: xgettext extracts literal contexts only.
    lines = [
        (gettext("Recommendations"), str(figures.total)),
        (gettext("Supported (wholly or in part)"), str(figures.supported)),
        (pgettext("recommendations", "Noted"), str(figures.by_position["noted"])),
        (pgettext("recommendations", "Pending"), str(figures.by_position["pending"])),
        (pgettext("recommendations", "Implemented"), str(figures.implemented)),
        (pgettext("recommendations", "Partially implemented"), str(figures.partially_implemented)),
        (pgettext("recommendations", "In progress"), str(figures.by_status["in_progress"])),
        (pgettext("recommendations", "Not started"), str(figures.by_status["not_started"])),
        (pgettext("recommendations", "Not implemented"), str(figures.by_status["not_implemented"])),
        # xgettext:no-python-format
        (gettext("% implemented"), _percent(figures.percent_implemented)),
        (
            gettext("% at least partially implemented"),
            _percent(figures.percent_at_least_partially),
        ),
    ]
    reported = report.review.government_reported_supported
    if reported is not None:
        lines.append((gettext("Accepted, as the government reports it"), str(reported)))
    return lines


def _action(action: ImplementationAction, today: date) -> ReportAction:
    start, end = action.start_date, action.end_date
    dates = " – ".join(date_format(d) for d in (start, end) if d) if start or end else ""
    return ReportAction(
        title=action.title,
        institution=action.institution.name,
        status=str(action.get_status_display()),
        dates=dates,
        is_demo=action.is_demo,
        is_overdue=action_is_overdue(action, today),
        indicators=[report_indicator(i, today) for i in action.indicators.all()],
    )


def _percent(value) -> str:
    """'73.0 %' ('73,0 %' in Russian); 'no data' when nothing is supported."""
    if value is None:
        return gettext("no data")
    return f"{number_format(value, decimal_pos=1)}\u00a0%"
