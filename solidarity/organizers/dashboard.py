"""Links on the organizer dashboard. Other apps add theirs in `AppConfig.ready()`:

    from solidarity.organizers.dashboard import register_link
    register_link("endorsements:review", _("Review endorsements"))

A link whose URL name does not resolve is left out, so half-built apps never break the page.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from solidarity.accounts.links import Link

_REGISTRY: list[tuple[str, str | Promise]] = [
    ("organizers:audit", _("Audit trail")),
    ("vault:access", _("Organizers and vault access")),
]


def register_link(url_name: str, label: str | Promise) -> None:
    if all(name != url_name for name, _label in _REGISTRY):
        _REGISTRY.insert(len(_REGISTRY) - 2, (url_name, label))


def dashboard_links() -> list[Link]:
    links = []
    for url_name, label in _REGISTRY:
        try:
            links.append(Link(url=reverse(url_name), label=label))
        except NoReverseMatch:
            continue
    return links
