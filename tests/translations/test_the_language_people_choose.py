"""The language of the pages: the browser's on a first visit, then the one chosen on the
switcher of every page, kept on the profile (so it follows the user to another browser
and the reminder e-mails are written in it); <html lang> says which it is."""

import pytest
from django.test import Client

from recommendations.models import UserProfile
from tests.factories import PASSWORD
from tests.pages.helpers import text_of
from tests.world import publish_every_review


def html_lang(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def choose(client, language, next_page="/"):
    return client.post("/i18n/setlang/", {"language": language, "next": next_page})


@pytest.mark.parametrize(
    "language, heading", [("ru", "Выполнение рекомендаций"), ("be", "Выкананне рэкамендацый")]
)
def test_a_first_visit_is_in_the_browsers_language(world, language, heading):
    publish_every_review()

    page = Client(HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5").get("/")

    assert html_lang(page) == language
    assert heading in text_of(page)


def test_a_browser_asking_for_another_language_gets_english(world):
    publish_every_review()

    page = Client(HTTP_ACCEPT_LANGUAGE="de").get("/")

    assert html_lang(page) == "en"
    assert "Implementation of recommendations" in text_of(page)


@pytest.mark.parametrize("page", ["/", "/recommendations/", "/workspace/", "/engagements/"])
def test_every_page_has_the_switcher(log_in, world, page):
    html = log_in("justice").get(page, follow=True).content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert all(f'value="{code}"' in html for code in ("en", "ru", "be"))


def test_the_choice_is_kept_on_the_profile_and_follows_the_user(log_in, world, users):
    response = choose(log_in("justice"), "be", "/workspace/")

    assert response.status_code == 302 and response["Location"] == "/workspace/"
    assert UserProfile.objects.get(user=users["justice"]).language == "be"
    another_browser = Client(HTTP_ACCEPT_LANGUAGE="ru")
    another_browser.force_login(users["justice"])
    page = another_browser.get("/workspace/")
    assert html_lang(page) == "be"
    assert "Мае рэкамендацыі" in text_of(page)


def test_an_unknown_language_changes_nothing(log_in, world, users):
    client = log_in("justice")
    choose(client, "be")

    choose(client, "de")

    assert UserProfile.objects.get(user=users["justice"]).language == "be"


def test_logging_in_keeps_the_browsers_language_until_one_is_chosen(world, users):
    browser = Client(HTTP_ACCEPT_LANGUAGE="ru")

    browser.post("/accounts/login/", {"username": "justice", "password": PASSWORD})

    assert UserProfile.objects.get(user=users["justice"]).language == "ru"
    choose(browser, "en")
    browser.logout()
    Client(HTTP_ACCEPT_LANGUAGE="be").post(
        "/accounts/login/", {"username": "justice", "password": PASSWORD}
    )
    assert UserProfile.objects.get(user=users["justice"]).language == "en"
