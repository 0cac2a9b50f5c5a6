"""Choice lists in the order a reader looks for a name: by the name shown, in the
collation of the active language, never by a code or an id ("Algeria" before
"Djibouti", "Åland" beside "Algeria", "Côte d'Ivoire" among the C's).

The order is the Unicode Collation Algorithm's (``pyuca``, pure Python, its own copy
of the Unicode tables: no dependence on the system's locales), which already puts
Latin and Cyrillic names in dictionary order (ё beside е, й after и). A language that
needs its own tailoring gets it in ``collation_key`` alone: every choice list of the
tracker sorts through ``sort_choices`` or ``sorted_by_name``.
"""

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

from django import forms

T = TypeVar("T")


@cache
def _collator():
    from pyuca.collator import Collator_10_0_0

    return Collator_10_0_0()


def collation_key(text) -> tuple:
    """The sort key of ``text`` in the active language's collation."""
    return _collator().sort_key(str(text))


def sorted_by_name(items: Iterable[T], name: Callable[[T], object] = str) -> list[T]:
    """``items`` sorted by ``name(item)`` (default: as the item prints)."""
    return sorted(items, key=lambda item: collation_key(name(item)))


def sort_choices(field: forms.Field) -> None:
    """Show ``field``'s options sorted by their labels; an empty option ("Any") stays
    first. The options are read and sorted when the field is drawn (a model choice
    field's in one query then, none if it is never drawn: a download reads the same
    filters without drawing them), so call it once the field's queryset or choices are
    final. The field still validates against its queryset or choices."""
    widget = field.widget
    offered = widget.choices
    drawn: list = []  # read once however often the form draws the field

    def by_name():
        if not drawn:
            options = [(_value(field, key), label) for key, label in offered]
            empty = [option for option in options if option[0] in ("", None)]
            named = [option for option in options if option[0] not in ("", None)]
            drawn.extend(empty + sorted(named, key=lambda option: collation_key(option[1])))
        return drawn

    widget.choices = by_name


def _value(field, key):
    """A model choice's value as the widget compares it (``ModelChoiceIteratorValue``
    prints as the value it wraps)."""
    return str(key) if isinstance(field, forms.ModelChoiceField) and key not in ("", None) else key
