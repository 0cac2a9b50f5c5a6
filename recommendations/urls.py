from django.urls import path

from . import views
from .exporting import views as exports

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution-detail"),
    path("recommendations/export/", exports.recommendation_export, name="recommendation-export"),
    path("reviews/<int:pk>/status-report/", exports.status_report, name="review-status-report"),
    path(
        "reviews/<int:pk>/status-report.docx",
        exports.status_report_document,
        name="review-status-report-docx",
    ),
]
