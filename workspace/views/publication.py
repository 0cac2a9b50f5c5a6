"""The coordinators' publication page: every review, whether (and from which day) the
public reads it, and the buttons that publish or unpublish it
(``recommendations.publication``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from recommendations import publication, rules
from recommendations.models import ReviewCycle

from ..forms import PublishReviewForm


def _require_moderator(request):
    if not rules.may_moderate(request.user):
        raise PermissionDenied(_("Only coordinators publish reviews."))


@login_required
def reviews(request):
    """Each review with its recommendations' count and its publication."""
    _require_moderator(request)
    listed = (
        ReviewCycle.objects.select_related("state_under_review", "mechanism")
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("state_under_review__name", "mechanism__code", "cycle", "review_date")
    )
    today = timezone.localdate()
    return render(
        request,
        "workspace/publication.html",
        {
            # Each review with the day its form offers (a date input's value is ISO 8601).
            "reviews": [
                (review, (review.published_from or today).isoformat()) for review in listed
            ],
            "today": today,
        },
    )


@login_required
@require_POST
def review_publication(request, pk):
    """``action=publish`` with ``published_from``, or ``action=unpublish``."""
    _require_moderator(request)
    review = get_object_or_404(ReviewCycle, pk=pk)
    if request.POST.get("action") == "unpublish":
        publication.review_unpublish(user=request.user, review=review)
        messages.success(request, _("%s is no longer public.") % review)
        return redirect("workspace:publication")
    form = PublishReviewForm(request.POST)
    if form.is_valid():
        day = form.cleaned_data["published_from"]
        publication.review_publish(user=request.user, review=review, published_from=day)
        messages.success(
            request,
            _("%(review)s is public from %(day)s.") % {"review": review, "day": day.isoformat()},
        )
    else:
        messages.error(request, _("Give the day from which the review is public."))
    return redirect("workspace:publication")
