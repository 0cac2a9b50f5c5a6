"""The benchmark's generator loads PostgreSQL the fast way (secondary indexes, unique
constraints and foreign keys dropped, then made again) and leaves the schema as it found
it: same indexes, same constraints, still enforced; a load that breaks one fails whole."""

import pytest
from django.db import IntegrityError, connection

from bench import data
from demo.loader import load_demo
from recommendations.models import Mechanism, Recommendation
from recommendations.statuses import statuses_out_of_step
from tests.factories import RecommendationFactory, ReviewCycleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's bulk load"),
]

SCHEMA = """
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname LIKE 'recommendations\\_%%'
UNION ALL
SELECT conrelid::regclass::text, conname || ' ' || pg_get_constraintdef(oid)
    || CASE WHEN condeferred THEN ' deferred' ELSE '' END
FROM pg_constraint WHERE conrelid::regclass::text LIKE 'recommendations\\_%%'
"""


def schema() -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(SCHEMA)
        return set(cursor.fetchall())


@pytest.fixture
def reviews():
    load_demo(password="bench password")  # the institutions and vocabularies it uses
    return [ReviewCycleFactory(mechanism=Mechanism.objects.get(code="UPR"))]


def test_generating_leaves_every_index_and_constraint_as_it_was(reviews):
    before = schema()
    RecommendationFactory()  # a row whose deferred checks are still owed

    made = data.add_recommendations(reviews, 300, seed=5)

    assert made.count() == 300
    assert schema() == before
    assert statuses_out_of_step() == []
    assert analysed_columns("recommendations_statuschange")  # the planner knows its days


def analysed_columns(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        return cursor.fetchone()[0]


def test_a_load_that_breaks_a_constraint_fails_whole(reviews, monkeypatch):
    before = schema()
    count = Recommendation.objects.count()
    make_row = data._recommendation

    def twice_the_same_reference(tables, pk, review, number, context, generator):
        make_row(tables, pk, review, 7, context, generator)

    monkeypatch.setattr(data, "_recommendation", twice_the_same_reference)

    with pytest.raises(IntegrityError):
        data.add_recommendations(reviews, 2, seed=5)

    assert Recommendation.objects.count() == count
    assert schema() == before
