"""What every resource of the API shares: reads for whoever may read, writes for
whoever the resource's ``write_rule`` admits, an ETag on each single resource,
If-Match on writes, CSV on lists. Nothing is deleted through the API (the
admin does that, with its confirmation page, and the history keeps it)."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import transaction
from rest_framework import mixins, status, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from recommendations import rules

from .concurrency import etag_of, require_fresh
from .csv_export import CSVRenderer, stream_csv
from .permissions import MayReadOrWrite

# The mixin is type-checked as the view it is mixed into.
if TYPE_CHECKING:
    from rest_framework.views import APIView

    _View = APIView
else:
    _View = object


class ErrorsAsJsonMixin(_View):
    """Errors are JSON, even for a request that asked for CSV."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and isinstance(
            getattr(response, "accepted_renderer", None), CSVRenderer
        ):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response


class TrackerViewSet(
    ErrorsAsJsonMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [MayReadOrWrite]
    # Who may write to this resource at all (finer checks are the services').
    write_rule = staticmethod(rules.is_coordinator)
    # How it is presented; ``serializer_class`` (by default the same) is what is written.
    read_serializer_class: type[BaseSerializer] | None = None
    csv_chunk_size = 500
    # How the lookup value is stored, if it is a code written one way (``str.upper`` for
    # ISO3 codes, ``str.lower`` for slugs): then any case finds it (/states/blr/).
    lookup_case: Callable[[str], str] | None = None

    def get_object(self):
        if self.lookup_case is not None:
            kwarg = self.lookup_url_kwarg or self.lookup_field
            self.kwargs[kwarg] = self.lookup_case(self.kwargs[kwarg])
        return super().get_object()

    def get_read_serializer(self, instance):
        serializer_class = self.read_serializer_class or self.serializer_class
        assert serializer_class is not None, f"{type(self).__name__} names no serializer_class"
        return serializer_class(instance, context=self.get_serializer_context())

    def get_renderers(self):
        if self.action == "list":
            return [JSONRenderer(), CSVRenderer()]
        return [JSONRenderer()]

    def list(self, request, *args, **kwargs):
        if isinstance(request.accepted_renderer, CSVRenderer):
            return self.stream_csv()
        return super().list(request, *args, **kwargs)

    def stream_csv(self):
        queryset = self.filter_queryset(self.get_queryset())
        serializer = self.get_read_serializer(None)
        columns = [name for name, field in serializer.fields.items() if not field.write_only]
        rows = (
            serializer.to_representation(instance)
            for instance in queryset.iterator(chunk_size=self.csv_chunk_size)
        )
        return stream_csv(rows, columns, self.basename)

    def retrieve(self, request, *args, **kwargs):
        data = self.get_read_serializer(self.get_object()).data
        return Response(data, headers={"ETag": etag_of(data)})

    def respond_with(self, instance, status_code=status.HTTP_200_OK):
        """After a write: the resource as a GET now shows it (re-read with its
        annotations and relations), and its new ETag."""
        fresh = self.get_queryset().get(pk=instance.pk)
        data = self.get_read_serializer(fresh).data
        return Response(data, status=status_code, headers={"ETag": etag_of(data)})

    def current_etag(self, instance) -> str:
        return etag_of(self.get_read_serializer(instance).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = serializer.save()
        return self.respond_with(instance, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        with transaction.atomic():
            instance = self.locked_object()
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            instance = serializer.save()
        return self.respond_with(instance)

    def locked_object(self):
        """The object, its row locked until the transaction ends and its ETag checked
        against If-Match: two writers cannot both pass the check with the same ETag."""
        instance = self.get_object()
        list(type(instance).objects.select_for_update().filter(pk=instance.pk).values_list("pk"))
        instance = self.get_object()  # as it is now that no one else may change it
        require_fresh(self.request, self.current_etag(instance))
        return instance
