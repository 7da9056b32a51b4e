from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from solidarity.api.hsds.importer import ImportFailed, ImportReport
from solidarity.api.services import hsds_import
from solidarity.cities.models import City
from solidarity.directory.bulk import cyclic_gc_paused, sqlite_memory_temp_store


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 data (JSON, NDJSON, or a CSV data package directory or zip). "
        "All or nothing; idempotent by HSDS id. Imported organizations stay private until they "
        "endorse and are verified."
    )

    # Scheduled and bulk jobs: the system checks (which import every URL module) cost ~2.5 s of
    # CPU per run; `manage.py check --deploy` runs them where they belong.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--city", help="Slug of the city the data belongs to.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language the file's text is written in.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check, then write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path}: no such file or directory")
        city = self.city(options["city"])
        # Before the import's transaction begins (see sqlite_memory_temp_store).
        try:
            with sqlite_memory_temp_store(), cyclic_gc_paused():
                report = hsds_import(
                    path=path,
                    city=city,
                    language=options["language"],
                    dry_run=options["dry_run"],
                    progress=ProgressBar(self.stderr) if options["verbosity"] else None,
                )
        except ImportFailed as failure:
            for problem in failure.report.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(failure)) from None
        self.write_report(report)

    def city(self, slug: str | None) -> City:
        cities = City.objects.all()
        if slug:
            cities = cities.filter(slug=slug)
        if cities.count() != 1:
            names = ", ".join(City.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"Name the city with --city (cities: {names}).")
        return cities.get()

    def write_report(self, report: ImportReport) -> None:
        for notice in report.notices:
            self.stdout.write(f"note: {notice}")
        tables = sorted(set(report.created) | set(report.updated) | set(report.skipped))
        for table in tables:
            self.stdout.write(
                f"{table}: {report.created[table]} new, {report.updated[table]} updated, "
                f"{report.skipped[table]} skipped"
            )
        if report.dry_run:
            self.stdout.write("Dry run: nothing was written.")


class ProgressBar:
    """A one-line progress report on a terminal (a line per step otherwise)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.table = ""

    def __call__(self, table: str, count: int) -> None:
        if self.live:
            if table != self.table and self.table:
                self.stream.write("", ending="\n")
            filled = "#" * min(30, count // 2000 + 1)
            self.stream.write(f"\r{table:<20} [{filled:<30}] {count:>8}", ending="")
        elif table != self.table or count % 10000 == 0:
            self.stream.write(f"{table}: {count}")
        self.table = table
        self.stream.flush()
