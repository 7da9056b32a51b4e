from django.apps import AppConfig


class EndorsementsConfig(AppConfig):
    name = "solidarity.endorsements"
    label = "endorsements"
