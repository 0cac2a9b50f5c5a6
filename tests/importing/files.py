"""Files for import tests, built from real rows, and a look at the database before and after."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from recommendations.importing.service import import_recommendations
from recommendations.importing.tracker_format import COLUMN_NAMES
from recommendations.models import (
    Institution,
    Recommendation,
    Responsibility,
    ReviewCycle,
    State,
    Theme,
)

from .shared_data import demo_file

UPR_INFO_HEADER = [
    "To",
    "To-Rgrp",
    "To-Org",
    "Text",
    "From",
    "From-Rgrp",
    "From-Org",
    "Response",
    "Action",
    "Issue",
    "Session",
]


def upr_info_rows(state: str = "Belarus", count: int | None = None) -> list[dict]:
    """Real rows of the demo's UPR Info export (6-9.csv, Mac Roman) for one state."""
    text = demo_file("6-9.csv").decode("mac_roman").replace("\r", "\n")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["To"] == state]
    return rows[:count] if count else rows


def csv_file(
    rows: list[dict],
    header: list[str] | None = None,
    *,
    encoding: str = "utf-8",
    newline: str = "\r\n",
) -> bytes:
    """A CSV file of ``rows`` (dicts) under ``header`` (default: the first row's keys)."""
    header = header or list(rows[0])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return buffer.getvalue().encode(encoding)


def xlsx_file(rows: list[list]) -> bytes:
    """An XLSX workbook whose first sheet holds ``rows`` (the first is the header)."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def tracker_rows(count: int = 3) -> list[dict]:
    """Rows in the tracker's format with real Belarus texts (one per UPR Info row)."""
    rows = []
    for number, real in enumerate(upr_info_rows(count=count), start=1):
        rows.append(
            {
                "State under review": "BLR",
                "Mechanism": "UPR",
                "Cycle": "1",
                "Reference": f"97.{number}",
                "Text": real["Text"].strip(),
                "Recommending states": real["From"],
                "Position": real["Response"],
                "Themes": real["Issue"].replace(",", "; "),
                "Action category": real["Action"],
            }
        )
    return rows


def tracker_file(rows: list[dict], **kwargs) -> bytes:
    header = [name for name in COLUMN_NAMES if any(name in row for row in rows)]
    return csv_file(rows, header, **kwargs)


def run(data: bytes, filename: str = "upload.csv", **options):
    """Import with the tracker format unless told otherwise."""
    options.setdefault("format", "tracker")
    return import_recommendations(data=data, filename=filename, **options)


def refusal_by_command(folder: Path, data: bytes, filename: str, *arguments: str) -> str:
    """What ``manage.py import_recommendations`` prints when it refuses the file.

    The command must fail as a refusal (``CommandError``: a message and a non-zero exit, no
    traceback); any other exception fails the calling test.
    """
    path = folder / filename
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_recommendations", str(path), *arguments, stdout=out, stderr=err)
    except CommandError as refusal:
        return f"{out.getvalue()}{err.getvalue()}{refusal}"
    raise AssertionError(f"the command accepted {filename}:\n{out.getvalue()}")


def refusal_by_upload(client, data: bytes, filename: str, **fields: str) -> str:
    """The admin's upload page (as ``client``'s user) after posting the file, which it refuses
    (its check's page, the check having run as it was started: the tests' tasks backend)."""
    form = {"format": "tracker", "state": "", "cycle": "", "mechanism": "UPR", "encoding": ""}
    page = client.post(
        reverse("admin:recommendations_recommendation_import"),
        {**form, **fields, "file": SimpleUploadedFile(filename, data)},
        follow=True,
    )
    assert page.status_code == 200
    assert page.context["token"] is None, "the upload was accepted for import"
    return page.content.decode()


def problems(result) -> list[tuple]:
    """The result's errors as (row, column, reason) in file order."""
    return [(e.row, e.column, e.reason) for e in result.errors.in_order()]


def database_state() -> dict:
    """What an import may change, to compare before and after."""
    recommendations = Recommendation.objects.order_by("review_id", "reference")
    return {
        "recommendations": list(
            recommendations.values_list(
                "review_id", "reference", "text", "position", "position_source", "action_category"
            )
        ),
        "states": sorted(
            Recommendation.recommending_states.through.objects.values_list(
                "recommendation_id", "state_id"
            )
        ),
        "themes": sorted(
            Recommendation.themes.through.objects.values_list("recommendation_id", "theme_id")
        ),
        "history": Recommendation.history.count(),
        "responsibilities": Responsibility.objects.count(),
        "reviews": ReviewCycle.objects.count(),
        "theme names": Theme.objects.count(),
        "institutions": Institution.objects.count(),
        "state names": State.objects.count(),
    }
