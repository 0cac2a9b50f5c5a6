"""The REST API (``/api/v1/``): thin views over the rules, services, filters and
the measure of the ``recommendations`` package. See DESIGN.md, "The REST API
contract", and the OpenAPI document at ``/api/v1/schema/``."""
