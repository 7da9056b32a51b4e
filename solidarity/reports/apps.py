from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "solidarity.reports"
    label = "reports"
