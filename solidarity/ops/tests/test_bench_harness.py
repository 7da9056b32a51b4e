"""The benchmark harness measures what it says: bounded runs, percentiles in order, memory."""

import pytest

from bench import harness

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server():
    with harness.sqlite_database() as url, harness.Server(database_url=url, workers=2) as running:
        yield running


def test_a_measurement_stops_at_its_request_budget(server):
    result = harness.measure_asyncio(
        server, "bare", harness.loadgen.rotating_get([harness.BARE]),
        concurrency=4, requests=120, seconds=30,
    )  # fmt: skip

    assert result.requests == 120
    assert result.errors == 0
    assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms


def test_a_measurement_stops_at_its_deadline(server):
    result = harness.measure_asyncio(
        server, "bare", harness.loadgen.rotating_get([harness.BARE]),
        concurrency=2, requests=10_000_000, seconds=1,
    )  # fmt: skip

    assert result.seconds < 5
    assert result.requests < 10_000_000


def test_errors_are_counted_not_hidden(server):
    result = harness.measure_asyncio(
        server, "missing", harness.loadgen.rotating_get(["/bench/no-such-page"]),
        concurrency=2, requests=20, seconds=30,
    )  # fmt: skip

    assert result.errors == 20


def test_worker_memory_is_reported_for_every_worker(server):
    memory = server.worker_memory()

    assert len(memory) == 2
    assert all(0 < worker["pss_mb"] <= worker["rss_mb"] for worker in memory)


def test_the_ratio_compares_with_the_bare_view_of_the_same_run():
    row = harness.Row(
        target=harness.Result("page", 10, 100, 0, 1.0, 50.0, 1, 2, 3, "wrk"),
        bare=harness.Result("bare view", 10, 200, 0, 1.0, 200.0, 1, 2, 3, "wrk"),
    )

    assert row.ratio == 0.25
    assert "| page | SQLite | 10 | 50 |" in harness.markdown([row], database="SQLite")


def test_the_surge_verdict_gives_the_budget_absolute_and_as_a_ratio():
    from bench.endorsement_surge import verdict

    def row(rps: float, bare_rps: float, requests: int, errors: int = 0) -> harness.Row:
        return harness.Row(
            target=harness.Result("surge", 50, requests, errors, 15.0, rps, 1, 2, 3, "wrk"),
            bare=harness.Result("bare view", 50, 9999, 0, 15.0, bare_rps, 1, 2, 3, "wrk"),
        )

    slow_hour, fast_hour, failing = row(290, 1200, 4350), row(400, 3200, 6000), row(320, 900, 80, 3)
    lines = verdict([slow_hour, fast_hour, failing], 6000, lost=False).splitlines()

    assert lines[0] == "- none lost: yes"
    assert "≥ 300/s NO (290/s" in lines[1]
    assert "0.133 yes (0.24)" in lines[1]
    assert "≥ 300/s yes (400/s" in lines[2]
    assert "0.133 NO (0.12)" in lines[2]
    assert "reached the request budget" in lines[2]
    assert "reached" not in lines[1]
    assert "≥ 300/s NO (320/s, 3 errors)" in lines[3]
    assert verdict([fast_hour], 6000, lost=True).startswith("- none lost: NO")
