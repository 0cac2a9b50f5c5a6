from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from web.api.viewsets import TrackerViewSet
from web.filters import FilterSet

from ...models import Institution, State, Theme
from ..serializers import InstitutionSerializer, StateSerializer, ThemeSerializer


class StateViewSet(TrackerViewSet):
    """UN member and observer states, by ISO 3166 alpha-3 code."""

    queryset = State.objects.order_by("name")
    serializer_class = StateSerializer
    lookup_field = "iso3"
    lookup_case = staticmethod(str.upper)


class ThemeViewSet(TrackerViewSet):
    """Human-rights themes, by slug (the ``theme`` filter of recommendations takes it)."""

    queryset = Theme.objects.order_by("name")
    serializer_class = ThemeSerializer
    lookup_field = "slug"
    lookup_case = staticmethod(str.lower)


class InstitutionFilter(FilterSet):
    country = filters.CharFilter(field_name="country__iso3", label=_("Country (ISO3)"))

    class Meta:
        model = Institution
        fields = ["kind", "country"]


class InstitutionViewSet(TrackerViewSet):
    """Ministries, UN entities, NGOs, donors … any body that acts."""

    queryset = Institution.objects.select_related("country").order_by("name")
    serializer_class = InstitutionSerializer
    filterset_class = InstitutionFilter
