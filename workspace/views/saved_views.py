"""Saved views: save the dashboard's or the list's filters under a name (the form on
those pages), and the page where one finds, shares (coordinators) and deletes them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import rules

from .. import saved_views
from ..forms import SavedViewForm


def _require_saver(request):
    if not rules.may_save_views(request.user):
        raise PermissionDenied(_("Saved views are for signed-in users with a role."))


@login_required
def saved_view_list(request):
    """One's own views and the shared ones, with their addresses."""
    _require_saver(request)
    user = request.user
    views = saved_views.saved_views_of(user)
    return render(
        request,
        "workspace/saved_views.html",
        {
            "views": [(view, rules.may_change_saved_view(user, view)) for view in views],
            "may_share": rules.may_share_saved_views(user),
        },
    )


@login_required
@require_POST
def saved_view_create(request):
    """Save the posted page's filters under the posted name, then show the saved view."""
    _require_saver(request)
    form = SavedViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the view a name (at most 120 characters)."))
        page = "dashboard" if request.POST.get("page") == "dashboard" else "recommendation-list"
        return redirect(page)
    try:
        view = saved_views.saved_view_save(user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workspace:saved_views")
    messages.success(request, _("Saved as “%s”: find it under Saved views.") % view.name)
    return redirect(view.get_absolute_url())


@login_required
@require_POST
def saved_view_share(request, pk):
    """``shared=1`` shows the view to everyone, ``shared=0`` to its owner only."""
    view = get_object_or_404(saved_views.saved_views_of(request.user), pk=pk)
    saved_views.saved_view_share(
        user=request.user, view=view, shared=request.POST.get("shared") == "1"
    )
    return redirect("workspace:saved_views")


@login_required
@require_POST
def saved_view_delete(request, pk):
    view = get_object_or_404(saved_views.saved_views_of(request.user), pk=pk)
    saved_views.saved_view_delete(user=request.user, view=view)
    messages.success(request, _("Deleted “%s”.") % view.name)
    return redirect("workspace:saved_views")
