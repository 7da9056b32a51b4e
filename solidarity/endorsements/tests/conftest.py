from typing import Any

import pytest

CANARY_EMAIL = "canary.contact.7f3a@example.net"
CANARY_NAME = "Zephyrine Canarywood"
CANARY_PHONE = "+1 514 555 0199"


@pytest.fixture
def form_data(city: Any) -> dict[str, Any]:
    """A complete, valid endorse form as a browser sends it (without proof-of-work)."""
    return {
        "organization_name": "Clinique Solidaire du Plateau",
        "sector": "healthcare",
        "city": city.slug,
        "website": "https://clinique-plateau.example.org",
        "description": "A community clinic open to everyone.",
        "provides_services": "yes",
        "commitments": [
            "never_ask",
            "confidential",
            "no_fees",
            "no_border_agency",
            "equal_standards",
        ],
        "supports_status_for_all": "on",
        "decision_method": "general_assembly",
        "decided_month": "2026-03",
        "statement": "Nobody is illegal.",
        "visibility": "listed",
        "contact_name": CANARY_NAME,
        "contact_role": "Coordinator",
        "contact_email": CANARY_EMAIL,
        "contact_phone": CANARY_PHONE,
    }


@pytest.fixture
def vault(organizer: Any) -> Any:
    """The campaign key exists (the organizer fixture initializes the vault)."""
    return organizer


@pytest.fixture
def solved(db: Any) -> Any:
    """Returns a fresh solved proof-of-work payload each call, as the browser script makes."""
    from solidarity.lib import pow

    return lambda: pow.solve(pow.new_challenge())


@pytest.fixture(autouse=True)
def fresh_cache() -> Any:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
