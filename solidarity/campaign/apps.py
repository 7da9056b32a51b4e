from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "solidarity.campaign"
    label = "campaign"

    def ready(self) -> None:
        from solidarity.organizers.dashboard import register_link

        register_link("campaign:volunteers", _("Volunteers"))
        register_link("campaign:contact_messages", _("Contact messages"))
