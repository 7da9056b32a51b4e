"""Demo reports in every state, for every demo city (deterministic content, fictional).

The receipts are printed so that the follow-up page can be tried; they are random like real
ones, because a receipt must never be predictable, even in a demo.
"""

import datetime
import random
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from solidarity.accounts.models import User
from solidarity.cities.models import City, Commitment
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
from solidarity.reports import inbox_services
from solidarity.reports.models import Report
from solidarity.reports.receipts import format_receipt
from solidarity.reports.services import report_submit

NARRATIVES = [
    "At the front desk they asked for a health card and then asked where I was born.",
    "A security guard said the border agency was welcome to come in and look around.",
    "They charged my friend a fee because she could not show a permit.",
    "The staff told us they share client lists with the authorities when asked.",
    "They paid the kitchen workers without papers less than the others.",
]
REPLIES = [
    "Thank you for telling us. We are contacting the organization this week.",
    "We spoke with the director; the clinic has retrained its front-desk staff.",
]
OUTCOMES = [
    Report.Status.NEW,
    Report.Status.CONTACTING,
    Report.Status.RESTORED,
    Report.Status.UNFOUNDED,
    Report.Status.SUSPENDED,
]


def load(*, stdout: Any = None, **options: Any) -> None:
    rng = random.Random(7)
    organizer = User.objects.filter(is_staff=True).order_by("pk").first()
    for city in City.objects.all():
        endorsers = list(_endorsers(city))
        for index, status in enumerate(OUTCOMES):
            organization = endorsers[index % len(endorsers)] if endorsers else None
            submission = _submit(rng, city, organization, index)
            _move_to(submission.report, status, organizer, rng)
            if stdout is not None:
                label = submission.report.get_status_display()
                receipt = format_receipt(submission.receipt)
                stdout.write(f"Demo report ({city.slug}, {label}): receipt {receipt}\n")


def _endorsers(city: City) -> Any:
    verified = Endorsement.objects.filter(
        organization=OuterRef("pk"), status=Endorsement.Status.VERIFIED
    )
    return Organization.objects.filter(city=city).filter(Exists(verified)).order_by("name")


def _submit(rng: random.Random, city: City, organization: Any, index: int) -> Any:
    today = timezone.localdate()
    return report_submit(
        city=city,
        organization=organization,
        organization_name="" if organization else "Corner Pharmacy",
        commitments=rng.sample(Commitment.values, k=rng.randint(1, 2)),
        month=(today - datetime.timedelta(days=30 * (index + 1))).replace(day=1),
        narrative=NARRATIVES[index % len(NARRATIVES)],
        contact="",
    )


def _move_to(report: Report, status: str, organizer: Any, rng: random.Random) -> None:
    if status == Report.Status.NEW or organizer is None:
        return
    inbox_services.report_reply(report=report, organizer=organizer, body=rng.choice(REPLIES))
    if status == Report.Status.SUSPENDED and report.organization_id:
        reason = "Asked visitors about their immigration status; under review with the campaign."
        inbox_services.report_suspend_endorsement(
            report=report, organizer=organizer, public_reason=reason
        )
        return
    if status != Report.Status.CONTACTING:
        inbox_services.report_transition(
            report=report, organizer=organizer, status=Report.Status.CONTACTING
        )
    inbox_services.report_transition(report=report, organizer=organizer, status=status)
