"""What the records keep: the change history of an object, and its evidence file."""

import os

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from recommendations import rules
from recommendations.history import change_log, latest_version
from recommendations.models import (
    Cluster,
    ImplementationAction,
    Indicator,
    IndicatorValue,
    ProgressUpdate,
    Recommendation,
)

from ..uploads import serving_headers

HISTORIES: dict[str, type[models.Model]] = {
    "recommendation": Recommendation,
    "action": ImplementationAction,
    "update": ProgressUpdate,
    "indicator": Indicator,
    "value": IndicatorValue,
    "cluster": Cluster,
}


@login_required
def history(request, kind, pk):
    """Who changed which field, from what to what, and when; also for a deleted object.
    Who may read it, and the 404 or 403 for who may not, is ``rules.check_history_access``
    (the admin's history pages ask it too)."""
    model = HISTORIES.get(kind)
    if model is None:
        raise Http404(_("No history of that kind."))
    obj = model._default_manager.filter(pk=pk).first()
    deleted = obj is None
    if deleted:
        obj = latest_version(model, pk)
    if obj is None:
        raise Http404(_("Nothing of that number was ever recorded."))
    rules.check_history_access(request.user, obj, deleted=deleted)
    return render(
        request,
        "workspace/history.html",
        {
            "object": obj,
            "kind": kind,
            "verbose_name": model._meta.verbose_name,
            "deleted": deleted,
            "entries": change_log(model, pk),
        },
    )


def evidence(request, kind, pk):
    """An uploaded evidence file, to those who may read what it belongs to and its
    evidence (internal evidence never reaches the public face): images are shown, other
    files downloaded, never interpreted by the browser as anything else."""
    if kind not in ("update", "action", "value"):
        raise Http404(_("No evidence of that kind."))
    if not rules.may_read(request.user):
        return redirect_to_login(request.get_full_path())
    obj: ProgressUpdate | ImplementationAction | IndicatorValue
    if kind == "update":
        obj = get_object_or_404(ProgressUpdate, pk=pk)
        allowed = rules.may_see_update(request.user, obj)
    elif kind == "value":
        obj = get_object_or_404(IndicatorValue, pk=pk)
        allowed = rules.may_see_indicator_value(request.user, obj)
    else:
        obj = get_object_or_404(ImplementationAction, pk=pk)
        allowed = rules.may_see_action(request.user, obj)
    allowed = allowed and rules.may_see_evidence(request.user, obj)
    if not allowed or not obj.evidence_file:
        raise Http404(_("No such evidence file."))
    try:
        handle = obj.evidence_file.open("rb")
    except FileNotFoundError as missing:
        raise Http404(_("The evidence file is missing from the storage.")) from missing
    content_type, inline = serving_headers(obj.evidence_file.name)
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=not inline,
        filename=os.path.basename(obj.evidence_file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response
