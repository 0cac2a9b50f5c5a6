"""Published pages kept for anonymous visitors: each read page (``readable_page``) an
anonymous visitor asks for is kept in the shared cache (``settings.CACHES``) under its
address, language and day, within the current ``public_pages`` generation, for
``UPR_PUBLIC_PAGE_SECONDS``.

The generation is renewed (``public_pages_changed``) whenever anything the public reads
may have changed: by the services that publish (a review published or unpublished, an
update validated, an assessment published, a comment approved), and by the middleware
below after every change a signed-in user makes (a page, the admin or the API), so an
edit in the admin shows at once too. What else changes (a command, a day passing: the
day is in the key, so a review published from tomorrow appears tomorrow) shows within
the timeout. (The figures' own caches have their own generation; this one is named
``public_pages`` so that the two never mix.)

Only what is the same for every anonymous visitor is kept: a complete HTML page, not a
download, not an error, not a redirect, not one rendered for a visitor with a session
(messages live there), not one that says it must not be stored (``never_cache``: a job's
progress). Its form tokens (CSRF) are the visitor's own: they are taken
out when a page is kept and each visitor's put back when it is served.
"""

import hashlib
import re
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

GENERATION_KEY = "upr:public_pages:generation"
PAGE_KEY = "upr:public_pages:{generation}:{day}:{language}:{address}"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"\x00csrf\x00"
SAFE_METHODS = ("GET", "HEAD")


def public_pages_changed() -> None:
    """Every kept public page is out of date from now on."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _generation() -> str:
    # A random value, not a counter: if the cache ever loses it, the pages kept under
    # the old one are never served again.
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _keeps(request) -> bool:
    return (
        settings.UPR_PUBLIC_PAGE_SECONDS > 0
        and request.method in SAFE_METHODS
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return PAGE_KEY.format(
        generation=_generation(),
        day=timezone.localdate().isoformat(),
        language=translation.get_language() or "",
        address=address,
    )


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Content-Disposition")
        and not response.cookies
        # A page that changes from one moment to the next (a job's progress: ``never_cache``).
        and "no-store" not in response.get("Cache-Control", "")
    )


def kept_for_visitors(view):
    """Serve ``view``'s page to anonymous visitors from the cache when it is there, and
    keep it there when it was not (see the module docstring for what is kept)."""

    @wraps(view)
    def serve(request, *args, **kwargs):
        if not _keeps(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            token = get_token(request).encode()
            return HttpResponse(content.replace(CSRF_PLACEHOLDER, token), content_type)
        response = view(request, *args, **kwargs)
        if _keepable(response):
            content = CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
            cache.set(key, (content, response["Content-Type"]), settings.UPR_PUBLIC_PAGE_SECONDS)
        return response

    return serve


class PublicPagesChangedMiddleware:
    """After every change a signed-in user makes (a POST, PUT, PATCH or DELETE answered
    without an error), the public pages are renewed: the admin's plain edits included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            request.method not in SAFE_METHODS
            and request.method != "OPTIONS"
            and response.status_code < 400
            and user is not None
            and user.is_authenticated
        ):
            public_pages_changed()
        return response
