from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView


class ApiRootView(APIView):
    """Where each resource of the API lives, with the OpenAPI document and its docs."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    # The routed resources' prefixes, given by the URL configuration that routes them.
    resources: list[str] = []

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request, *args, **kwargs):
        links = {name: reverse(f"api:{name}-list", request=request) for name in self.resources}
        for name in ("stats", "schema", "docs"):
            links[name] = reverse(f"api:{name}", request=request)
        return Response(links)
