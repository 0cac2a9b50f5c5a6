from django.urls import path

from . import views

urlpatterns = [
    path("", views.engagement_list, name="engagement-list"),
    path("<int:pk>/", views.engagement_detail, name="engagement-detail"),
]
