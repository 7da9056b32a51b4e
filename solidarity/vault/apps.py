from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "solidarity.vault"
    label = "vault"
