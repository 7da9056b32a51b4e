from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "solidarity.directory"
    label = "directory"

    def ready(self) -> None:
        from solidarity.organizers.dashboard import register_link

        register_link("directory:review", _("Listings to review"))
        register_link("directory:outdated", _("Listings reported outdated"))
