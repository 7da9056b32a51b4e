"""A suspension hides the organization's services everywhere at once: gunicorn's workers keep
the searches they answered (lib/cache.py) and, on PostgreSQL, the content generations
(lib/generation_watch.py), yet a suspension made by another process (an organizer's request on
another worker or app node; here a management shell) hides the service from the very next
search on every worker. On SQLite, and on PostgreSQL when the suite runs against it."""

import urllib.parse
import urllib.request

import pytest

from bench import harness

pytestmark = pytest.mark.slow

PICK = """
from solidarity.endorsements.models import Endorsement
for endorsement in Endorsement.objects.filter(status="verified", provides_services=True):
    service = endorsement.organization.services.filter(status="active").first()
    if service:
        print("PICKED", endorsement.pk, service.pk, service.name, sep="|")
        break
"""
SUSPEND = """
from solidarity.accounts.models import User
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.services import endorsement_suspend

endorsement_suspend(
    endorsement=Endorsement.objects.get(pk=%d),
    actor=User.objects.filter(is_active=True).first(),
    reason="Asked a visitor about status",
)
"""
REQUESTS = 30  # over 3 workers: each answers some, all but surely (1 in 60,000 that one does not)


def picked(database_url: str) -> tuple[int, str, str]:
    """A public service: its endorsement's id, its own id and its name."""
    output = harness.manage("shell", "-c", PICK, database_url=database_url)
    line = next(line for line in output.splitlines() if line.startswith("PICKED|"))
    _, endorsement, service, name = line.split("|", 3)
    return int(endorsement), service, name


def pages_listing(server: harness.Server, path: str, service: str) -> int:
    listed = 0
    for _ in range(REQUESTS):
        with urllib.request.urlopen(server.url(path), timeout=30) as response:  # noqa: S310 - http://127.0.0.1
            listed += f"/services/{service}/" in response.read().decode()
    return listed


def test_a_suspension_in_another_process_hides_the_service_from_every_worker(server_database_url):
    harness.manage("migrate", "--noinput", database_url=server_database_url)
    harness.manage("demo_data", "--services=40", database_url=server_database_url)
    endorsement, service, name = picked(server_database_url)
    path = "/en/services/?" + urllib.parse.urlencode({"q": name})

    with harness.Server(database_url=server_database_url, workers=3) as server:
        before = pages_listing(server, path, service)
        harness.manage("shell", "-c", SUSPEND % endorsement, database_url=server_database_url)
        after = pages_listing(server, path, service)

    assert before == REQUESTS, "the service is listed by every worker before the suspension"
    assert after == 0, f"{after} of {REQUESTS} searches still listed the suspended service"
