"""The task worker: django-tasks' `db_worker`, which also sends the confirmation e-mails that new
endorsements keep in their own rows (`endorsements.services.send_waiting_confirmations`).

Those wait in the endorsement's row rather than as task rows: a surge of signatures then writes
one row per endorsement and its organization, not a third with four indexes. A thread of this
process looks for them every `--interval` seconds (db_worker's own polling interval); each is
taken with a row lock, so several workers never send the same one. With `--batch`, everything
waiting is sent before the command returns.
"""

import logging
import threading
from typing import Any

from django.db import close_old_connections, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("solidarity.worker")


class Command(db_worker.Command):
    help = "Run the task worker: queued tasks, and the confirmation e-mails endorsements wait for"

    def handle(self, *args: Any, **options: Any) -> None:
        interval = float(options["interval"])
        stopped = threading.Event()
        sender = threading.Thread(
            target=_send_until, args=(stopped, interval), name="confirmations", daemon=True
        )
        sender.start()
        try:
            super().handle(*args, **options)
        finally:
            stopped.set()
            sender.join(timeout=interval + 30)
        if options["batch"]:
            _send_all()


def _send_until(stopped: threading.Event, interval: float) -> None:
    try:
        while not stopped.is_set():
            try:
                _send_all()
            except Exception as error:  # the relay or the database, for now
                # Named by its class only: an SMTP error's text can hold the contact's address.
                name = type(error).__name__
                logger.warning("Confirmation e-mails not sent (%s); trying again shortly", name)
            stopped.wait(interval)
    finally:
        connections.close_all()


def _send_all() -> None:
    from solidarity.endorsements.services import send_waiting_confirmations

    close_old_connections()
    while send_waiting_confirmations():
        pass
