"""``/api/v1/``: every app's resources, ``stats``, the OpenAPI document and its docs.

The router lives here, above the apps, so that ``recommendations`` never has to
know about ``missions`` (which builds on it) to list its engagements."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from missions.api import EngagementViewSet
from recommendations.api.views import (
    ApiRootView,
    ClusterViewSet,
    ImplementationActionViewSet,
    IndependentAssessmentViewSet,
    IndicatorValueViewSet,
    IndicatorViewSet,
    InstitutionViewSet,
    ProgressUpdateViewSet,
    RecommendationViewSet,
    ReviewViewSet,
    StateViewSet,
    StatsView,
    ThemeViewSet,
)
from web.api import schema  # noqa: F401  (registers the token scheme with drf-spectacular)
from web.api.errors import not_found

app_name = "api"

router = SimpleRouter()
router.register("reviews", ReviewViewSet, basename="reviews")
router.register("recommendations", RecommendationViewSet, basename="recommendations")
router.register("actions", ImplementationActionViewSet, basename="actions")
router.register("progress-updates", ProgressUpdateViewSet, basename="progress-updates")
router.register("indicators", IndicatorViewSet, basename="indicators")
router.register("indicator-values", IndicatorValueViewSet, basename="indicator-values")
router.register("clusters", ClusterViewSet, basename="clusters")
router.register("engagements", EngagementViewSet, basename="engagements")
router.register("institutions", InstitutionViewSet, basename="institutions")
router.register("themes", ThemeViewSet, basename="themes")
router.register("states", StateViewSet, basename="states")
router.register(
    "independent-assessments", IndependentAssessmentViewSet, basename="independent-assessments"
)

urlpatterns = [
    path(
        "", ApiRootView.as_view(resources=[prefix for prefix, *_ in router.registry]), name="root"
    ),
    path("stats/", StatsView.as_view(), name="stats"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*/$", not_found),
]
