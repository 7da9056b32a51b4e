"""Nothing acknowledged is lost: while a surge of endorsements runs against gunicorn, the server
is killed with SIGKILL and started again; every submission that got its "thank you" redirect is
in the database afterwards. On SQLite, and on PostgreSQL when the suite runs against it.

The server runs on its own database (`server_database_url`, conftest.py), so this test needs no
pytest-django database.
"""

import threading
import time

import pytest

from bench import harness, loadgen
from bench.surge import Surge, prepare, stored_submissions

pytestmark = pytest.mark.slow


def surge_in_background(server, surge, outcome):
    def run():
        outcome["result"] = loadgen.run(
            "127.0.0.1",
            server.port,
            surge.request,
            concurrency=10,
            requests=2000,
            seconds=40,
            on_response=surge.record,
        )

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_every_acknowledged_endorsement_survives_a_sigkill_of_the_server(server_database_url):
    prepare(server_database_url)
    outcome = {}
    with harness.Server(database_url=server_database_url, workers=3) as server:
        surge = Surge.start(server)
        thread = surge_in_background(server, surge, outcome)
        time.sleep(3)
        killed_at = time.monotonic()
        server.kill()
        server.start()
        restarted_at = time.monotonic()
        thread.join(timeout=60)

    acknowledged = surge.acknowledged_ids()
    stored = stored_submissions(server_database_url)
    before = [t for t in surge.acknowledged.values() if t < killed_at]
    after = [t for t in surge.acknowledged.values() if t > restarted_at]
    assert before, "the surge was acknowledged before the kill"
    assert after, "the surge was acknowledged again after the restart"
    assert acknowledged <= stored, f"lost {len(acknowledged - stored)} acknowledged submissions"
