from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import (
    CitationSerializer,
    CodeRelatedField,
    ModelCleanSerializer,
    cited_source_id_field,
)

from ...models import Mechanism, ReviewCycle, Source, State


class ReviewSerializer(ModelCleanSerializer):
    government_reported_source = CitationSerializer(
        read_only=True,
        allow_null=True,
        help_text=_(
            "The document in which the government gives its own count of accepted recommendations."
        ),
    )
    government_reported_source_id = cited_source_id_field(
        "government_reported_source", Source.objects.all()
    )
    # A field named like Field.label: DRF's metaclass moves declared fields off the class.
    label = serializers.CharField(source="__str__", read_only=True)  # type: ignore[assignment]
    state_under_review = CodeRelatedField(
        slug_field="iso3", queryset=State.objects.all(), help_text=_("ISO 3166 alpha-3 code.")
    )
    mechanism = serializers.SlugRelatedField(
        slug_field="code", queryset=Mechanism.objects.all(), help_text=_("UPR, CAT, CEDAW …")
    )

    class Meta:
        model = ReviewCycle
        fields = [
            "id",
            "label",
            "state_under_review",
            "mechanism",
            "cycle",
            "session",
            "document_symbol",
            "review_date",
            "adoption_date",
            "midterm_report_due",
            "next_review_due",
            "government_reported_supported",
            "government_reported_source",
            "government_reported_source_id",
            "notes",
            "published_from",
        ]
        read_only_fields = ["published_from"]
