"""Directory search page at 60,000 services, on SQLite and PostgreSQL, beside the bare view.

    .venv/bin/python -m bench.directory_search [--services 60000] [--database sqlite postgres]
                                               [--clients 1 10 50] [--seconds 10]
                                               [--search-cache SECONDS]
                                               [--output bench/directory_search.md]

For each database: migrate, load the demo data with `solidarity-city demo-data --services N`
(timed; the directory's own share is printed by the command), then serve it with gunicorn on
127.0.0.1 (`bench.harness.Server`) and measure the search page against the bare Django view in
the same run (`bench.harness.compare`). The search paths rotate through keyword searches in the
four languages, filters, open-now, "near me" with distance order, a neighbourhood and a deep
page, so no single cached plan answers everything. Each worker keeps the searches it answered
for `SEARCH_CACHE_SECONDS` (60 s as shipped; `--search-cache 0` measures every search answered
afresh). `--after-quiet` adds, for each scenario at the largest number of clients, a round
that begins after a quiet spell longer than that (no warm-up): a burst of visitors after a
quiet minute, when every worker answers every search afresh at once. Budget (DESIGN.md §7):
p95 <= 50 ms and
throughput >= 0.5x the bare view. Bounded: each measurement stops at `--requests` or
`--seconds`; traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
import urllib.parse
from pathlib import Path

from bench import harness

SEARCHES = [
    {"q": "food bank"},
    {"q": "dentiste"},
    {"q": "dentista", "city": "toronto"},
    {"q": "طبيب أسنان"},
    {"q": "abogado inmigración"},
    {"q": "shelter", "open_now": "on"},
    {"category": "health", "attributes": ["free", "no-id-required"]},
    {"lat": "45.50", "lon": "-73.57", "order": "distance", "q": "clinic"},
    {"city": "montreal", "neighbourhood": "montreal/parc-extension", "category": "food"},
    {"q": "legal clinic", "language": "es", "page": "3"},
    {"q": "cours de français", "city": "montreal"},
    {},
]
LANGUAGES = ["en", "fr", "es", "ar"]
# `/api/services?search=` (DESIGN.md §7 budget), with and without the extensions' filters.
API_SEARCHES = [
    {"search": "food bank"},
    {"search": "dentiste"},
    {"search": "abogado", "city": "toronto"},
    {"search": "طبيب أسنان"},
    {"search": "shelter", "open_now": "true"},
    {"search": "clinic", "attribute": ["free"]},
    {"search": "legal", "page": "3"},
    {"search": "cours de français", "language": "fr"},
]


def api_paths() -> list[str]:
    return [f"/api/services?{urllib.parse.urlencode(p, doseq=True)}" for p in API_SEARCHES]


def search_paths() -> list[str]:
    paths = []
    for number, params in enumerate(SEARCHES):
        language = LANGUAGES[number % len(LANGUAGES)]
        paths.append(f"/{language}/services/?{urllib.parse.urlencode(params, doseq=True)}")
    return paths


def load(url: str, services: int) -> tuple[float, str]:
    harness.manage("migrate", "--noinput", database_url=url)
    started = time.monotonic()
    output = harness.manage("demo_data", f"--services={services}", database_url=url)
    elapsed = time.monotonic() - started
    found = re.search(r"(\d+) demo services in ([\d.]+) s", output)
    return elapsed, found.group(0) if found else "(directory timing not printed)"


VACUUM = "from django.db import connection; connection.cursor().execute('VACUUM (ANALYZE)')"


def settle(url: str) -> str:
    """PostgreSQL: what autovacuum does within a minute or two of a bulk load (visibility map
    for index-only scans, statistics), done before timing instead of in the middle of it."""
    started = time.monotonic()
    harness.manage("shell", "-c", VACUUM, database_url=url)
    return f" Then `VACUUM (ANALYZE)`: {time.monotonic() - started:.1f} s (not counted above)."


def check(server: harness.Server) -> None:
    """Every path answers 200 before we time anything."""
    import urllib.request

    for path in search_paths() + api_paths():
        with urllib.request.urlopen(
            server.url(urllib.parse.quote(path, safe="/?=&%")), timeout=30
        ) as r:
            assert r.status == 200, path


def run(database: str, args: argparse.Namespace) -> str:
    context = harness.postgres_database() if database == "postgres" else harness.sqlite_database()
    name = "PostgreSQL" if database == "postgres" else "SQLite"
    with context as url:
        total, directory = load(url, args.services)
        settled = settle(url) if database == "postgres" else ""
        env = {} if args.search_cache is None else {"SEARCH_CACHE_SECONDS": str(args.search_cache)}
        with harness.Server(database_url=url, env=env) as server:
            check(server)
            rows = harness.compare(
                server,
                "search page",
                search_paths(),
                concurrencies=tuple(args.clients),
                requests=args.requests,
                seconds=args.seconds,
            )
            rows += harness.compare(
                server,
                "API search",
                api_paths(),
                concurrencies=tuple(args.clients),
                requests=args.requests,
                seconds=args.seconds,
            )
            if args.after_quiet:
                quiet = (args.search_cache if args.search_cache is not None else 60) + 1
                for label, paths in (("search page", search_paths()), ("API search", api_paths())):
                    rows += harness.compare(
                        server,
                        f"{label}, after a quiet minute",
                        paths,
                        concurrencies=(max(args.clients),),
                        requests=args.requests,
                        seconds=args.seconds,
                        quiet=quiet,
                    )
            memory = server.worker_memory()
    verdict = [
        f"- demo data ≤ 60 s: {'yes' if total <= 60 else 'NO'} ({total:.1f} s)",
    ] + [
        f"- {r.target.label}, p95 ≤ 50 ms at {r.target.concurrency} clients: "
        f"{'yes' if r.target.p95_ms <= 50 else 'NO'} ({r.target.p95_ms:.1f} ms); "
        f"throughput ≥ 0.5x bare: {'yes' if r.ratio >= 0.5 else 'NO'} ({r.ratio:.2f}x)"
        for r in rows
    ]
    rss = ", ".join(f"{m.get('rss_mb', 0):.0f}/{m.get('pss_mb', 0):.0f}" for m in memory)
    return "\n".join(
        [
            f"### {name}",
            "",
            f"Demo data (`demo-data --services {args.services}`, every app): {total:.1f} s; "
            f"directory share: {directory}.{settled}",
            "",
            harness.markdown(rows, database=name),
            "",
            *verdict,
            f"- gunicorn worker memory, RSS/PSS (MB): {rss}",
            f"- interpreter: {harness.interpreter()}",
            f"- load average after the run: {', '.join(f'{v:.1f}' for v in os.getloadavg())}",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--services", type=int, default=60_000)
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    # A budget the server cannot reach in `--seconds` (harness.measure_wrk): a wrk thread that
    # reaches its share stops and leaves its connections open, each holding a sync worker until
    # the run ends. At 20,000 the searches reached it (2,000/s) in session 9, with p95 0.6-1.8 s.
    parser.add_argument("--requests", type=int, default=200_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument(
        "--search-cache",
        type=int,
        metavar="SECONDS",
        help="how long each worker keeps a search (default: as shipped, settings.py; 0: never)",
    )
    parser.add_argument(
        "--after-quiet",
        action="store_true",
        help="also measure a burst after a quiet spell longer than the searches are kept",
    )
    parser.add_argument("--output", help="write the results (Markdown) to this file")
    args = parser.parse_args()
    kept = (
        "as shipped (`SEARCH_CACHE_SECONDS` default, 60 s)"
        if args.search_cache is None
        else f"{args.search_cache} s (`--search-cache {args.search_cache}`)"
    )
    header = [
        "# Directory search benchmark",
        "",
        f"`python -m bench.directory_search` on {platform.node()}, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
        f"Paths (rotated): {len(search_paths())} searches, see `SEARCHES` in the script. "
        f"Searches kept by each worker: {kept}.",
        "",
    ]
    sections = [run(database, args) for database in args.database]
    text = "\n".join(header + sections)
    print(text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
