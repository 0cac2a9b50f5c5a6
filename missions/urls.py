from django.urls import path

from recommendations.exporting import views as exports

from . import views

urlpatterns = [
    path("", views.engagement_list, name="engagement-list"),
    path("export/", exports.engagement_export, name="engagement-export"),
    path("<int:pk>/", views.engagement_detail, name="engagement-detail"),
]
