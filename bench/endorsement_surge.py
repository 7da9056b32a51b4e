"""Endorsement surge on PostgreSQL: submissions per second, acknowledged vs stored.

    .venv/bin/python -m bench.endorsement_surge [--clients 10 50 100] [--requests 6000]
                                                [--seconds 15] [--database postgres]

Two scenarios, each beside the bare view measured by the same server in the same run
(`bench.harness.compare`):

- "surge, no JavaScript": the form without proof-of-work (stored, waits for an organizer);
- "surge, proof-of-work": every submission carries a solved challenge, so the server also
  verifies it, checks it against replays and renders and sends (locmem backend) the
  confirmation e-mail — the path a browser with JavaScript takes.

Each submission is a distinct organization and contact from its own visitor address (bench
settings trust one proxy), so rate limits apply as they would in real life. A submission counts
as acknowledged when the visitor gets the redirect to the thanks page; after the run the
script lists the submission_ids stored in the database, and any acknowledged one missing from
it is lost. PostgreSQL runs with its default durability (fsync and synchronous_commit on).

The challenges are solved before the run, in this process, with a smaller `POW_MAX_NUMBER`:
the server's verification costs one SHA-256 and one HMAC whatever the difficulty, and the
load generator must not spend the shared CPU on hashing. Bounded: each measurement stops at
`--requests` or `--seconds`; traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import urllib.parse

from bench import harness, loadgen, surge

MAIL = {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def solved_payloads(count: int) -> list[str]:
    """`count` distinct solved challenges signed with the server's key (same settings)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.POW_MAX_NUMBER = 500
    from solidarity.lib import pow

    return [pow.solve(pow.new_challenge()) for _ in range(count)]


class ProvenSurge(surge.Surge):
    """The same submissions with a solved proof-of-work each (one payload per request)."""

    payloads: list[str] = []

    def request(self, index: int) -> loadgen.Request:
        base = super().request(index)
        extra = urllib.parse.urlencode({"altcha": self.payloads[index % len(self.payloads)]})
        return loadgen.Request(
            base.method, base.path, base.headers, base.body + b"&" + extra.encode()
        )


def run(args: argparse.Namespace, url: str) -> None:
    surge.prepare(url)
    ProvenSurge.payloads = solved_payloads(args.requests * len(args.clients))
    with harness.Server(database_url=url, env=MAIL) as server:
        plain = surge.Surge.start(server)
        proven = ProvenSurge.start(server)
        rows = []
        for label, generator in (("surge, no JavaScript", plain), ("surge, proof-of-work", proven)):
            rows += harness.compare(
                server, label, generator.request, on_response=generator.record,
                concurrencies=tuple(args.clients), requests=args.requests, seconds=args.seconds,
            )  # fmt: skip
        memory = server.worker_memory()
    stored = surge.stored_submissions(url)
    print(harness.markdown(rows, database=args.database))
    for label, generator in (("no JavaScript", plain), ("proof-of-work", proven)):
        acknowledged = generator.acknowledged_ids()
        print(
            f"{label}: acknowledged {len(acknowledged)}, stored {len(acknowledged & stored)}, "
            f"lost {len(acknowledged - stored)}"
        )
    print(f"rows stored in total: {len(stored)}")
    print("worker memory (MB):", memory)
    print("load average (1, 5, 15 min) after the run:", os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="postgres")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args(argv)
    postgres = args.database == "postgres"
    database = harness.postgres_database() if postgres else harness.sqlite_database()
    with database as url:
        run(args, surge.fresh_postgres_database(url, "surge") if postgres else url)


if __name__ == "__main__":
    main()
