from django.urls import path

from recommendations.exporting import views as exports

urlpatterns = [
    path("engagements/export/", exports.engagement_export, name="engagement-export"),
]
