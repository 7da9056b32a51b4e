from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "solidarity.directory"
    label = "directory"
