"""Choice lists in the order a reader looks for a name: by the name shown, in the
collation of the active language, never by a code or an id ("Algeria" before
"Djibouti", "Åland" beside "Algeria", "Côte d'Ivoire" among the C's).

The order is the Unicode Collation Algorithm's (``pyuca``, pure Python, its own copy
of the Unicode tables: no dependence on the system's locales), which already puts
Latin and Cyrillic names in dictionary order for English and Russian (ё beside е, й
after и: Russian dictionaries file ё under е). A language that needs its own tailoring
gets it in ``collation_key`` alone (:data:`TAILORINGS`): Belarusian counts ё and ў as
letters of their own, ё after е and ў after у (CLDR's Belarusian collation). Every
choice list of the tracker sorts through ``sort_choices`` or ``sorted_by_name``.
"""

import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import TypeVar

from django import forms
from django.utils import translation

T = TypeVar("T")


@cache
def _collator():
    from pyuca.collator import Collator_10_0_0

    return Collator_10_0_0()


# Letters a language sorts as letters of their own, each right after a base letter: a
# letter and its mark (decomposed) -> the base letter it follows (CLDR: "&е<ё<<<Ё &у<ў<<<Ў").
TAILORINGS = {
    "be": {("е", "\u0308"): "е", ("Е", "\u0308"): "е", ("у", "\u0306"): "у", ("У", "\u0306"): "у"},
}


def collation_key(text) -> tuple:
    """The sort key of ``text`` in the active language's collation."""
    return _key(_tailored_language(), str(text))


def _tailored_language() -> str:
    """The active language if it has a tailoring of its own, else ""."""
    language = (translation.get_language() or "").split("-")[0]
    return language if language in TAILORINGS else ""


# Computing a key is slow (a dozen microseconds a letter) and the same names are sorted on
# every page: each process keeps the keys of the latest names it sorted.
@lru_cache(maxsize=50_000)
def _key(tailored_language: str, text: str) -> tuple:
    tailoring = TAILORINGS.get(tailored_language)
    if not tailoring:
        return _collator().sort_key(text)
    return _collator().sort_key_from_collation_elements(_tailored_elements(text, tailoring))


def _tailored_elements(text: str, tailoring: dict) -> list:
    """The collation elements of ``text`` with each tailored letter a letter of its own:
    its base letter's primary weight and a half (between the base letter and the next),
    its case kept at the tertiary level, its mark no longer a secondary difference. The
    text between tailored letters is looked up whole (й is one letter, not и and a mark)."""
    collator = _collator()
    elements = []
    decomposed = unicodedata.normalize("NFD", text)
    run = 0
    index = 0
    while index < len(decomposed) - 1:
        base = tailoring.get((decomposed[index], decomposed[index + 1]))
        if base is None:
            index += 1
            continue
        if run < index:
            elements.extend(collator.collation_elements(decomposed[run:index]))
        primary = collator.collation_elements(base)[0][0]
        case = collator.collation_elements(decomposed[index])[0][2]
        elements.append([primary + 0.5, 0x20, case])
        index += 2
        run = index
    if run < len(decomposed):
        elements.extend(collator.collation_elements(decomposed[run:]))
    return elements


def sorted_by_name(items: Iterable[T], name: Callable[[T], object] = str) -> list[T]:
    """``items`` sorted by ``name(item)`` (default: as the item prints). The language is
    asked once, not per item (a thousand options)."""
    language = _tailored_language()
    return sorted(items, key=lambda item: _key(language, str(name(item))))


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
            drawn.extend(empty + sorted_by_name(named, name=lambda option: option[1]))
        return drawn

    widget.choices = by_name


def _value(field, key):
    """A model choice's value as the widget compares it (``ModelChoiceIteratorValue``
    prints as the value it wraps)."""
    return str(key) if isinstance(field, forms.ModelChoiceField) and key not in ("", None) else key
