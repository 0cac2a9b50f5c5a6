"""The workspace's small world: two ministries, a coordinator, an adviser, a partner."""

from tests.workspace.conftest import world  # noqa: F401 (the fixture)
