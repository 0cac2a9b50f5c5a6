"""A database that is busy (SQLite's lock, PostgreSQL's lock or statement
timeouts, serialization failures) or unreachable is a passing condition, not a
bug: pages answer a 503 page and the API a JSON 503, both with Retry-After,
never a 500. Nothing was written (the failed transaction was rolled back).

Errors in the views (the API's included: REST framework re-raises what its
handler does not know) reach ``DatabaseUnavailableMiddleware``; errors in other
middleware (a session saved after the view) reach ``server_error``, the 500
handler, which answers 503 for them as well.

The 503 page is rendered without the request: no context processor, so no
database query, runs while it is drawn.
"""

import logging
import sqlite3
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/"
MESSAGE = (
    "The tracker's database is busy or unreachable just now; nothing was changed. "
    "Please try again in a moment."
)
# SQLite: a lock held too long, or a database file that cannot be reached.
SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open", "i/o")
# PostgreSQL SQLSTATE classes and codes: connection exceptions (08), transaction
# rollback (40: serialization failure, deadlock), insufficient resources (53),
# operator intervention (57: shutdown, cancelled by statement_timeout), lock not
# available (55P03: lock_timeout).
POSTGRESQL_CLASSES = ("08", "40", "53", "57")
POSTGRESQL_CODES = ("55P03",)


def is_database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the database is busy or out of reach (rather than
    that a query is wrong, which stays a bug)."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        message = str(cause).lower()
        return any(phrase in message for phrase in SQLITE_UNAVAILABLE)
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    if code is None:
        # psycopg's errors without a code are the connection's own: refused,
        # closed by the server, timed out.
        return cause is not None and type(cause).__module__.startswith("psycopg")
    return code[:2] in POSTGRESQL_CLASSES or code in POSTGRESQL_CODES


def unavailable_response(request) -> HttpResponse:
    """The 503 for ``request``: JSON under /api/, the 503 page elsewhere."""
    response: HttpResponse
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse({"detail": MESSAGE}, status=503)
    else:
        page: str
        try:
            page = loader.render_to_string("503.html", {"message": MESSAGE})
        except Exception:  # the page must never fail: a plain one then
            logger.exception("The 503 page could not be rendered")
            page = f"<!doctype html><title>Try again in a moment</title><p>{MESSAGE}</p>"
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning("503 for %s %s: %s", request.method, request.path, exception)
        return unavailable_response(request)


def server_error(request):
    """The 500 handler: a database that went away outside a view is still a 503."""
    error = sys.exc_info()[1]
    if error is not None and is_database_unavailable(error):
        return unavailable_response(request)
    try:
        return HttpResponseServerError(loader.render_to_string("500.html"))
    except Exception:
        return HttpResponseServerError(
            "<!doctype html><title>Server error</title><h1>Server error (500)</h1>"
        )
