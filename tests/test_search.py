"""Search on PostgreSQL is full-text search on an indexed vector that a trigger keeps up to
date, whatever writes a recommendation; elsewhere every word must appear."""

import pytest
from django.db import connection

from recommendations.models import Recommendation
from recommendations.search import SEARCH_CONFIG, search_recommendations
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


def found(text):
    return set(search_recommendations(Recommendation.objects.all(), text))


def test_a_reference_is_found_as_typed_whatever_its_case():
    wanted = RecommendationFactory(reference="97.12a")
    RecommendationFactory(reference="97.13")

    assert found("97.12A") == {wanted}


@on_postgresql
def test_words_are_found_by_their_english_stem():
    wanted = RecommendationFactory(text="Prosecute the traffickers and protect their victims")
    RecommendationFactory(text="Abolish the death penalty")

    assert found("prosecuting trafficker") == {wanted}
    assert found('"death penalty" -abolish') == set()


@on_postgresql
def test_the_vector_follows_every_write_even_past_the_models():
    recommendation = RecommendationFactory(text="Ratify the convention on disappearances")
    Recommendation.objects.filter(pk=recommendation.pk).update(text="Combat domestic violence")
    Recommendation.objects.bulk_create(
        [Recommendation(review=recommendation.review, reference="98.1", text="Free prisoners")]
    )

    assert found("violence") == {recommendation}
    assert found("disappearances") == set()
    assert {r.reference for r in found("prisoner")} == {"98.1"}


@on_postgresql
def test_the_trigger_and_the_queries_use_one_configuration_and_the_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'recommendation_search_vector'")
        (source,) = cursor.fetchone()
        # The table is tiny in a test: leave the planner only the bitmap scans of indexes.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        searched = search_recommendations(Recommendation.objects.order_by(), "torture")
        plan = searched.values("pk").explain()

    assert f"'{SEARCH_CONFIG}'" in source
    assert "recommendation_search" in plan
