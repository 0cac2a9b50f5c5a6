from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import PKOnlyObject

from web.api.serializers import CodeRelatedField, IdField, ModelCleanSerializer

from ... import services
from ...joined_values import joined, through, values_of
from ...models import (
    ORIGINAL_LANGUAGE,
    AffectedGroup,
    Institution,
    Recommendation,
    Responsibility,
    SdgTarget,
    State,
    Status,
    Theme,
)
from ...models.taxonomy import sdg_target_sort_key

LEAD = Responsibility.Role.LEAD


def _responsible(recommendation, role) -> list[PKOnlyObject]:
    # Reads the prefetched responsibilities: no query per recommendation.
    return [
        PKOnlyObject(pk=responsibility.institution_id)
        for responsibility in recommendation.responsibilities.all()
        if responsibility.role == role
    ]


class LeadInstitutionField(IdField):
    def get_attribute(self, instance):
        leads = _responsible(instance, LEAD)
        return leads[0] if leads else None


class SupportingInstitutionsField(serializers.ManyRelatedField):
    def get_attribute(self, instance):
        return _responsible(instance, Responsibility.Role.SUPPORTING)


class TextInLanguageField(serializers.CharField):
    """Read: the text in the request's language where one is recorded, else the original.
    Written: the original text (in English); sent in another language's request it is
    refused, so that a text read in Russian is never written back as the original."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.text_in(get_language()).text

    def to_internal_value(self, data):
        language = (get_language() or ORIGINAL_LANGUAGE).split("-")[0]
        if language != ORIGINAL_LANGUAGE:
            raise serializers.ValidationError(
                _(
                    "The text written here is the original, in English: send it with "
                    "?lang=en. Texts in other languages are recorded in the admin or imported."
                )
            )
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "enum": [code for code, _name in settings.LANGUAGES]})
class TextLanguageField(serializers.Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.text_in(get_language()).language


class RecommendationSerializer(ModelCleanSerializer):
    text = TextInLanguageField(
        help_text=_(
            "The recommendation's official text in the language asked for (?lang= or "
            "Accept-Language) where one is recorded, else the original (English); "
            "text_language says which. Written: the original, with ?lang=en."
        ),
    )
    text_language = TextLanguageField(
        read_only=True,
        help_text=_("The language of text: the one asked for, or en when none is recorded."),
    )
    recommending_states = CodeRelatedField(
        many=True,
        slug_field="iso3",
        queryset=State.objects.all(),
        required=False,
        help_text=_("ISO 3166 alpha-3 codes of the states that made the recommendation."),
    )
    themes = CodeRelatedField(
        case=str.lower, many=True, slug_field="slug", queryset=Theme.objects.all(), required=False
    )
    affected_groups = CodeRelatedField(
        case=str.lower,
        many=True,
        slug_field="slug",
        queryset=AffectedGroup.objects.all(),
        required=False,
    )
    sdg_targets = serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=SdgTarget.objects.all(),
        required=False,
        help_text=_(
            "SDG targets by code (e.g. 16.3); each target's goal is added to the SDG goals."
        ),
    )
    lead_institution = LeadInstitutionField(
        queryset=Institution.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("The institution that leads the implementation."),
    )
    supporting_institutions = SupportingInstitutionsField(
        child_relation=IdField(queryset=Institution.objects.all()),
        required=False,
        # Lazy, so that the schema speaks the request's language (the stubs ask for a str).
        help_text=_("Institutions that support the lead."),  # type: ignore[arg-type]
    )
    status = serializers.ChoiceField(
        source="current_status",
        choices=Status.choices,
        read_only=True,
        help_text=_(
            "Implementation status: that of the latest validated progress update "
            "(not_started without one)."
        ),
    )
    status_is_demo = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "True when the status comes from a demo assessment (an illustration, not "
            "an official one). Always false without demo data."
        ),
    )

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "review",
            "reference",
            "text",
            "text_language",
            "recommending_states",
            "position",
            "position_source",
            "position_at_review",
            "position_explanation",
            "accepted_part",
            "noted_part",
            "status",
            "status_is_demo",
            "themes",
            "affected_groups",
            "sdg_goals",
            "sdg_targets",
            "lead_institution",
            "supporting_institutions",
            "action_category",
            "repeats",
            "ohchr_annotation_id",
            "created_at",
            "updated_at",
        ]

    def create(self, validated_data):
        lead, supporting = self._pop_institutions(validated_data, None)
        recommendation = super().create(validated_data)
        return self._assign(recommendation, lead, supporting)

    def update(self, instance, validated_data):
        lead, supporting = self._pop_institutions(validated_data, instance)
        recommendation = super().update(instance, validated_data)
        return self._assign(recommendation, lead, supporting)

    def _pop_institutions(self, validated_data, instance):
        """The lead and supporting institutions asked for; for a partial update, the
        current ones where the request does not name them."""
        lead = validated_data.pop("lead_institution", None)
        supporting = validated_data.pop("supporting_institutions", None)
        if instance is not None:
            current = {r.institution_id: r for r in instance.responsibilities.all()}
            if "lead_institution" not in self.initial_data:
                lead = next((r.institution for r in current.values() if r.role == LEAD), None)
            if supporting is None:
                supporting = [r.institution for r in current.values() if r.role != LEAD]
        return lead, supporting or []

    def _assign(self, recommendation, lead, supporting):
        services.recommendation_add_target_goals(recommendation=recommendation)
        return services.recommendation_assign_institutions(
            user=self.context["request"].user,
            recommendation=recommendation,
            lead=lead,
            supporting=supporting,
        )


SUPPORTING = [role for role in Responsibility.Role.values if role != LEAD]
# The relations of a recommendation as the JSON shows them (codes, slugs, numbers, ids, in
# the order the JSON lists them): (how the database joins them, how Python sorts them).
CSV_RELATIONS = {
    "recommending_states": (
        lambda: joined(through("recommending_states"), "state__iso3", order_by="state__name"),
        None,
    ),
    "themes": (lambda: joined(through("themes"), "theme__slug", order_by="theme__name"), None),
    "affected_groups": (
        lambda: joined(
            through("affected_groups"), "affectedgroup__slug", order_by="affectedgroup__name"
        ),
        None,
    ),
    "sdg_goals": (lambda: joined(through("sdg_goals"), "sdggoal__number"), int),
    "sdg_targets": (lambda: joined(through("sdg_targets"), "sdgtarget__code"), None),
    "lead_institution": (lambda: joined(Responsibility, "institution_id", role=LEAD), int),
    "supporting_institutions": (
        lambda: joined(Responsibility, "institution_id", order_by="pk", role__in=SUPPORTING),
        int,
    ),
}

# Fields that show the text in the request's language (``TextInLanguageField``).
CSV_TEXT = ("text", "text_language")


class PlainRecords:
    """What ``serializer`` gives each recommendation, read as plain values in one query
    (each row's relations joined by the database) instead of one serializer run per row
    over prefetched relations, which costs seconds per thousand rows: the API's pages
    and its CSV download."""

    def __init__(self, serializer: RecommendationSerializer):
        self.fields = serializer.fields
        plain = [
            name
            for name, field in self.fields.items()
            if name not in CSV_RELATIONS and name not in CSV_TEXT and not field.write_only
        ]
        self.sources = {name: self.fields[name].source for name in plain}

    def values(self, recommendations):
        """``recommendations`` as the rows ``shown`` reads (a values queryset)."""
        # The text in the request's language where the queryset was given it
        # (``selectors.with_text_in``), else the original, as the JSON shows it.
        in_language = "text_in_language" in recommendations.query.annotations
        texts = ["text", *(["text_in_language", "text_in_language_code"] if in_language else [])]
        joined = {f"_{name}": make() for name, (make, _key) in CSV_RELATIONS.items()}
        return recommendations.annotate(**joined).values(
            *set(self.sources.values()), *texts, *joined
        )

    def shown(self, row) -> dict:
        """One row of ``values`` as the serializer shows its recommendation."""
        fields = self.fields
        shown = {name: _plain(fields[name], row[source]) for name, source in self.sources.items()}
        translated = row.get("text_in_language")
        shown["text"] = translated or row["text"]
        shown["text_language"] = row["text_in_language_code"] if translated else ORIGINAL_LANGUAGE
        for name, (_make, key) in CSV_RELATIONS.items():
            items = values_of(row[f"_{name}"], key=key)
            if name == "sdg_targets":  # their order is not the codes' alphabetical one
                items.sort(key=sdg_target_sort_key)
            shown[name] = [int(item) for item in items] if key is int else items
        shown["lead_institution"] = next(iter(shown["lead_institution"]), None)  # one at most
        return {name: shown[name] for name, field in fields.items() if not field.write_only}


def csv_rows(recommendations, serializer: RecommendationSerializer):
    """The rows of ``?format=csv``: every recommendation as ``PlainRecords`` reads it."""
    records = PlainRecords(serializer)
    for row in records.values(recommendations).iterator(chunk_size=2000):
        yield records.shown(row)


def _plain(field, value):
    """A plain column as the JSON shows it (a related object by its id, times in ISO 8601)."""
    if value is None or isinstance(field, serializers.RelatedField):
        return value
    return field.to_representation(value)
