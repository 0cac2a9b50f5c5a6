"""The workspace's forms: what ministry staff type, checked with messages they understand.

The forms only read input: the rules on what may be recorded live on the models
(``recommendations/models/progress.py``), which a model form runs and which the
API and the admin run too; the services in ``recommendations.services`` decide
who may write what and do the writing.
"""

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from recommendations.models import (
    ImplementationAction,
    IndependentAssessment,
    Indicator,
    IndicatorValue,
    ProgressUpdate,
)

from .models import SavedView
from .uploads import check_evidence_file, describe_allowed

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EvidenceFileInput(forms.ClearableFileInput):
    """The stored file is named and linked to the view that checks who may read it
    (stored files have no public address)."""

    template_name = "workspace/widgets/evidence_file_input.html"
    current_url = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["current_url"] = self.current_url
        context["widget"]["current_name"] = str(value).rsplit("/", 1)[-1] if value else ""
        return context


# The mixin is type-checked as the model form it is mixed into.
if TYPE_CHECKING:
    _ModelForm = forms.ModelForm
else:
    _ModelForm = object


class EvidenceFileMixin(_ModelForm):
    """Size, type and content checks for the evidence file, and a help text saying them."""

    evidence_kind = ""

    def setup_evidence(self):
        field = self.fields["evidence_file"]
        field.widget = EvidenceFileInput()
        if self.instance.pk and self.instance.evidence_file:
            field.widget.current_url = reverse(
                "workspace:evidence", args=[self.evidence_kind, self.instance.pk]
            )
        field.help_text = _("Optional. %(allowed)s.") % {"allowed": describe_allowed()}
        link = self.fields["evidence_url"]
        assert isinstance(link, forms.URLField)  # the model's URLField
        link.help_text = _("Optional. A public link to the evidence.")
        link.assume_scheme = "https"  # type: ignore[attr-defined]  # Django 5's, not in the stubs

    def clean_evidence_file(self):
        value = self.cleaned_data.get("evidence_file")
        if isinstance(value, UploadedFile):
            check_evidence_file(value)
        return value

    def service_fields(self) -> dict:
        """The cleaned values as the services take them (a cleared file is empty)."""
        fields = dict(self.cleaned_data)
        if fields.get("evidence_file") is False:
            fields["evidence_file"] = ""
        return fields


class ActionForm(EvidenceFileMixin, forms.ModelForm):
    evidence_kind = "action"

    class Meta:
        model = ImplementationAction
        fields = [
            "title",
            "description",
            "start_date",
            "end_date",
            "status",
            "budget_amount",
            "budget_currency",
            "evidence_url",
            "evidence_file",
            "evidence_is_public",
        ]
        labels = {
            "budget_amount": _("Budget"),
            "budget_currency": _("Currency"),
            "evidence_url": _("Evidence link"),
        }
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "title": _(
                "What was done or is planned: a law adopted, a plan approved, a training held."
            ),
            "budget_amount": _("Optional."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_evidence()
        budget = self.fields["budget_amount"]
        assert isinstance(budget, forms.DecimalField)  # the model's DecimalField
        budget.min_value = 0
        budget.widget.attrs["min"] = "0"
        self.fields["budget_currency"].help_text = _(
            "Three letters (ISO 4217), e.g. USD, EUR, BYN."
        )
        self.fields["budget_currency"].widget.attrs.update(
            {"maxlength": "3", "autocomplete": "off", "size": "4"}
        )

    def clean_budget_currency(self):
        # Typing "usd" is fine here; the model wants the code in capitals.
        return self.cleaned_data.get("budget_currency", "").strip().upper()


class ProgressUpdateForm(EvidenceFileMixin, forms.ModelForm):
    evidence_kind = "update"

    class Meta:
        model = ProgressUpdate
        fields = [
            "status",
            "assessed_on",
            "narrative",
            "evidence_url",
            "evidence_file",
            "evidence_is_public",
        ]
        labels = {
            "status": _("Proposed status"),
            "assessed_on": _("Assessed on"),
            "narrative": _("What was done"),
            "evidence_url": _("Evidence link"),
        }
        widgets = {"assessed_on": DATE, "narrative": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "status": _(
                "How far the recommendation is implemented, in your assessment. "
                "It counts once a coordinator validates it."
            ),
            "assessed_on": _("The date your assessment speaks of."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_evidence()
        self.fields["narrative"].help_text = _(
            "The measures taken and their results, with references a coordinator can check."
        )
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("assessed_on", timezone.localdate())


class StaffChoiceField(forms.ModelChoiceField):
    """Ministry staff, each named with their institution."""

    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.profile.institution})"


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "description",
            "unit",
            "baseline",
            "target",
            "frequency",
            "institution",
            "responsible_person",
            "next_report_date",
        ]
        widgets = {"next_report_date": DATE, "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"responsible_person": StaffChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Whoever may report: the staff of an institution (the model checks that the person
        # is of the one chosen as responsible).
        responsible = self.fields["responsible_person"]
        assert isinstance(responsible, forms.ModelChoiceField)
        responsible.queryset = (
            get_user_model()
            .objects.filter(is_active=True, profile__institution__isnull=False)
            .select_related("profile__institution")
            .order_by("profile__institution__name", "last_name", "username")
        )
        self.fields["responsible_person"].required = False
        self.fields["institution"].help_text = _(
            "Who reports its values: by default the action's institution."
        )
        for name in ("baseline", "target", "unit", "description", "next_report_date"):
            field = self.fields[name]
            field.help_text = format_lazy("{} {}", _("Optional."), field.help_text or "")


class IndicatorValueForm(EvidenceFileMixin, forms.ModelForm):
    evidence_kind = "value"

    class Meta:
        model = IndicatorValue
        fields = ["measured_on", "value", "comment", "evidence_url", "evidence_file"]
        widgets = {"measured_on": DATE, "comment": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"comment": _("Optional. How it was measured, what it shows.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_evidence()
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("measured_on", timezone.localdate())


class ReviewDecisionForm(forms.Form):
    """The validation queue's bulk decision on the ticked updates and indicator values."""

    VALIDATE = "validate"
    RETURN = "return"
    NO_LONGER_WAITING = _(
        "An update you ticked no longer waits for validation "
        "(another coordinator may have decided on it); the list below is current."
    )

    updates = forms.ModelMultipleChoiceField(
        queryset=ProgressUpdate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": NO_LONGER_WAITING},
    )
    values = forms.ModelMultipleChoiceField(
        queryset=IndicatorValue.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": _(
                "An indicator value you ticked no longer waits for validation "
                "(another coordinator may have decided on it); the list below is current."
            )
        },
    )
    decision = forms.ChoiceField(
        choices=[(VALIDATE, _("Validate")), (RETURN, pgettext_lazy("send back", "Return"))]
    )
    comment = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Comment for the institution"),
        help_text=_("Required to return updates: say what needs to change."),
    )

    def __init__(self, *args, queryset, values=None, **kwargs):
        super().__init__(*args, **kwargs)
        updates = self.fields["updates"]
        assert isinstance(updates, forms.ModelMultipleChoiceField)
        updates.queryset = queryset
        if values is not None:
            ticked_values = self.fields["values"]
            assert isinstance(ticked_values, forms.ModelMultipleChoiceField)
            ticked_values.queryset = values

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None  # a form's clean() gives its cleaned_data
        ticked = cleaned.get("updates"), cleaned.get("values")
        if not self.errors and not any(items is not None and items.exists() for items in ticked):
            self.add_error(None, _("Tick at least one update or indicator value."))
        if cleaned.get("decision") == self.RETURN and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what needs to change before returning updates."))
        return cleaned


class IndependentAssessmentForm(forms.ModelForm):
    """A contributor's assessment: the status on the official scale, the day it speaks
    of, the narrative and the sources (the rules are the model's)."""

    class Meta:
        model = IndependentAssessment
        fields = ["status", "assessed_on", "narrative", "sources"]
        labels = {"status": gettext_lazy("Status in your assessment")}
        widgets = {
            "assessed_on": DATE,
            "narrative": forms.Textarea(attrs={"rows": 8}),
            "sources": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "status": gettext_lazy(
                "On the same scale as the official status. Published beside it, it never "
                "changes it or the figures."
            ),
            "narrative": gettext_lazy("What your organisation observed, and why it concludes so."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("assessed_on", timezone.localdate())


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown to the organisation, never on the public pages."),
    )


class PublishReviewForm(forms.Form):
    published_from = forms.DateField(
        label=gettext_lazy("Public from"),
        widget=DATE,
        help_text=gettext_lazy("Today, or a later day for a publication announced ahead."),
    )


class SavedViewForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120)
    page = forms.ChoiceField(choices=SavedView.Page.choices)
    query = forms.CharField(required=False, max_length=2000)
