"""The options of several drop-downs of one form read in one query, not one each.

A filter form offers a dozen lists of things (reviews, states, themes, institutions …),
each a model choice field that would read its queryset when drawn: a dozen small queries
per page. ``read_together`` gives each field's widget options drawn from a single
``UNION ALL`` of the fields' querysets, each reduced to its option's value and the
columns its label is made of; the label is still the field's own (``label_from_instance``
of an instance made from those columns, so each model's ``__str__`` stays the one place
that names it). Nothing is read until a field is drawn (a download reads the same filters
without drawing them), and the fields still validate against their querysets. Given
``keep``, the options are kept as it keeps them (``recommendations.caching.cached``
under what the fields' querysets are made of and the active language, say: cheaper to
name than a dozen querysets' SQL) and read again only when those change; the options
of the fields named in ``by_name`` are kept sorted by their labels (in the language's
collation), every label escaped once: a page then only writes them out.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from django import forms
from django.db.models import F, Model, TextField, Value
from django.db.models.base import ModelState
from django.db.models.functions import Cast
from django.utils.html import escape

from .collation import sorted_by_name
from .select_markup import Written

KEY = "option_key"
# Field name -> its options, (value, label) each.
Options = dict[str, Written]


def read_together(
    fields: Mapping[str, forms.ModelChoiceField],
    label_columns: Mapping[str, Sequence[str]],
    keep: Callable[[Callable[[], Options]], Options] | None = None,
    by_name: Collection[str] = (),
) -> None:
    """Draw the options of ``fields`` (name -> field) from one query when the first is
    drawn. ``label_columns`` names, per field, the lookups its label is made of (e.g.
    ``("name", "abbreviation")``, ``("state_under_review__name", …)``). ``keep(compute)``,
    when given, returns ``compute()`` as kept or computes and keeps it: keyed by whatever
    decides the fields' querysets and their labels (the reader's rows, the language). The
    fields named in ``by_name`` offer their options sorted by label, the empty one ("Any")
    first (what ``collation.sort_choices`` does when drawing a field). Call it once the
    fields' querysets and empty labels are final."""
    read: Options = {}

    def drawn() -> Options:
        return _drawn(_read(fields, label_columns), by_name)

    def read_now() -> Options:
        return drawn() if keep is None else keep(drawn)

    def options_of(name: str) -> Callable[[], Written]:
        field = fields[name]

        def options():
            if not read:
                read.update(read_now())
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            return Written(empty) + read[name]

        return options

    for name, field in fields.items():
        # A callable: read when drawn (Django 5).
        field.widget.choices = options_of(name)


def _read(fields, label_columns) -> dict[str, list[tuple[str, Any]]]:
    """name -> [(value, label)] for every field, from one UNION ALL."""
    width = max(len(columns) for columns in label_columns.values())
    parts = []
    for index, (name, field) in enumerate(fields.items()):
        columns = list(label_columns[name])
        texts = {f"c{n}": Cast(F(column), TextField()) for n, column in enumerate(columns)}
        padding = {f"c{n}": Cast(Value(None), TextField()) for n in range(len(columns), width)}
        parts.append(
            field.queryset.order_by()
            .annotate(
                option_field=Value(index),
                **{KEY: Cast(F(field.to_field_name or "pk"), TextField())},
                **texts,
                **padding,
            )
            .values_list("option_field", KEY, *(f"c{n}" for n in range(width)))
        )
    first, *rest = parts
    rows = first.union(*rest, all=True) if rest else first
    names = list(fields)
    # Per field: how its label's instance is made from the texts, and the label.
    made = [
        (_maker(fields[name].queryset.model, label_columns[name]), fields[name].label_from_instance)
        for name in names
    ]
    found: dict[str, list[tuple[str, Any]]] = {name: [] for name in names}
    for index, key, *label_texts in rows:
        make, label = made[index]
        found[names[index]].append((key, label(make(label_texts))))
    return found


def _drawn(found, by_name: Collection[str]) -> Options:
    """The options as a page draws them: each label escaped (a ``SafeString``, which the
    drop-down writes as it is) and each option's markup written (``Written``), those of
    ``by_name`` sorted by label first."""
    return {
        name: Written(
            (key, escape(label))
            for key, label in (
                sorted_by_name(options, name=lambda option: option[1])
                if name in by_name
                else options
            )
        )
        for name, options in found.items()
    }


def _maker(model: type[Model], lookups: Sequence[str]) -> Callable[[Sequence], Model]:
    """A function making, from the texts of ``lookups`` (in that order), an unsaved
    ``model`` with only those set (related objects made alike and cached on it, as
    ``select_related`` would), each text converted back by its field (``to_python``).
    Made without ``__init__``, which sets every other field to its default, and with the
    lookups resolved once for all the rows: a thousand options are a thousand instances
    on every read."""
    plain = []  # (attribute, its field's to_python, index of its text)
    nested: dict[str, list[tuple[str, int]]] = {}  # relation -> (rest of the lookup, index)
    for index, lookup in enumerate(lookups):
        head, _, rest = lookup.partition("__")
        if rest:
            nested.setdefault(head, []).append((rest, index))
        else:
            field = model._meta.get_field(head)
            plain.append((field.attname, field.to_python, index))  # type: ignore[union-attr]
    related = []  # (relation, its maker, indexes of its texts)
    for head, parts in nested.items():
        field = model._meta.get_field(head)
        maker = _maker(field.related_model, [rest for rest, _index in parts])  # type: ignore[arg-type]
        related.append((field, maker, [index for _rest, index in parts]))

    def make(texts: Sequence) -> Model:
        instance = model.__new__(model)
        instance._state = ModelState()
        attributes = instance.__dict__
        for attribute, to_python, index in plain:
            attributes[attribute] = to_python(texts[index])
        for field, maker, indexes in related:
            field.set_cached_value(instance, maker([texts[index] for index in indexes]))  # type: ignore[union-attr]
        return instance

    return make
