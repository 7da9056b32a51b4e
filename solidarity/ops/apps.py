from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "solidarity.ops"
    label = "ops"

    def ready(self) -> None:
        from solidarity.ops import checks  # noqa: F401 - registers the deployment checks
