"""PostgreSQL: a persistent connection is checked before each request's first query without a
round trip while it is idle and quiet (lib/postgresql/base.py), and a connection the server has
dropped is still noticed, so the next request opens a new one instead of failing."""

import time

import psycopg
import pytest
from django.db import connection

from solidarity.ops.models import ContentGeneration

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's health check"),
    pytest.mark.django_db(transaction=True),
]


def last_statement(other: psycopg.Connection, pid: int) -> str:
    row = other.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()
    assert row is not None
    return str(row[0])


def terminate(other: psycopg.Connection, pid: int) -> None:
    """What a database restart does to the app's connection; returns once the backend is gone
    (it has then sent its FATAL message and closed the socket)."""
    other.execute("SELECT pg_terminate_backend(%s)", [pid])
    for _ in range(500):
        if not other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            return
        time.sleep(0.01)
    raise AssertionError(f"backend {pid} still there")


def test_an_idle_connection_is_usable_without_a_query(another_connection):
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'the last statement'")
    pid = connection.connection.info.backend_pid

    assert connection.is_usable()
    assert last_statement(another_connection, pid) == "SELECT 'the last statement'"


def test_a_connection_the_server_dropped_is_not_usable(another_connection):
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid

    terminate(another_connection, pid)

    usable = connection.is_usable()
    connection.close()

    assert not usable


def test_the_next_request_after_the_server_dropped_the_connection_works(another_connection):
    ContentGeneration.objects.create(scope="directory", value=3)
    pid = connection.connection.info.backend_pid
    terminate(another_connection, pid)

    connection.close_if_unusable_or_obsolete()  # what Django does as a request starts
    generation = ContentGeneration.objects.get(scope="directory")  # its first query

    assert generation.value == 3
    assert connection.connection.info.backend_pid != pid
