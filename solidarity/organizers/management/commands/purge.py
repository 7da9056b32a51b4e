"""`solidarity-city purge`: delete personal records that are due, on every app's schedule."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from solidarity.organizers.purge import purge_all


class Command(BaseCommand):
    help = "Delete personal records whose retention period is over (each app's retention.py)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Pretend today is this date (YYYY-MM-DD); for testing schedules.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results = purge_all(today=options["today"])
        for label, counts in results.items():
            for kind, count in counts.items():
                self.stdout.write(f"{label}: {count} {kind} deleted")
        self.stdout.write(self.style.SUCCESS("Purge done."))
