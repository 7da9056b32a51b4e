"""`solidarity-city organizer-device` gives an organizer (e.g. one made with createsuperuser) a
working second factor from the command line."""

import io
import re

from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.accounts.models import User
from solidarity.organizers.models import AuditEntry
from solidarity.vault.tests.helpers import current_code


def test_a_new_device_replaces_the_old_and_lets_the_organizer_in(client, db):
    User.objects.create_superuser(username="first", password="first's long password")
    out = io.StringIO()

    call_command("organizer_device", "--username", "first", stdout=out)

    device = TOTPDevice.objects.get(user__username="first")
    assert re.search(r"secret: [A-Z2-7]{32}", out.getvalue())
    response = client.post(
        reverse("accounts:login"),
        {"username": "first", "password": "first's long password", "code": current_code(device)},
    )
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200
    assert AuditEntry.objects.filter(action="organizer_device_reset").count() == 1
