import datetime
from typing import Any

import pytest

CANARY_NAME = "Quillon Canarybrook"
CANARY_CONTACT = "canary.volunteer.91c2@example.net"
CANARY_MESSAGE = "canary-message-5d1e: our collective voted yes"


@pytest.fixture(autouse=True)
def fresh_cache() -> Any:
    """Rate-limit counters and cached PDFs never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vault(organizer: Any) -> Any:
    """The campaign key exists (the organizer fixture initializes the vault)."""
    return organizer


@pytest.fixture
def volunteer_data(city: Any) -> dict[str, Any]:
    return {
        "name": CANARY_NAME,
        "contact": CANARY_CONTACT,
        "city": city.pk,
        "ways_to_help": ["interpretation", "events"],
        "languages": ["fr", "es"],
        "availability": "Weekday evenings",
        "notes": "",
    }


@pytest.fixture
def contact_data(city: Any) -> dict[str, Any]:
    return {
        "name": CANARY_NAME,
        "reply_to": CANARY_CONTACT,
        "city": city.pk,
        "topic": "endorse",
        "message": CANARY_MESSAGE,
    }


@pytest.fixture
def make_endorser(vault: Any, city: Any) -> Any:
    """An organization with one endorsement of the city's declaration, in the given state."""
    from django.utils.text import slugify

    from solidarity.directory.models import Organization
    from solidarity.endorsements.models import Endorsement
    from solidarity.vault.services import email_hash, seal_json

    def make(
        name: str = "Clinique Solidaire du Plateau",
        *,
        status: str = "verified",
        visibility: str = "listed",
        commitments: tuple[str, ...] = (
            "never_ask",
            "confidential",
            "no_fees",
            "no_border_agency",
            "equal_standards",
        ),
    ) -> Endorsement:
        organization = Organization.objects.create(
            city=city, name=name, slug=slugify(name), sector="healthcare"
        )
        return Endorsement.objects.create(
            organization=organization,
            declaration=city.declarations.get(),
            provides_services=bool(commitments),
            commitments=list(commitments),
            decision_method="general_assembly",
            decided_month=datetime.date(2026, 3, 1),
            visibility=visibility,
            status=status,
            contact_sealed=seal_json({"name": "x"}, city_id=city.pk),
            contact_email_hash=email_hash(f"{slugify(name)}@example.org"),
        )

    return make
