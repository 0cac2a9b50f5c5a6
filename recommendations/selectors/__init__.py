"""Reads that compute. ``measure`` holds the one measure every view shows;
the other modules hold the reads the pages add on top of it (what is overdue,
the measure over time, what falls due), and call the measure rather than count on their own.

Import from here: ``from recommendations.selectors import measure, measure_by``.
"""

from .due import (  # noqa: F401
    DueItem,
    DueLists,
    action_is_overdue,
    due_items,
    due_lists,
    indicator_is_overdue,
    month_end,
    with_latest_value,
)

# Every public name of the measure module, including ones a later change adds there.
from .measure import *  # noqa: F403
from .measure import GROUPINGS, GroupMeasure, Measure, measure, measure_by  # noqa: F401
from .overdue import (  # noqa: F401
    overdue_count_by_institution,
    overdue_recommendations,
    overdue_threshold,
    with_overdue_flag,
)
from .tags import with_tags  # noqa: F401
from .texts import with_text_in  # noqa: F401
