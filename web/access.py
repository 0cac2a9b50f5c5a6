"""The one check every page and every download makes before it shows anything."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.views.decorators.http import require_safe

from recommendations import rules


def readable_page(view):
    """A read-only page (GET or HEAD): anonymous visitors are sent to log in unless
    the deployment has a public dashboard (``rules.may_read``); then they read what
    anyone may: the measure counts validated updates only, and each page asks
    ``rules`` for anything beyond that (``visible_updates``, ``may_validate``)."""

    @require_safe
    @wraps(view)
    def checked(request, *args, **kwargs):
        if not rules.may_read(request.user):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return checked
