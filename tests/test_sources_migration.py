"""Migrating a database whose sources were lines of text: each text becomes a source of
its own, titled with it, and the records cite it (their history too)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("recommendations", "0008_recommendation_ohchr_annotation_id"),
    ("missions", "0001_initial"),
]
AFTER = [
    ("recommendations", "0009_source_and_citations"),
    ("missions", "0002_engagement_source_is_a_citation"),
]


@pytest.mark.django_db(transaction=True)
def test_texts_written_as_sources_become_citations():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    state, _ = old.get_model("recommendations", "State").objects.get_or_create(
        iso3="BLR", defaults={"name": "Belarus"}
    )
    upr, _ = old.get_model("recommendations", "Mechanism").objects.get_or_create(
        code="UPR", defaults={"name": "Universal Periodic Review"}
    )
    old.get_model("recommendations", "ReviewCycle").objects.create(
        state_under_review=state,
        mechanism=upr,
        cycle=1,
        government_reported_source="National report, 2015",
    )
    old.get_model("missions", "Engagement").objects.create(
        kind="training", title="Seminar", start_date="2010-07-01", source="OHCHR press release"
    )
    old.get_model("missions", "Engagement").objects.create(
        kind="training", title="Uncited", start_date="2010-07-02", source=""
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps

    review = new.get_model("recommendations", "ReviewCycle").objects.get()
    engagements = {e.title: e.source for e in new.get_model("missions", "Engagement").objects.all()}
    assert review.government_reported_source.title == "National report, 2015"
    assert engagements["Seminar"].title == "OHCHR press release"
    assert engagements["Uncited"] is None
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
