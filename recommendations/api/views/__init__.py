from .assessments import IndependentAssessmentViewSet
from .plans import ClusterViewSet, IndicatorValueViewSet, IndicatorViewSet
from .progress import ImplementationActionViewSet, ProgressUpdateViewSet
from .recommendations import RecommendationViewSet
from .reviews import ReviewViewSet
from .root import ApiRootView
from .stats import StatsView
from .vocabulary import InstitutionViewSet, StateViewSet, ThemeViewSet

__all__ = [
    "ApiRootView",
    "ClusterViewSet",
    "ImplementationActionViewSet",
    "IndependentAssessmentViewSet",
    "IndicatorValueViewSet",
    "IndicatorViewSet",
    "InstitutionViewSet",
    "ProgressUpdateViewSet",
    "RecommendationViewSet",
    "ReviewViewSet",
    "StateViewSet",
    "StatsView",
    "ThemeViewSet",
]
