"""Saving the filters of the dashboard or the recommendation list under a name, and
sharing a saved view with everyone (coordinators). The rights are ``rules``'."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from recommendations import rules

from .models import SavedView

# Not part of a view: which page of results one was on.
NOT_SAVED = ("page",)


def view_query(query: str) -> str:
    """The page's filters as they are saved: its query string without the page number."""
    params = QueryDict(query, mutable=True)
    for name in NOT_SAVED:
        params.pop(name, None)
    return params.urlencode()


@transaction.atomic
def saved_view_save(*, user, name: str, page: str, query: str) -> SavedView:
    """Save the filters ``query`` of ``page`` under ``name`` (a view of that name of the
    user's is replaced). Raises PermissionDenied for users without a role, or
    ValidationError (an empty name, an unknown page)."""
    if not rules.may_save_views(user):
        raise PermissionDenied(_("Sign in to save views."))
    name = (name or "").strip()
    view = SavedView.objects.filter(owner=user, name=name).first() or SavedView(
        owner=user, name=name
    )
    view.page, view.query = page, view_query(query)
    view.full_clean()
    view.save()
    return view


@transaction.atomic
def saved_view_share(*, user, view: SavedView, shared: bool) -> SavedView:
    """Show the view in every signed-in user's menu, or in its owner's only again
    (coordinators). Raises PermissionDenied."""
    if not (rules.may_share_saved_views(user) and rules.may_change_saved_view(user, view)):
        raise PermissionDenied(_("Only a coordinator shares saved views."))
    view.shared = shared
    view.save(update_fields=["shared"])
    return view


@transaction.atomic
def saved_view_delete(*, user, view: SavedView) -> None:
    """Delete a view its owner (or, shared, a coordinator) no longer wants."""
    if not rules.may_change_saved_view(user, view):
        raise PermissionDenied(_("This saved view is not yours to delete."))
    view.delete()


def saved_views_of(user):
    """The views in the user's menu: their own and the shared ones, by name."""
    return rules.visible_saved_views(user, SavedView.objects.all()).select_related("owner")
