from django.urls import path

from .views import (
    account,
    assessments,
    contributors,
    due,
    home,
    moderation,
    plans,
    publication,
    queue,
    records,
    reporting,
    saved_views,
    tokens,
)

app_name = "workspace"

urlpatterns = [
    path("", home.my_recommendations, name="home"),
    path("start/", home.landing, name="landing"),
    path("queue/", queue.queue, name="queue"),
    path("recommendations/<int:pk>/", home.recommendation_page, name="recommendation"),
    path("recommendations/<int:pk>/actions/new/", reporting.action_create, name="action_create"),
    path(
        "recommendations/<int:pk>/actions/<int:action_pk>/edit/",
        reporting.action_edit,
        name="action_edit",
    ),
    path("recommendations/<int:pk>/updates/new/", reporting.update_create, name="update_create"),
    path("updates/<int:pk>/edit/", reporting.update_edit, name="update_edit"),
    path("updates/<int:pk>/submit/", reporting.update_submit, name="update_submit"),
    path("due/", due.due_dates, name="due"),
    path("actions/<int:pk>/", plans.action_page, name="action"),
    path("actions/<int:pk>/indicators/new/", plans.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", plans.indicator_page, name="indicator"),
    path("indicators/<int:pk>/edit/", plans.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/values/new/", plans.value_create, name="value_create"),
    path("values/<int:pk>/edit/", plans.value_edit, name="value_edit"),
    path("values/<int:pk>/submit/", plans.value_submit, name="value_submit"),
    path("history/<str:kind>/<int:pk>/", records.history, name="history"),
    path("evidence/<str:kind>/<int:pk>/", records.evidence, name="evidence"),
    path("password/", account.PasswordChangeView.as_view(), name="password_change"),
    path("tokens/", tokens.api_tokens, name="api_tokens"),
    path("tokens/<int:pk>/revoke/", tokens.api_token_revoke_view, name="api_token_revoke"),
    # Contributors: their organisation's independent assessments.
    path("assessments/", assessments.assessments, name="assessments"),
    path(
        "recommendations/<int:pk>/assessments/new/",
        assessments.assessment_create,
        name="assessment_create",
    ),
    path("assessments/<int:pk>/edit/", assessments.assessment_edit, name="assessment_edit"),
    # Coordinators: contributors' accounts, moderation and publication.
    path("contributors/", contributors.contributors, name="contributors"),
    path("moderation/", moderation.moderation, name="moderation"),
    path(
        "moderation/assessments/<int:pk>/",
        moderation.assessment_decide,
        name="assessment_decide",
    ),
    path("moderation/comments/<int:pk>/", moderation.comment_decide, name="comment_decide"),
    path("publication/", publication.reviews, name="publication"),
    path("publication/<int:pk>/", publication.review_publication, name="review_publication"),
    # Everyone signed in: saved views.
    path("views/", saved_views.saved_view_list, name="saved_views"),
    path("views/new/", saved_views.saved_view_create, name="saved_view_create"),
    path("views/<int:pk>/share/", saved_views.saved_view_share, name="saved_view_share"),
    path("views/<int:pk>/delete/", saved_views.saved_view_delete, name="saved_view_delete"),
]
