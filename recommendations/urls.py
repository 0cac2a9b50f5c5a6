from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution-detail"),
]
