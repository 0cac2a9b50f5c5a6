"""The dashboard's figures are rendered once and kept, rendered, with them: a second reader
of the same selection gets the same page without its figures being drawn again, a
validated update shows on the page (not only in its figures) at once, and each language
keeps its own rendering."""

import re

import pytest

from recommendations import services
from recommendations.views.dashboard import PARTS
from tests.factories import (
    UserFactory,
    coordinator,
)

pytestmark = pytest.mark.django_db

DRAWN = {f"recommendations/dashboard_parts/{name}.html" for name in PARTS}


def parts_drawn(response) -> set[str]:
    return {template.name for template in response.templates} & DRAWN


def without_tokens(response) -> str:
    """The page without its form's anti-forgery token (new on every response)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def headline(response) -> str:
    page = response.content.decode()
    start = page.index('<span class="figure">') + len('<span class="figure">')
    return page[start : page.index("</span>", start)].strip().replace("\xa0", " ")


def test_a_second_reader_gets_the_figures_as_rendered_for_the_first(client, review_half_done):
    client.force_login(UserFactory(username="first"))
    first = client.get("/")
    client.force_login(UserFactory(username="second"))
    second = client.get("/")

    assert parts_drawn(first) == DRAWN
    assert parts_drawn(second) == set()
    assert headline(first) == headline(second) == "50.0 %"


def test_a_validated_update_shows_on_the_page_at_once(client, review_half_done):
    client.force_login(UserFactory(username="reader"))
    before = client.get("/")

    services.progress_update_validate(user=coordinator(), update=review_half_done)
    after = client.get("/")

    assert (headline(before), headline(after)) == ("50.0 %", "100.0 %")
    assert parts_drawn(after) == DRAWN


def test_each_language_keeps_its_own_rendering(client, review_half_done):
    client.force_login(UserFactory(username="reader"))
    english = without_tokens(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))
    russian = without_tokens(client.get("/", HTTP_ACCEPT_LANGUAGE="ru"))
    english_again = without_tokens(client.get("/", HTTP_ACCEPT_LANGUAGE="en"))

    assert '<h2 id="reviews-heading">Reviews</h2>' in english
    assert '<h2 id="reviews-heading">Обзоры</h2>' in russian
    assert english_again == english


def test_a_renamed_theme_shows_in_the_breakdown_at_once(client, review_half_done):
    from recommendations.models import Theme

    theme = Theme.objects.create(name="Trafficking in persons", slug="trafficking-in-persons")
    review_half_done.recommendation.themes.add(theme)
    client.force_login(UserFactory(username="reader"))
    assert "Trafficking in persons" in client.get("/").content.decode()

    theme.name = "Trafficking in human beings"
    theme.save()
    page = client.get("/").content.decode()

    assert "Trafficking in human beings" in page
    assert "Trafficking in persons" not in page
