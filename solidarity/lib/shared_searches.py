"""The searches of the last minute, in memory the server's workers share: never a file or a disk.

Each gunicorn worker used to keep the searches it answered in its own memory (a local-memory
cache). A search nobody had asked for in the last minute was then answered afresh by every
worker that met it: after a quiet minute, a burst of 50 visitors had all five workers answer
the same dozen searches at once, 15-60 ms of CPU each, while the visitors queued behind them
(bench/directory_search.md, session 10: p95 0.13-1.35 s for that round). Here one worker's
answer serves the others.

What it is: one anonymous shared mapping (`mmap(-1, ...)`, no name, no file), made in the
gunicorn master before it forks its workers (`config/gunicorn.conf.py` calls `prepare`), so
that they all inherit it, and gone with the last of them. A process that was not forked from
the one that made it (`runserver`, a test, a worker of an application not preloaded) has its
own: the cache then behaves as the local-memory one did.

- `MAX_ENTRIES` slots of `SLOT_BYTES` each (the settings' `OPTIONS`). A key is hashed with a
  secret made when the mapping is (a keyed BLAKE2b): the mapping never holds a search's address,
  not even as an unkeyed digest that a dictionary of common searches would reverse. Each key
  has two possible slots; a new answer takes an empty or expired one, else the one expiring
  first.
- An answer's bytes are overwritten with zeros when it expires (found so by any read, write or
  sweep), is replaced, deleted or cleared, so that what a visitor searched does not linger in
  memory past its time (DESIGN.md §2). The mapping is left out of core dumps (`MADV_DONTDUMP`).
- Each slot is locked while it is read or written: a POSIX record lock on one byte of an
  unlinked temporary file (released by the kernel if its holder dies, so a worker killed
  mid-write blocks no one) and, within a process, a thread lock (POSIX locks do not exclude
  threads of one process). A slot whose lock is not had within `LOCK_WAIT` seconds is treated
  as a miss: a search is then answered afresh, never waited for long.
- An answer larger than a slot is not kept (as the local-memory cache keeps nothing above
  `SEARCH_CACHE_MAX_BYTES`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import mmap
import os
import pickle
import secrets
import struct
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# A slot: key digest, expiry (time.time()), length of the pickled value; then the value.
HEADER = struct.Struct("<16sdI")
HEADER_BYTES = 32
EMPTY = bytes(16)
PENDING = 0xFFFFFFFF  # the length of a claimed slot: a worker is answering that search now
DEFAULT_SLOTS = 256
DEFAULT_SLOT_BYTES = 256 * 1024
LOCK_WAIT = 0.05  # seconds
LOCK_POLL = 0.001
CLAIM_POLL = 0.002  # how often a worker waiting for another's answer looks for it
FOUND, CLAIMED, ANSWERING = "found", "claimed", "answering"


@dataclass
class Region:
    """The shared mapping, its lock file, and the secret its keys are hashed with."""

    slots: int
    slot_bytes: int
    memory: mmap.mmap
    lock_file: Any
    secret: bytes
    threads: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def make(cls, slots: int, slot_bytes: int) -> Region:
        memory = mmap.mmap(-1, slots * slot_bytes)  # MAP_SHARED | MAP_ANONYMOUS: no file
        if hasattr(mmap, "MADV_DONTDUMP"):
            memory.madvise(mmap.MADV_DONTDUMP)
        # Empty and unlinked at once: only its locks are used.
        lock_file = tempfile.TemporaryFile()  # noqa: SIM115 - kept open for its locks
        return cls(slots, slot_bytes, memory, lock_file, secrets.token_bytes(32))

    def digest(self, key: str) -> bytes:
        return hashlib.blake2b(key.encode(), key=self.secret, digest_size=16).digest()

    def candidates(self, digest: bytes) -> tuple[int, int]:
        first = int.from_bytes(digest[:8], "little") % self.slots
        return first, (first + 1) % self.slots

    @contextlib.contextmanager
    def locked(self, *slots: int) -> Iterator[bool]:
        """Whether these slots' locks were all had within LOCK_WAIT (held for the `with` block).
        Taken in slot order, so that two processes wanting the same two never wait on each
        other."""
        deadline = time.monotonic() + LOCK_WAIT
        if not self.threads.acquire(timeout=LOCK_WAIT):
            yield False
            return
        held: list[int] = []
        try:
            for slot in sorted(set(slots)):
                while True:
                    try:
                        fcntl.lockf(self.lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, slot)
                        held.append(slot)
                        break
                    except OSError:
                        if time.monotonic() >= deadline:
                            break
                        time.sleep(LOCK_POLL)
                if held[-1:] != [slot]:
                    break
            yield len(held) == len(set(slots))
        finally:
            for slot in held:
                fcntl.lockf(self.lock_file, fcntl.LOCK_UN, 1, slot)
            self.threads.release()

    def header(self, slot: int) -> tuple[bytes, float, int]:
        """The slot's key digest, expiry and value length (PENDING: claimed, no value yet)."""
        start = slot * self.slot_bytes
        digest, expires, length = HEADER.unpack_from(self.memory, start)
        return digest, expires, length

    def value_length(self, slot: int) -> int:
        length = self.header(slot)[2]
        return 0 if length == PENDING else length

    def claim(self, slot: int, digest: bytes, until: float) -> None:
        """Called with the slot locked: marks `digest` as being answered until `until`."""
        self.wipe(slot)
        HEADER.pack_into(self.memory, slot * self.slot_bytes, digest, until, PENDING)

    def write(self, slot: int, digest: bytes, expires: float, value: bytes) -> None:
        """Called with the slot locked: the old value's bytes beyond the new one are zeroed."""
        start = slot * self.slot_bytes
        old_length = self.value_length(slot)
        body = start + HEADER_BYTES
        self.memory[body : body + len(value)] = value
        if old_length > len(value):
            self.memory[body + len(value) : body + old_length] = bytes(old_length - len(value))
        HEADER.pack_into(self.memory, start, digest, expires, len(value))

    def wipe(self, slot: int) -> None:
        """Called with the slot locked: its value zeroed, the slot empty."""
        length = self.value_length(slot)
        start = slot * self.slot_bytes
        self.memory[start : start + HEADER_BYTES + length] = bytes(HEADER_BYTES + length)

    def after_fork(self) -> None:
        """A thread lock held by another thread of the parent at the fork is never released in
        the child: each child starts with its own."""
        self.threads = threading.Lock()


_regions: dict[str, Region] = {}


def region(location: str, slots: int, slot_bytes: int) -> Region:
    if location not in _regions:
        _regions[location] = Region.make(slots, slot_bytes)
    return _regions[location]


def _after_fork_in_child() -> None:
    for made in _regions.values():
        made.after_fork()


os.register_at_fork(after_in_child=_after_fork_in_child)


def prepare() -> None:
    """Make every shared-searches cache's mapping now, in the gunicorn master before it forks:
    the workers then share it (config/gunicorn.conf.py)."""
    from django.conf import settings
    from django.core.cache import caches

    for alias, options in settings.CACHES.items():
        if options.get("BACKEND") == f"{__name__}.SharedSearchesCache":
            caches[alias]  # making the backend makes its mapping


class SharedSearchesCache(BaseCache):
    """A Django cache backend over the shared mapping (module docstring)."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        options = params.get("OPTIONS", {})
        slots = int(options.get("MAX_ENTRIES", DEFAULT_SLOTS))
        slot_bytes = int(options.get("SLOT_BYTES", DEFAULT_SLOT_BYTES))
        self._region = region(location or "default", slots, slot_bytes)

    @property
    def capacity(self) -> int:
        return self._region.slot_bytes - HEADER_BYTES

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        raw = self._read(self.make_and_validate_key(key, version=version))
        return default if raw is None else pickle.loads(raw)  # noqa: S301 - our own bytes

    def set(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        self._write(
            self.make_and_validate_key(key, version=version), value, timeout, only_new=False
        )

    def add(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        return self._write(
            self.make_and_validate_key(key, version=version), value, timeout, only_new=True
        )

    def touch(
        self,
        key: str,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        value = self.get(key, _MISSING, version=version)
        if value is _MISSING:
            return False
        self.set(key, value, timeout, version=version)
        return True

    def delete(self, key: str, version: int | None = None) -> bool:
        return self._delete(self.make_and_validate_key(key, version=version))

    def _delete(self, key: str) -> bool:
        made = self._region
        digest = made.digest(key)
        deleted = False
        for slot in made.candidates(digest):
            with made.locked(slot) as had:
                if had and made.header(slot)[0] == digest:
                    made.wipe(slot)
                    deleted = True
        return deleted

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self._read(self.make_and_validate_key(key, version=version)) is not None

    def clear(self) -> None:
        made = self._region
        for slot in range(made.slots):
            if made.header(slot)[0] == EMPTY:  # unlocked glance: empty stays empty unless set
                continue
            with made.locked(slot) as had:
                if had and made.header(slot)[0] != EMPTY:
                    made.wipe(slot)

    def sweep(self, now: float | None = None) -> int:
        """Wipes every expired answer; returns how many. Each `set` sweeps too."""
        made, now = self._region, time.time() if now is None else now
        wiped = 0
        for slot in range(made.slots):
            digest, expires, _length = made.header(slot)  # unlocked glance; checked again below
            if digest == EMPTY or expires > now:
                continue
            with made.locked(slot) as had:
                digest, expires, _length = made.header(slot)
                if had and digest != EMPTY and expires <= now:
                    made.wipe(slot)
                    wiped += 1
        return wiped

    def _read(self, key: str) -> bytes | None:
        made = self._region
        digest, now = made.digest(key), time.time()
        for slot in made.candidates(digest):
            with made.locked(slot) as had:
                if not had:
                    continue
                found, expires, length = made.header(slot)
                if found != digest:
                    continue
                if expires <= now:
                    made.wipe(slot)
                    return None
                if length == PENDING:
                    return None
                start = slot * made.slot_bytes + HEADER_BYTES
                return bytes(made.memory[start : start + length])
        return None

    def get_or_claim(self, key: str, wait: float) -> Any:
        """The answer kept under `key`; else, while another worker is answering that very
        search, its answer as soon as it is kept (at most `wait` seconds later); else None,
        and this worker has claimed the search for `wait` seconds: it answers it and `set`s the
        answer (or `delete`s the key if it keeps none), and the others wait for that instead of
        answering it too. After a quiet minute, a burst of visitors then costs each search
        once, not once per worker. A claim left by a worker that failed lapses after `wait`."""
        made = self._region
        digest = made.digest(self.make_and_validate_key(key))
        deadline = time.monotonic() + wait
        while True:
            found, raw = self._find_or_claim(digest, wait)
            if found == FOUND:
                return pickle.loads(raw)  # noqa: S301 - our own bytes
            if found == CLAIMED or time.monotonic() >= deadline:
                return None
            time.sleep(CLAIM_POLL)

    def _find_or_claim(self, digest: bytes, wait: float) -> tuple[str, bytes]:
        made, now = self._region, time.time()
        first, second = made.candidates(digest)
        with made.locked(first, second) as had:
            if not had:
                return ANSWERING, b""  # busy: look again shortly
            headers = {slot: made.header(slot) for slot in (first, second)}
            for slot, (found, expires, length) in headers.items():
                if found != digest or expires <= now:
                    continue
                if length == PENDING:
                    return ANSWERING, b""
                start = slot * made.slot_bytes + HEADER_BYTES
                return FOUND, bytes(made.memory[start : start + length])
            free = [slot for slot, (found, e, _l) in headers.items() if found == EMPTY or e <= now]
            slot = (free or [min(headers, key=lambda s: headers[s][1])])[0]
            made.claim(slot, digest, now + wait)
            return CLAIMED, b""

    def _write(self, key: str, value: Any, timeout: float | None, *, only_new: bool) -> bool:
        made = self._region
        expires = self._expiry(timeout)
        raw = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        digest, now = made.digest(key), time.time()
        self.sweep(now)
        if len(raw) > self.capacity or expires <= now:
            self._delete(key)
            return False
        first, second = made.candidates(digest)
        with made.locked(first, second) as had:
            if not had:
                return False
            headers = {slot: made.header(slot) for slot in (first, second)}
            same = [slot for slot, (found, _e, _l) in headers.items() if found == digest]
            if only_new and any(headers[slot][1] > now for slot in same):
                return False
            free = [slot for slot, (found, e, _l) in headers.items() if found == EMPTY or e <= now]
            slot = (same or free or [min(headers, key=lambda s: headers[s][1])])[0]
            for other in same:
                if other != slot:
                    made.wipe(other)
            made.write(slot, digest, expires, raw)
        return True

    def _expiry(self, timeout: float | None) -> float:
        expiry = self.get_backend_timeout(timeout)
        return float("inf") if expiry is None else float(expiry)


_MISSING = object()
