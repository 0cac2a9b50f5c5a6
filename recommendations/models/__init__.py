from .people import Role, UserProfile
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

__all__ = [
    "ACTION_CATEGORIES",
    "ORIGINAL_LANGUAGE",
    "SUPPORTED_POSITIONS",
    "AffectedGroup",
    "ImplementationAction",
    "Institution",
    "Mechanism",
    "Position",
    "ProgressUpdate",
    "Recommendation",
    "RecommendationText",
    "Responsibility",
    "ReviewCycle",
    "Role",
    "SdgGoal",
    "SdgTarget",
    "ShownText",
    "Source",
    "State",
    "Status",
    "Theme",
    "UserProfile",
    "goal_of_target",
    "reference_sort_key",
    "text_in",
]
