"""Deployment checks of our own, run by `manage.py check --deploy` (docs/deploy.md).

The cache holds rate-limit counters keyed by an hourly hash of each visitor's address, and the
proof-of-work challenges already spent. Both mean something only when every worker and app
node shares them, and neither may reach a disk or a table (DESIGN.md §2)."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning

PER_PROCESS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
WRITES_DOWN = (
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.db.DatabaseCache",
)
HINT = (
    "Set CACHE_BACKEND and CACHE_LOCATION to Redis (without persistence) or memcached: "
    "docs/deploy.md, section 3."
)


@register(Tags.security, Tags.caches, deploy=True)
def check_cache_is_shared_and_in_memory(
    app_configs: Any = None, **kwargs: Any
) -> list[CheckMessage]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS:
        return [
            CheckWarning(
                "The cache is each worker process's own: rate limits count every worker "
                "separately and a spent proof-of-work challenge is accepted again by the others.",
                hint=HINT,
                id="solidarity.W001",
            )
        ]
    if backend in WRITES_DOWN:
        return [
            CheckWarning(
                "The cache writes to a disk or a table: hashes of visitors' addresses (rate "
                "limits) would outlive the hour they are meant for.",
                hint=HINT,
                id="solidarity.W002",
            )
        ]
    return []
