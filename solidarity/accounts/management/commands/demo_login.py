"""`solidarity-city demo-login`: how to log in as the demo organizer (demo data only)."""

import base64
from typing import Any

from django.core.management.base import BaseCommand
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.accounts import demo


class Command(BaseCommand):
    help = "Print the demo organizer's credentials and a current second-factor code."

    def handle(self, *args: Any, **options: Any) -> None:
        device = TOTPDevice.objects.filter(user__username=demo.USERNAME, name="demo").first()
        if device is None:
            self.stdout.write("No demo organizer in this database.")
            return
        secret = base64.b32encode(device.bin_key).decode()
        code = totp(device.bin_key, step=device.step, digits=device.digits)
        self.stdout.write(
            "\nDemo organizer (demo data only, never in production):\n"
            f"  username:        {demo.USERNAME}\n"
            f"  password:        {demo.PASSWORD}\n"
            f"  TOTP secret:     {secret}  (add it to any authenticator app)\n"
            f"  code right now:  {code:06d}  (or run `solidarity-city demo-login` again)\n"
            f"  vault passphrase: {demo.PASSPHRASE}\n"
        )
