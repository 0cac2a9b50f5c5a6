"""What the load test's simulated people need, written as JSON for the locustfile: a
reader's login, API tokens (a partner's, two ministries', a coordinator's) and the
recommendations each ministry may report on.

``python -m load.plan FILE --password P`` prepares it on the demo database (its users
``adviser``, ``partner``, ``justice``, ``interior``, ``coordinator``); the load test's own
test calls ``load_plan`` on the users it made.
"""

import argparse
import json
import os
from pathlib import Path

RECOMMENDATIONS_EACH = 50


def load_plan(*, reader, password: str, partner, ministries, coordinator) -> dict:
    """The plan for these users (``reader`` signs in with ``password``); new API tokens
    named "load test" are made for the others."""
    from api_tokens.services import api_token_create
    from recommendations import rules
    from recommendations.models import Recommendation

    def token(user) -> str:
        return api_token_create(user=user, name="load test")[1]

    return {
        "reader": {"username": reader.get_username(), "password": password},
        "partner_token": token(partner),
        "coordinator_token": token(coordinator),
        "ministries": [
            {
                "username": officer.get_username(),
                "token": token(officer),
                "recommendations": list(
                    rules.responsible_recommendations(officer)
                    .order_by("pk")
                    .values_list("pk", flat=True)[:RECOMMENDATIONS_EACH]
                ),
            }
            for officer in ministries
        ],
        "recommendations": list(
            Recommendation.objects.order_by("pk").values_list("pk", flat=True)[:500]
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--password", required=True, help="the demo users' password")
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr_tracker.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.in_bulk(
        ["adviser", "partner", "justice", "interior", "coordinator"], field_name="username"
    )
    plan = load_plan(
        reader=users["adviser"],
        password=arguments.password,
        partner=users["partner"],
        ministries=[users["justice"], users["interior"]],
        coordinator=users["coordinator"],
    )
    arguments.output.write_text(json.dumps(plan, indent=2))
    arguments.output.chmod(0o600)


if __name__ == "__main__":
    main()
