from django.urls import path

from . import views
from .exporting import views as exports

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("breakdowns/<str:grouping>/", views.breakdown_table, name="breakdown"),
    path("breakdowns/<str:grouping>/export/", views.breakdown_export, name="breakdown-export"),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
    path(
        "recommendations/<int:pk>/comment/",
        views.recommendation_comment,
        name="recommendation-comment",
    ),
    path(
        "recommendations/<int:pk>/comment/sent/",
        views.recommendation_comment_sent,
        name="recommendation-comment-sent",
    ),
    path("institutions/", views.institution_list, name="institution-list"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution-detail"),
    path("recommendations/export/", exports.recommendation_export, name="recommendation-export"),
    path("reviews/<int:pk>/status-report/", exports.status_report, name="review-status-report"),
    path(
        "reviews/<int:pk>/status-report.docx",
        exports.status_report_document,
        name="review-status-report-docx",
    ),
    path(
        "reviews/<int:pk>/status-report/document/<uuid:job_id>/",
        exports.status_report_document_job,
        name="review-status-report-job",
    ),
]
