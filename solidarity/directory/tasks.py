"""Reminders to organizations whose listings need re-verification, as a django-tasks task that a
scheduler (cron, systemd timer) enqueues daily with `solidarity-city directory_reminders`.

They go to the organization's *public* e-mail address: representatives' addresses are not
stored in clear, and the login link is requested from the page the e-mail points to.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from solidarity.directory.models import Organization, Service
from solidarity.directory.selectors import OUTDATED_AFTER

REMIND_AFTER = OUTDATED_AFTER - datetime.timedelta(days=30)
REMIND_EVERY = datetime.timedelta(days=30)


def services_to_reverify(organization: Organization, today: datetime.date) -> QuerySet[Service]:
    return organization.services.filter(
        status=Service.Status.ACTIVE, last_verified__lt=today - REMIND_AFTER
    ).order_by("last_verified")


def organizations_to_remind(today: datetime.date) -> QuerySet[Organization]:
    stale = Service.objects.filter(
        status=Service.Status.ACTIVE, last_verified__lt=today - REMIND_AFTER
    )
    recently = today - REMIND_EVERY
    return (
        Organization.objects.filter(pk__in=stale.values("organization"))
        .exclude(email="")
        .exclude(listings_reminder_sent_on__gt=recently)
        .select_related("city")
    )


def send_reminder(organization: Organization, today: datetime.date) -> None:
    language = (organization.city.language_codes or [settings.LANGUAGE_CODE])[0]
    with translation.override(language):
        context = {
            "organization": organization,
            "services": list(services_to_reverify(organization, today)),
            "url": settings.SITE_URL + reverse("directory:manage"),
        }
        subject = render_to_string("directory/email/reminder_subject.txt", context).strip()
        body = render_to_string("directory/email/reminder.txt", context)
    send_mail(subject, body, None, [organization.email])
    Organization.objects.filter(pk=organization.pk).update(listings_reminder_sent_on=today)


@task()
def send_verification_reminders(today: str = "") -> int:
    """E-mails each organization with listings close to "may be outdated" (at most monthly)."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    organizations = list(organizations_to_remind(day))
    for organization in organizations:
        send_reminder(organization, day)
    return len(organizations)
