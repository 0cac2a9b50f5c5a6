"""The answers every API operation may give for reasons of operation rather than
of the request: throttled (429) and the database busy or unreachable (503).
A drf-spectacular postprocessing hook, after the API's own (which defines the
``Error`` component)."""

ERROR = {"$ref": "#/components/schemas/Error"}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer"},
    }
}
RESPONSES = {
    "429": "Too many requests from this token or address; try again after Retry-After.",
    "503": "The database is busy or unreachable; nothing changed. Try again after Retry-After.",
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
    return result
