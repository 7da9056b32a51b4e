import datetime

from django.db import connection

from solidarity.directory.retention import purge
from solidarity.directory.search.index import TABLE


def index_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")  # noqa: S608
        return cursor.fetchone()[0]


def test_purge_removes_index_rows_of_deleted_services_and_keeps_the_others(demo_data):
    from solidarity.directory.models import Service

    before = index_rows()
    assert before > 2
    Service.objects.filter(pk__in=Service.objects.values("pk")[:2]).delete()

    result = purge(today=datetime.date(2026, 12, 1))

    assert result["directory.search_index_orphans"] == 2
    assert index_rows() == before - 2
