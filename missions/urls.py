from django.urls import path

from . import views

urlpatterns = [
    path("", views.engagement_list, name="engagement-list"),
    path("export/", views.engagement_export, name="engagement-export"),
    path("<int:pk>/", views.engagement_detail, name="engagement-detail"),
]
