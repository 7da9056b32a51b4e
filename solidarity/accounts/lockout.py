"""Brute-force lockout that stores no address: failures are counted per account name (a keyed
hash of it) in the cache, for a short window."""

from django.core.cache import cache

from solidarity.vault.sealing import keyed_hash

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(scope: str, name: str) -> str:
    return "lockout:" + keyed_hash(f"{scope}:{name.strip().casefold()}", purpose="lockout")


def is_locked_out(*, scope: str, name: str) -> bool:
    return int(cache.get(_key(scope, name), 0)) >= MAX_FAILURES


def record_failure(*, scope: str, name: str) -> None:
    key = _key(scope, name)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


def clear_failures(*, scope: str, name: str) -> None:
    cache.delete(_key(scope, name))
