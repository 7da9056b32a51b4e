"""Retention for the directory: search-index rows whose service no longer exists."""

import datetime

from django.db import connection

from solidarity.directory.search.index import KEYS, TABLE


def purge(*, today: datetime.date) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE service_id NOT IN "  # noqa: S608 - constant table name
            "(SELECT id FROM directory_service)"
        )
        removed = cursor.rowcount
        if connection.vendor == "sqlite":
            cursor.execute(
                f"DELETE FROM {KEYS} WHERE rowid NOT IN (SELECT rowid FROM {TABLE})"  # noqa: S608
            )
    return {"directory.search_index_orphans": max(removed, 0)}
