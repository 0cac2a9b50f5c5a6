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
from .status_history import FiguresVersion, StatusChange
from .taxonomy import AffectedGroup, Institution, Mechanism, SdgGoal, State, Theme

__all__ = [
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
    "State",
    "Status",
    "StatusChange",
    "Theme",
    "UserProfile",
    "reference_sort_key",
]
