"""The list's and the dashboard's drop-downs are read in one query for all of them, and
offer exactly what each field's own queryset offers, labelled as the field labels it:
for a signed-in adviser (every review) and for an anonymous visitor (the published
ones only). What was read is kept with the figures, for each reader's selection and
language, and read again as soon as a name or a row it shows changes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import translation

from recommendations import rules, services
from recommendations.models import Theme
from recommendations.views.list_filters import LABEL_COLUMNS, recommendation_filter
from tests.factories import InstitutionFactory
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


def fields_for(user):
    return recommendation_filter(QueryDict(), rules.visible_recommendations(user), user).form.fields


def draw_all(fields) -> dict[str, list[tuple[str, str]]]:
    return {name: drawn(fields[name]) for name in LABEL_COLUMNS}


def test_drawing_every_drop_down_takes_one_query(world, users, django_assert_num_queries):
    fields = fields_for(users["adviser"])
    # The figures' version, then the options of every list at once.
    with django_assert_num_queries(2) as queries:
        for name in LABEL_COLUMNS:
            drawn(fields[name])
            drawn(fields[name])  # drawn twice (the page and the saved view's form): read once
    assert "UNION ALL" in queries.captured_queries[1]["sql"]
    assert len(drawn(fields["sdg"])) == 17


def test_the_next_page_draws_them_from_what_was_kept(world, users, django_assert_num_queries):
    first = draw_all(fields_for(users["adviser"]))
    fields = fields_for(users["adviser"])
    with django_assert_num_queries(1):  # the figures' version only
        assert draw_all(fields) == first


def test_what_is_kept_is_each_readers_own(world, users):
    publish(world.first)
    adviser_reviews = dict(drawn(fields_for(users["adviser"])["review"]))
    visitor_reviews = dict(drawn(fields_for(AnonymousUser())["review"]))
    assert str(world.treaty.pk) in adviser_reviews
    assert str(world.treaty.pk) not in visitor_reviews
    assert str(world.first.pk) in visitor_reviews


def test_what_is_kept_is_in_the_readers_language(world, users):
    with translation.override("en"):
        english = dict(drawn(fields_for(users["adviser"])["review"]))
    with translation.override("ru"):
        russian = dict(drawn(fields_for(users["adviser"])["review"]))
    assert english[str(world.first.pk)] == translation.override("en")(str)(world.first)
    with translation.override("ru"):
        assert russian[str(world.first.pk)] == str(world.first)
    assert russian != english


def test_a_renamed_theme_and_a_new_institution_show_at_once(world, users, justice):
    draw_all(fields_for(users["adviser"]))  # kept
    theme = Theme.objects.get(slug="trafficking")
    theme.name = "Trafficking in persons"
    theme.save()
    newcomer = InstitutionFactory(name="Ministry of Labour", abbreviation="MoL")
    services.recommendation_assign_institutions(
        user=users["coordinator"],
        recommendation=world.recommendations["97.4"],
        lead=newcomer,
        supporting=[justice],
    )
    options = draw_all(fields_for(users["adviser"]))
    assert dict(options["theme"])["trafficking"] == "Trafficking in persons"
    assert str(newcomer.pk) in dict(options["institution"])


def test_a_value_given_still_validates_against_the_queryset(world, users):
    user = users["adviser"]
    filters = recommendation_filter(
        QueryDict("theme=no-such-theme&review=999999"), rules.visible_recommendations(user), user
    )
    assert not filters.is_valid()
    assert set(filters.errors) == {"theme", "review"}
