"""A recommendation's official text in several languages: pages and the API give the
reader's language's text, else the original saying so, and the original is always at
hand."""

import pytest

from recommendations.models import RecommendationText
from tests.pages.helpers import text_of
from tests.world import role_client

RUSSIAN = "Ратифицировать Факультативный протокол к Конвенции против пыток."


@pytest.fixture
def recommendation(world):
    recommendation = world.recommendations["97.1"]
    RecommendationText.objects.create(recommendation=recommendation, language="ru", text=RUSSIAN)
    return recommendation


def in_language(client, language):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    return client


def test_the_page_shows_the_readers_language_and_the_original_at_hand(log_in, recommendation):
    page = in_language(log_in("adviser"), "ru").get(f"/recommendations/{recommendation.pk}/")

    html = page.content.decode()
    assert RUSSIAN in text_of(page)
    assert "Оригинальный текст (английский)" in text_of(page)
    original = html.split('<details class="original-text">', 1)[1].split("</details>", 1)[0]
    assert 'lang="en"' in original and recommendation.text[:40] in original


def test_without_a_text_in_the_readers_language_the_original_is_shown_saying_so(
    log_in, recommendation
):
    page = in_language(log_in("adviser"), "be").get(f"/recommendations/{recommendation.pk}/")

    assert recommendation.text[:40] in text_of(page)
    assert "Тэкст на мове «англійская» (тэкст на мове «беларуская» не запісаны)." in text_of(page)
    assert RUSSIAN not in text_of(page)


def test_the_list_shows_each_text_in_the_readers_language(log_in, recommendation):
    page = in_language(log_in("adviser"), "ru").get("/recommendations/")

    assert RUSSIAN[:40] in text_of(page)


@pytest.mark.parametrize(
    "asked, expected_language",
    [({"lang": "ru"}, "ru"), ({"lang": "be"}, "en"), ({"lang": "en"}, "en")],
)
def test_the_api_gives_the_text_asked_for_and_says_which(
    log_in, recommendation, asked, expected_language
):
    response = log_in("adviser").get(f"/api/v1/recommendations/{recommendation.pk}/", asked)

    body = response.json()
    assert body["text_language"] == expected_language
    assert body["text"] == (RUSSIAN if expected_language == "ru" else recommendation.text)
    assert response["Content-Language"] == asked["lang"]


def test_the_api_reads_accept_language_too(users, settings, recommendation):
    client = role_client("partner", users, settings, api=True)  # with its token

    response = client.get(
        f"/api/v1/recommendations/{recommendation.pk}/", HTTP_ACCEPT_LANGUAGE="ru"
    )

    assert response.json()["text"] == RUSSIAN
    assert response.json()["text_language"] == "ru"


def test_a_language_the_tracker_does_not_speak_is_refused(log_in, recommendation):
    response = log_in("adviser").get("/api/v1/recommendations/", {"lang": "xx"})

    assert response.status_code == 400
    assert "lang" in response.json()


def test_the_list_says_once_that_rows_without_a_text_are_in_the_original(log_in, recommendation):
    # The rows are kept rendered with whether any fell back: the second reader gets both.
    for reader in ("adviser", "coordinator"):
        client = in_language(log_in(reader), "ru")
        everything = text_of(client.get("/recommendations/"))
        only_translated = text_of(client.get("/recommendations/", {"search": "97.1"}))

        assert everything.count("показана на языке оригинала") == 1
        assert RUSSIAN[:40] in only_translated
        assert "показана на языке оригинала" not in only_translated
