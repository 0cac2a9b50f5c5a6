"""Anyone comments on a recommendation of a published review; nothing appears until a
coordinator approves it; the e-mail address is never shown; machines are kept out by a
honeypot, a signed time stamp and a rate per address (no third-party service)."""

import pytest

from recommendations.models import PublicComment
from web import spam

pytestmark = pytest.mark.django_db

Moderation = PublicComment.ModerationState


@pytest.fixture
def quick(settings):
    """No wait between showing the form and sending it (the stamp is still checked)."""
    settings.UPR_COMMENT_MIN_SECONDS = 0
    return settings


def comment_form(**fields):
    values = {
        "name": "Olga",
        "organisation": "Minsk Legal Aid",
        "email": "olga@example.org",
        "comment": "PUBLIC-COMMENT the moratorium is not applied",
        "shown": spam.form_stamp(),
        "website": "",
    }
    values.update(fields)
    return values


def test_an_anonymous_visitor_sends_a_comment_that_waits_for_moderation(voices, clients, quick):
    url = f"/recommendations/{voices.recommendation.pk}/comment/"

    form = clients["anonymous"].get(url)
    response = clients["anonymous"].post(url, comment_form())

    assert form.status_code == 200
    assert response.status_code == 302
    comment = PublicComment.objects.get()
    assert comment.moderation_state == Moderation.PENDING
    page = clients["anonymous"].get(f"/recommendations/{voices.recommendation.pk}/")
    assert "PUBLIC-COMMENT" not in page.content.decode()


def test_an_approved_comment_appears_without_its_email(voices, clients, quick):
    clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/", comment_form()
    )
    comment = PublicComment.objects.get()

    response = clients["coordinator"].post(
        f"/workspace/moderation/comments/{comment.pk}/", {"decision": "approve"}
    )

    assert response.status_code == 302
    address = f"/recommendations/{voices.recommendation.pk}/"
    page = clients["anonymous"].get(address).content.decode()
    assert "PUBLIC-COMMENT" in page
    assert "Minsk Legal Aid" in page
    assert "olga@example.org" not in page


def test_a_rejected_comment_never_appears_and_is_kept(voices, clients, quick):
    clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/", comment_form()
    )
    comment = PublicComment.objects.get()

    clients["coordinator"].post(
        f"/workspace/moderation/comments/{comment.pk}/", {"decision": "reject"}
    )

    comment.refresh_from_db()
    assert comment.moderation_state == Moderation.REJECTED
    page = clients["anonymous"].get(f"/recommendations/{voices.recommendation.pk}/")
    assert "PUBLIC-COMMENT" not in page.content.decode()


@pytest.mark.parametrize("role", ["contributor", "justice", "adviser", "partner", "anonymous"])
def test_only_a_coordinator_moderates_comments(voices, clients, quick, role):
    comment = PublicComment.objects.create(
        recommendation=voices.recommendation, name="Olga", email="o@example.org", comment="x"
    )

    response = clients[role].post(
        f"/workspace/moderation/comments/{comment.pk}/", {"decision": "approve"}
    )

    assert response.status_code in (302, 403)
    if response.status_code == 302:  # the anonymous visitor is sent to log in
        assert response["Location"].startswith("/accounts/login/")
    comment.refresh_from_db()
    assert comment.moderation_state == Moderation.PENDING


def test_the_moderation_queue_shows_the_waiting_comment_with_its_address(voices, clients):
    PublicComment.objects.create(
        recommendation=voices.recommendation, name="Olga", email="o@example.org", comment="x"
    )

    page = clients["coordinator"].get("/workspace/moderation/").content.decode()

    assert "o@example.org" in page


def test_comments_are_closed_on_an_unpublished_review(voices, clients, quick):
    url = f"/recommendations/{voices.hidden.pk}/comment/"

    assert clients["anonymous"].get(url).status_code in (302, 404)
    assert clients["coordinator"].post(url, comment_form()).status_code == 404
    assert not PublicComment.objects.exists()


def test_a_filled_honeypot_is_thanked_and_nothing_is_kept(voices, clients, quick):
    response = clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/",
        comment_form(website="http://spam.example"),
    )

    assert response.status_code == 302
    assert not PublicComment.objects.exists()


def test_a_form_sent_faster_than_a_person_writes_is_refused(voices, clients, settings):
    settings.UPR_COMMENT_MIN_SECONDS = 60

    response = clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/", comment_form()
    )

    assert response.status_code == 400
    assert "too quickly" in response.content.decode()
    assert not PublicComment.objects.exists()


def test_a_forged_stamp_is_refused(voices, clients, quick):
    response = clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/", comment_form(shown="12345")
    )

    assert response.status_code == 400
    assert not PublicComment.objects.exists()


def test_one_address_sends_a_few_comments_an_hour_at_most(voices, clients, quick):
    quick.UPR_COMMENTS_PER_HOUR = 2
    url = f"/recommendations/{voices.recommendation.pk}/comment/"

    answers = [clients["anonymous"].post(url, comment_form()).status_code for _ in range(3)]

    assert answers == [302, 302, 429]
    assert PublicComment.objects.count() == 2


def test_a_comment_without_name_or_email_is_refused_with_the_field_named(voices, clients, quick):
    response = clients["anonymous"].post(
        f"/recommendations/{voices.recommendation.pk}/comment/",
        comment_form(name="", email="not an address"),
    )

    assert response.status_code == 400
    assert not PublicComment.objects.exists()
