"""``/healthz`` for load balancers: 200 ``{"status": "ok"}`` when the app and its
database answer, 503 ``{"status": "unavailable"}`` otherwise; nothing else.

It is a middleware placed first so that it answers before the host check
(ALLOWED_HOSTS: a load balancer often calls an instance by its address), the
HTTPS redirect, sessions and authentication: a probe needs none of them.
"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse

PATH = "/healthz"
logger = logging.getLogger(__name__)


def database_answers() -> bool:
    """Whether every configured database answers a trivial query."""
    try:
        for connection in connections.all():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer (%s)", error)
        return False
    return True


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"detail": "Use GET."}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        healthy = database_answers()
        response = JsonResponse(
            {"status": "ok" if healthy else "unavailable"}, status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response
