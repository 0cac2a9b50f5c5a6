"""Uploaded files kept between the admin's preview and the coordinator's confirmation.

The bytes go to the default file storage under a random token (never the uploaded name), and
the token goes into the uploader's session: only the person who uploaded a file can confirm
or cancel it, and any app server (and the worker that checks and imports it in the
background, :mod:`.background`) can find it. A file is deleted when its import ends, when it
is cancelled, or when its check finds problems; files left behind (a preview never
confirmed) are deleted a day later, at the next upload.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "recommendation-imports"
SESSION_KEY = "recommendation_imports"
KEPT_FOR = timedelta(days=1)


@dataclass
class PendingUpload:
    token: str
    filename: str
    options: dict


def keep(request, *, data: bytes, filename: str, options: dict) -> str:
    """Store an upload for the session's user; return its token."""
    forget_stale()
    token = secrets.token_urlsafe(24)
    default_storage.save(f"{FOLDER}/{token}", ContentFile(data))
    uploads = request.session.get(SESSION_KEY, {})
    uploads[token] = {"filename": filename, "options": options}
    request.session[SESSION_KEY] = uploads
    return token


def find(request, token: str) -> PendingUpload | None:
    """The upload ``token`` names, if it is this session's and still stored."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if entry is None or not default_storage.exists(f"{FOLDER}/{token}"):
        return None
    return PendingUpload(token, entry["filename"], entry["options"])


def read(token: str) -> bytes | None:
    """The stored file's bytes (for the worker, which has no session); None once deleted."""
    try:
        with default_storage.open(f"{FOLDER}/{token}", "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None


def forget(request, token: str) -> None:
    """The session no longer offers the upload (it is being imported); the file stays."""
    uploads = request.session.get(SESSION_KEY, {})
    if token in uploads:
        del uploads[token]
        request.session[SESSION_KEY] = uploads


def delete(token: str) -> None:
    """Delete the stored file."""
    default_storage.delete(f"{FOLDER}/{token}")


def discard(request, token: str) -> None:
    """Delete the stored file and forget the token."""
    if token in request.session.get(SESSION_KEY, {}):
        forget(request, token)
        delete(token)


def forget_stale() -> None:
    """Delete stored uploads older than :data:`KEPT_FOR`."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - KEPT_FOR
    for name in files:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
