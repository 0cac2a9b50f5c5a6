from django.contrib import admin

from recommendations.admin_history import HistoryAdmin

from .models import Engagement


@admin.register(Engagement)
class EngagementAdmin(HistoryAdmin):
    list_display = ["title", "kind", "start_date", "end_date", "place", "state_concerned"]
    list_filter = ["kind", "state_concerned", "mechanisms", "organisers", "funders"]
    search_fields = ["title", "summary", "outcomes", "place", "participants_note"]
    date_hierarchy = "start_date"
    autocomplete_fields = [
        "country",
        "state_concerned",
        "organisers",
        "funders",
        "participants",
        "mechanisms",
        "recommendations",
        "themes",
        "affected_groups",
        "source",
    ]
