from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "solidarity.ops"
    label = "ops"
