from tests.api.conftest import api_as, world  # noqa: F401  (the API tests' small tracker)
