"""Optimistic concurrency: a single resource's ETag is a hash of its JSON
representation, so any change to what a client sees changes it. ``PUT`` and
``PATCH`` (and the workflow steps) with an ``If-Match`` that no longer matches
are refused with 412 before anything is written. Without ``If-Match`` the write
goes ahead (last writer wins), as for clients that do not track ETags."""

import hashlib
import json

from django.utils.http import parse_etags
from rest_framework.utils.encoders import JSONEncoder

from .exceptions import PreconditionFailed


def etag_of(representation) -> str:
    payload = json.dumps(representation, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(payload.encode()).hexdigest()[:32] + '"'


def require_fresh(request, current_etag: str):
    """Raise PreconditionFailed unless the request's If-Match (if any) names ``current_etag``."""
    header = request.headers.get("If-Match")
    if header is None:
        return
    wanted = parse_etags(header)  # weak validators keep their W/ and so never match
    if "*" not in wanted and current_etag not in wanted:
        raise PreconditionFailed()
