"""How a record compares with the recommendation the database holds: field by field and
relation by relation, by natural keys, with the labels and texts a preview shows."""

from __future__ import annotations

from django.db.models import Field, ManyToManyField

from recommendations.models import Position, Recommendation, RecommendationText, Responsibility

from .records import FIELDS, RecommendationRecord
from .tracker_format import TEXT_LANGUAGES


def text_relation(language: str) -> str:
    """The name the comparison gives the text in ``language`` ("text:ru")."""
    return f"text:{language}"


RELATION_LABELS = {
    "recommending_states": "recommending states",
    "themes": "themes",
    "affected_groups": "affected groups",
    "sdg_goals": "SDG goals",
    "sdg_targets": "SDG targets",
    "institutions": "responsible institutions",
    # The official text in another language: one "relation" per language, [text] or [].
    **{text_relation(code): f"text ({code})" for code in TEXT_LANGUAGES},
}
# The relations kept in a many-to-many table (institutions go through Responsibility).
MANY_TO_MANY = ("recommending_states", "themes", "affected_groups", "sdg_goals", "sdg_targets")


def field_label(name: str) -> str:
    """A field's or relation's name as a person reads it ("position at review")."""
    if name in RELATION_LABELS:
        return RELATION_LABELS[name]
    field = Recommendation._meta.get_field(name)
    assert isinstance(field, Field)  # a field of the recommendation's own
    return str(field.verbose_name)


def field_values(record: RecommendationRecord) -> dict:
    """The record's model field values, blanks as the model stores them ('' or None)."""
    return {
        name: "" if value is None and name != "action_category" else value
        for name, value in record.values.items()
        if name in FIELDS
    }


def shown(name: str, value) -> str:
    """A field's value as text ('' for nothing; a position by its label)."""
    if value is None or value == "":
        return ""
    if name in ("position", "position_at_review"):
        return str(Position(value).label)
    return str(value)


def relations_of(pks: list[int]) -> dict[int, dict[str, list[str]]]:
    """Each recommendation's relations as natural keys (ISO3 codes, names, goal numbers, target
    codes, "institution (role)", the lead first), read as plain values: one query per relation."""
    found: dict[int, dict[str, list[str]]] = {
        pk: {name: [] for name in RELATION_LABELS} for pk in pks
    }
    if not pks:
        return found
    lookups = {
        "recommending_states": "state__iso3",
        "themes": "theme__name",
        "affected_groups": "affectedgroup__name",
        "sdg_goals": "sdggoal__number",
        "sdg_targets": "sdgtarget__code",
    }
    for name, value in lookups.items():
        field = Recommendation._meta.get_field(name)
        assert isinstance(field, ManyToManyField)
        through = field.remote_field.through
        assert through is not None  # Django makes one when the field names none
        pairs = through._default_manager.filter(recommendation_id__in=pks).values_list(
            "recommendation_id", value
        )
        for pk, key in pairs.order_by(value):
            found[pk][name].append(str(key))
    responsibilities = Responsibility.objects.filter(recommendation_id__in=pks).values_list(
        "recommendation_id", "institution__name", "role"
    )
    for pk, institution, role in responsibilities.order_by("role", "institution__name"):
        found[pk]["institutions"].append(f"{institution} ({role})")
    texts = RecommendationText.objects.filter(recommendation_id__in=pks).values_list(
        "recommendation_id", "language", "text"
    )
    for pk, language, text in texts:
        if language in TEXT_LANGUAGES:
            found[pk][text_relation(language)].append(text)
    return found


def relation_key(name: str, items: list[str]) -> frozenset:
    """What two lists of natural keys are compared by: the set, ignoring case and spacing
    (a text in another language: exactly as written)."""
    if name.startswith("text:"):
        return frozenset(items)
    return frozenset(" ".join(item.split()).casefold() for item in items)
