"""What a page shows of the catalogue without counting statuses (the filters' drop-downs,
the states under review in order of their number of recommendations) is kept under the
catalogue's version: after a validation the next reader gets the new figures without
those being read again; after a new recommendation they are."""

import importlib
from datetime import date
from unittest import mock

import pytest

from recommendations import services
from tests.factories import (
    RecommendationFactory,
    ReviewCycleFactory,
    UserFactory,
    coordinator,
)
from web import choice_lists

pytestmark = pytest.mark.django_db

selection = importlib.import_module("recommendations.views.selection")


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(username="reader"))
    return client


def implemented(response) -> int:
    return next(card.measure.implemented for card in response.context["cards"])


def read_again_on(client, url):
    """The response, and whether the options and the states were read for it."""
    options = mock.Mock(wraps=choice_lists._read)
    states = mock.Mock(wraps=selection._most_recommendations_first)
    with (
        mock.patch.object(choice_lists, "_read", options),
        mock.patch.object(selection, "_most_recommendations_first", states),
    ):
        response = client.get(url)
    return response, options.called, states.called


@pytest.mark.parametrize("url", ["/", "/recommendations/"])
def test_a_validation_shows_at_once_and_the_options_stay_as_kept(reader, review_half_done, url):
    before = reader.get(url)
    services.progress_update_validate(user=coordinator(), update=review_half_done)
    after, options_read, states_read = read_again_on(reader, url)

    assert not options_read
    assert not states_read
    assert after.content.decode().count("<option") == before.content.decode().count("<option")
    if url == "/":
        assert (implemented(before), implemented(after)) == (1, 2)
    else:
        assert (before.context["measure"].implemented, after.context["measure"].implemented) == (
            1,
            2,
        )


def test_a_new_review_with_more_recommendations_is_offered_and_chosen_at_once(
    reader, review_half_done
):
    reader.get("/")
    larger = ReviewCycleFactory(review_date=date(2011, 3, 1))
    RecommendationFactory.create_batch(3, review=larger)
    after, options_read, states_read = read_again_on(reader, "/")

    assert options_read and states_read
    assert after.context["selection"].state == larger.state_under_review
    offered = dict(after.context["selection"].form.fields["state_under_review"].choices)
    assert offered.keys() == {
        larger.state_under_review.iso3,
        review_half_done.recommendation.review.state_under_review.iso3,
    }
