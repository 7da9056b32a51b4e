"""Benchmark harness: gunicorn on loopback, a bounded load generator, the bare view beside you.

Every figure is reported beside the bare Django view (`/bench/bare`, the whole middleware stack
and nothing else) measured by the same server in the same run; the ratio is the number that
travels between machines. The load generator shares the two cores with the server, so it is
`wrk` (installed from Debian by `ensure_wrk()` when missing and running as root) or, for
requests that need a body per request, the small asyncio client in `bench/loadgen.py`.

API (for the directory, API and endorsement benchmarks)::

    from bench.harness import Server, sqlite_database, postgres_database, manage, compare

    with sqlite_database() as url:              # or: with postgres_database() as url:
        manage("migrate", database_url=url)     # then load your data (manage() or your own code)
        with Server(database_url=url) as server:
            rows = compare(server, "search page", ["/en/services/?q=food", ...],
                           concurrencies=(1, 10, 50), requests=20_000, seconds=10)
            print(markdown(rows, database="SQLite"))
            print(server.worker_memory())       # RSS / PSS per gunicorn worker, in MB

- `target` for `measure`/`compare` is a path, a list of paths (rotated: vary your search terms
  so a cache does not answer every request), or a `loadgen.RequestFactory` (index -> Request)
  for POSTs; factories always use the asyncio client, for the bare view too, so that both sides
  of the ratio pay the same client cost. `on_response=` receives (index, request, response).
- Bounds: each measurement stops at `requests` or `seconds`, whichever comes first.
- `Server(database_url=, workers=None, settings="bench.settings", env={})`: gunicorn with
  `config/gunicorn.conf.py` on a free 127.0.0.1 port; `workers` defaults to 2 x cores + 1.
  `server.kill()` sends SIGKILL to master and workers, `server.start()` starts it again.
- `postgres_database(durable=True)` starts a throwaway cluster (unix socket only) with the
  server's default durability (fsync and synchronous_commit on), unlike the test cluster.

Command line: `python -m bench.harness --help` (see bench/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import loadgen

ROOT = Path(__file__).resolve().parent.parent
BARE = "/bench/bare"
Target = str | list[str] | loadgen.RequestFactory


@dataclass
class Result:
    label: str
    concurrency: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    generator: str


@dataclass
class Row:
    target: Result
    bare: Result

    @property
    def ratio(self) -> float:
        return self.target.rps / self.bare.rps if self.bare.rps else 0.0


# --- Databases -------------------------------------------------------------------------------


@contextlib.contextmanager
def sqlite_database(path: str | None = None) -> Iterator[str]:
    """A SQLite file (temporary unless `path` is given); yields its DATABASE_URL."""
    with tempfile.TemporaryDirectory(prefix="solidarity-bench-") as tmp:
        yield f"sqlite:///{path or os.path.join(tmp, 'bench.sqlite3')}"


def _pg_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not candidates:
        raise RuntimeError("PostgreSQL server binaries not found under /usr/lib/postgresql")
    return candidates[-1]


@contextlib.contextmanager
def postgres_database(*, durable: bool = True) -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a unix socket (the logic of scripts/with-postgres)."""
    pg_bin, tmp = _pg_bin(), tempfile.mkdtemp(prefix="solidarity-bench-pg-")
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_pg:
        shutil.chown(tmp, "postgres")
    os.chmod(tmp, 0o700)
    data = f"{tmp}/data"
    # Memory as docs/deploy.md asks of production: shared buffers that hold the directory (the
    # 60,000-service demo database is 377 MB; PostgreSQL's default is 128 MB). With the default,
    # the burst of searches after a quiet minute read most pages back from the operating system,
    # whose cache this virtual machine empties of pages left idle for a minute: p95 340-375 ms
    # at 128 MB, 150-322 ms at 1 GB (bench/directory_search.md, session 12).
    options = f"-k {tmp} -c listen_addresses='' -c max_connections=200 -c shared_buffers=1GB"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    pg_ctl = [*as_pg, str(pg_bin / "pg_ctl"), "-D", data]
    try:
        initdb = [*as_pg, str(pg_bin / "initdb"), "-D", data, "-U", "postgres", "-A", "trust"]
        subprocess.run(
            [*initdb, "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [*pg_ctl, "-l", f"{tmp}/server.log", "-w", "-o", options, "start"],
            check=True,
            capture_output=True,
        )
        createdb = [str(pg_bin / "createdb"), "-h", tmp, "-U", "postgres", "solidarity"]
        subprocess.run(createdb, check=True, capture_output=True)
        yield f"postgres://postgres@{tmp.replace('/', '%2F')}/solidarity"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def manage(*args: str, database_url: str, env: dict[str, str] | None = None) -> str:
    """Runs a manage.py command against the benchmark database; returns its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=server_env(database_url, "bench.settings", env or {}),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


def server_env(database_url: str, settings: str, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PRODUCTION"}}
    pythonpath = f"{ROOT}:{env['PYTHONPATH']}" if env.get("PYTHONPATH") else str(ROOT)
    return {
        **env,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": settings,
        "PYTHONPATH": pythonpath,
        **extra,
    }


# --- The server ------------------------------------------------------------------------------


def interpreter() -> str:
    """Which Python runs the server (its workers are this one's `sys.executable`): a locally
    compiled CPython (pyenv's default build: no profile-guided or link-time optimisation, a
    shared libpython) does Django's work 25-35 % slower than Debian's, which production runs."""
    return f"Python {sys.version.split()[0]} ({os.path.realpath(sys.executable)})"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(
        self,
        *,
        database_url: str,
        workers: int | None = None,
        settings: str = "bench.settings",
        env: dict[str, str] | None = None,
    ) -> None:
        self.workers = workers or 2 * (os.cpu_count() or 1) + 1
        self.env = server_env(database_url, settings, env or {})
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="solidarity-gunicorn-", suffix=".log")  # noqa: SIM115
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.log.close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, timeout: float = 60) -> None:
        command = [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
        command += ["-c", "config/gunicorn.conf.py", "-b", f"127.0.0.1:{self.port}"]
        command += ["-w", str(self.workers)]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() reaches the workers too
        )
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_text()[-4000:]}")
            if self.ready():
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready after {timeout} s:\n{self.log_text()[-4000:]}")

    def ready(self) -> bool:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(self.url("/healthz"), timeout=2) as response,
        ):
            return response.status == 200 and len(self.worker_pids()) == self.workers
        return False

    def log_text(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL to the master and every worker, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        with contextlib.suppress(OSError):
            return [int(pid) for pid in path.read_text().split()]
        return []

    def worker_memory(self) -> list[dict[str, float]]:
        """Resident (RSS) and proportional (PSS, shared pages divided) memory per worker, MB
        (a worker renewed meanwhile by `max_requests` is left out)."""
        figures = [(pid, memory_of(pid)) for pid in self.worker_pids()]
        return [{"pid": pid, **memory} for pid, memory in figures if memory]


def memory_of(pid: int) -> dict[str, float]:
    """RSS and PSS of `pid` in MB; empty if it has exited."""
    figures: dict[str, float] = {}
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return figures
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name in {"Rss", "Pss"}:
            figures[f"{name.lower()}_mb"] = round(int(value.split()[0]) / 1024, 1)
    return figures


# --- Load ------------------------------------------------------------------------------------


def ensure_wrk() -> str | None:
    """The path of `wrk`, installing the Debian package when missing and running as root."""
    if shutil.which("wrk") is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, env=env, capture_output=True, check=False).returncode:
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
            subprocess.run(install, env=env, capture_output=True, check=False)
    return shutil.which("wrk")


def measure(
    server: Server,
    label: str,
    target: Target,
    *,
    concurrency: int,
    requests: int,
    seconds: float,
    on_response: loadgen.ResponseCallback | None = None,
) -> Result:
    bounds = {"concurrency": concurrency, "requests": requests, "seconds": seconds}
    if callable(target) or on_response is not None or ensure_wrk() is None:
        factory = target if callable(target) else loadgen.rotating_get(as_paths(target))
        return measure_asyncio(server, label, factory, on_response=on_response, **bounds)
    return measure_wrk(server, label, as_paths(target), **bounds)


def as_paths(target: Target) -> list[str]:
    assert not callable(target)
    return [target] if isinstance(target, str) else list(target)


def measure_wrk(
    server: Server, label: str, paths: list[str], *, concurrency: int, requests: int, seconds: float
) -> Result:
    """wrk reports its full `-d` duration even when every thread stopped at its share of the
    request budget earlier, so req/s is requests / `seconds` at most: give a budget the server
    cannot reach in that time when the throughput or the latency is the figure. A stopped
    thread also leaves its connections open (wrk has connected them again, without sending
    anything): each holds a sync worker until the run ends, and the other thread's requests
    wait behind them (session 9: p95 of 0.6-1.8 s at 10 and 50 clients, where 1.8-12 ms
    without the cap)."""
    threads = min(2, concurrency)
    with tempfile.NamedTemporaryFile("w", suffix=".paths") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(concurrency),
            "-d",
            f"{max(1, round(seconds))}s",
        ]
        command += ["--timeout", "10s", "-s", str(ROOT / "bench" / "wrk_report.lua")]
        command += [server.url(paths[0]), "--", listing.name, str(max(1, requests // threads))]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return wrk_result(output, label=label, concurrency=concurrency)


def wrk_result(output: str, *, label: str, concurrency: int) -> Result:
    """The `JSON {...}` summary line our wrk scripts print, as a Result."""
    summary = json.loads(output.split("JSON ", 1)[1])
    elapsed = summary["duration_us"] / 1e6
    return Result(
        label=label,
        concurrency=concurrency,
        requests=summary["requests"],
        errors=summary["errors"] + summary["non_2xx_3xx"],
        seconds=round(elapsed, 2),
        rps=round(summary["requests"] / elapsed, 1),
        p50_ms=summary["p50_us"] / 1000,
        p95_ms=summary["p95_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        generator="wrk",
    )


def measure_asyncio(
    server: Server,
    label: str,
    factory: loadgen.RequestFactory,
    *,
    concurrency: int,
    requests: int,
    seconds: float,
    on_response: loadgen.ResponseCallback | None = None,
) -> Result:
    outcome = loadgen.run(
        "127.0.0.1",
        server.port,
        factory,
        concurrency=concurrency,
        requests=requests,
        seconds=seconds,
        on_response=on_response,
    )
    latencies = sorted(outcome.latencies) or [0.0]
    done = len(outcome.latencies)
    return Result(
        label=label,
        concurrency=concurrency,
        requests=done,
        errors=outcome.failures,
        seconds=round(outcome.seconds, 2),
        rps=round(done / outcome.seconds, 1) if outcome.seconds else 0.0,
        p50_ms=round(percentile(latencies, 50) * 1000, 2),
        p95_ms=round(percentile(latencies, 95) * 1000, 2),
        p99_ms=round(percentile(latencies, 99) * 1000, 2),
        generator="asyncio",
    )


def percentile(ordered: list[float], rank: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * rank / 100))]


def compare(
    server: Server,
    label: str,
    target: Target,
    *,
    concurrencies: tuple[int, ...] = (1, 10, 50),
    requests: int = 20_000,
    seconds: float = 10,
    on_response: loadgen.ResponseCallback | None = None,
    quiet: float = 0,
) -> list[Row]:
    """The target and the bare view at each concurrency, interleaved in one run.

    Each is warmed up just before it is measured (a GET target: the surge's POSTs are never
    repeated). The searches a worker keeps expire after 30 to 60 s, and the bare view's
    measurement leaves the target alone for 10 s or more: without this, each round began with
    every worker answering afresh the searches that expired meanwhile, all at once, which is
    what a burst after a quiet minute costs, not what the steady load at that concurrency does
    (bench/directory_search.md, session 8, reports both).

    `quiet` seconds instead: the target is not warmed up, and nothing reaches it for that long
    before it is measured (longer than a worker keeps a search: every round then begins as a
    burst of visitors after a quiet minute does, each worker answering every search afresh)."""
    bare: Target = loadgen.rotating_get([BARE]) if callable(target) else BARE
    warm = {"concurrency": 2, "requests": 200, "seconds": 5}
    rows = []
    for clients in concurrencies:
        bounds = {"concurrency": clients, "requests": requests, "seconds": seconds}
        measure(server, "warm-up", bare, **warm)
        bare_result = measure(server, "bare view", bare, **bounds)
        if quiet:
            time.sleep(quiet)
        elif not callable(target):
            measure(server, "warm-up", target, **warm)
        result = measure(server, label, target, on_response=on_response, **bounds)
        rows.append(Row(target=result, bare=bare_result))
    return rows


def markdown(rows: list[Row], *, database: str) -> str:
    lines = [
        "| scenario | database | clients | req/s | p50 ms | p95 ms | p99 ms | errors "
        "| bare req/s | bare p95 ms | ratio |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        t, b = row.target, row.bare
        lines.append(
            f"| {t.label} | {database} | {t.concurrency} | {t.rps:.0f} | {t.p50_ms:.1f} "
            f"| {t.p95_ms:.1f} | {t.p99_ms:.1f} | {t.errors} | {b.rps:.0f} | {b.p95_ms:.1f} "
            f"| {row.ratio:.2f} |"
        )
    return "\n".join(lines)


# --- Command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--path", action="append", required=True, help="GET path (repeatable)")
    parser.add_argument("--label", default="page")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--services", type=int, default=0, help="load demo data with N services")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    database = postgres_database() if args.database == "postgres" else sqlite_database()
    with database as url:
        manage("migrate", "--noinput", database_url=url)
        if args.services:
            manage("demo_data", f"--services={args.services}", database_url=url)
        with Server(database_url=url, workers=args.workers) as server:
            rows = compare(server, args.label, args.path, concurrencies=tuple(args.clients),
                           requests=args.requests, seconds=args.seconds)  # fmt: skip
            memory = server.worker_memory()
    print(markdown(rows, database="PostgreSQL" if args.database == "postgres" else "SQLite"))
    print("worker memory (MB):", memory)
    print("load average (1, 5, 15 min) after the run:", os.getloadavg())
    if args.json:
        data = [
            {"target": asdict(r.target), "bare": asdict(r.bare), "ratio": r.ratio} for r in rows
        ]
        Path(args.json).write_text(
            json.dumps({"rows": data, "memory": memory, "load": os.getloadavg()}, indent=2)
        )


if __name__ == "__main__":
    main()
