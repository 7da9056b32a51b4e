from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "solidarity.reports"
    label = "reports"

    def ready(self) -> None:
        from solidarity.organizers.dashboard import register_link

        register_link("reports:inbox", _("Reports inbox"))
