"""A ministry with a recommendation and a draft update, its officer, a
coordinator: enough to write through every door."""

from dataclasses import dataclass

import pytest

from recommendations.models import ProgressUpdate, Recommendation, Role
from tests.factories import (
    InstitutionFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ResponsibilityFactory,
    UserFactory,
    coordinator,
)


@dataclass
class Ministry:
    institution: object
    officer: object
    coordinator: object
    recommendation: Recommendation
    draft: ProgressUpdate


@pytest.fixture
def ministry(db):
    institution = InstitutionFactory(name="Ministry of Justice")
    recommendation = RecommendationFactory(reference="97.1")
    ResponsibilityFactory(recommendation=recommendation, institution=institution)
    officer = UserFactory(username="justice", role=Role.MINISTRY, role__institution=institution)
    draft = ProgressUpdateFactory(
        recommendation=recommendation,
        institution=institution,
        author=officer,
        workflow_state=ProgressUpdate.WorkflowState.DRAFT,
        reviewed_at=None,
        narrative="As drafted",
    )
    return Ministry(institution, officer, coordinator(), recommendation, draft)
