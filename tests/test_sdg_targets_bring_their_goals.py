"""A recommendation with SDG target 16.3 also has goal 16, whichever door set the target: a
tracker file (the "SDG targets" column), the admin, the API (tests/api)."""

import pytest
from django.urls import reverse

from recommendations.importing.service import import_recommendations
from recommendations.models import Recommendation, Role, SdgTarget
from recommendations.people import user_create
from tests.factories import InstitutionFactory, RecommendationFactory, SdgTargetFactory
from tests.importing.files import problems, tracker_file
from tests.test_roles_in_the_admin import filled_in

pytestmark = pytest.mark.django_db


def tracker_row(**cells):
    return {
        "State under review": "BLR",
        "Mechanism": "CAT",
        "Document symbol": "CAT/C/BLR/CO/5",
        "Reference": "23",
        "Text": "Bring conditions of detention into line with the Nelson Mandela Rules",
        "Position": "Pending",
        **cells,
    }


def goals(recommendation) -> list[int]:
    return sorted(recommendation.sdg_goals.values_list("number", flat=True))


def test_a_tracker_file_s_targets_add_their_goals_to_those_it_names():
    data = tracker_file([tracker_row(**{"SDG goals": "5", "SDG targets": "16.3; 10.2"})])

    result = import_recommendations(data=data, filename="tracker.csv", format="tracker")

    assert result.ok, result.errors
    recommendation = Recommendation.objects.get(reference="23")
    assert goals(recommendation) == [5, 10, 16]
    assert sorted(recommendation.sdg_targets.values_list("code", flat=True)) == ["10.2", "16.3"]
    assert SdgTarget.objects.get(code="16.3").goal_id == 16


def test_targets_without_a_goals_column_keep_the_stored_goals():
    first = tracker_file([tracker_row(**{"SDG goals": "5"})])
    assert import_recommendations(data=first, filename="t.csv", format="tracker").ok

    then = tracker_file([tracker_row(**{"SDG targets": "16.3"})])
    result = import_recommendations(data=then, filename="t.csv", format="tracker")

    assert (result.updated, result.ok) == (1, True)
    assert goals(Recommendation.objects.get(reference="23")) == [5, 16]


def test_a_goal_in_the_targets_column_is_refused():
    data = tracker_file([tracker_row(**{"SDG targets": "16"})])

    result = import_recommendations(data=data, filename="tracker.csv", format="tracker")

    assert problems(result) == [(2, "SDG targets", "16 is a goal, not a target (e.g. 16.1)")]
    assert not Recommendation.objects.exists()


def test_a_target_chosen_in_the_admin_brings_its_goal(client):
    institution = InstitutionFactory(name="Ministry of Justice")
    client.force_login(user_create(username="c", role=Role.COORDINATOR, institution=institution))
    recommendation = RecommendationFactory()
    target = SdgTargetFactory(code="8.7")
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])

    response = client.post(url, filled_in(client.get(url), sdg_targets=[str(target.pk)]))

    assert response.status_code == 302
    assert goals(recommendation) == [8]
