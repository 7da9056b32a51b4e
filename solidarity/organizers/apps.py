from django.apps import AppConfig


class OrganizersConfig(AppConfig):
    name = "solidarity.organizers"
    label = "organizers"
