from django.apps import AppConfig


class CitiesConfig(AppConfig):
    name = "solidarity.cities"
    label = "cities"
