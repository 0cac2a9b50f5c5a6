from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Reviews and recommendations"
