"""The filter forms' drop-downs are written by Python (``web.select_markup``), not by a
template per option: they must say exactly what Django's own widgets say, escape what
they show, and keep every value a link asked for."""

import pytest
from django import forms
from pytest_django.asserts import assertHTMLEqual

from tests.factories import RecommendationFactory, StateFactory, adviser
from web.page_filters import OneOrMoreSelect
from web.select_markup import QuickSelect, Written, select_html

CHOICES = [
    ("", "Any"),
    (1, "Belarus"),
    (2, '<script>alert("x")</script> & "quotes"'),
    ("a&b", "Ampersand in the value"),
    ("Europe", [(3, "Poland"), (4, "Lithuania")]),
    (None, "None as a value"),
]


@pytest.mark.parametrize(
    "value",
    [None, "", "1", 2, "a&b", "3", ["1"], "nothing offered"],
    ids=repr,
)
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_state", "required": True, "disabled": False}], ids=["bare", "attrs"]
)
def test_a_quick_select_says_what_djangos_select_says(value, attrs):
    quick = QuickSelect(choices=CHOICES).render("state", value, attrs)
    django = forms.Select(choices=CHOICES).render("state", value, attrs)
    assertHTMLEqual(quick, django)


@pytest.mark.parametrize("value", [[], ["1"], ["1", "3"], ["a&b", "2", "4"]], ids=repr)
def test_a_quick_multiple_select_says_what_djangos_says(value):
    class QuickMultiple(QuickSelect):
        allow_multiple_selected = True

    quick = QuickMultiple(choices=CHOICES).render("state", value, {"id": "id_state"})
    django = forms.SelectMultiple(choices=CHOICES).render("state", value, {"id": "id_state"})
    assertHTMLEqual(quick, django)


def test_labels_and_values_are_escaped():
    html = QuickSelect(choices=CHOICES).render('st"ate', "2")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert 'value="a&amp;b"' in html
    assert 'name="st&quot;ate"' in html


def test_only_the_first_matching_option_of_a_single_select_is_selected():
    choices = [("1", "first"), ("1", "same value again")]
    html = QuickSelect(choices=choices).render("state", "1")
    assert html.count(" selected") == 1


FLAT = [(str(key), label) for key, label in CHOICES if not isinstance(label, list)]


@pytest.mark.parametrize("multiple", [False, True], ids=["single", "multiple"])
@pytest.mark.parametrize("chosen", [[], [""], ["1"], ["a&b", "2"], ["nothing offered"]], ids=repr)
def test_options_kept_written_are_drawn_as_the_same_options_given_plain(chosen, multiple):
    kept = Written(FLAT[:1]) + Written(FLAT[1:])
    assert select_html("state", {"id": "id_state"}, kept, chosen, multiple) == select_html(
        "state", {"id": "id_state"}, FLAT, chosen, multiple
    )


def test_a_single_select_given_written_options_selects_only_the_first_match():
    kept = Written([("1", "first"), ("1", "same value again")])
    assert select_html("state", {}, kept, ["1"]).count(" selected") == 1


@pytest.mark.parametrize(
    ("value", "multiple"),
    [([], False), (["1"], False), (["1", ""], False), (["1", "3"], True)],
    ids=repr,
)
def test_one_or_more_shows_a_multiple_select_only_for_several_values(value, multiple):
    html = OneOrMoreSelect(choices=CHOICES).render("state", value, {"id": "id_state"})
    assert (" multiple" in html) is multiple
    for chosen in (v for v in value if v):
        assert f'value="{chosen}" selected' in html


@pytest.mark.django_db
def test_the_recommendation_lists_drop_downs_keep_what_the_link_asked_for(client):
    belarus = StateFactory(name="Belarus", iso3="BLR")
    review = RecommendationFactory(review__state_under_review=belarus).review
    client.force_login(adviser())
    page = client.get(
        "/recommendations/", {"state_under_review": "BLR", "review": [review.pk]}
    ).content.decode()
    assert '<option value="BLR" selected>Belarus</option>' in page
    assert f'<option value="{review.pk}" selected>{review}</option>' in page
