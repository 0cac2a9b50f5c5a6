from .people import INDEPENDENT_KINDS, Role, UserProfile
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
from .voices import IndependentAssessment, PublicComment

__all__ = [
    "ACTION_CATEGORIES",
    "INDEPENDENT_KINDS",
    "SUPPORTED_POSITIONS",
    "AffectedGroup",
    "ImplementationAction",
    "IndependentAssessment",
    "Institution",
    "Mechanism",
    "Position",
    "ProgressUpdate",
    "PublicComment",
    "Recommendation",
    "Responsibility",
    "ReviewCycle",
    "Role",
    "SdgGoal",
    "SdgTarget",
    "Source",
    "State",
    "Status",
    "Theme",
    "UserProfile",
    "goal_of_target",
    "reference_sort_key",
]
