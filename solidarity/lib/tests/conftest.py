from collections.abc import Iterator

import psycopg
import pytest
from django.db import connection


@pytest.fixture
def another_connection() -> Iterator[psycopg.Connection]:
    """PostgreSQL: a connection of its own, in autocommit, as another gunicorn worker, app node
    or administrator would hold."""
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        yield other
