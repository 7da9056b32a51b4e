"""Background work for reports. The e-mail says that a report arrived, and nothing else:
no organization, no commitment, no words of the reporter (mail servers keep copies)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from solidarity.cities.models import City
from solidarity.reports.selectors import organizer_emails


@task()
def notify_organizers(*, city_id: int, kind: str = "report") -> int:
    """Tells the city's organizers that a report (or a reporter's message) arrived."""
    city = City.objects.get(pk=city_id)
    recipients = organizer_emails(city=city)
    if not recipients:
        return 0
    url = settings.SITE_URL + reverse("reports:inbox")
    with translation.override(settings.LANGUAGE_CODE):
        if kind == "message":
            subject = _("A reporter added a message")
            body = _(
                "A reporter added a message to a confidential report for %(city)s.\n\n"
                "Unlock the vault to read it in the reports inbox: %(url)s"
            ) % {"city": city.name, "url": url}
        else:
            subject = _("A confidential report arrived")
            body = _(
                "A new confidential report arrived for %(city)s.\n\n"
                "Unlock the vault to read it in the reports inbox: %(url)s"
            ) % {"city": city.name, "url": url}
    messages = [(subject, body, None, [address]) for address in recipients]
    return send_mass_mail(messages, fail_silently=False)
