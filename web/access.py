"""The one check every page and every download makes before it shows anything."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.views.decorators.http import require_safe

from recommendations import rules

from .public_pages import kept_for_visitors


def readable_page(view):
    """A read-only page (GET or HEAD): anonymous visitors are sent to log in until some
    review is published (``rules.may_read``); then they read the public face, which each
    page asks ``rules`` for (``visible_recommendations``, ``visible_updates`` …), and
    their pages are kept in the cache for the next visitor (``public_pages``)."""

    @require_safe
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not rules.may_read(request.user):
            return redirect_to_login(request.get_full_path())
        return kept(request, *args, **kwargs)

    kept = kept_for_visitors(view)
    return checked
