"""What every resource of the REST API (``/api/v1/``) shares, whichever app it
belongs to: reads for whoever may read, writes for whoever the resource admits,
tokens, ETags and If-Match, CSV on lists, page numbers, JSON errors and the
OpenAPI additions. The resources are each app's (``recommendations.api``,
``missions.api``); ``upr_tracker.api_urls`` routes them."""
