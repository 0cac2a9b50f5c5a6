"""A shared filter set (the one the API uses) as a page's form submits it.

A page's filter form sends every field, the ones left at "Any" empty, and the
page adds its own parameters (page number, sort order); a download link is built
from the page's address. ``filter_data`` keeps what the filter set reads, so the
page, its download and the API select the same rows from the same address.
``OneOrMoreSelect`` / ``one_or_more`` show a filter that takes several values as
one drop-down that still keeps every value a link asked for.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .select_markup import as_given, select_html

# What a page's form or links add that no filter reads.
PAGE_PARAMETERS = ("page", "sort", "format")


class OneOrMoreSelect(forms.SelectMultiple):
    """A drop-down that picks one value, yet keeps every value a link asked for: it
    reads all of them (as a multiple select does) and shows a multiple select only
    when more than one is in force, so no filter is lost on the next submission.
    Written by ``select_html`` (Django includes a template per option: slow with
    hundreds of reviews or states)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["multiple"] = len([v for v in chosen if v]) > 1
        return select_html(name, attrs, as_given(self.choices), chosen, multiple=True)


def one_or_more(field: forms.Field) -> None:
    """Show ``field`` (a multiple choice) as a ``OneOrMoreSelect`` whose first option,
    empty, is "Any"."""
    assert isinstance(field, forms.ChoiceField), f"{field!r} is not a choice field"
    field.widget = OneOrMoreSelect(choices=field.widget.choices)
    if hasattr(field, "empty_label"):  # a model choice field: its iterator adds the option
        field.empty_label = _("Any")
        field.widget.choices = field.choices
    else:
        # django-stubs types the getter as the setter's input; Django returns the pairs.
        field.choices = [("", _("Any")), *field.choices]  # type: ignore[misc]
        field.widget.choices = field.choices


def filter_data(params: QueryDict) -> QueryDict:
    """The request's parameters the filter reads: without paging, sorting or a
    download's format, and without the empty values a form sends for "any"."""
    data = QueryDict(mutable=True)
    for name, values in params.lists():
        kept = [value for value in values if value.strip()]
        if name not in PAGE_PARAMETERS and kept:
            data.setlist(name, kept)
    return data


def described_filters(filterset) -> list[str]:
    """What a validated filter set selects, in words, one per value in force, in the
    order of its fields: objects by their abbreviation (or reference, or name), choices
    by their labels, days in ISO, other values after their parameter ("cycle 1",
    "as of 2014-12-31"). For naming a download after what it holds."""
    words = []
    cleaned = filterset.form.cleaned_data
    for name, field in filterset.form.fields.items():
        value = cleaned.get(name)
        if value is None or value == "" or (_is_collection(value) and not value):
            continue
        values = list(value) if _is_collection(value) else [value]
        if isinstance(field, forms.ModelChoiceField):
            words += [_object_name(item) for item in values]
        elif isinstance(field, forms.ChoiceField):
            # django-stubs types the getter as the setter's input; Django returns the pairs.
            labels = {str(key): label for key, label in field.choices}  # type: ignore[misc, union-attr]
            words += [str(labels.get(str(item), item)) for item in values]
        else:
            shown = [
                item.isoformat()[:10] if hasattr(item, "isoformat") else item for item in values
            ]
            words += [f"{name.replace('_', ' ')} {item}" for item in shown]
    return words


def _plain(value) -> str:
    """A day (or a moment's day) in ISO, anything else as it prints."""
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def _is_collection(value) -> bool:
    return isinstance(value, list | tuple) or hasattr(value, "model")


def _object_name(item) -> str:
    return getattr(item, "reference", "") or getattr(item, "abbreviation", "") or str(item)
