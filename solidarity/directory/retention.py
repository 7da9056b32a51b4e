"""Retention for the directory: search-index rows whose service no longer exists."""

import datetime

from django.db import connection

from solidarity.directory.search.index import TABLE


def purge(*, today: datetime.date) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE service_id NOT IN "  # noqa: S608 - constant table name
            "(SELECT id FROM directory_service)"
        )
        removed = cursor.rowcount
    return {"directory.search_index_orphans": max(removed, 0)}
