"""The admin's history pages, asking the tracker's rules like every other door.

django-simple-history's views (an object's list of versions, and each past version
with its "Revert" button) check only Django's model permissions and fall back on
the stored history for an object the admin's own queryset hides. ``HistoryAdmin``,
the base of every admin that keeps a history, asks ``recommendations.rules``
first:

- reading: ``rules.check_history_access``, the question the workspace's history
  page asks (404 for what one may not know exists, 403 for a history that is not
  one's), for the list and for each past version, deleted objects included;
- reverting: ``rules.may_revert`` and the admin's change permission, for the object
  as it is now and for the version brought back. A progress update is never
  reverted (its workflow moves through ``services``); a deleted object comes back
  through "Deleted … — restore". Where no revert is allowed, the past version is
  shown read-only and a POST is refused with 403.

Object and version numbers that are not numbers are "not found" before any query.
"""

import re
from typing import TYPE_CHECKING, TypeAlias

from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

from . import rules
from .admin_lists import TolerantListMixin
from .history import latest_version

# Primary keys and history ids are positive integers (at most a bigint's 18 digits).
RECORD_NUMBER = re.compile(r"[0-9]{1,18}")


def _record_number(value) -> int:
    """The number in an admin address, or 404 (``1.5``, ``ü``, ``%00``, ``¹`` …)."""
    text = unquote(str(value))
    if not RECORD_NUMBER.fullmatch(text):
        raise Http404("No such record.")
    return int(text)


# The mixin is type-checked as the admin it is mixed into.
if TYPE_CHECKING:
    _HistoryAdmin: TypeAlias = SimpleHistoryAdmin
else:
    _HistoryAdmin = object


class HistoryRulesMixin(_HistoryAdmin):
    """For a SimpleHistoryAdmin: its history pages ask ``rules`` (see the module)."""

    def history_view(self, request, object_id, extra_context=None):
        obj, _ = self._history_subject(request, object_id)
        return super().history_view(request, str(obj.pk), extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj, _ = self._history_subject(request, object_id)
        version = self.model.history.filter(id=obj.pk, history_id=_record_number(version_id))
        record = version.first()
        if record is None:
            raise Http404("No such version.")
        if request.method == "POST" and self.revert_disabled(request, record.instance):
            raise PermissionDenied("This version cannot be brought back here.")
        return super().history_form_view(
            request, str(obj.pk), str(record.history_id), extra_context
        )

    def _history_subject(self, request, object_id):
        """The object as it is now (or as last recorded, if deleted) and whether it
        was deleted, once the user may read its history."""
        pk = _record_number(object_id)
        obj = self.model._default_manager.filter(pk=pk).first()
        deleted = obj is None
        if deleted:
            obj = latest_version(self.model, pk)
            if obj is None:
                raise Http404("Nothing of that number was ever recorded.")
        rules.check_history_access(request.user, obj, deleted=deleted)
        return obj, deleted

    def revert_disabled(self, request, obj=None):
        """No "Revert" unless ``rules.may_revert`` and the change permission allow it,
        for the object as it is now and for ``obj``, the version shown (or the object
        itself on the list of versions)."""
        if obj is None or super().revert_disabled(request, obj):
            return True
        current = self.model._default_manager.filter(pk=obj.pk).first()
        if current is None:
            return not rules.may_revert(request.user, obj, deleted=True)
        return not (
            rules.may_revert(request.user, current)
            and self.has_change_permission(request, current)
            and self.has_change_permission(request, obj)
        )

    def render_history_view(self, request, template, context, **kwargs):
        # A version that cannot be brought back is shown as text, not as a form.
        if template == self.object_history_form_template and context.get("revert_disabled"):
            fieldsets = self.get_fieldsets(request, context["original"])
            context["adminform"] = helpers.AdminForm(
                context["adminform"].form,
                fieldsets,
                {},
                readonly_fields=flatten_fieldsets(fieldsets),
                model_admin=self,
            )
        return super().render_history_view(request, template, context, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The change page links to the history only for those who may read it.
        context["history_shown"] = obj is not None and rules.may_see_history(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


class HistoryAdmin(HistoryRulesMixin, TolerantListMixin, SimpleHistoryAdmin):
    """The base of every admin whose model keeps a history."""
