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

__all__ = [
    "ACTION_CATEGORIES",
    "SUPPORTED_POSITIONS",
    "AffectedGroup",
    "FiguresVersion",
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
    "Source",
    "State",
    "Status",
    "StatusChange",
    "Theme",
    "UserProfile",
    "goal_of_target",
    "reference_sort_key",
]
