"""Writes of the campaign app. Personal details are sealed before they reach the database."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from solidarity.campaign.models import ContactMessage, Volunteer
from solidarity.cities.models import City
from solidarity.organizers.services import audit_log
from solidarity.vault.services import open_json, seal_json


@dataclass(frozen=True)
class VolunteerDetails:
    """What a volunteer typed that identifies them: only ever stored sealed."""

    name: str
    contact: str
    availability: str = ""
    notes: str = ""


def volunteer_submit(
    *, city: City, details: VolunteerDetails, ways_to_help: list[str], languages: list[str]
) -> Volunteer:
    return Volunteer.objects.create(
        city=city,
        details_sealed=seal_json(details.__dict__, city_id=city.pk),
        ways_to_help=sorted(set(ways_to_help)),
        languages=sorted(set(languages)),
        last_activity_on=timezone.localdate(),
    )


def contact_submit(
    *, city: City | None, topic: str, name: str, reply_to: str, message: str
) -> ContactMessage:
    sealed = seal_json(
        {"name": name, "reply_to": reply_to, "message": message},
        city_id=city.pk if city else None,
    )
    return ContactMessage.objects.create(city=city, topic=topic, message_sealed=sealed)


def volunteer_set_status(*, volunteer: Volunteer, status: str, actor: Any) -> Volunteer:
    with transaction.atomic():
        volunteer.status = Volunteer.Status(status)
        volunteer.last_activity_on = timezone.localdate()
        volunteer.save(update_fields=["status", "last_activity_on"])
        audit_log(
            actor=actor,
            action=f"volunteer.{status}",
            target=volunteer,
            city_id=volunteer.city_id,
        )
    return volunteer


def contact_mark_handled(*, message: ContactMessage, actor: Any) -> ContactMessage:
    with transaction.atomic():
        message.handled = True
        message.save(update_fields=["handled"])
        audit_log(actor=actor, action="contact.handled", target=message, city_id=message.city_id)
    return message


CSV_COLUMNS = ["id", "city", "status", "created_on", "name", "contact", "availability", "notes"]
CSV_COLUMNS += ["ways_to_help", "languages"]


def csv_safe(value: object) -> str:
    """Neutralises spreadsheet formulas (CSV injection) in values volunteers typed."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def volunteer_csv_row(volunteer: Volunteer, keyring: dict[int, bytes]) -> list[str]:
    details = open_json(volunteer.details_sealed, keyring=keyring)
    row: list[object] = [volunteer.pk, volunteer.city.slug, volunteer.status, volunteer.created_on]
    row += [details.get(key, "") for key in ("name", "contact", "availability", "notes")]
    row += [" ".join(volunteer.ways_to_help), " ".join(volunteer.languages)]
    return [csv_safe(value) for value in row]


def volunteers_export_csv(
    *, volunteers: Iterable[Volunteer], keyring: dict[int, bytes], actor: Any
) -> str:
    """Opens the volunteers' details into CSV text. An export is a security event: audited."""
    volunteers = list(volunteers)
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(volunteer_csv_row(volunteer, keyring) for volunteer in volunteers)
    with transaction.atomic():
        for city_id in sorted({volunteer.city_id for volunteer in volunteers}):
            count = sum(1 for volunteer in volunteers if volunteer.city_id == city_id)
            audit_log(
                actor=actor, action="volunteers.export", city_id=city_id, detail=f"{count} rows"
            )
    return output.getvalue()
