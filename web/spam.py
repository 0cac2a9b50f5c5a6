"""Keeping machines out of a public form without any third-party service: three checks,
each cheap for people and costly for robots.

- a honeypot: a field people never see (hidden by the stylesheet, skipped by the
  keyboard and screen readers) that form-filling robots fill in;
- time: the form carries the moment it was shown, signed with the site's key; a form
  sent back faster than ``UPR_COMMENT_MIN_SECONDS`` (or with a forged or day-old
  stamp) was not written by a person;
- a rate: at most ``UPR_COMMENTS_PER_HOUR`` forms an hour from one client address,
  counted in the shared cache (the database's by default), as the API's throttles are.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

SALT = "upr-tracker.public-form"
HONEYPOT = "website"
STAMP = "shown"
OLDEST = 24 * 60 * 60  # a form shown more than a day ago is shown again
HOUR = 60 * 60


def form_stamp(now: float | None = None) -> str:
    """The signed moment the form is shown (``now``, by default this moment)."""
    return signing.dumps(now if now is not None else time.time(), salt=SALT)


def sent_too_soon_or_forged(stamp: str) -> bool:
    """Whether the form's stamp is missing, forged, older than a day, or younger than
    ``UPR_COMMENT_MIN_SECONDS``."""
    try:
        shown = float(signing.loads(stamp or "", salt=SALT, max_age=OLDEST))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - shown < settings.UPR_COMMENT_MIN_SECONDS


def filled_honeypot(data) -> bool:
    """Whether the field people never see was filled in."""
    return bool(data.get(HONEYPOT, "").strip())


def client_address(request) -> str:
    """The client's address as the API's throttles read it (``API_TRUSTED_PROXIES``)."""
    return BaseThrottle().get_ident(request)


def over_the_rate(request, *, scope: str) -> bool:
    """Count one more form from the request's address in ``scope``; True once the address
    has sent more than ``UPR_COMMENTS_PER_HOUR`` within the hour."""
    key = f"upr:spam:{scope}:{client_address(request)}"
    cache.add(key, 0, HOUR)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, HOUR)
        count = 1
    return count > settings.UPR_COMMENTS_PER_HOUR
