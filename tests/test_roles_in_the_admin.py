"""Each role in the admin, on a fresh database without the demo, as the README's roles table
says: coordinators curate the domain, advisers read it, ministry staff and partners stay out,
administrators manage users. Users are made the way an administrator makes them."""

from datetime import date

import pytest
from django.urls import reverse

from missions.models import Engagement
from recommendations.models import ProgressUpdate, Recommendation, ReviewCycle, Role, UserProfile
from recommendations.people import user_create

from .factories import InstitutionFactory, ProgressUpdateFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def logged_in(client, role):
    institution = InstitutionFactory(name="Ministry of Justice")
    user = user_create(username=str(role), role=role, institution=institution)
    client.force_login(user)
    return client


def filled_in(page, **values):
    """What the admin form on ``page`` posts after the user typed ``values`` (an add page, or
    a change page without inline rows)."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        assert not formset.initial_forms
        data.update({f"{formset.prefix}-TOTAL_FORMS": "0", f"{formset.prefix}-INITIAL_FORMS": "0"})
    data.update(values)
    return data


def test_a_coordinator_opens_the_admin(client):
    coordinator = logged_in(client, Role.COORDINATOR)

    index = coordinator.get(reverse("admin:index"))

    assert index.status_code == 200
    assert admin_url(Recommendation, "add") in index.content.decode()


def test_a_coordinator_adds_a_recommendation_in_the_admin(client):
    coordinator = logged_in(client, Role.COORDINATOR)
    review = ReviewCycleFactory()
    url = admin_url(Recommendation, "add")

    response = coordinator.post(
        url,
        filled_in(
            coordinator.get(url),
            review=str(review.pk),
            reference="97.1",
            text="Abolish the death penalty",
            position="supported",
        ),
    )

    assert response.status_code == 302
    assert review.recommendations.get().text == "Abolish the death penalty"


def test_a_coordinator_changes_a_review_in_the_admin(client):
    coordinator = logged_in(client, Role.COORDINATOR)
    review = ReviewCycleFactory(session="8")
    url = admin_url(ReviewCycle, "change", review.pk)

    response = coordinator.post(url, filled_in(coordinator.get(url), session="9"))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.session == "9"


def test_a_coordinator_records_an_engagement_in_the_admin(client):
    coordinator = logged_in(client, Role.COORDINATOR)
    url = admin_url(Engagement, "add")

    response = coordinator.post(
        url,
        filled_in(
            coordinator.get(url),
            kind="training",
            title="Seminar on the national referral mechanism",
            start_date="2011-03-01",
        ),
    )

    assert response.status_code == 302
    assert Engagement.objects.get().start_date == date(2011, 3, 1)


def test_a_coordinator_does_not_manage_users(client):
    coordinator = logged_in(client, Role.COORDINATOR)

    assert coordinator.get(admin_url(UserProfile, "changelist")).status_code == 403
    assert coordinator.get(reverse("admin:auth_user_changelist")).status_code == 403


@pytest.mark.parametrize("model", [Recommendation, ReviewCycle, ProgressUpdate, Engagement])
def test_an_adviser_reads_the_admin_lists(client, model):
    adviser = logged_in(client, Role.ADVISER)
    ProgressUpdateFactory()

    assert adviser.get(admin_url(model, "changelist")).status_code == 200


def test_an_adviser_reads_a_review_without_a_save_button_and_cannot_change_it(client):
    adviser = logged_in(client, Role.ADVISER)
    review = ReviewCycleFactory(session="8")
    url = admin_url(ReviewCycle, "change", review.pk)

    page = adviser.get(url)
    response = adviser.post(url, {"session": "9"})

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.session == "8"


@pytest.mark.parametrize("model", [Recommendation, ReviewCycle, Engagement])
def test_an_adviser_may_not_add_anything(client, model):
    adviser = logged_in(client, Role.ADVISER)
    before = model.objects.count()

    assert adviser.get(admin_url(model, "add")).status_code == 403
    assert adviser.post(admin_url(model, "add"), {"title": "x"}).status_code == 403
    assert model.objects.count() == before


def test_an_adviser_may_not_open_the_user_profiles(client):
    adviser = logged_in(client, Role.ADVISER)

    assert adviser.get(admin_url(UserProfile, "changelist")).status_code == 403


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.PARTNER])
def test_ministry_staff_and_partners_are_sent_to_the_admins_login(client, role):
    outsider = logged_in(client, role)
    ProgressUpdateFactory()

    for url in [reverse("admin:index"), admin_url(Recommendation, "changelist")]:
        response = outsider.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_an_administrator_manages_users_and_their_profiles(client):
    administrator = logged_in(client, Role.ADMINISTRATOR)

    assert administrator.get(reverse("admin:auth_user_add")).status_code == 200
    assert administrator.get(admin_url(UserProfile, "add")).status_code == 200
