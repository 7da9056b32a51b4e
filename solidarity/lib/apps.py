from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "solidarity.lib"
    label = "lib"
