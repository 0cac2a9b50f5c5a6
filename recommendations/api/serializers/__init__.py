from .assessments import IndependentAssessmentSerializer
from .plans import (
    ClusterSerializer,
    IndicatorSerializer,
    IndicatorValueCreateSerializer,
    IndicatorValueEditSerializer,
    IndicatorValueSerializer,
)
from .progress import (
    ImplementationActionSerializer,
    ProgressUpdateCreateSerializer,
    ProgressUpdateEditSerializer,
    ProgressUpdateReturnSerializer,
    ProgressUpdateSerializer,
)
from .recommendations import RecommendationSerializer
from .reviews import ReviewSerializer
from .stats import StatsQuerySerializer, StatsSerializer
from .vocabulary import InstitutionSerializer, StateSerializer, ThemeSerializer

__all__ = [
    "ClusterSerializer",
    "ImplementationActionSerializer",
    "IndependentAssessmentSerializer",
    "IndicatorSerializer",
    "IndicatorValueCreateSerializer",
    "IndicatorValueEditSerializer",
    "IndicatorValueSerializer",
    "InstitutionSerializer",
    "ProgressUpdateCreateSerializer",
    "ProgressUpdateEditSerializer",
    "ProgressUpdateReturnSerializer",
    "ProgressUpdateSerializer",
    "RecommendationSerializer",
    "ReviewSerializer",
    "StateSerializer",
    "StatsQuerySerializer",
    "StatsSerializer",
    "ThemeSerializer",
]
