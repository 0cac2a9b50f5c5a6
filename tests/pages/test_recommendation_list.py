"""The recommendation list: the shared filters, search, sorting, pagination, the
active filters as removable chips, and the measure of the filtered set on top."""

import csv
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from recommendations.filters import RecommendationFilter
from recommendations.models import Recommendation, Status
from recommendations.selectors import measure
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db

LIST = "/recommendations/"


def references(response) -> list[str]:
    return [r.reference for r in response.context["recommendations"]]


def test_the_list_is_at_its_url():
    assert reverse("recommendation-list") == LIST


def test_without_filters_every_recommendation_is_listed_with_the_measure_of_all(log_in, world):
    page = log_in("adviser").get(LIST)

    assert sorted(references(page)) == sorted(world.recommendations)
    assert page.context["measure"] == measure(Recommendation.objects.all())
    assert "7 recommendations" in page.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=trafficking", {"97.1", "97.2"}),
        ("theme=trafficking&theme=death-penalty", {"97.1", "97.2", "97.3", "98.1", "110.1"}),
        ("recommending_state=FRA", {"97.1", "97.3"}),
        ("affected_group=women", {"97.1", "97.2"}),
        ("sdg=16", {"97.3"}),
        ("position=noted", {"98.1"}),
        ("status=implemented", {"97.1"}),
        ("status=not_started&position=supported", {"97.3", "97.4", "9"}),
        ("cycle=2", {"110.1"}),
        ("state_under_review=BLR&cycle=1&search=death", {"97.3"}),
        ("search=trafficking victims", {"97.2"}),
    ],
)
def test_each_filter_lists_what_the_shared_filter_selects_and_measures_it(
    log_in, world, query, expected
):
    page = log_in("adviser").get(f"{LIST}?{query}")

    assert set(references(page)) == expected
    chosen = RecommendationFilter(page.wsgi_request.GET, queryset=Recommendation.objects.all()).qs
    assert page.context["measure"] == measure(chosen)
    assert page.context["measure"].total == len(expected)


def test_the_institution_and_review_filters_take_ids(log_in, world, justice):
    page = log_in("adviser").get(LIST, {"institution": justice.pk, "review": world.first.pk})

    assert set(references(page)) == {"97.1", "97.3", "97.4", "98.1"}


def test_active_filters_are_chips_that_each_remove_one_filter(log_in, world):
    page = log_in("adviser").get(
        f"{LIST}?theme=trafficking&theme=death-penalty&position=supported&sort=position&page=1"
    )

    chips = {(chip.name, chip.value): chip.remove_url for chip in page.context["chips"]}
    assert set(chips) == {
        ("Theme", "Trafficking"),
        ("Theme", "Death penalty"),
        ("Position", "Supported"),
    }
    remaining = parse_qs(urlsplit(chips[("Theme", "Trafficking")]).query)
    assert remaining == {
        "theme": ["death-penalty"],
        "position": ["supported"],
        "sort": ["position"],
    }
    html = page.content.decode()
    assert "(remove this filter)" in html
    assert "Clear all filters" in html
    assert page.context["clear_url"] == "?sort=position"


def test_following_a_chip_drops_that_filter(log_in, world):
    client = log_in("adviser")
    page = client.get(f"{LIST}?theme=trafficking&position=supported")
    theme_chip = next(c for c in page.context["chips"] if c.name == "Theme")

    after = client.get(LIST + theme_chip.remove_url)

    assert [(c.name, c.value) for c in after.context["chips"]] == [("Position", "Supported")]
    assert len(references(after)) == 6


def test_empty_values_from_the_form_mean_any(log_in, world):
    page = log_in("adviser").get(
        LIST, {"theme": "", "position": "", "search": "", "review": "", "status": ""}
    )

    assert page.context["chips"] == []
    assert len(references(page)) == len(world.recommendations)


def test_a_filter_value_that_is_not_understood_is_reported_not_applied(log_in, world):
    page = log_in("adviser").get(LIST, {"theme": "no-such-theme", "cycle": "one"})

    assert page.status_code == 200
    assert len(references(page)) == len(world.recommendations)
    assert "Some filters were not understood" in page.content.decode()
    assert page.context["chips"] == []


def test_the_form_keeps_every_value_of_a_multiple_filter(log_in, world):
    html = (
        log_in("adviser")
        .get(f"{LIST}?theme=trafficking&theme=death-penalty&position=noted")
        .content.decode()
    )

    assert 'name="theme" id="id_theme" multiple' in html
    assert '<option value="trafficking" selected>' in html
    assert '<option value="death-penalty" selected>' in html
    assert 'name="position" id="id_position">' in html  # one value: a plain drop-down


def test_every_filter_has_a_label(log_in, world):
    html = log_in("adviser").get(LIST).content.decode()

    for field in RecommendationFilter.base_filters:
        assert f'<label for="id_{field}">' in html
    assert '<label for="id_sort">Sort by</label>' in html


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # A review's recommendations in paragraph order; reviews by state, mechanism, cycle.
        ("reference", ["9", "97.1", "97.2", "97.3", "97.4", "98.1", "110.1"]),
        ("-reference", ["110.1", "98.1", "97.4", "97.3", "97.2", "97.1", "9"]),
        ("position", ["9", "97.1", "97.2", "97.3", "97.4", "110.1", "98.1"]),
        ("status", ["97.1", "97.2", "110.1", "9", "97.3", "97.4", "98.1"]),
        ("-updated", ["110.1", "97.1", "97.2", "9", "97.3", "97.4", "98.1"]),
        ("nonsense", ["9", "97.1", "97.2", "97.3", "97.4", "98.1", "110.1"]),
    ],
)
def test_sorting(log_in, world, sort, expected):
    page = log_in("adviser").get(LIST, {"sort": sort})

    assert references(page) == expected


def test_each_order_is_kept_apart(log_in, world):
    """The rows are kept with the figures: one order's rows are never another's."""
    client = log_in("adviser")
    for sort, expected in [
        ("status", ["97.1", "97.2", "110.1", "9", "97.3", "97.4", "98.1"]),
        ("-updated", ["110.1", "97.1", "97.2", "9", "97.3", "97.4", "98.1"]),
        ("reference", ["9", "97.1", "97.2", "97.3", "97.4", "98.1", "110.1"]),
        ("status", ["97.1", "97.2", "110.1", "9", "97.3", "97.4", "98.1"]),
    ]:
        assert references(client.get(LIST, {"sort": sort})) == expected, sort


def test_the_sorted_column_says_so(log_in, world):
    html = log_in("adviser").get(LIST, {"sort": "status"}).content.decode()

    assert '<th scope="col" aria-sort="ascending"><a href="?sort=status">Status' in html


def test_pages_of_fifty_keep_the_filters(log_in, world):
    RecommendationFactory.create_batch(120, review=world.first, text="Combat trafficking now")
    client = log_in("adviser")

    first = client.get(LIST, {"search": "trafficking"})
    third = client.get(LIST, {"search": "trafficking", "page": 3})

    assert len(references(first)) == 50
    assert len(references(third)) == 22
    assert first.context["page_obj"].paginator.num_pages == 3
    html = first.content.decode()
    assert 'aria-label="Pages"' in html
    assert 'href="?search=trafficking&amp;page=2" rel="next"' in html
    assert 'aria-current="page"' in html
    assert first.context["measure"].total == 122


@pytest.mark.parametrize("sort", ["reference", "status", "-updated"])
def test_a_page_far_into_the_list_has_the_rows_a_near_one_would(log_in, world, sort, monkeypatch):
    import importlib

    page_module = importlib.import_module("recommendations.views.recommendation_list")
    RecommendationFactory.create_batch(120, review=world.first, text="Combat trafficking now")
    client = log_in("adviser")
    near = [references(client.get(LIST, {"sort": sort, "page": n})) for n in (1, 2, 3, 9)]

    monkeypatch.setattr(page_module, "DEEP", 0)  # every page found by its ids first
    far = [references(client.get(LIST, {"sort": sort, "page": n})) for n in (1, 2, 3, 9)]

    assert far == near
    assert [len(page) for page in far] == [50, 50, 27, 27]  # page 9 of 3: the last


def test_each_row_shows_status_last_update_lead_and_states(log_in, world, interior):
    html = log_in("adviser").get(LIST, {"theme": "trafficking"}).content.decode()

    assert (
        f'href="{reverse("recommendation-detail", args=[world.recommendations["97.1"].pk])}"'
        in html
    )
    assert '<span class="badge badge-implemented">Implemented</span>' in html
    assert "1 Mar 2013" in html
    assert "Canada, France" in html
    assert f'href="{reverse("institution-detail", args=[interior.pk])}"' in html


def test_the_status_column_counts_validated_updates_only(log_in, world):
    page = log_in("justice").get(LIST, {"theme": "death-penalty", "cycle": "1"})

    statuses = {r.reference: r.current_status for r in page.context["recommendations"]}
    assert statuses == {"97.3": Status.NOT_STARTED, "98.1": Status.NOT_STARTED}


def test_the_export_links_download_the_filtered_list(log_in, world):
    client = log_in("adviser")
    page = client.get(LIST, {"theme": "death-penalty", "cycle": "1", "sort": "status", "page": "1"})
    html = page.content.decode()
    links = re.findall(r'href="(/recommendations/export/\?[^"]+)"', html)

    assert len(links) == 2
    csv_link = unescape(next(link for link in links if link.endswith("format=csv")))
    query = parse_qs(urlsplit(csv_link).query)
    assert query == {"theme": ["death-penalty"], "cycle": ["1"], "format": ["csv"]}
    download = b"".join(client.get(csv_link).streaming_content).decode("utf-8-sig")
    exported = list(csv.reader(io.StringIO(download)))
    assert sorted(row[4] for row in exported[1:]) == sorted(references(page))


def test_chips_name_numbers_dates_and_searches_as_typed(log_in, world):
    page = log_in("adviser").get(
        LIST, {"cycle": "1", "updated_since": "2020-01-01", "search": "death penalty"}
    )

    assert [(chip.name, chip.value) for chip in page.context["chips"]] == [
        ("Cycle", "1"),
        ("Updated since", "1 Jan 2020"),
        ("Search", "death penalty"),
    ]
    assert page.context["chips"][2].remove_url == "?cycle=1&updated_since=2020-01-01"
