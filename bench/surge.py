"""The endorsement surge: many organizations submitting the endorse form at once.

Used by the durability test (solidarity/ops/tests/test_durability.py) and by
`python -m bench.surge` for the throughput figure. Every submission is distinct (its own
organization, contact e-mail and submission_id); each comes from its own visitor address behind
the trusted proxy (bench.settings), so rate limits apply per organization as in real life.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import resource
import secrets
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url

from bench import harness, loadgen

SETUP = """
import datetime
from solidarity.accounts.models import User
from solidarity.cities.demo import create_declaration
from solidarity.cities.models import City
from solidarity.vault.services import vault_init

user = User.objects.create_user(username="surge-organizer", password="x" * 20, is_staff=True)
vault_init(organizer=user, passphrase="surge organizer passphrase")
city = City.objects.create(slug="montreal", name_en="Montreal", latitude=45.5, longitude=-73.56)
create_declaration(city=city, version=1, published_on=datetime.date(2026, 3, 21))
"""
STORED = """
import json
from solidarity.endorsements.models import Endorsement
ids = Endorsement.objects.exclude(submission_id=None).values_list("submission_id", flat=True)
print(json.dumps([str(i) for i in ids]))
"""
FAST_KDF = {"VAULT_KDF_OPS_LIMIT": "1", "VAULT_KDF_MEM_LIMIT": str(8 * 1024 * 1024)}
SUCCESS_PAGES = ("/endorse/thanks/", "/endorse/received/")
COMMITMENTS = ["never_ask", "confidential", "no_fees", "no_border_agency", "equal_standards"]


def prepare(database_url: str) -> None:
    harness.manage("migrate", "--noinput", database_url=database_url, env=FAST_KDF)
    harness.manage("shell", "-c", SETUP, database_url=database_url, env=FAST_KDF)


def stored_submissions(database_url: str) -> set[str]:
    output = harness.manage("shell", "-c", STORED, database_url=database_url)
    return set(json.loads(output.strip().splitlines()[-1]))


def fresh_postgres_database(base_url: str, name: str) -> str:
    """A new empty database on the server of `base_url` (a test cluster); returns its URL."""
    import psycopg

    config = dj_database_url.parse(base_url)
    conninfo = {"host": config["HOST"], "user": config["USER"], "dbname": "postgres"}
    if config.get("PORT"):
        conninfo["port"] = str(config["PORT"])
    with psycopg.connect(**conninfo, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + "/" + name


@dataclass
class Surge:
    """Builds endorse-form POSTs and records which ones were acknowledged.

    Every request is a new organization with its own submission_id, whatever index the load
    generator gives it (indexes restart at 0 in each measurement); acknowledgements are
    recorded by the submission_id read back from the request that got them."""

    cookie: str
    token: str
    acknowledged: dict[str, float] = field(default_factory=dict)  # submission_id -> when
    sent: itertools.count[int] = field(default_factory=itertools.count)
    # Organization names differ between generators too (each counts from 0): a name already
    # taken would cost every submission a failed INSERT and a retry.
    prefix: str = field(default_factory=lambda: secrets.token_hex(3))

    @classmethod
    def start(cls, server: harness.Server) -> Surge:
        with urllib.request.urlopen(server.url("/en/endorse/"), timeout=30) as response:
            html = response.read().decode()
            cookie = response.headers["Set-Cookie"].split(";", 1)[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token is not None, "no CSRF token on the endorse page"
        return cls(cookie=cookie, token=token[1])

    def request(self, index: int) -> loadgen.Request:
        number, submission_id = next(self.sent), str(uuid.uuid4())
        fields = [
            ("csrfmiddlewaretoken", self.token),
            ("organization_name", f"Surge Collective {self.prefix} {number}"),
            ("sector", "healthcare"),
            ("city", "montreal"),
            ("provides_services", "yes"),
            *(("commitments", c) for c in COMMITMENTS),
            ("supports_status_for_all", "on"),
            ("decision_method", "general_assembly"),
            ("decided_month", "2026-03"),
            ("visibility", "listed"),
            ("contact_name", f"Contact {number}"),
            ("contact_role", "Coordinator"),
            ("contact_email", f"contact-{number}-{submission_id[:8]}@example.net"),
            ("submission_id", submission_id),
        ]
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie}
        body = urllib.parse.urlencode(fields).encode()
        return loadgen.Request("POST", "/en/endorse/", headers, body)

    def record(self, index: int, request: loadgen.Request, response: loadgen.Response) -> None:
        """A success is the redirect to the thanks page the visitor sees."""
        location = response.headers.get("location", "")
        if response.status == 302 and location.endswith(SUCCESS_PAGES):
            submission_id = urllib.parse.parse_qs(request.body.decode())["submission_id"][0]
            self.acknowledged[submission_id] = time.monotonic()

    def acknowledged_ids(self) -> set[str]:
        return set(self.acknowledged)

    def shared_fields(self) -> str:
        """The url-encoded fields every submission of this generator has in common (what
        `request` sends besides the name, contact and submission_id)."""
        shared = ("organization_name", "contact_name", "contact_email", "submission_id")
        fields = urllib.parse.parse_qsl(Surge.request(self, 0).body.decode())
        return urllib.parse.urlencode([(k, v) for k, v in fields if k not in shared])


@dataclass
class Cpu:
    """CPU seconds spent so far by the web server (gunicorn's master and workers, past and
    present), the database server (PostgreSQL's postmaster and every process under it) and
    this process's finished children (the load generator: wrk runs to completion)."""

    server: float
    database: float
    client: float

    def __sub__(self, other: Cpu) -> Cpu:
        return Cpu(
            self.server - other.server, self.database - other.database, self.client - other.client
        )


def _process_cpu(pid: int, *, with_children: bool) -> float:
    """utime + stime (and the waited-for children's, with_children) of `pid`, in seconds."""
    with contextlib.suppress(OSError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        if with_children:
            ticks += int(fields[13]) + int(fields[14])
        return ticks / os.sysconf("SC_CLK_TCK")
    return 0.0


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


def _postmaster(database_url: str) -> int | None:
    """The PostgreSQL server of a `harness.postgres_database()` cluster (None for SQLite)."""
    host = dj_database_url.parse(database_url).get("HOST") or ""
    if not database_url.startswith("postgres") or not host.startswith("/"):
        return None
    with contextlib.suppress(OSError, ValueError):
        return int(Path(host, "data", "postmaster.pid").read_text().split()[0])
    return None


def cpu_now(server: harness.Server, database_url: str) -> Cpu:
    assert server.process is not None
    master = server.process.pid
    web = _process_cpu(master, with_children=True)
    web += sum(_process_cpu(pid, with_children=False) for pid in _children(master))
    database = 0.0
    postmaster = _postmaster(database_url)
    if postmaster is not None:
        database = _process_cpu(postmaster, with_children=True)
        database += sum(_process_cpu(p, with_children=False) for p in _children(postmaster))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Cpu(web, database, usage.ru_utime + usage.ru_stime)


WRK_SCRIPT = harness.ROOT / "bench" / "wrk_surge.lua"
# Visitor numbers already used in this process: each wrk run continues after them, so that no
# two submissions share a visitor address (rate limits count per address and hour).
_visitors = itertools.count(1)


def measure_wrk(
    server: harness.Server,
    label: str,
    surge: Surge,
    *,
    concurrency: int,
    requests: int,
    seconds: float,
    payloads: list[str] | None = None,
) -> harness.Result:
    """The surge driven by `wrk` (bench/wrk_surge.lua) instead of the asyncio client: the same
    submissions, at a fraction of the client's CPU. One connection per wrk thread, so each
    acknowledgement is matched to its submission_id, which is recorded in `surge`.
    `payloads` (solved proofs of work) gives every submission one of them."""
    budget = max(1, requests // concurrency)
    first = next(_visitors)
    for _ in range(concurrency * budget):
        next(_visitors)
    with tempfile.TemporaryDirectory(prefix="solidarity-wrk-") as tmp:
        form = Path(tmp, "form")
        form.write_text(surge.shared_fields())
        args = [str(form), surge.cookie, secrets.token_hex(4), str(first), str(budget)]
        args.append(str(concurrency))
        if payloads is not None:
            needed = concurrency * budget
            if len(payloads) < needed:
                raise ValueError(f"{needed} proofs of work needed, {len(payloads)} given")
            spent, payloads[:needed] = payloads[:needed], []
            Path(tmp, "payloads").write_text(
                "".join(urllib.parse.quote(p, safe="") + "\n" for p in spent)
            )
            args.append(str(Path(tmp, "payloads")))
        command = ["wrk", "-t", str(concurrency), "-c", str(concurrency)]
        command += ["-d", f"{max(1, round(seconds))}s", "--timeout", "10s"]
        command += ["-s", str(WRK_SCRIPT), server.url("/en/endorse/"), "--", *args]
        ran = subprocess.run(command, capture_output=True, text=True, check=False)
        if ran.returncode:
            raise RuntimeError(f"wrk failed:\n{ran.stdout[-2000:]}\n{ran.stderr[-2000:]}")
        output = ran.stdout
    now = time.monotonic()
    for line in output.splitlines():
        if line.startswith("ACK "):
            surge.acknowledged[line[4:].strip()] = now
    return harness.wrk_result(output, label=label, concurrency=concurrency)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Endorsement surge beside the bare view")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args(argv)
    postgres = args.database == "postgres"
    database = harness.postgres_database() if postgres else harness.sqlite_database()
    with database as url:
        prepare(url)
        with harness.Server(database_url=url) as server:
            surge = Surge.start(server)
            rows = harness.compare(
                server, "endorsement surge", surge.request, on_response=surge.record,
                concurrencies=tuple(args.clients), requests=args.requests, seconds=args.seconds,
            )  # fmt: skip
            memory = server.worker_memory()
        stored = stored_submissions(url)
    lost = surge.acknowledged_ids() - stored
    print(harness.markdown(rows, database="PostgreSQL" if postgres else "SQLite"))
    print(f"acknowledged {len(surge.acknowledged)}, stored {len(stored)}, lost {len(lost)}")
    print("worker memory (MB):", memory)
    print("load average (1, 5, 15 min) after the run:", os.getloadavg())


if __name__ == "__main__":
    main()
