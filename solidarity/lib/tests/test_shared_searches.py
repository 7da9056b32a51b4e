"""The searches of the last minute, shared by the web server's workers in memory only
(lib/shared_searches.py): one worker's answer serves the others, nothing lingers past its
time, no address of a search is held, and a worker killed mid-write blocks no one."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from solidarity.lib import shared_searches
from solidarity.lib.shared_searches import SharedSearchesCache

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def searches(request):
    """A cache of its own mapping, as the settings make it (a few small slots)."""
    location = f"test-{request.node.name}"
    cache = SharedSearchesCache(location, {"OPTIONS": {"MAX_ENTRIES": 8, "SLOT_BYTES": 4096}})
    yield cache
    shared_searches._regions.pop(location, None)


def mapping(cache: SharedSearchesCache) -> bytes:
    return bytes(cache._region.memory)


def test_it_keeps_gets_and_forgets_like_a_django_cache(searches):
    searches.set("dentist", {"page": 1}, 60)

    assert searches.get("dentist") == {"page": 1}
    assert searches.get("lawyer", "none") == "none"
    assert searches.has_key("dentist")
    assert searches.add("dentist", "other", 60) is False
    assert searches.add("lawyer", "found", 60) is True
    assert searches.get_many(["dentist", "lawyer"]) == {"dentist": {"page": 1}, "lawyer": "found"}
    assert searches.delete("dentist") is True
    assert searches.get("dentist") is None
    searches.clear()
    assert searches.get("lawyer") is None


def test_an_answer_expires_with_its_time(searches, monkeypatch):
    searches.set("shelter-tonight", "answer", 30)
    later = time.time() + 31
    monkeypatch.setattr(time, "time", lambda: later)

    assert searches.get("shelter-tonight") is None


def test_an_expired_answer_is_wiped_from_memory_not_just_forgotten(searches, monkeypatch):
    searches.set("clinic", "results for clinic-no-health-card", 30)
    assert b"clinic-no-health-card" in mapping(searches)
    later = time.time() + 31
    monkeypatch.setattr(time, "time", lambda: later)

    searches.set("another-search", "something else", 30)  # each write sweeps

    assert b"clinic-no-health-card" not in mapping(searches)


def test_a_replaced_or_deleted_answer_leaves_nothing_behind(searches):
    searches.set("food-bank", "x" * 2000 + "the-old-answer-tail", 60)
    searches.set("food-bank", "short", 60)
    assert b"the-old-answer-tail" not in mapping(searches)

    searches.delete("food-bank")
    searches.set("legal-aid", "kept-until-cleared", 60)
    searches.clear()
    assert mapping(searches) == bytes(len(mapping(searches)))


def test_the_address_of_a_search_is_never_held(searches):
    searches.set("/en/services/?q=abogado+inmigracion", "a page", 60)

    assert b"abogado" not in mapping(searches)
    assert searches.get("/en/services/?q=abogado+inmigracion") == "a page"


def test_an_answer_larger_than_a_slot_is_not_kept(searches):
    searches.set("huge", "small first", 60)
    searches.set("huge", "x" * 10_000, 60)

    assert searches.get("huge") is None


def test_when_full_the_answer_expiring_first_gives_way(searches):
    for number in range(40):  # more than the eight slots
        searches.set(f"search-{number}", number, 10 + number)

    kept = [n for n in range(40) if searches.get(f"search-{n}") == n]
    assert 39 in kept
    assert 0 not in kept
    assert len(kept) <= 8


def test_a_forked_worker_sees_the_answers_of_another(searches):
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        searches.set("written-by-the-child", "its answer", 60)
        os._exit(0)
    os.waitpid(child, 0)

    assert searches.get("written-by-the-child") == "its answer"


def test_a_worker_killed_while_writing_blocks_no_one(searches):
    slot = searches._region.candidates(searches._region.digest(searches.make_key("stuck")))[0]
    ready_read, ready_write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        with searches._region.locked(slot):
            os.write(ready_write, b"1")
            time.sleep(60)
        os._exit(0)
    os.read(ready_read, 1)
    try:
        started = time.monotonic()
        searches.set("stuck", "while locked", 60)
        assert searches.get("stuck") is None  # a miss, soon, rather than a wait
        assert time.monotonic() - started < 1
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)

    searches.set("stuck", "after the kill", 60)
    assert searches.get("stuck") == "after the kill"


@pytest.mark.slow
def test_gunicorns_workers_share_one_workers_answer(tmp_path):
    """Served as Django is (config/gunicorn.conf.py, preloaded, two workers): an answer kept by
    one worker is found by the other."""
    from bench import harness

    port = harness.free_port()
    env = harness.server_env(f"sqlite:///{tmp_path}/db.sqlite3", "bench.settings", {})
    env.update(WEB_CONCURRENCY="2", VAR_DIR=str(tmp_path))
    app = "solidarity.lib.tests.shared_searches_app:application"
    command = [sys.executable, "-m", "gunicorn", app, "-c", "config/gunicorn.conf.py"]
    server = subprocess.Popen(
        [*command, "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def get(path: str) -> tuple[str, str]:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            pid, _, found = response.read().decode().partition(" ")
            return pid, found

    try:
        for _ in range(100):
            try:
                setter, found = get("/set?the-answer")
                break
            except OSError:
                time.sleep(0.1)
        assert found == "the-answer"
        with ThreadPoolExecutor(8) as pool:  # both workers busy: each answers some
            answers = list(pool.map(lambda _: get("/get"), range(40)))
        others = {found for pid, found in answers if pid != setter}
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)

    assert others, "only one worker answered"
    assert others == {"the-answer"}


def test_a_worker_waits_for_the_answer_another_is_giving_instead_of_giving_it_too(searches):
    assert searches.get_or_claim("shelter", wait=5) is None  # this process answers it
    result_read, result_write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process, another worker
        started = time.monotonic()
        found = searches.get_or_claim("shelter", wait=5)
        os.write(result_write, f"{found}|{time.monotonic() - started:.3f}".encode())
        os._exit(0)
    time.sleep(0.3)  # answering
    searches.set("shelter", "the answer", 60)
    os.waitpid(child, 0)
    found, waited = os.read(result_read, 100).decode().split("|")

    assert found == "the answer"
    assert 0.2 < float(waited) < 2


def test_a_claim_nobody_answers_lapses(searches):
    assert searches.get_or_claim("dentist", wait=0.2) is None
    assert searches.get("dentist") is None  # a claim is not an answer

    started = time.monotonic()
    assert searches.get_or_claim("dentist", wait=3) is None  # claimed again once it lapsed
    assert 0.15 < time.monotonic() - started < 1


def test_a_claim_given_up_lets_the_next_worker_answer_at_once(searches):
    assert searches.get_or_claim("lawyer", wait=5) is None
    searches.delete("lawyer")

    started = time.monotonic()
    assert searches.get_or_claim("lawyer", wait=5) is None
    assert time.monotonic() - started < 0.1
