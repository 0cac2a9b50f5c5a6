"""The mid-term status report as a Word document (DOCX), written with python-docx."""

from __future__ import annotations

import io

from django.utils.formats import date_format

from .status_report import StatusReport, summary_lines

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEMO_FIGURES = "Demo data: these figures count illustrative assessments, not official ones."


def status_report_docx(report: StatusReport) -> bytes:
    """The report as the bytes of a .docx file: the figures, then each theme's entries."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(report.title, level=0)
    document.add_paragraph(
        f"Generated on {date_format(report.generated_on)} from validated progress updates."
    )
    if report.has_demo_data:
        document.add_paragraph(
            "Some statuses and actions are demo data: illustrations, not official assessments."
        )
    document.add_heading("Summary", level=1)
    if report.figures.includes_demo:
        document.add_paragraph(DEMO_FIGURES)
    figures = document.add_table(rows=0, cols=2)
    figures.style = "Table Grid"
    for label, value in summary_lines(report):
        cells = figures.add_row().cells
        cells[0].text, cells[1].text = label, value
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
    actions = "\n".join(
        f"{a.title} ({a.institution}; {a.status}{'; ' + a.dates if a.dates else ''})"
        + (" [demo]" if a.is_demo else "")
        for a in entry.actions
    )
    lines = [
        ("Recommending states", ", ".join(entry.recommending_states) or "—"),
        ("Position", entry.position),
        ("Current status", f"{entry.status} (demo)" if entry.status_is_demo else entry.status),
        ("Actions taken", actions or "None recorded"),
        ("Responsible institutions", ", ".join(entry.institutions) or "None assigned"),
    ]
    if entry.other_themes:
        lines.append(("Also under", ", ".join(entry.other_themes)))
    return lines
