"""`check --deploy` tells an operator when the cache cannot do its job or would keep traces."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from solidarity.ops.checks import check_cache_is_shared_and_in_memory


def cache(backend: str, location: str = "") -> dict:
    return {"default": {"BACKEND": backend, "LOCATION": location}}


@pytest.mark.parametrize(
    ("backend", "warning"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", "solidarity.W001"),
        ("django.core.cache.backends.dummy.DummyCache", "solidarity.W001"),
        ("django.core.cache.backends.filebased.FileBasedCache", "solidarity.W002"),
        ("django.core.cache.backends.db.DatabaseCache", "solidarity.W002"),
    ],
)
def test_a_cache_that_is_not_shared_or_writes_down_is_named(backend, warning):
    with override_settings(CACHES=cache(backend, "/tmp/unused")):
        messages = check_cache_is_shared_and_in_memory()

    assert [message.id for message in messages] == [warning]
    assert "docs/deploy.md" in messages[0].hint


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.memcached.PyMemcacheCache",
    ],
)
def test_a_shared_memory_cache_passes(backend):
    with override_settings(CACHES=cache(backend, "127.0.0.1:6379")):
        assert check_cache_is_shared_and_in_memory() == []


def test_the_check_runs_only_with_deploy():
    # The development default (local memory) must not nag on every `runserver`.
    call_command("check", fail_level="WARNING")
    with pytest.raises(SystemCheckError, match=r"solidarity\.W001"):
        call_command("check", deploy=True, fail_level="WARNING", tags=["caches"])
