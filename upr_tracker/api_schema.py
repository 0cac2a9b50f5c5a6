"""The answers every API operation may give for reasons of operation rather than
of the request: throttled (429) and the database busy or unreachable (503).
A drf-spectacular postprocessing hook, after the API's own (which defines the
``Error`` component). It runs last: every translatable text of the document (help
texts, the API's own descriptions) is written out here in the request's language."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from web.api.schema import ERROR

RETRY_AFTER = {
    "Retry-After": {
        "description": _("Seconds to wait before trying again."),
        "schema": {"type": "integer"},
    }
}
RESPONSES = {
    "429": _("Too many requests from this token or address; try again after Retry-After."),
    "503": _("The database is busy or unreachable; nothing changed. Try again after Retry-After."),
}


def document_operational_errors(result, generator, request, public):
    """Add 429 and 503 (with Retry-After) to each operation."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, description in RESPONSES.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "headers": RETRY_AFTER,
                        "content": {"application/json": {"schema": ERROR}},
                    },
                )
    return written_out(result)


def written_out(value):
    """``value`` with every lazy translation turned into text (the YAML writer takes
    only plain strings), dictionaries and lists copied."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: written_out(item) for key, item in value.items()}
    if isinstance(value, list):
        return [written_out(item) for item in value]
    return value
