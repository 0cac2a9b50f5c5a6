"""Evidence files: what may be uploaded, and how a stored one is handed out.

A file is accepted when its size is within ``settings.UPR_UPLOAD_MAX_BYTES``,
its extension is one of ``settings.UPR_UPLOAD_ALLOWED_TYPES`` and, for the
kinds known here, its content is what the extension says (a PDF starts with
"%PDF-", a .docx is a zip holding word/document.xml …). A renamed executable is
refused. Kinds configured but unknown here are accepted by extension only.
"""

import mimetypes
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls, .ppt
MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "doc": (OLE2,),
    "xls": (OLE2,),
    "ppt": (OLE2,),
}
# Office Open XML: a zip holding the part that makes it a document of its kind.
OOXML_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# OpenDocument: a zip whose "mimetype" entry names the kind.
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
IMAGES = {"png", "jpg", "jpeg", "gif", "webp"}


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


def allowed_types() -> list[str]:
    return [kind.lower().lstrip(".") for kind in settings.UPR_UPLOAD_ALLOWED_TYPES]


def describe_allowed() -> str:
    """For help texts: "PDF, DOC, DOCX …; at most 10.0 MB"."""
    kinds = ", ".join(kind.upper() for kind in allowed_types())
    return _("%(kinds)s; at most %(size)s") % {
        "kinds": kinds,
        "size": filesizeformat(settings.UPR_UPLOAD_MAX_BYTES),
    }


def check_evidence_file(uploaded) -> None:
    """Raise ValidationError (with a message for the person uploading) unless the
    file's size, extension and content are acceptable."""
    if uploaded.size > settings.UPR_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(largest)s.")
            % {
                "size": filesizeformat(uploaded.size),
                "largest": filesizeformat(settings.UPR_UPLOAD_MAX_BYTES),
            },
            code="too_large",
        )
    kind = extension_of(uploaded.name)
    if kind not in allowed_types():
        raise ValidationError(
            _("Files of type “%(kind)s” are not accepted. Accepted: %(accepted)s.")
            % {
                "kind": kind or _("none"),
                "accepted": ", ".join(k.upper() for k in allowed_types()),
            },
            code="type_not_allowed",
        )
    if not _content_matches(uploaded, kind):
        raise ValidationError(
            _("The file's content is not a %(kind)s document, whatever its name says.")
            % {"kind": kind.upper()},
            code="content_mismatch",
        )


def _content_matches(uploaded, kind: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    try:
        if kind in MAGIC:
            return head.startswith(MAGIC[kind])
        if kind == "webp":
            return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if kind in OOXML_PART or kind in ODF_MIMETYPE:
            return head.startswith(b"PK\x03\x04") and _zip_is(uploaded, kind)
        return True
    finally:
        uploaded.seek(0)


def _zip_is(uploaded, kind: str) -> bool:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            if kind in OOXML_PART:
                return OOXML_PART[kind] in archive.namelist()
            info = archive.getinfo("mimetype")
            # The entry is a few dozen bytes; anything larger is not an OpenDocument.
            return info.file_size < 100 and archive.read(info).strip() == ODF_MIMETYPE[kind]
    except (zipfile.BadZipFile, KeyError):
        return False


def serving_headers(name: str) -> tuple[str, bool]:
    """(content type, whether to show it in the browser) for a stored file:
    images are shown, everything else is downloaded."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return content_type, extension_of(name) in IMAGES
