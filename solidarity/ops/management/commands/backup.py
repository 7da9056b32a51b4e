"""`solidarity-city backup --output FILE`: a consistent snapshot sealed to the campaign key."""

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.ops.services import BackupError, backup_create
from solidarity.vault.services import VaultNotInitialized


class Command(BaseCommand):
    help = "Write a sealed backup of the database (readable only with the campaign key)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", required=True, help="file to write, or - for stdout")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        try:
            if output == "-":
                summary = backup_create(destination=sys.stdout.buffer)
            else:
                summary = self.write_file(output)
        except (BackupError, VaultNotInitialized, OSError) as error:
            raise CommandError(str(error)) from error
        self.stderr.write(
            f"Sealed {summary.engine} backup of {summary.size} bytes to campaign key "
            f"{summary.campaign_key_id}."
        )

    def write_file(self, output: str) -> Any:
        # Created readable by its owner only; a partial file is removed on failure.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as destination:
                return backup_create(destination=destination)
        except BaseException:
            os.unlink(output)
            raise
