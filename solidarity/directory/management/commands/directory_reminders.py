from typing import Any

from django.core.management.base import BaseCommand

from solidarity.directory.tasks import send_verification_reminders


class Command(BaseCommand):
    help = "Enqueue the e-mail reminders to organizations whose listings need re-verification."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_verification_reminders.enqueue()
        self.stdout.write(f"Reminders task enqueued ({result.id}).")
