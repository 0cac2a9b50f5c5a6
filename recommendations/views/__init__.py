"""The server-rendered pages: the dashboard, recommendations and institutions.

Every page is wrapped in ``web.access.readable_page``; figures come from
``recommendations.selectors`` (the measure) and nothing here counts on its own.
"""

from .breakdown_tables import breakdown_export, breakdown_table
from .comments import recommendation_comment, recommendation_comment_sent
from .dashboard import dashboard
from .institution import institution_detail
from .institution_index import institution_list
from .recommendation_detail import recommendation_detail
from .recommendation_list import recommendation_list

__all__ = [
    "breakdown_export",
    "breakdown_table",
    "dashboard",
    "institution_detail",
    "institution_list",
    "recommendation_comment",
    "recommendation_comment_sent",
    "recommendation_detail",
    "recommendation_list",
]
