"""Operations keeps no models of its own. This module is here because Django sends
``post_migrate`` only to apps with a models module: without it, `migrate` would never
reach ``OperationsConfig``'s handler that creates the cache's table (apps.py)."""
