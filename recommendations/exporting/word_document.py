"""The mid-term status report as a Word document (DOCX), written with python-docx."""

from __future__ import annotations

import io

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from .report_plans import indicator_line, overdue_line
from .status_report import StatusReport, summary_lines

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def status_report_docx(report: StatusReport) -> bytes:
    """The report as the bytes of a .docx file: the figures, then each theme's entries, in
    the active language (its words, dates and numbers), the document's language set to it."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    _set_language(document, get_language() or "en")
    document.add_heading(report.title, level=0)
    document.add_paragraph(
        gettext("Generated on %(day)s from validated progress updates.")
        % {"day": date_format(report.generated_on)}
    )
    if report.has_demo_data:
        document.add_paragraph(
            gettext(
                "Some statuses and actions are demo data: illustrations, not official assessments."
            )
        )
    document.add_heading(gettext("Summary"), level=1)
    if report.figures.includes_demo:
        document.add_paragraph(
            gettext("Demo data: these figures count illustrative assessments, not official ones.")
        )
    figures = document.add_table(rows=0, cols=2)
    figures.style = "Table Grid"
    for label, value in summary_lines(report):
        cells = figures.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading(gettext("Overdue"), level=1)
    for line in report.overdue:
        document.add_paragraph(overdue_line(line), style="List Bullet")
    if not report.overdue:
        document.add_paragraph(
            gettext("Nothing of this review's actions is overdue on %(day)s.")
            % {"day": date_format(report.generated_on)}
        )
    for section in report.sections:
        document.add_heading(section.theme, level=1)
        for entry in section.entries:
            document.add_heading(entry.reference, level=2)
            document.add_paragraph(entry.text)
            details = document.add_table(rows=0, cols=2)
            details.style = "Table Grid"
            for label, value in entry_lines(entry):
                cells = details.add_row().cells
                cells[0].text, cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def entry_lines(entry) -> list[tuple[str, str]]:
    actions = "\n".join(_action_text(a) for a in entry.actions)
    lines = [
        (gettext("Recommending states"), ", ".join(entry.recommending_states) or "—"),
        (gettext("Position"), entry.position),
        (
            gettext("Current status"),
            f"{entry.status} ({gettext('demo')})" if entry.status_is_demo else entry.status,
        ),
        (gettext("Actions taken"), actions or gettext("None recorded")),
        (
            gettext("Responsible institutions"),
            ", ".join(entry.institutions) or gettext("None assigned"),
        ),
    ]
    if entry.other_themes:
        lines.append((gettext("Also under"), ", ".join(entry.other_themes)))
    return lines


def _action_text(action) -> str:
    text = f"{action.title} ({action.institution}; {action.status}"
    text += f"; {action.dates})" if action.dates else ")"
    text += f" [{gettext('demo')}]" if action.is_demo else ""
    text += f" [{gettext('overdue')}]" if action.is_overdue else ""
    return "\n".join([text, *(f"– {indicator_line(i)}" for i in action.indicators)])


def _set_language(document, language: str) -> None:
    """Tell Word the document's language (spelling, hyphenation): the default run
    properties' ``w:lang`` in the styles part."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run.find(qn("w:rPr")) if run is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = properties.makeelement(qn("w:lang"), {})
        properties.append(lang)
    lang.set(qn("w:val"), {"en": "en-GB", "ru": "ru-RU", "be": "be-BY"}.get(language, language))
