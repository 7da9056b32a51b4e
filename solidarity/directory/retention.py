"""Retention for the directory: search-index rows whose service no longer exists."""

import datetime

from django.db import connection

from solidarity.directory.search.index import KEYS, TABLE, analyze


def purge(*, today: datetime.date) -> dict[str, int]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Through the narrow key table: reading `service_id` from the FTS5 table would read
            # every document.
            orphans = f"SELECT rowid FROM {KEYS} WHERE service_id NOT IN (SELECT id FROM directory_service)"  # noqa: E501, S608
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({orphans})")  # noqa: S608
            removed = cursor.rowcount
            cursor.execute(f"DELETE FROM {KEYS} WHERE rowid IN ({orphans})")  # noqa: S608
        else:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE service_id NOT IN "  # noqa: S608 - constant table name
                "(SELECT id FROM directory_service)"
            )
            removed = cursor.rowcount
    analyze()
    return {"directory.search_index_orphans": max(removed, 0)}
