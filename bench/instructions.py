"""Instructions per request, counted by valgrind's callgrind: a cost that holds on a busy machine.

    .venv/bin/python -m bench.instructions [--path nojs|pow|bare] [--count 50] [--database postgres]
    .venv/bin/python -m bench.instructions --path nojs --profile [--top 40]   # where they go

Timings on this 2-vCPU machine move by 30 to 60 % when anything else runs, even at `nice 19`. The
number of instructions the Django process executes for a request does not: the same count twice
differed by 0.015 % (session 5). Use it to compare two versions of the code, one after the other;
it leaves out the database server's work (PostgreSQL) and gunicorn's, which the surge benchmark's
`/proc` CPU columns show.

How: a fresh database is prepared as for the surge (`bench.surge.prepare`); this module then runs
itself under `valgrind --tool=callgrind --instr-atstart=no`, warms up with 30 requests through
Django's test client, and counts only the `--count` requests that follow (callgrind_control turns
counting on and off around them). Needs valgrind (installed from Debian when missing, as root).

`--profile` runs the same requests under cProfile instead (no valgrind) and prints the Python
functions that cost the most, inclusive and exclusive: where to look. cProfile's own overhead
inflates small, frequently called functions, so confirm every change with the count.
`--exceptions` counts the exceptions raised per request instead (each one raised and caught
costs thousands of instructions), by where they were raised and what they were, with the
AttributeErrors the interpreter raises and clears in C before a class's `__getattr__` runs
(asgiref's Locals, Django's connection proxies); `--stacks` adds the callers of each.
`--database-work` counts, per request, the statements sent through Django, the transactions
committed and the WAL bytes written (PostgreSQL), with the CPU time of the connection's server
process (from /proc: noisy on a busy machine). `--keep FILE` saves callgrind's output (for
`callgrind_annotate --inclusive=yes FILE`: the C functions, e.g. libsodium's, that cost most).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import harness, surge

WARM_UP = 30
STACK_DEPTH = 6  # callers shown for each exception with --stacks


def ensure_valgrind() -> str | None:
    if shutil.which("valgrind") is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        command = ["apt-get", "install", "-y", "-qq", "valgrind"]
        subprocess.run(command, env=env, capture_output=True, check=False)
    return shutil.which("valgrind")


def target(
    path: str,
    count: int,
    folder: Path,
    *,
    profile: bool = False,
    exceptions: bool = False,
    stacks: bool = False,
    database: bool = False,
) -> None:
    """Runs under callgrind: warm up, say ready, wait, make `count` requests, say done (under
    cProfile instead with `profile`, its statistics written to `folder`/profile; with
    `exceptions`, the exceptions raised per request written to `folder`/exceptions, with
    `stacks` each with the callers of the frame that raised it; with `database`, the
    database's work per request written to `folder`/database)."""
    from bench.endorsement_surge import MAIL, TASKS, ProvenSurge, solved_payloads

    os.environ.update(VAR_DIR=tempfile.mkdtemp(), **MAIL, **TASKS["database"], **surge.FAST_KDF)
    ProvenSurge.payloads = solved_payloads(count + WARM_UP)
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/endorse/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None, "no CSRF token on the endorse page"
    generator = (ProvenSurge if path == "pow" else surge.Surge)(cookie="", token=token[1])
    # Built beforehand, outside the count: what the client does is not the server's work.
    requests = iter([generator.request(number) for number in range(1, count + WARM_UP + 1)])
    visitors = iter(range(1, 10**7))

    def one() -> None:
        if path == "bare":
            client.get(harness.BARE)
            return
        number, request = next(visitors), next(requests)
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        response = client.generic(
            "POST",
            request.path,
            request.body,
            content_type=request.headers["Content-Type"],
            HTTP_X_FORWARDED_FOR=address,
        )
        assert response.status_code == 302, f"submission answered {response.status_code}"

    for _ in range(WARM_UP):
        one()
    (folder / "ready").write_text(str(os.getpid()))
    while not (folder / "go").exists():
        time.sleep(0.05)
    profiler = cProfile.Profile() if profile else None
    if profiler is not None:
        profiler.enable()
    raised: collections.Counter[tuple[str, str]] = collections.Counter()

    def trace(frame: Any, event: str, arg: Any) -> Any:
        # An exception is reported in every frame it passes through: counted where raised.
        # A class's __getattr__ runs after an AttributeError that the interpreter raised and
        # cleared in C (no Python frame sees it): counted where the attribute was read.
        if event == "call" and frame.f_code.co_name == "__getattr__":
            frame, kind = frame.f_back, "AttributeError (C)"
        elif event == "exception" and (arg[2] is None or arg[2].tb_next is None):
            kind = arg[0].__name__
        else:
            return trace
        if frame is not None:
            where = f"{frame.f_code.co_filename}:{frame.f_lineno}"
            caller = frame.f_back
            for _ in range(STACK_DEPTH if stacks else 0):
                if caller is None:
                    break
                where += f"\n{'':30}< {caller.f_code.co_filename}:{caller.f_lineno}"
                caller = caller.f_back
            raised[(where, kind)] += 1
        return trace

    if exceptions:
        sys.settrace(trace)
    before = _database_work() if database else {}
    for _ in range(count):
        one()
    sys.settrace(None)
    if database:
        after = _database_work(before)
        lines = [f"{(after[k] - before[k]) / count:10.2f}  {k}" for k in after]
        (folder / "database").write_text("\n".join(lines) + "\n")
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(folder / "profile")
    if exceptions:
        lines = [
            f"{n / count:6.1f}  {kind:<22} {where}" for (where, kind), n in raised.most_common()
        ]
        (folder / "exceptions").write_text("\n".join(lines) + "\n")
    (folder / "done").touch()
    while not (folder / "exit").exists():
        time.sleep(0.05)


def _database_work(statements: dict[str, float] | None = None) -> dict[str, float]:
    """What the database has done so far (PostgreSQL): statements this process sent through
    Django (counted from the first call on), transactions committed, WAL bytes written, and
    the CPU time of this connection's server process (from /proc: noisy on a busy machine)."""
    from django.db import connection

    wrapper = getattr(_database_work, "wrapper", None)
    if wrapper is None:
        counted = {"n": 0}

        def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            counted["n"] += 1
            return execute(sql, params, many, context)

        connection.execute_wrappers.append(wrapper)
        _database_work.wrapper, _database_work.counted = wrapper, counted  # type: ignore[attr-defined]
    sent = _database_work.counted["n"]  # type: ignore[attr-defined]
    connection.execute_wrappers.remove(wrapper)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        time.sleep(1.2)
        cursor.execute(
            "SELECT pg_current_wal_lsn() - '0/0', pg_backend_pid(), xact_commit "
            "FROM pg_stat_database WHERE datname = current_database()"
        )
        wal, pid, commits = cursor.fetchone()
    connection.execute_wrappers.append(wrapper)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu_ms = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    # The look-ups above are one statement and two transactions (the flush, the read) each.
    extra = 0 if statements is None else 2
    return {
        "statements through Django": sent,
        "transactions committed": int(commits) - extra,
        "WAL bytes": float(wal),
        "PostgreSQL backend CPU ms": cpu_ms,
    }


def count_instructions(path: str, count: int, database_url: str, keep: str | None = None) -> int:
    """Instructions of the Django process per request, for `count` requests of `path` (the
    callgrind output also saved to `keep`, for `callgrind_annotate`)."""
    folder = Path(tempfile.mkdtemp(prefix="solidarity-callgrind-"))
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", "-q"]
    command += [f"--callgrind-out-file={folder}/out.%p", sys.executable, "-m", "bench.instructions"]
    command += ["--target", str(folder), "--path", path, "--count", str(count)]
    env = harness.server_env(database_url, "bench.settings", {})
    with subprocess.Popen(command, cwd=harness.ROOT, env=env) as process:
        while not (folder / "ready").exists():
            if process.poll() is not None:
                raise RuntimeError("the counted process stopped before it was ready")
            time.sleep(0.5)
        pid = (folder / "ready").read_text()
        control = ["callgrind_control", "-i", "on", pid]
        subprocess.run(control, check=True, capture_output=True)
        (folder / "go").touch()
        while not (folder / "done").exists():
            if process.poll() is not None:
                raise RuntimeError("the counted process stopped before it was done")
            time.sleep(0.5)
        for action in (["-i", "off", pid], ["-d", pid]):
            subprocess.run(["callgrind_control", *action], check=True, capture_output=True)
        (folder / "exit").touch()
    totals = {
        out: int(line.split()[1])
        for out in folder.glob("out.*")
        for line in out.read_text(errors="replace").splitlines()
        if line.startswith("totals:")
    }
    if keep and totals:  # the dump of the counted requests, not the nearly empty final one
        shutil.copyfile(max(totals, key=totals.__getitem__), keep)
    shutil.rmtree(folder, ignore_errors=True)
    return sum(totals.values()) // count


def profile_requests(
    path: str,
    count: int,
    database_url: str,
    top: int,
    keep: str | None = None,
    exceptions: bool = False,
    stacks: bool = False,
    database: bool = False,
) -> str:
    """The `top` Python functions by inclusive and by exclusive time over `count` requests
    (the statistics also saved to `keep`, for `python -m pstats`); with `exceptions`, the
    exceptions raised per request instead."""
    folder = Path(tempfile.mkdtemp(prefix="solidarity-profile-"))
    mode = "--exceptions" if exceptions else "--database-work" if database else "--profile"
    command = [sys.executable, "-m", "bench.instructions", "--target", str(folder), mode]
    command += ["--stacks"] if stacks else []
    command += ["--path", path, "--count", str(count)]
    env = harness.server_env(database_url, "bench.settings", {})
    with subprocess.Popen(command, cwd=harness.ROOT, env=env) as process:
        while not (folder / "done").exists():
            if process.poll() is not None:
                raise RuntimeError("the profiled process stopped before it was done")
            (folder / "go").touch()
            time.sleep(0.5)
        (folder / "exit").touch()
    if database:
        text = (folder / "database").read_text()
        shutil.rmtree(folder, ignore_errors=True)
        return "per request\n" + text
    if exceptions:
        text = (folder / "exceptions").read_text()
        shutil.rmtree(folder, ignore_errors=True)
        return "raised per request, where\n" + text
    out = io.StringIO()
    stats = pstats.Stats(str(folder / "profile"), stream=out)
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order).print_stats(top)
    if keep:
        shutil.copyfile(folder / "profile", keep)
    shutil.rmtree(folder, ignore_errors=True)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--path", choices=["nojs", "pow", "bare"], default="nojs")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--profile", action="store_true", help="cProfile instead of callgrind")
    parser.add_argument("--top", type=int, default=40, help="functions listed with --profile")
    parser.add_argument(
        "--keep", help="save the statistics (--profile) or callgrind's output to this file"
    )
    parser.add_argument("--exceptions", action="store_true", help="count exceptions raised")
    parser.add_argument(
        "--database-work",
        action="store_true",
        help="statements, transactions, WAL bytes and server CPU per request (PostgreSQL)",
    )
    parser.add_argument(
        "--stacks", action="store_true", help="with --exceptions: where each one was raised from"
    )
    parser.add_argument("--target", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.target:
        target(
            args.path,
            args.count,
            Path(args.target),
            profile=args.profile,
            exceptions=args.exceptions,
            stacks=args.stacks,
            database=args.database_work,
        )
        return
    if args.profile or args.exceptions or args.database_work:
        postgres = args.database == "postgres"
        database = harness.postgres_database() if postgres else harness.sqlite_database()
        with database as url:
            url = surge.fresh_postgres_database(url, "profile") if postgres else url
            surge.prepare(url)
            print(
                profile_requests(
                    args.path,
                    args.count,
                    url,
                    args.top,
                    args.keep,
                    args.exceptions,
                    args.stacks,
                    args.database_work,
                )
            )
        return
    if ensure_valgrind() is None:
        raise SystemExit("valgrind is not installed")
    postgres = args.database == "postgres"
    database = harness.postgres_database() if postgres else harness.sqlite_database()
    with database as url:
        url = surge.fresh_postgres_database(url, "instructions") if postgres else url
        surge.prepare(url)
        per_request = count_instructions(args.path, args.count, url, args.keep)
    print(f"{args.path} on {args.database}: {per_request:,} instructions per request")


if __name__ == "__main__":
    main()
