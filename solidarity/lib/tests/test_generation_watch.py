"""On PostgreSQL each worker keeps the content generations and hears of a change from the
database (lib/generation_watch.py): cached pages cost no query, and a change made by another
worker still shows on the next page once PostgreSQL has delivered its notification."""

import select
from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.http import JsonResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from solidarity.lib import generation_watch
from solidarity.lib.cache import cache_public, content_changed, generations
from solidarity.lib.generation_watch import watch, watched_generations
from solidarity.ops.models import ContentGeneration
from solidarity.ops.services import everything_changed

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's LISTEN/NOTIFY"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _fresh_watch() -> Iterator[None]:
    watch.close()
    watch.retry_at = 0.0
    yield
    watch.close()


def delivered() -> None:
    """Waits (at most 5 s) until the watch's connection has something to read: PostgreSQL
    delivers a notification to listeners after the commit, not within it."""
    assert watch.listening is not None
    select.select([watch.listening.pgconn.socket], [], [], 5)


def kept() -> dict[str, int]:
    current = watched_generations()
    assert current is not None, "the watch does not apply"
    return current


def directory_generation() -> int:
    return kept().get("directory", 0)


def test_a_change_committed_by_another_worker_is_seen(another_connection):
    content_changed("directory")
    before = directory_generation()

    another_connection.execute(
        "UPDATE ops_contentgeneration SET value = value + 1 WHERE scope = 'directory'"
    )
    delivered()

    assert directory_generation() == before + 1


def test_a_change_made_in_this_process_is_seen_at_commit():
    content_changed("directory")
    before = directory_generation()

    with transaction.atomic():
        content_changed("directory")

    assert directory_generation() == before + 1


def test_a_new_scope_created_by_another_worker_is_seen(another_connection):
    assert "cities" not in kept()

    another_connection.execute(
        "INSERT INTO ops_contentgeneration (scope, value) VALUES ('cities', 7)"
    )
    delivered()

    assert kept()["cities"] == 7


def test_a_cached_page_costs_no_query_once_the_generations_are_kept():
    calls = []

    def view(request):
        calls.append(request)
        return JsonResponse({"services": 3})

    cached = cache_public(scopes=("directory",))(view)
    request = RequestFactory().get("/api/services")
    with translation.override("en"):
        cached(request)
        with CaptureQueriesContext(connection) as queries:
            again = cached(RequestFactory().get("/api/services"))

    assert again.content == b'{"services": 3}'
    assert len(calls) == 1
    assert queries.captured_queries == []


def test_a_cached_page_is_renewed_when_another_worker_changes_its_content(another_connection):
    rendered = iter(["before the change", "after the change"])
    cached = cache_public(scopes=("directory",))(
        lambda request: JsonResponse(next(rendered), safe=False)
    )

    def page() -> bytes:
        with translation.override("en"):
            return cached(RequestFactory().get("/en/services/")).content

    first, kept = page(), page()
    another_connection.execute(
        "INSERT INTO ops_contentgeneration (scope, value) VALUES ('directory', 100)"
        " ON CONFLICT (scope) DO UPDATE SET value = ops_contentgeneration.value + 1"
    )
    delivered()

    assert first == kept == b'"before the change"'
    assert page() == b'"after the change"'


def test_a_lost_connection_falls_back_to_reading_the_database(another_connection):
    content_changed("directory")
    directory_generation()
    assert watch.listening is not None
    another_connection.execute(
        "SELECT pg_terminate_backend(%s)", [watch.listening.info.backend_pid]
    )
    delivered()
    another_connection.execute(
        "UPDATE ops_contentgeneration SET value = 41 WHERE scope = 'directory'"
    )

    assert watched_generations() is None  # the loss is noticed, nothing kept is trusted
    assert generations(["directory"]) == "directory41"  # read from the database instead
    watch.retry_at = 0.0  # the retry delay has passed
    assert directory_generation() == 41  # listening again


def test_without_the_trigger_nothing_is_kept(another_connection):
    """A backup from before the trigger, restored and not migrated: no notification would ever
    come, so the watch must not keep anything."""
    content_changed("directory")
    trigger = generation_watch.TRIGGER
    another_connection.execute(f"ALTER TABLE ops_contentgeneration DISABLE TRIGGER {trigger}")
    try:
        watch.close()
        watch.retry_at = 0.0
        assert watched_generations() is None
        another_connection.execute(
            "UPDATE ops_contentgeneration SET value = 52 WHERE scope = 'directory'"
        )
        assert generations(["directory"]) == "directory52"
    finally:
        another_connection.execute(f"ALTER TABLE ops_contentgeneration ENABLE TRIGGER {trigger}")


def test_inside_a_transaction_the_generations_come_from_the_database():
    content_changed("directory")
    before = directory_generation()

    with transaction.atomic():
        content_changed("directory")
        assert watched_generations() is None
        assert generations(["directory"]) == f"directory{before + 1}"
        transaction.set_rollback(True)

    assert directory_generation() == before  # the rolled-back change was never kept


def test_a_restore_moves_every_generation_on_and_tells_every_watch(another_connection):
    content_changed("directory", "endorsements")
    before = dict(ContentGeneration.objects.values_list("scope", "value"))
    kept_before = kept()

    everything_changed()
    delivered()

    assert kept_before == before
    assert kept() == {scope: value + 1 for scope, value in before.items()}
