"""API throttling (REST framework): how many requests a token, a signed-in user
or an address may send. Rates are ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``
("token", "address"; from API_THROTTLE_TOKEN and API_THROTTLE_ADDRESS), counted
in the default cache, which every app server shares (the database's cache
table unless configured otherwise). A throttled request is answered 429 with
Retry-After.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class _RateFromSettings(SimpleRateThrottle):
    """Reads its rate when a request comes, not when the class is defined, so a
    changed setting (a test's) takes effect."""

    scope: str  # each throttle names its rate

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class PerTokenThrottle(_RateFromSettings):
    """Each API token on its own; a request through the site's session counts for
    its user. Anonymous requests are left to ``PerAddressThrottle``."""

    scope = "token"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PerAddressThrottle(_RateFromSettings):
    """Anonymous requests, per client address (REMOTE_ADDR, or the address the
    trusted proxies named in NUM_PROXIES put in X-Forwarded-For)."""

    scope = "address"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
