"""Server-rendered pages."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from .models import Recommendation, ReviewCycle
from .selectors import measure_by


def dashboard(request):
    """Per review: recommendations received, position counts and the share implemented."""
    if not request.user.is_authenticated and not settings.UPR_PUBLIC_DASHBOARD:
        return redirect_to_login(request.get_full_path())
    reviews = ReviewCycle.objects.select_related("state_under_review", "mechanism")
    figures = {
        group.key: group.measure for group in measure_by(Recommendation.objects.all(), "review")
    }
    cards = [(review, figures.get(review.pk)) for review in reviews]
    return render(request, "recommendations/dashboard.html", {"cards": cards})
