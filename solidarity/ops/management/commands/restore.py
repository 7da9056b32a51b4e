"""`solidarity-city restore --input FILE`: replaces the database with a sealed backup.

The key is an organizer's vault passphrase or the printed recovery key, typed at a prompt or read
from a file (never from the command line, where other users could see it in the process list).
"""

from getpass import getpass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.ops.services import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a sealed backup, replacing everything in the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", "-i", required=True, help="the backup file")
        parser.add_argument("--recovery-key", action="store_true", help="ask for the recovery key")
        parser.add_argument("--key-file", help="read the passphrase or recovery key from a file")
        parser.add_argument("--no-input", action="store_true", help="do not ask to confirm")

    def handle(self, *args: Any, **options: Any) -> None:
        secret = self.read_secret(options)
        if not options["no_input"] and input("Replace the whole database? [y/N] ") != "y":
            raise CommandError("Nothing restored.")
        key = {"recovery_key" if options["recovery_key"] else "passphrase": secret}
        try:
            with Path(options["input"]).open("rb") as source:
                summary = backup_restore(source=source, **key)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing restored: {error}") from error
        self.stdout.write(f"Restored the {summary.engine} backup of {summary.created_on}.")

    def read_secret(self, options: dict[str, Any]) -> str:
        if options["key_file"]:
            return Path(options["key_file"]).read_text(encoding="utf-8").strip()
        return getpass("Recovery key: " if options["recovery_key"] else "Vault passphrase: ")
