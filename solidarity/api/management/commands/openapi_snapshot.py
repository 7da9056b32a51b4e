from typing import Any

from django.core.management.base import BaseCommand, CommandError

from solidarity.api import openapi


class Command(BaseCommand):
    help = "Write the API's generated OpenAPI document to solidarity/api/openapi.json."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Only report whether the snapshot is current."
        )

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        current = openapi.SNAPSHOT.exists() and (
            openapi.committed_document() == openapi.generated_document()
        )
        if check:
            if not current:
                raise CommandError("The OpenAPI snapshot is out of date: run openapi-snapshot.")
            self.stdout.write("The OpenAPI snapshot is current.")
            return
        openapi.write_snapshot()
        self.stdout.write(f"Wrote {openapi.SNAPSHOT}")
