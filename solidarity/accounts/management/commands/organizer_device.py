"""`solidarity-city organizer-device --username NAME`: give an organizer a new TOTP second
factor from the command line (the first organizer, made with `createsuperuser`, has none and
cannot reach the admin without one). Replaces their previous devices."""

import io
from typing import Any

import segno
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.accounts.models import User
from solidarity.organizers.services import audit_log


class Command(BaseCommand):
    help = "Give an organizer a new TOTP second factor; prints its QR code and secret once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_staff=True).first()
        if user is None:
            raise CommandError(f"No organizer (staff user) named {options['username']!r}.")
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).delete()
            device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
            audit_log(actor=None, action="organizer_device_reset", target=user)
        qr = io.StringIO()
        segno.make(device.config_url, error="m").terminal(out=qr, compact=True)
        self.stdout.write(qr.getvalue())
        secret = device.config_url.split("secret=")[1].split("&")[0]
        self.stdout.write(f"\nScan the code above, or type this secret: {secret}\n")
