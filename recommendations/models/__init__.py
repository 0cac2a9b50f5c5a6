from .people import Role, UserProfile
from .progress import ImplementationAction, ProgressUpdate
from .reviews import (
    SUPPORTED_POSITIONS,
    Position,
    Recommendation,
    Responsibility,
    ReviewCycle,
    Status,
    reference_sort_key,
)
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

__all__ = [
    "SUPPORTED_POSITIONS",
    "AffectedGroup",
    "ImplementationAction",
    "Institution",
    "Mechanism",
    "Position",
    "ProgressUpdate",
    "Recommendation",
    "Responsibility",
    "ReviewCycle",
    "Role",
    "SdgGoal",
    "SdgTarget",
    "State",
    "Status",
    "Theme",
    "UserProfile",
    "goal_of_target",
    "reference_sort_key",
]
