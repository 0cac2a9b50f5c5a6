from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from workspace import language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("upr_tracker.api_urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The language switcher of every page (Django's set_language, and the user's profile).
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("engagements/", include("missions.urls")),
    path("workspace/", include("workspace.urls")),
    path("audit/", include("audit.urls")),
    path("", include("recommendations.urls")),
]

# A database that went away outside a view is a 503 too (upr_tracker.database_unavailable).
handler500 = "upr_tracker.database_unavailable.server_error"
