"""Office Open XML packages (XLSX workbooks, DOCX documents) opened without trusting them.

Both are ZIP archives of XML parts that anybody can write by hand, so an upload is untrusted.
Before a library parses one, :func:`open_package` checks the archive: it must be a ZIP archive
whose parts unpack to at most a limit (``zipfile`` stops every part at the size its archive
declares, so the declared sizes can be trusted), none much more than
:data:`MAX_PACKING_RATIO` times smaller than it unpacks (a "zip bomb"), none encrypted; and no
XML part may declare a document type (a DTD: office programs never write one, and it is how
entity attacks, "billion laughs" and external entities, work; defusedxml finds it). The
workbook reader (:mod:`.workbook`) and the thematic list reader (:mod:`.thematic_list`) share
these checks. No Django here.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse as defused_iterparse

from .errors import ImportFileError

MB = 1_000_000
# Spreadsheet and document parts pack 5 to 15 times; a part of junk repeated packs a thousandfold.
MAX_PACKING_RATIO = 100
RATIO_APPLIES_FROM = 1 * MB
XML_PARTS = (".xml", ".rels")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls/.doc files and password-protected OOXML ones
ZIP_MAGIC = b"PK\x03\x04"
# What reading a damaged archive can raise, besides the errors of the XML inside it.
DAMAGED_ARCHIVE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError)


@dataclass(frozen=True)
class PackageKind:
    """What the package is, for the limits and the messages."""

    noun: str  # "workbook"
    described: str  # "an XLSX workbook"
    program: str  # "a spreadsheet program"
    save_as: str  # ".xlsx or CSV"
    max_unpacked: int  # bytes
    too_large: str  # the advice when it unpacks to more


def open_package(data: bytes, kind: PackageKind) -> zipfile.ZipFile:
    """The checked archive of an OOXML package (see module doc); the caller closes it.

    Raises :class:`ImportFileError` for anything the checks refuse (not for an OLE file: its
    caller names that kind of file better).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise damaged(exc, kind) from exc
    try:
        _check(archive, kind)
    except BaseException:
        archive.close()
        raise
    return archive


def _check(archive: zipfile.ZipFile, kind: PackageKind) -> None:
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    if unpacked > kind.max_unpacked:
        raise ImportFileError(
            f"the {kind.noun} unpacks to {unpacked // MB} MB, more than the "
            f"{kind.max_unpacked // MB} MB the importer reads: {kind.too_large}"
        )
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size >= RATIO_APPLIES_FROM and member.file_size > MAX_PACKING_RATIO * packed:
            raise ImportFileError(
                f"the {kind.noun}'s part {member.filename} unpacks {member.file_size // packed} "
                f"times larger than it is packed ({member.file_size // MB} MB): no office "
                "program packs so well, this is a decompression bomb"
            )
        if member.flag_bits & 0x1:
            raise ImportFileError(f"the {kind.noun} is encrypted: save it again without a password")
        if member.filename.lower().endswith(XML_PARTS):
            _refuse_document_type(archive, member, kind)


def _refuse_document_type(archive: zipfile.ZipFile, member, kind: PackageKind) -> None:
    """Refuse a part whose prologue declares a DTD; only the prologue is read."""
    try:
        with archive.open(member) as stream:
            # The document type can only come before the root element: stop at its start.
            for _event, _element in defused_iterparse(stream, ("start",), forbid_dtd=True):
                return
    except DefusedXmlException as exc:
        raise ImportFileError(
            f"{member.filename} declares a document type (DTD), which no office program "
            "writes; its entities could expand without end or read files from the server: "
            "refused"
        ) from exc
    except ParseError:
        return  # the library reports the parts it reads; the others do not matter
    except DAMAGED_ARCHIVE as exc:
        raise damaged(exc, kind) from exc


def malformed_part(archive: zipfile.ZipFile) -> str:
    """The name of the first XML part that does not parse (the libraries do not say which)."""
    for member in archive.infolist():
        if member.filename.lower().endswith(XML_PARTS):
            try:
                with archive.open(member) as stream:
                    for _event, element in defused_iterparse(stream, ("end",)):
                        element.clear()
            except (ParseError, *DAMAGED_ARCHIVE):
                return member.filename
    return "one of its parts"


def damaged(exc: BaseException, kind: PackageKind) -> ImportFileError:
    """The refusal of a package the library could not read, with the library's reason."""
    # openpyxl wraps what went wrong in "Unable to read workbook: could not read …".
    cause = exc.__cause__ or exc
    detail = cause.args[0] if cause.args else type(cause).__name__
    return ImportFileError(
        f"the file is damaged, or is not {kind.described} ({detail}): open it in "
        f"{kind.program} and save it again as {kind.save_as}"
    )
