"""Reminders to organizations whose listings need re-verification, or that visitors reported as
outdated, as a django-tasks task that a scheduler (cron, systemd timer) enqueues daily with
`solidarity-city directory_reminders`.

They go to the organization's *public* e-mail address: representatives' addresses are not
stored in clear, and the login link is requested from the page the e-mail points to.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from solidarity.directory.models import Organization, OutdatedReport, Service
from solidarity.directory.selectors import OUTDATED_AFTER, ReportedProblems, reported_problems

REMIND_AFTER = OUTDATED_AFTER - datetime.timedelta(days=30)
REMIND_EVERY = datetime.timedelta(days=30)
# Reports the organization has not handled from its listings page within this time are e-mailed.
REPORTS_WAIT = datetime.timedelta(days=3)


def services_to_reverify(organization: Organization, today: datetime.date) -> QuerySet[Service]:
    return organization.services.filter(
        status=Service.Status.ACTIVE, last_verified__lt=today - REMIND_AFTER
    ).order_by("last_verified")


def reported_services(today: datetime.date) -> QuerySet[Service]:
    """Active listings with reports of outdated information older than REPORTS_WAIT that
    nobody handled."""
    waiting = OutdatedReport.objects.filter(resolved=False, day__lte=today - REPORTS_WAIT)
    return Service.objects.filter(
        status=Service.Status.ACTIVE, pk__in=waiting.values("service")
    ).order_by("name")


def reports_to_mention(
    organization: Organization, today: datetime.date
) -> list[tuple[Service, ReportedProblems]]:
    services = list(reported_services(today).filter(organization=organization))
    summaries = reported_problems([service.pk for service in services])
    return [(service, summaries[service.pk]) for service in services if service.pk in summaries]


def organizations_to_remind(today: datetime.date) -> QuerySet[Organization]:
    stale = Service.objects.filter(
        status=Service.Status.ACTIVE, last_verified__lt=today - REMIND_AFTER
    )
    reported = reported_services(today)
    recently = today - REMIND_EVERY
    return (
        Organization.objects.filter(
            Q(pk__in=stale.values("organization")) | Q(pk__in=reported.values("organization"))
        )
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
            "reported": reports_to_mention(organization, today),
            "url": settings.SITE_URL + reverse("directory:manage"),
        }
        subject = render_to_string("directory/email/reminder_subject.txt", context).strip()
        body = render_to_string("directory/email/reminder.txt", context)
    send_mail(subject, body, None, [organization.email])
    Organization.objects.filter(pk=organization.pk).update(listings_reminder_sent_on=today)


@task()
def send_verification_reminders(today: str = "") -> int:
    """E-mails each organization with listings close to "may be outdated", or reported as
    outdated by visitors, at most monthly."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    organizations = list(organizations_to_remind(day))
    for organization in organizations:
        send_reminder(organization, day)
    return len(organizations)
