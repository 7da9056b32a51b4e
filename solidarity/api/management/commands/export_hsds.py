from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from solidarity.api.services import hsds_export


class Command(BaseCommand):
    help = (
        "Write the public directory as HSDS 3.0 open data (CSV data package zip, JSON) and the "
        "public endorsements, into the open-data folder the /open-data/ page links to. Run it "
        "on a schedule (cron or a systemd timer), e.g. hourly."
    )

    # Scheduled and bulk jobs: the system checks (which import every URL module) cost ~2.5 s of
    # CPU per run; `manage.py check --deploy` runs them where they belong.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", type=Path, help="Another folder to write to.")

    def handle(self, *args: Any, output: Path | None = None, **options: Any) -> None:
        counts = hsds_export(directory=output)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
