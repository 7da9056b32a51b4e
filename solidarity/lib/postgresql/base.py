"""Django's PostgreSQL backend, with a health check that needs no round trip when it can.

`CONN_HEALTH_CHECKS` makes Django check a persistent connection before each request's first
query; Django's check sends `SELECT 1`, a round trip that cost about 0.08 ms of CPU (the worker's
and PostgreSQL's; session 7, in process) on every submission of a surge whose budget is 6.7 ms
in all (bench/endorsement_surge.md). Between requests an autocommit connection is idle and
PostgreSQL has nothing to say to it: when the server goes away (restart, `pg_terminate_backend`,
a dropped connection) it sends a FATAL message or closes the socket, and either makes the socket
readable. So a connection that libpq reports as fine, idle outside a transaction, with nothing
to read, is usable without asking; in any other case Django's own `SELECT 1` decides.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        raw = self.connection
        if raw is not None and quietly_idle(raw.pgconn):
            return True
        return bool(super().is_usable())


def quietly_idle(pgconn: pq.abc.PGconn) -> bool:
    """Open, idle, outside a transaction, and nothing waiting to be read."""
    if pgconn.status != pq.ConnStatus.OK or pgconn.transaction_status != pq.TransactionStatus.IDLE:
        return False
    poll = select.poll()
    poll.register(pgconn.socket, select.POLLIN)
    return not poll.poll(0)
