"""A CSV file no database could hold, or no person meant as CSV, is refused with a reason, by
the command and by the admin's upload page alike, and nothing is written."""

from __future__ import annotations

import csv

import pytest
from django.utils.html import escape

from tests.factories import coordinator

from .files import (
    database_state,
    refusal_by_command,
    refusal_by_upload,
    tracker_file,
    tracker_rows,
)

pytestmark = pytest.mark.django_db


def with_text(text: str, **options) -> bytes:
    rows = tracker_rows(2)
    rows[1]["Text"] = text
    return tracker_file(rows, **options)


HOSTILE = {
    "a NUL byte in a cell": (
        lambda: with_text("Ratify the Convention\x00 against Torture"),
        "holds a NUL character (byte 0)",
    ),
    "a file saved as UTF-16": (
        lambda: tracker_file(tracker_rows(2), encoding="utf-16"),
        "holds a NUL character (byte 0)",
    ),
    "a cell longer than the csv module reads": (
        lambda: with_text("Ratify " * (csv.field_size_limit() // 7 + 1)),
        f"a cell holds more than {csv.field_size_limit():,} characters",
    ),
    "an unclosed quote that swallows the file": (
        lambda: (
            b"State under review,Reference,Text,Position\r\n"
            + b'BLR,97.1,"Ratify the Convention against Torture,Supported\r\n'
            + b"BLR,97.2,Ratify the Convention on the Rights of the Child,Supported\r\n"
            * (csv.field_size_limit() // 60)
        ),
        f"a cell holds more than {csv.field_size_limit():,} characters",
    ),
    "bytes that are neither UTF-8 nor Windows-1252": (
        lambda: with_text("Ratify").replace(b"Ratify", b"Rat\x81fy"),
        "the file is neither UTF-8",
    ),
}


@pytest.fixture(params=["command", "admin upload"])
def refusal(request, tmp_path, client):
    """What the person importing sees when a door refuses ``data``."""
    if request.param == "command":
        return lambda data: refusal_by_command(tmp_path, data, "hostile.csv")
    client.force_login(coordinator())
    return lambda data: refusal_by_upload(client, data, "hostile.csv")


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_csv_file_is_refused_with_a_reason(case, refusal):
    build, reason = HOSTILE[case]
    before = database_state()

    shown = refusal(build())

    assert escape(reason) in shown or reason in shown
    assert "Traceback" not in shown
    assert database_state() == before
