"""The demo organizer: known password, passphrase and TOTP secret, printed by `make run`."""

from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.accounts.models import User
from solidarity.vault.services import vault_init

USERNAME = "organizer"
PASSWORD = "solidarity-demo-password"  # noqa: S105 - demo only, printed on purpose
PASSPHRASE = "demo passphrase for the campaign vault"  # noqa: S105 - demo only
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"  # RFC 6238 test secret


def load(*, stdout: Any = None, **options: Any) -> None:
    organizer = User.objects.create_user(
        username=USERNAME, password=PASSWORD, is_staff=True, is_superuser=True
    )
    TOTPDevice.objects.create(user=organizer, name="demo", key=TOTP_KEY_HEX, confirmed=True)
    result = vault_init(organizer=organizer, passphrase=PASSPHRASE)
    if stdout is not None:
        stdout.write(f"Demo vault recovery key (demo only): {result.recovery_key}")
