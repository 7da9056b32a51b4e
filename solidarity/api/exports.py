"""Where the latest open-data export lives, and what the open-data page offers to download."""

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings

EXPORT_FILES = ("hsds-datapackage.zip", "hsds-services.json", "endorsements.json")


def export_dir() -> Path:
    return Path(getattr(settings, "OPEN_DATA_DIR", settings.VAR_DIR / "open-data"))


def latest_exports() -> list[dict[str, Any]]:
    """The export files that exist, with their size and the day they were written."""
    found = []
    for name in EXPORT_FILES:
        path = export_dir() / name
        if path.is_file():
            stat = path.stat()
            day = datetime.date.fromtimestamp(stat.st_mtime)
            found.append({"name": name, "size": stat.st_size, "day": day})
    return found


def unpublish() -> None:
    """Removes the published export files at once: an endorser that withdrew or was suspended
    must leave every export, not only the next one. The scheduled regeneration (or
    `solidarity-city export-hsds`) publishes fresh files."""
    for name in EXPORT_FILES:
        (export_dir() / name).unlink(missing_ok=True)
