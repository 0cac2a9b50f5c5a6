"""Small display helpers of the workspace's templates."""

import os

from django import template

from recommendations import rules
from recommendations.models import ProgressUpdate

from ..saved_views import saved_views_of

register = template.Library()


@register.filter
def basename(name) -> str:
    """ "evidence/updates/2025/report.pdf" -> "report.pdf"."""
    return os.path.basename(str(name or ""))


@register.inclusion_tag("workspace/_nav_links.html", takes_context=True)
def workspace_nav_links(context):
    """The header's workspace links for the logged-in user's role."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "ministry": rules.institution_of(user) is not None,
        "coordinator": rules.may_validate(user),
        "tokens": rules.may_have_api_token(user),
        "audit": rules.may_read_audit(user),
        "contributor": rules.organisation_of(user) is not None,
        "moderator": rules.may_moderate(user),
        "contributors": rules.may_create_contributors(user),
        "saved_views": list(saved_views_of(user)) if rules.may_save_views(user) else None,
    }


@register.filter
def workflow_label(value) -> str:
    """A workflow state code as people read it ("submitted" -> "Submitted")."""
    return str(ProgressUpdate.WorkflowState(value).label) if value else ""
