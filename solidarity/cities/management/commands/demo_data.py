"""`solidarity-city demo-data`: deterministic demo content for the three demo cities.

Each app contributes through `solidarity.<app>.demo.load(**options)`, called in dependency
order, inside one transaction.
"""

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from solidarity.cities.models import City

DEMO_MODULES = [
    "solidarity.cities.demo",
    "solidarity.directory.demo",
    "solidarity.accounts.demo",
    "solidarity.endorsements.demo",
    "solidarity.directory.demo_services",
    "solidarity.reports.demo",
    "solidarity.campaign.demo",
]


class Command(BaseCommand):
    help = "Load deterministic demo data (cities, organizations, endorsements, services…)."
    # The system checks import every URL module (the PDF library among them): seconds of start-up
    # for a loader that uses none of them. `check` and the test suite run them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if the database has cities."
        )
        parser.add_argument(
            "--services", type=int, default=300, help="How many demo services to generate."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if City.objects.exists():
            if options["if_empty"]:
                self.stdout.write("The database already has data; demo data not loaded.")
                return
            self.stderr.write("The database already has cities; demo data needs an empty one.")
            raise SystemExit(1)
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as error:
                    if error.name != name:
                        raise
                    continue
                module.load(stdout=self.stdout, services=options["services"])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
