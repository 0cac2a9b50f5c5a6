"""Every download is recorded at the one place all of them pass: the response.

Whatever view produced it (a page's export, the status report, the API's CSV, an
evidence file), a download is a successful GET answered with a ``Content-Disposition``
header — the header that names the file the browser saves or shows. Views that build
downloads need not remember anything; a new export is recorded from its first day.
"""

import re

from .models import Download

# What the header names: filename="recommendations.csv" (or filename*=UTF-8''…).
_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?"?([^";]+)"?""", re.IGNORECASE)
# Answers that carry the header but hold no data: the API's description (its docs
# fetch it on every visit).
NOT_DOWNLOADS = {"api:schema"}


class DownloadRecordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_download(request, response):
            record_download(request, response)
        return response


def is_download(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    return (
        request.method == "GET"
        and 200 <= response.status_code < 300
        and response.has_header("Content-Disposition")
        and (match is None or match.view_name not in NOT_DOWNLOADS)
    )


def record_download(request, response) -> Download:
    """Record the download ``response`` answers to ``request``. The user is the one the
    request was answered for: the session's, or the API token's (REST framework puts it
    on the request when it authenticates)."""
    user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    found = _FILENAME.search(response["Content-Disposition"])
    filename = found.group(1).strip() if found else ""
    token = getattr(request, "auth", None)
    return Download.objects.create(
        user=user,
        username=user.get_username() if user is not None else "",
        path=request.path[:2000],
        query=request.META.get("QUERY_STRING", ""),
        filename=filename[:255],
        format=filename.rpartition(".")[2].lower()[:16] if "." in filename else "",
        address=request.META.get("REMOTE_ADDR") or None,
        api_token=getattr(token, "prefix", "")[:32],
    )
