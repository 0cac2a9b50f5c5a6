"""What the admin's deciding list actions share: offered only to the users a rule
allows, each selected record decided in its own transaction through a service (what
is refused is said with its reason, the rest is done), and a page that asks for the
comment or reason a decision needs before it is taken.

Progress updates and indicator values are validated or returned
(``WorkflowActions``); assessments, comments and reviews are moderated
(``admin_voices``), each through its own service.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from . import rules

# The mixins are type-checked as the (history-keeping) admin they are mixed into.
if TYPE_CHECKING:
    from simple_history.admin import SimpleHistoryAdmin

    _Admin: TypeAlias = SimpleHistoryAdmin
else:
    _Admin = object


def decide_each(
    modeladmin,
    request,
    records,
    step: Callable[[Any, Any], Any],
    *,
    done_message: Callable[[int], str],
    label: Callable[[Any], str] = str,
    refusal: Callable[[str], str] = str,
):
    """``step(user, record)`` for each record, each in its own transaction;
    ``done_message(count)`` says how many were done, and each refused record is said as
    ``refusal("<label(record)>: <reason>")``."""
    done, refused = 0, []
    for record in records:
        try:
            with transaction.atomic():
                step(request.user, record)
        except (ValidationError, PermissionDenied) as error:
            reason = " ".join(getattr(error, "messages", [str(error)]))
            refused.append(f"{label(record)}: {reason}")
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)
    for problem in refused:
        modeladmin.message_user(request, refusal(problem), messages.ERROR)


def ask_for_text(
    modeladmin, request, *, name: str, template: str, title, listed_as: str, listed
) -> TemplateResponse | None:
    """The page asking for the required text ``name`` (a comment, a reason) of a list
    action, with the ``listed`` records; ``None`` once it is confirmed and given."""
    text = request.POST.get(name, "").strip()
    if "confirm" in request.POST and text:
        return None
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "opts": modeladmin.model._meta,
            "title": title,
            listed_as: listed,
            name: text,
            f"missing_{name}": "confirm" in request.POST,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        },
    )


class RuledActions(_Admin):
    """For a ModelAdmin: its own list actions (``actions``) offered only to the users
    ``actions_rule`` allows (the site-wide ones, such as deleting, keep their rights)."""

    actions_rule: Callable[[Any], bool]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not type(self).actions_rule(request.user):
            for name in self.actions or ():
                actions.pop(name, None)
        return actions


class WorkflowActions(RuledActions):
    """For a ModelAdmin, a reported record's list actions for coordinators: "Validate selected" and
    "Return selected" (with the comment the institutions are to read). A subclass
    names, through the ``return_*`` attributes, the page asking for the comment."""

    actions = ["validate_selected", "return_selected"]
    actions_rule = staticmethod(rules.may_validate)
    return_template: str
    return_title: Any
    returned_as: str
    returned_related: tuple[str, ...]

    def ask_for_comment(self, request, queryset) -> TemplateResponse | None:
        return ask_for_text(
            self,
            request,
            name="comment",
            template=self.return_template,
            title=self.return_title,
            listed_as=self.returned_as,
            listed=queryset.select_related(*self.returned_related),
        )

    @staticmethod
    def comment(request) -> str:
        return request.POST.get("comment", "").strip()

    def decide(self, request, records, step, *, done_message, label, validating: bool):
        """``decide_each``, a refusal said as not validated or not returned."""
        refusal = (
            gettext("Not validated: %(problem)s")
            if validating
            else gettext("Not returned: %(problem)s")
        )
        decide_each(
            self,
            request,
            records,
            step,
            done_message=done_message,
            label=label,
            refusal=lambda problem: refusal % {"problem": problem},
        )
