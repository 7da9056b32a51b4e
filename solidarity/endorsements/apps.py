from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EndorsementsConfig(AppConfig):
    name = "solidarity.endorsements"
    label = "endorsements"

    def ready(self) -> None:
        from solidarity.organizers.dashboard import register_link

        register_link("endorsements:review_queue", _("Endorsements to verify"))
