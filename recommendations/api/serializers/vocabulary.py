from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from web.api.serializers import CodeRelatedField, ModelCleanSerializer

from ...models import Institution, State, Theme


class StateSerializer(ModelCleanSerializer):
    variants = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, max_length=100
    )

    class Meta:
        model = State
        fields = ["iso3", "name", "variants"]


class ThemeSerializer(ModelCleanSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class InstitutionSerializer(ModelCleanSerializer):
    country = CodeRelatedField(
        slug_field="iso3",
        queryset=State.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("ISO 3166 alpha-3 code of the institution's country."),
    )

    class Meta:
        model = Institution
        fields = ["id", "name", "abbreviation", "kind", "country"]
