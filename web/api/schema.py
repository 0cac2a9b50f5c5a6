"""What drf-spectacular cannot infer: the token scheme, the error responses every
operation may give, CSV on lists, ETag and If-Match. Wired in by
``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR = {"$ref": "#/components/schemas/Error"}
FIELD_ERRORS = {"$ref": "#/components/schemas/FieldErrors"}
COMPONENTS = {
    "Error": {
        "type": "object",
        "description": _("An error about the request as a whole."),
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "FieldErrors": {
        "type": "object",
        "description": _(
            "Validation errors: each field (or query parameter) with its messages; "
            "non_field_errors for the object as a whole."
        ),
        "additionalProperties": {
            "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]
        },
    },
}
ERRORS = {
    "400": (_("Invalid request: field messages, or a malformed body."), [ERROR, FIELD_ERRORS]),
    "401": (_("Not signed in (or this deployment has no public access), or a bad token."), [ERROR]),
    "403": (_("Signed in, but not allowed to do this (e.g. a read-only token)."), [ERROR]),
    "404": (_("No such resource, or not one you may see; or a page past the last."), [ERROR]),
}
WRITE_ERRORS = {
    "409": (_("Conflicts with the data as it now is; nothing changed."), [ERROR]),
    "412": (_("If-Match no longer matches the resource's ETag; nothing changed."), [ERROR]),
    "413": (_("The body is larger than the server accepts."), [ERROR]),
    "415": (_("The body is not JSON."), [ERROR]),
}
ETAG = {
    "ETag": {
        "description": _("The resource's version: send it back in If-Match when writing."),
        "schema": {"type": "string"},
    }
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": _(
        "The ETag you read. If the resource changed since, the write is refused "
        "with 412. Without If-Match the write goes ahead (last writer wins)."
    ),
}
FORMAT = {
    "in": "query",
    "name": "format",
    "required": False,
    "schema": {"type": "string", "enum": ["json", "csv"]},
    "description": _("csv: every matching row (not only one page), streamed as a CSV file."),
}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "web.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _(
                    "`Token <token>`; tokens come from `manage.py create_api_token "
                    "USERNAME`. A partner's token is read-only."
                )
            ),
        }


def _response(description, schemas):
    schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def complete_operations(result, generator, request, public):
    """Add the error responses, CSV, ETag, If-Match and anonymous reads to each operation."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(COMPONENTS)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, (description, schemas) in ERRORS.items():
                responses.setdefault(code, _response(description, schemas))
            if method in ("post", "put", "patch"):
                for code, (description, schemas) in WRITE_ERRORS.items():
                    responses.setdefault(code, _response(description, schemas))
            success = next((responses[code] for code in ("200", "201") if code in responses), None)
            is_list = operation["operationId"].endswith("_list") or path.endswith("/stats/")
            if is_list and success:
                parameters = operation.setdefault("parameters", [])
                parameters[:] = [p for p in parameters if p.get("name") != "format"]
                parameters.append(FORMAT)
                success.setdefault("content", {})["text/csv"] = {"schema": {"type": "string"}}
            elif success and ("{" in path or method == "post"):
                success["headers"] = ETAG
            if method in ("put", "patch") or (method == "post" and "{" in path):
                operation.setdefault("parameters", []).append(IF_MATCH)
            security = operation.get("security")
            if method == "get" and security and {} not in security:
                security.append({})  # anonymous reads, where the deployment is public
    return result
