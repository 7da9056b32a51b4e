"""Retention: `solidarity-city purge` (and the `purge` task) calls `purge(today=)` of every
installed app's `retention` module, in one transaction, and records what was deleted.

An app's `retention.py` provides `purge(*, today: datetime.date) -> dict[str, int]` (what it
deleted, by kind). SQLite overwrites deleted rows (`secure_delete`); on PostgreSQL, dead rows
linger until VACUUM, so purge vacuums the tables afterwards, and sealed values are only readable
with a campaign key that rotation destroys (see docs/organizers.md).
"""

import datetime
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from solidarity.organizers.services import audit_log


def retention_modules() -> dict[str, ModuleType]:
    modules = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.retention"
        try:
            modules[config.label] = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def purge_all(
    *, today: datetime.date | None = None, actor: Any = None
) -> dict[str, dict[str, int]]:
    """Deletes everything due on `today` (default: today) and writes one audit row."""
    today = today or timezone.localdate()
    with transaction.atomic():
        results = {
            label: module.purge(today=today) for label, module in retention_modules().items()
        }
        summary = "; ".join(
            f"{label}: " + ", ".join(f"{kind} {count}" for kind, count in counts.items())
            for label, counts in results.items()
        )
        audit_log(actor=actor, action="purge", detail=summary)
    vacuum()
    return results


def vacuum() -> None:
    """PostgreSQL keeps deleted rows on disk until VACUUM; let it reclaim them now."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM")
