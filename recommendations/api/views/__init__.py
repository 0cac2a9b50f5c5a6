from .assessments import IndependentAssessmentViewSet
from .progress import ImplementationActionViewSet, ProgressUpdateViewSet
from .recommendations import RecommendationViewSet
from .reviews import ReviewViewSet
from .root import ApiRootView
from .stats import StatsView
from .vocabulary import InstitutionViewSet, StateViewSet, ThemeViewSet

__all__ = [
    "ApiRootView",
    "ImplementationActionViewSet",
    "IndependentAssessmentViewSet",
    "InstitutionViewSet",
    "ProgressUpdateViewSet",
    "RecommendationViewSet",
    "ReviewViewSet",
    "StateViewSet",
    "StatsView",
    "ThemeViewSet",
]
