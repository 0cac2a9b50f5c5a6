"""The list's and the dashboard's drop-downs are read in one query for all of them, and
offer exactly what each field's own queryset offers, labelled as the field labels it:
for a signed-in adviser (every review) and for an anonymous visitor (the published
ones only)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from recommendations import rules
from recommendations.views.list_filters import LABEL_COLUMNS, recommendation_filter
from tests.world import publish

pytestmark = pytest.mark.django_db


def drawn(field) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in field.widget.choices if value != ""]


def offered_by_its_queryset(field) -> list[tuple[str, str]]:
    return [
        (str(field.prepare_value(obj)), str(field.label_from_instance(obj)))
        for obj in field.queryset
    ]


@pytest.mark.parametrize("who", ["adviser", "anonymous"])
def test_every_drop_down_offers_what_its_queryset_offers(world, users, who):
    publish(world.first)
    user = AnonymousUser() if who == "anonymous" else users["adviser"]
    fields = recommendation_filter(
        QueryDict(), rules.visible_recommendations(user), user
    ).form.fields
    for name in LABEL_COLUMNS:
        assert sorted(drawn(fields[name])) == sorted(offered_by_its_queryset(fields[name])), name
    reviews = dict(drawn(fields["review"]))
    assert str(world.first.pk) in reviews
    assert (str(world.treaty.pk) in reviews) is (who == "adviser")
    assert reviews[str(world.first.pk)] == str(world.first)
    themes = dict(drawn(fields["theme"]))
    assert themes["trafficking"] == "Trafficking"
    assert fields["theme"].widget.choices[0] == ("", "Any")


def test_drawing_every_drop_down_takes_one_query(world, users, django_assert_num_queries):
    user = users["adviser"]
    fields = recommendation_filter(
        QueryDict(), rules.visible_recommendations(user), user
    ).form.fields
    with django_assert_num_queries(1):
        for name in LABEL_COLUMNS:
            drawn(fields[name])
            drawn(fields[name])  # drawn twice (the page and the saved view's form): read once
    assert len(drawn(fields["sdg"])) == 17


def test_a_value_given_still_validates_against_the_queryset(world, users):
    user = users["adviser"]
    filters = recommendation_filter(
        QueryDict("theme=no-such-theme&review=999999"), rules.visible_recommendations(user), user
    )
    assert not filters.is_valid()
    assert set(filters.errors) == {"theme", "review"}
