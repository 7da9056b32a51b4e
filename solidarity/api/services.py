"""Writes of the open-data app: HSDS import and export. Commands and tasks call these."""

from pathlib import Path

from django.db import transaction

from solidarity.api import exports
from solidarity.api.hsds import exporter, importer, readers
from solidarity.api.hsds.importer import ImportReport, Progress
from solidarity.cities.models import City
from solidarity.organizers.services import audit_log


def hsds_import(
    *,
    path: Path,
    city: City,
    language: str = "en",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports an HSDS file, directory or zip into `city`'s directory: all of it or, on any
    problem, nothing (raises `ImportFailed` with every problem found)."""
    tables = readers.tables_in_order(path, importer.ORDER)
    with transaction.atomic():
        report = importer.import_records(
            tables, city=city, language=language, dry_run=dry_run, progress=progress
        )
        if not dry_run:
            counts = ", ".join(f"{t}: {n}" for t, n in sorted(report.created.items()))
            audit_log(
                actor=None,
                action="hsds_import",
                city_id=city.pk,
                detail=f"{path.name} — created {counts or 'nothing'}",
            )
    return report


def hsds_export(*, directory: Path | None = None) -> dict[str, int]:
    """Regenerates the published open-data files; returns what each holds."""
    folder = directory or exports.export_dir()
    counts = exporter.export_hsds(folder / "hsds-datapackage.zip", folder / "hsds-services.json")
    counts["endorsements"] = exporter.export_endorsements_json(folder / "endorsements.json")
    return counts
