"""Links on a representative's home page. Other apps add theirs in `AppConfig.ready()`:

from solidarity.accounts.links import register_representative_link
register_representative_link("directory:my_services", _("Your services"))
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Link:
    url: str
    label: str | Promise


_REGISTRY: list[tuple[str, str | Promise]] = []


def register_representative_link(url_name: str, label: str | Promise) -> None:
    if (url_name, label) not in _REGISTRY:
        _REGISTRY.append((url_name, label))


def representative_links() -> list[Link]:
    links = []
    for url_name, label in _REGISTRY:
        try:
            links.append(Link(url=reverse(url_name), label=label))
        except NoReverseMatch:
            continue
    return links
