"""A damaged or hostile Word document is refused with a reason a person can act on, by the
command and by the admin's upload page alike, and nothing is written. The checks are the
workbooks' (:mod:`recommendations.importing.ooxml`)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils.html import escape

from recommendations.importing.thematic_list import MAIN_PART
from tests.factories import coordinator

from .files import database_state, refusal_by_command, refusal_by_upload, run
from .handmade_documents import CYCLE_4, claiming_size, part, thematic_list, with_part
from .handmade_workbooks import BILLION_LAUGHS

pytestmark = pytest.mark.django_db

GOOD = thematic_list(
    CYCLE_4,
    [["121.9 Abolish the death penalty (Algeria);", "Noted", "- Death penalty", "- 16"]],
)
SLOVENIA_4 = {"state": "SVN", "cycle": "4"}


def with_prologue(prologue: str) -> bytes:
    xml = part(GOOD, MAIN_PART)
    head, _, body = xml.partition(b"?>")
    return with_part(GOOD, MAIN_PART, head + b"?>" + prologue.encode() + body)


def zip_bomb(megabytes: int) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(GOOD)) as honest,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in honest.infolist():
            bomb.writestr(info.filename, honest.read(info))
        with bomb.open("word/padding.xml", "w") as padding:
            padding.write(b"<padding>")
            for _ in range(megabytes):
                padding.write(b" " * 1_000_000)
            padding.write(b"</padding>")
    return buffer.getvalue()


def damaged_compressed_data() -> bytes:
    data = bytearray(GOOD)
    start = data.find(MAIN_PART.encode()) + len(MAIN_PART)
    for offset in range(start + 20, start + 40):
        data[offset] ^= 0xFF
    return bytes(data)


HOSTILE = {
    "entity declarations in the document (billion laughs)": (
        lambda: with_prologue(BILLION_LAUGHS.format(root="w:document")),
        "word/document.xml declares a document type (DTD)",
    ),
    "an external entity in the document": (
        lambda: with_prologue('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        "word/document.xml declares a document type (DTD)",
    ),
    "a zip bomb": (lambda: zip_bomb(5), "this is a decompression bomb"),
    "an archive that claims a huge part": (
        lambda: claiming_size(GOOD, MAIN_PART, 3_000_000_000),
        "the document unpacks to 3000 MB, more than the 50 MB the importer reads",
    ),
    "damaged compressed data": (damaged_compressed_data, "the file is damaged"),
    "a document that is not well-formed XML": (
        lambda: with_part(GOOD, MAIN_PART, part(GOOD, MAIN_PART)[:-40]),
        "the file is damaged: its XML is not well-formed",
    ),
    "an old .doc document": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        "the file is an old Word .doc document or a password-protected one: save it as .docx",
    ),
    "a CSV file named as a thematic list": (
        lambda: b"Recommendation,Position\n121.9 Abolish the death penalty (Algeria);,Noted\n",
        "the file is not a Word document (.docx)",
    ),
}


@pytest.fixture(params=["command", "admin upload"])
def refusal(request, tmp_path, client):
    """What the person importing sees when a door refuses ``data``."""
    if request.param == "command":
        arguments = ("--format", "thematic-list", "--state", "SVN", "--cycle", "4")
        return lambda data: refusal_by_command(tmp_path, data, "hostile.docx", *arguments)
    client.force_login(coordinator())
    return lambda data: refusal_by_upload(
        client, data, "hostile.docx", format="thematic-list", **SLOVENIA_4
    )


def test_the_handmade_document_is_imported():
    """The hostile files above differ from this one only by what makes them hostile."""
    result = run(GOOD, "good.docx", format="thematic-list", state_iso3="SVN", cycle=4)

    assert result.ok, result.errors.in_order()
    assert result.created == 1


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_document_is_refused_with_a_reason(case, refusal):
    build, reason = HOSTILE[case]
    before = database_state()

    shown = refusal(build())

    assert escape(reason) in shown or reason in shown
    assert "Traceback" not in shown
    assert database_state() == before
