"""Engagements, reviews and actions name their source as a citation of its own parts;
a coordinator chooses one by id."""

from recommendations.models import Source


def a_source():
    return Source.objects.create(
        title="UN Human Rights in Belarus",
        publisher="OHCHR",
        published="last reviewed November 2020",
        url="https://example.org/belarus",
    )


def test_an_engagement_comes_with_its_source_in_parts_and_as_a_citation(api_as, world):
    source = a_source()
    world.engagement.source = source
    world.engagement.save()

    body = api_as("partner").get(f"/api/v1/engagements/{world.engagement.pk}/").json()

    assert body["source"] == {
        "id": source.pk,
        "title": "UN Human Rights in Belarus",
        "publisher": "OHCHR",
        "published": "last reviewed November 2020",
        "document_symbol": "",
        "url": "https://example.org/belarus",
        "citation": source.citation,
    }


def test_a_coordinator_cites_a_source_by_its_id(api_as, world):
    source = a_source()

    response = api_as("coordinator").patch(
        f"/api/v1/reviews/{world.review.pk}/",
        {"government_reported_supported": 2, "government_reported_source_id": source.pk},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["government_reported_source"]["citation"] == source.citation
    world.review.refresh_from_db()
    assert world.review.government_reported_source == source


def test_an_unknown_source_is_refused_and_nothing_changes(api_as, world):
    response = api_as("coordinator").patch(
        f"/api/v1/engagements/{world.engagement.pk}/", {"source_id": 999999}, format="json"
    )

    assert response.status_code == 400
    assert "source_id" in response.json()
    world.engagement.refresh_from_db()
    assert world.engagement.source is None


def test_an_action_names_its_source(api_as, world):
    source = a_source()
    world.justice_action.source = source
    world.justice_action.save()

    body = api_as("adviser").get(f"/api/v1/actions/{world.justice_action.pk}/").json()

    assert body["source"]["title"] == "UN Human Rights in Belarus"
