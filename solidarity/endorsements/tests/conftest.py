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
def fresh_cache(settings: Any) -> Any:
    from django.core.cache import cache

    settings.POW_MAX_NUMBER = 2000  # the same work, less of it: tests solve in pure Python

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_endorsement(vault: Any, city: Any) -> Any:
    """Creates an endorsement through the submission service, then puts it in `status`."""
    import datetime

    from django.utils import timezone

    from solidarity.endorsements import services
    from solidarity.endorsements.models import Endorsement

    counter = iter(range(1000))

    def make(*, name: str = "", status: str = "verified", in_city: Any = None, **changes: Any):
        number = next(counter)
        target = in_city or city
        submission = services.Submission(
            organization_name=name or f"Food Bank {number}",
            sector=changes.pop("sector", "food_bank"),
            city=target,
            website="",
            description="Groceries for everyone.",
            provides_services=changes.pop("provides_services", True),
            commitments=changes.pop(
                "commitments",
                ["never_ask", "confidential", "no_fees", "no_border_agency", "equal_standards"],
            ),
            decision_method="board",
            decided_month=datetime.date(2026, 1, 1),
            statement=changes.pop("statement", ""),
            visibility=changes.pop("visibility", "listed"),
            contact={
                "name": CANARY_NAME,
                "role": "Chair",
                "email": f"{number}{CANARY_EMAIL}",
                "phone": CANARY_PHONE,
            },
        )
        endorsement = services.endorsement_submit(
            submission=submission, proof_of_work=False, language="en"
        )
        assert endorsement is not None
        verified_on = timezone.localdate() if status == "verified" else None
        Endorsement.objects.filter(pk=endorsement.pk).update(
            status=status, verified_on=verified_on, **changes
        )
        endorsement.refresh_from_db()
        return endorsement

    return make
