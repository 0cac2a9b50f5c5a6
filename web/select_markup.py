"""Drop-downs written by Python, not by Django's templates.

Django draws a ``<select>`` with one template and includes another for each of its
options; a filter form offers a dozen lists, the reviews alone several hundred (close
to a thousand with every state's reviews), so a page spent most of its time there.
``select_html`` writes the same markup (Django's attributes, each option's value and
label escaped, ``selected`` as Django's ``optgroups`` decides it) in one pass;
``QuickSelect`` is a ``Select`` drawn by it, ``quick`` gives a field one. Options kept
with their markup written (``Written``, what ``choice_lists`` keeps) are written as kept,
but for the few a page selects.
"""

import html
from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import CallableChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def select_html(
    name: str,
    attrs: dict[str, Any],
    choices: Iterable[tuple[Any, Any]],
    chosen: Sequence[str],
    multiple: bool = False,
) -> SafeString:
    """A ``<select name=…>`` with ``attrs`` (``True``: the bare attribute, ``False`` or
    ``None``: left out) and an ``<option>`` per choice, selected when its value is in
    ``chosen`` (only the first such one unless ``multiple``). A choice whose label is a
    list of choices is an ``<optgroup>``."""
    wanted = {str(value) for value in chosen}
    found = False
    parts = [f"<select name={_quoted(name)}{flatatt(attrs)}>"]

    def option(value, label) -> str:
        nonlocal found
        key = "" if value is None else str(value)
        selected = (multiple or not found) and key in wanted
        found = found or selected
        return option_html(key, label, selected)

    if isinstance(choices, Written):  # written as kept but for those selected
        parts.extend(
            option(key, label) if key in wanted else markup
            for (key, label), markup in zip(choices, choices.markup, strict=True)
        )
    else:
        for value, label in choices:
            if isinstance(label, list | tuple):
                parts.append(f"<optgroup label={_quoted(value)}>")
                parts.extend(option(sub_value, sub_label) for sub_value, sub_label in label)
                parts.append("</optgroup>")
            else:
                parts.append(option(value, label))
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # every piece escaped above


def option_html(key: str, label, selected: bool = False) -> str:
    """One ``<option>``, as Django's template writes it (on its own line)."""
    shown = " selected" if selected else ""
    return f"\n  <option value={_quoted(key)}{shown}>{_escaped(label)}</option>"


class Written(list[tuple[str, Any]]):
    """Options, (value as text, label) each, with ``markup``: each one's ``option_html``
    when not selected, written once for every page that draws them."""

    def __init__(self, options=()):
        super().__init__(options)
        self.markup = [option_html(key, label) for key, label in self]

    def __add__(self, other: "Written") -> "Written":  # type: ignore[override]
        joined = Written.__new__(Written)
        list.__init__(joined, [*self, *other])
        joined.markup = [*self.markup, *other.markup]
        return joined


def as_given(choices):
    """A widget's choices as they were given: a callable's own list, not Django's
    normalised copy of it (a thousand pairs rebuilt, each label looked at, on every page;
    ``select_html`` reads plain pairs and lists of pairs alike)."""
    return choices.func() if isinstance(choices, CallableChoiceIterator) else choices


def _quoted(value) -> str:
    """An attribute's value, escaped and quoted."""
    return f'"{_escaped(value if isinstance(value, SafeString) else str(value))}"'


def _escaped(text) -> str:
    """``conditional_escape(text)``, quicker for the two kinds a page writes by the
    thousand: a label escaped already (a ``SafeString``: as it is) and a plain string
    (Django's ``escape`` is ``html.escape``, the result marked safe)."""
    if isinstance(text, SafeString):
        return text
    if type(text) is str:
        return html.escape(text)
    return conditional_escape(text)


class QuickSelect(forms.Select):
    """A ``Select`` written by ``select_html``."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs.setdefault("multiple", True)
        return select_html(
            name,
            attrs,
            as_given(self.choices),
            self.format_value(value),
            self.allow_multiple_selected,
        )


def quick(field: forms.ChoiceField) -> None:
    """Draw ``field`` (a single choice) with a ``QuickSelect`` offering the same options."""
    field.widget = QuickSelect(attrs=field.widget.attrs, choices=field.widget.choices)
    if isinstance(field, forms.ModelChoiceField):  # its iterator adds the empty option
        field.widget.choices = field.choices
