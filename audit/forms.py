"""The audit's filters, as its page submits them (and its CSV link repeats them)."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone

from .events import PAGE_SIZE, Cursor, Kind, Selection


class AuditFilterForm(forms.Form):
    person = forms.CharField(
        required=False, max_length=150, help_text="A username, exactly as recorded."
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(choices=[("", "Any"), *Kind.choices], required=False)
    # Paging, from the page's links (not shown as fields).
    before = forms.CharField(required=False, widget=forms.HiddenInput)
    after = forms.CharField(required=False, widget=forms.HiddenInput)
    page_size = forms.IntegerField(
        required=False, min_value=1, max_value=500, widget=forms.HiddenInput
    )

    def clean_before(self):
        return self._cursor("before")

    def clean_after(self):
        return self._cursor("after")

    def _cursor(self, name):
        text = self.cleaned_data.get(name)
        if not text:
            return None
        try:
            return Cursor.decode(text)
        except ValueError as error:
            raise forms.ValidationError(
                "This page link is damaged: start again from the newest events."
            ) from error

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            raise forms.ValidationError("The date range ends before it starts.")
        return cleaned

    def selection(self) -> Selection:
        """The filters read (call after ``is_valid``): days in the site's time zone,
        ``until`` included."""
        data = self.cleaned_data
        return Selection(
            person=data.get("person") or "",
            since=_start_of(data.get("since")),
            until=_start_of(data["until"] + timedelta(days=1)) if data.get("until") else None,
            kind=data.get("kind") or "",
        )

    def size(self) -> int:
        return self.cleaned_data.get("page_size") or PAGE_SIZE


def _start_of(day):
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))
