"""Content generations kept by each worker, read again when PostgreSQL says they changed.

Every cached page's key holds the generations of what the page is made of (lib/cache.py).
Reading them on every request was one round trip to the database for every cached page and
every search answered from memory: measured in process, a quarter of a cached search's CPU in
the worker, and about 0.4 ms of PostgreSQL's CPU on top (bench/directory_search.md, session 7).

On PostgreSQL each worker process holds one more connection instead, which LISTENs on
`CHANNEL`. A trigger on the generations table (ops migration 0002) NOTIFYs that channel when a
generation changes, at commit. The worker reads all the generations once and keeps them; before
each use it looks at that connection for a notification without waiting (one `poll` of its
socket) and reads them again if one came. So:

- a change is seen by every worker when PostgreSQL delivers the notification, a few
  milliseconds after the commit. A request read in between gets the page as it was just before,
  as a request that began just before the commit would. The process that made the change
  forgets its own generations at commit (`forget`).
- whatever goes wrong with the listening connection (a restart, a network cut, the trigger
  missing after restoring an old backup), the worker reads the generations from the database on
  each request, as without the watch, and tries to listen again `RETRY_SECONDS` later. As a last
  guard the kept generations are read again every `REFRESH_SECONDS` anyway.
- inside a transaction (a view that writes; tests) the generations come from the database: the
  transaction may see its own uncommitted change, which must not be kept.

`settings.GENERATION_WATCH = False` (env `GENERATION_WATCH=false`) turns it off. Each worker holds
one more PostgreSQL connection (docs/deploy.md sizes `max_connections`).
"""

import contextlib
import os
import select
import threading
import time
from typing import Any

import psycopg
from django.conf import settings
from django.db import connection

CHANNEL = "solidarity_content"
TRIGGER = "ops_contentgeneration_notify"
RETRY_SECONDS = 1.0
MAX_READS = 100
REFRESH_SECONDS = 30.0
# The generations, each row saying whether the trigger is there and enabled (one row of NULLs
# when there is no generation yet).
READ = (
    "SELECT scope, value, EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgenabled <> 'D')"
    " FROM ops_contentgeneration RIGHT JOIN (SELECT 1) AS one ON true"
)


class Unwatched(Exception):
    """Nothing tells this database's readers when a generation changes."""


class Watch:
    """One per process (`watch`); `current()` is safe to call from several threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.listening: psycopg.Connection[Any] | None = None
        self.poll = select.poll()
        self.values: dict[str, int] | None = None
        self.read_at = 0.0
        self.retry_at = 0.0
        self.stale = True
        self.lost = False

    def current(self) -> dict[str, int] | None:
        """The current generations by scope, or None: read them from the database yourself."""
        with self.lock:
            if self.pid != os.getpid():  # a forked worker: the parent's connection is not ours
                self.__init__()  # type: ignore[misc]
            try:
                return self.checked()
            except psycopg.Error:
                self.close()
                self.retry_at = time.monotonic() + RETRY_SECONDS
            except Unwatched:
                self.close()
                self.retry_at = time.monotonic() + REFRESH_SECONDS
            return None

    def checked(self) -> dict[str, int] | None:
        if self.listening is None:
            if time.monotonic() < self.retry_at:
                return None
            self.listen()
        assert self.listening is not None
        pgconn = self.listening.pgconn
        for _ in range(MAX_READS):  # until nothing is waiting: a closed socket stays readable
            if not self.poll.poll(0):
                break
            pgconn.consume_input()  # raises once the server has closed the connection
            while pgconn.notifies() is not None:
                self.stale = True
            if self.lost:
                raise psycopg.OperationalError("the server is closing the listening connection")
        else:
            raise psycopg.OperationalError("the listening connection keeps sending")
        if time.monotonic() - self.read_at > REFRESH_SECONDS:
            self.stale = True
        while self.stale:  # a notification during the read below makes it read again
            self.stale = False
            self.read_at = time.monotonic()
            self.values = self.read()
        return self.values

    def listen(self) -> None:
        params = connection.get_connection_params()
        self.listening = psycopg.connect(**params, autocommit=True)
        self.listening.add_notify_handler(self.notified)
        # Unasked, PostgreSQL only says why it is about to close the connection (libpq hands
        # that FATAL message to the notice handler): the loss is known before the socket closes.
        self.listening.add_notice_handler(self.warned)
        self.lost = False
        self.listening.execute(f"LISTEN {CHANNEL}")
        self.poll = select.poll()
        self.poll.register(self.listening.pgconn.socket, select.POLLIN)
        self.stale = True

    def notified(self, _notify: psycopg.Notify) -> None:
        self.stale = True

    def warned(self, _diagnostic: psycopg.errors.Diagnostic) -> None:
        self.lost = True

    def read(self) -> dict[str, int]:
        """All generations; Unwatched when the trigger that tells of their changes is missing
        (a backup from before it was restored, and `migrate` not run since)."""
        assert self.listening is not None
        rows = self.listening.execute(READ, (TRIGGER,)).fetchall()
        if not rows[0][2]:
            raise Unwatched
        return {scope: value for scope, value, _ in rows if scope is not None}

    def forget(self) -> None:
        """This process changed a generation: read them again before the next use."""
        self.stale = True

    def close(self) -> None:
        listening, self.listening, self.values = self.listening, None, None
        self.stale = True
        if listening is not None and self.pid == os.getpid():
            with contextlib.suppress(psycopg.Error):
                listening.close()


watch = Watch()


def watched_generations() -> dict[str, int] | None:
    """The generations kept by this process's watch, or None where it does not apply."""
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block
        or not getattr(settings, "GENERATION_WATCH", True)
    ):
        return None
    return watch.current()


def notify_watches() -> None:
    """Every process's watch reads the generations again (at commit, inside a transaction)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, '')", [CHANNEL])
