from .people import INDEPENDENT_KINDS, Role, UserProfile
from .plans import Cluster, Indicator, IndicatorValue, add_months
from .progress import ImplementationAction, ProgressUpdate
from .reviews import (
    ACTION_CATEGORIES,
    SUPPORTED_POSITIONS,
    Position,
    Recommendation,
    Responsibility,
    ReviewCycle,
    Status,
    reference_sort_key,
)
from .sources import Source
from .status_history import FiguresVersion, StatusChange
from .taxonomy import (
    AffectedGroup,
    Institution,
    Mechanism,
    SdgGoal,
    SdgTarget,
    State,
    Theme,
    goal_of_target,
)
from .texts import ORIGINAL_LANGUAGE, RecommendationText, ShownText, text_in
from .voices import IndependentAssessment, PublicComment
from .workflow import ReportedRecord, WorkflowState

__all__ = [
    "ACTION_CATEGORIES",
    "INDEPENDENT_KINDS",
    "ORIGINAL_LANGUAGE",
    "SUPPORTED_POSITIONS",
    "AffectedGroup",
    "Cluster",
    "FiguresVersion",
    "ImplementationAction",
    "IndependentAssessment",
    "Indicator",
    "IndicatorValue",
    "Institution",
    "Mechanism",
    "Position",
    "ProgressUpdate",
    "PublicComment",
    "Recommendation",
    "RecommendationText",
    "ReportedRecord",
    "Responsibility",
    "ReviewCycle",
    "Role",
    "SdgGoal",
    "SdgTarget",
    "ShownText",
    "Source",
    "State",
    "Status",
    "StatusChange",
    "Theme",
    "UserProfile",
    "WorkflowState",
    "add_months",
    "goal_of_target",
    "reference_sort_key",
    "text_in",
]
