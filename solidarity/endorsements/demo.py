"""Demo endorsements for every demo organization, in every state (deterministic, fictional).

Most organizations are verified service providers with all five commitments, so the directory
has public services; the rest cover each state an organizer meets in the queue.
"""

import datetime
import random
from typing import Any

from django.utils import timezone

from solidarity.cities.models import City, Commitment, Declaration
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
from solidarity.vault.services import email_hash, seal_json

Status = Endorsement.Status
# One organization per city in each of these states; every other one is a verified provider.
SPECIAL = [
    (Status.UNCONFIRMED, True),
    (Status.AWAITING_REVIEW, True),
    (Status.AWAITING_REVIEW, False),
    (Status.REJECTED, True),
    (Status.WITHDRAWN, True),
    (Status.SUSPENDED, True),
]
STATEMENTS = [
    "Our general assembly voted unanimously: everyone who walks through our door is welcome.",
    "Nous refusons de demander des papiers à qui que ce soit.",
    "",
]


def load(**options: Any) -> None:
    rng = random.Random(4)
    for city in City.objects.all():
        declaration = Declaration.objects.filter(city=city, is_published=True).order_by("-version")
        if not declaration.exists():
            continue
        organizations = Organization.objects.filter(city=city).order_by("name")
        for index, organization in enumerate(organizations):
            status, proven = SPECIAL[index] if index < len(SPECIAL) else (Status.VERIFIED, True)
            create_demo_endorsement(
                organization=organization,
                declaration=declaration.first(),
                status=status,
                proven=proven,
                rng=rng,
                number=index,
            )


def create_demo_endorsement(
    *,
    organization: Organization,
    declaration: Any,
    status: str,
    proven: bool,
    rng: Any,
    number: int,
) -> Endorsement:
    today = timezone.localdate()
    created = today - datetime.timedelta(days=rng.randint(20, 540))
    supporter = number % 7 == 6  # a few endorse without providing services
    email = f"contact{number}@{organization.slug[:40]}.example.org"
    contact = {"name": f"Demo Contact {number}", "role": "Coordinator", "email": email, "phone": ""}
    endorsement = Endorsement.objects.create(
        organization=organization,
        declaration=declaration,
        provides_services=not supporter,
        commitments=[] if supporter else list(Commitment.values),
        decision_method=rng.choice(Endorsement.DecisionMethod.values),
        decided_month=(created - datetime.timedelta(days=20)).replace(day=1),
        statement=rng.choice(STATEMENTS),
        visibility=Endorsement.Visibility.COUNT_ONLY
        if number % 9 == 8
        else Endorsement.Visibility.LISTED,
        status=status,
        status_reason="Broken pledge confirmed by the campaign."
        if status == Status.SUSPENDED
        else "",
        contact_sealed=seal_json(contact, city_id=organization.city_id),
        contact_email_hash=email_hash(email),
        proof_of_work=proven,
    )
    reviewed = status in (Status.VERIFIED, Status.SUSPENDED, Status.WITHDRAWN)
    Endorsement.objects.filter(pk=endorsement.pk).update(
        created_on=created,
        confirmed_on=created + datetime.timedelta(days=1) if status != Status.UNCONFIRMED else None,
        verified_on=min(today, created + datetime.timedelta(days=rng.randint(2, 20)))
        if reviewed
        else None,
    )
    return endorsement
