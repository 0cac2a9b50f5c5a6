"""The REST API's resources of this package (``/api/v1/``): thin views over the rules,
services, filters and the measure. Their shared plumbing is ``web.api``; the routes
are ``upr_tracker.api_urls``. See DESIGN.md, "The REST API contract", and the
OpenAPI document at ``/api/v1/schema/``."""
