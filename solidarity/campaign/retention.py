"""How long the campaign keeps what people told it (see docs/campaign.md).

Volunteers: deleted when nothing has happened for `CAMPAIGN_VOLUNTEER_RETENTION_DAYS` (default
365): not contacted, not marked active. Contact messages: deleted after
`CAMPAIGN_CONTACT_RETENTION_DAYS` (default 90). Past actions are public and kept.
"""

import datetime

from django.conf import settings

from solidarity.campaign.models import ContactMessage, Volunteer


def retention_days(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def purge(*, today: datetime.date) -> dict[str, int]:
    volunteer_limit = today - datetime.timedelta(
        days=retention_days("CAMPAIGN_VOLUNTEER_RETENTION_DAYS", 365)
    )
    message_limit = today - datetime.timedelta(
        days=retention_days("CAMPAIGN_CONTACT_RETENTION_DAYS", 90)
    )
    volunteers, _ = Volunteer.objects.filter(last_activity_on__lt=volunteer_limit).delete()
    messages, _ = ContactMessage.objects.filter(created_on__lt=message_limit).delete()
    return {"volunteers": volunteers, "contact messages": messages}
