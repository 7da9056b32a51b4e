"""`solidarity-city vault init|rotate|recover|new-recovery-key|status`: the campaign key from
the command line.

Passphrases and the recovery key are read from the terminal (never from arguments, which other
users of the machine can see in the process list), or from stdin with `--stdin` for scripts.
"""

import getpass
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.accounts.models import User
from solidarity.cities.models import City
from solidarity.vault import services
from solidarity.vault.models import CampaignKey, OrganizerKey, WrappedKey


class Command(BaseCommand):
    help = "Manage the campaign key: init, rotate, recover, new-recovery-key, status."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        init = sub.add_parser("init", help="Create the campaign key; print the recovery key once.")
        init.add_argument("--username", required=True, help="The first organizer (staff user).")
        rotate = sub.add_parser("rotate", help="New campaign key; re-seal every sealed value.")
        rotate.add_argument("--username", help="An organizer holding the key (or --recovery).")
        rotate.add_argument("--recovery", action="store_true", help="Open with the recovery key.")
        recover = sub.add_parser(
            "recover", help="New passphrase for an organizer, from the recovery key."
        )
        recover.add_argument("--username", required=True)
        replace = sub.add_parser(
            "new-recovery-key",
            help="Replace a lost or exposed recovery key; print the new one once.",
        )
        replace.add_argument("--username", help="An organizer holding every active key.")
        replace.add_argument("--recovery", action="store_true", help="Open with the old key.")
        replace.add_argument(
            "--stdin", action="store_true", help="Read secrets from stdin, one per line."
        )
        sub.add_parser("status", help="Show keys and who holds them (no secrets).")
        for command in (init, rotate, recover):
            command.add_argument("--city", help="City slug, for a per-city key.")
            command.add_argument(
                "--stdin", action="store_true", help="Read secrets from stdin, one per line."
            )

    def handle(self, *args: Any, **options: Any) -> None:
        self.options = options
        getattr(self, f"do_{options['action'].replace('-', '_')}")()

    def secret(self, prompt: str) -> str:
        if self.options.get("stdin"):
            return sys.stdin.readline().rstrip("\n")
        return getpass.getpass(prompt)

    def city_id(self) -> int | None:
        slug = self.options.get("city")
        if not slug:
            return None
        city = City.objects.filter(slug=slug).first()
        if city is None:
            raise CommandError(f"No city {slug!r}.")
        return city.pk

    def organizer(self) -> User:
        user = User.objects.filter(username=self.options["username"], is_staff=True).first()
        if user is None:
            raise CommandError(f"No organizer (staff user) named {self.options['username']!r}.")
        return user

    def do_init(self) -> None:
        organizer = self.organizer()
        passphrase = self.secret("Vault passphrase of this organizer: ")
        if len(passphrase) < 16:
            raise CommandError("The passphrase needs at least 16 characters.")
        try:
            result = services.vault_init(
                organizer=organizer, passphrase=passphrase, city_id=self.city_id()
            )
        except (ValueError, services.WrongPassphrase) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Campaign key {result.campaign_key.pk} created, held by {organizer}.")
        if result.recovery_key:
            self.stdout.write(
                "\nRECOVERY KEY — print it, keep it offline; it is shown only this once:\n\n"
                f"    {result.recovery_key}\n"
            )
        else:
            self.stdout.write("Sealed to the existing recovery key as well.")

    def keyring(self) -> dict[int, bytes]:
        try:
            if self.options.get("recovery"):
                return services.recovery_keyring(recovery_key=self.secret("Recovery key: "))
            if not self.options.get("username"):
                raise CommandError("Give --username or --recovery.")
            return services.unwrap_keyring(
                organizer=self.organizer(), passphrase=self.secret("Vault passphrase: ")
            )
        except (services.WrongPassphrase, services.NoOrganizerKey) as error:
            raise CommandError(str(error)) from error

    def do_rotate(self) -> None:
        keyring = self.keyring()
        actor = self.organizer() if self.options.get("username") else None
        try:
            result = services.vault_rotate(actor=actor, keyring=keyring, city_id=self.city_id())
        except (CampaignKey.DoesNotExist, services.VaultLocked) as error:
            raise CommandError("No active key you hold in this scope.") from error
        self.stdout.write(
            f"Campaign key {result.old_key.pk} replaced by {result.new_key.pk}; "
            f"{result.resealed} sealed values re-sealed; the old private key is destroyed."
        )

    def do_new_recovery_key(self) -> None:
        keyring = self.keyring()
        actor = self.organizer() if self.options.get("username") else None
        try:
            printable = services.vault_replace_recovery_key(actor=actor, keyring=keyring)
        except services.VaultLocked as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            "The old recovery key opens nothing any more.\n"
            "\nNEW RECOVERY KEY — print it, keep it offline; it is shown only this once:\n\n"
            f"    {printable}\n\n"
            "If the old key may have been copied, rotate every campaign key now "
            "(`vault rotate`): deleted copies linger in database files and backups, where the "
            "old key still opens the current campaign key."
        )

    def do_recover(self) -> None:
        organizer = self.organizer()
        recovery_key = self.secret("Recovery key: ")
        passphrase = self.secret("New vault passphrase for this organizer: ")
        if len(passphrase) < 16:
            raise CommandError("The passphrase needs at least 16 characters.")
        try:
            count = services.vault_recover(
                recovery_key=recovery_key, organizer=organizer, passphrase=passphrase
            )
        except services.WrongPassphrase as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{organizer} has a new passphrase and holds {count} campaign key(s).")

    def do_status(self) -> None:
        for key in CampaignKey.objects.filter(is_active=True).select_related("city"):
            holders = WrappedKey.objects.filter(campaign_key=key, holder__isnull=False)
            names = ", ".join(sorted(str(w.holder) for w in holders.select_related("holder")))
            recovery = WrappedKey.objects.filter(
                campaign_key=key, recovery_key__isnull=False
            ).exists()
            self.stdout.write(
                f"{key}: held by {names or 'nobody'}; recovery key: {'yes' if recovery else 'no'}"
            )
        waiting = OrganizerKey.objects.exclude(user__wrapped_keys__campaign_key__is_active=True)
        for waiting_key in waiting.select_related("user"):
            self.stdout.write(f"{waiting_key.user}: passphrase chosen, waiting for access")
        if not CampaignKey.objects.filter(is_active=True).exists():
            self.stdout.write("No campaign key: run `solidarity-city vault init --username NAME`.")
