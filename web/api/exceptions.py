"""Every error the API gives is JSON: REST framework's own, plus the Django errors
the rules and services raise, translated here instead of becoming a 500."""

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import status, views
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings


class RequestBodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _(
        "The resource changed since you read it (its ETag no longer matches If-Match). "
        "Read it again and reapply your change."
    )
    default_code = "precondition_failed"


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This conflicts with the data as it now is; nothing was changed.")
    default_code = "conflict"


def field_errors(error: DjangoValidationError) -> dict:
    """A Django ValidationError as the API shows it: field → messages, with errors of
    the whole object (Django's ``__all__``) under ``non_field_errors``."""
    detail = as_serializer_error(error)
    if NON_FIELD_ERRORS in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
    return detail


def handle_exception(exc, context):
    """REST framework's handler, after mapping: Django ValidationError (including the
    workflow's TransitionError) → 400 with field messages; a body over the size
    limit → 413; other suspicious requests → 400; a constraint the database
    enforced under a race → 409."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(field_errors(exc))
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestBodyTooLarge()
    elif isinstance(exc, SuspiciousOperation):
        exc = ParseError(gettext("Bad request."))
    elif isinstance(exc, (IntegrityError, ProtectedError)):
        exc = Conflict()
    return views.exception_handler(exc, context)
