# Gunicorn settings for Solidarity City (`gunicorn config.wsgi -c config/gunicorn.conf.py`).
# The access log names no client address, user agent, referrer or query string: %(U)s is the
# path alone, so search terms are never written down.
import gc
import os

# Web requests are many and short: no parallel query plans for them (config/settings.py says
# why). Read when the application loads, after this file; PG_PARALLEL_WORKERS overrides it.
os.environ.setdefault("PG_PARALLEL_WORKERS", "0")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers, two per core plus one: requests are short and the database does the waiting.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
# GUNICORN_THREADS above 1 makes them threaded workers (gthread), which keep a connection from
# the reverse proxy open between requests for `keepalive` seconds; the shipped proxy
# configurations close an idle one sooner (deploy/nginx.conf, deploy/Caddyfile), so that neither
# side sends a request on a connection the other is closing.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
keepalive = 5
# Load the application once in the master: workers share its memory pages (copy-on-write).
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then so that no slow leak grows without bound, but not every few
# seconds under load: a renewed worker starts with an empty cache of searches and compiles its
# templates again. At 5,000, five workers serving the bare view's 1,000-1,500 requests/s of a
# benchmark run would each be renewed every 17-25 s, nearly together (they serve equal shares).
# Workers held 72-78 MB after the benchmarks' runs of tens of thousands of requests
# (docs/benchmarks.md): no leak to race.
max_requests = 50_000
# Workers serve equal shares, so with a small jitter they were renewed within the same minute
# (each new worker answers its first searches afresh and builds its own cards): spread them.
max_requests_jitter = 25_000
# The access log is the reverse proxy's (deploy/nginx.conf and deploy/Caddyfile log the same
# fields, without the address): gunicorn's own copy cost about a fifth of a bare request's CPU
# (bench/endorsement_surge.md, session 5). GUNICORN_ACCESS_LOG=on writes it as well, to stdout.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "off") == "on" else None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# Only the reverse proxy may say which scheme the visitor used (its address, if not local).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No runtime control socket: systemd's signals are enough, and instances never share one.
control_socket_disable = True
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn heartbeat files, not data


def when_ready(server):
    """Import every view once in the master, before the workers fork: they share those pages and
    answer their first request at once, instead of each importing the URLconf (and WeasyPrint)
    on it — seconds on a busy machine, and past the timeout after a restart under load.

    Then freeze what the master holds (about 100,000 objects: Django, the apps, their URLs) out of
    the garbage collector's reach. Otherwise each worker's first full collection walked them
    all, copying every page it shared with the master: 1.2-1.5 s of one worker's CPU, measured
    once per worker and again each time `max_requests` renews it, seen by a visitor as a request
    that took over a second. With the freeze, those workers spent 0.1 s in collections over
    their first 1,000 requests instead of 1.3 s (`/bench/bare`, 5 workers, session 6). Python's
    documentation of `gc.freeze` recommends this for a server that forks."""
    if server.cfg.preload_app:
        from django.urls import get_resolver

        from solidarity.lib import shared_searches

        get_resolver().url_patterns  # noqa: B018 - the import is the point
        compile_templates()
        # The searches of the last minute, in memory every worker inherits from here.
        shared_searches.prepare()
        gc.collect()
        gc.freeze()


def compile_templates():
    """Compile the project's templates once in the master (Django's cached loader keeps them):
    a new worker, and each one `max_requests` renews, then serves its first pages without
    compiling them, which made its first search page take 200 ms instead of 50."""
    from pathlib import Path

    from django.conf import settings
    from django.template import engines

    project = Path(settings.BASE_DIR) / "solidarity"
    for engine in engines.all():
        for directory in map(Path, engine.template_dirs):
            if not directory.is_relative_to(project):
                continue
            for path in sorted(directory.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    engine.get_template(path.relative_to(directory).as_posix())


# Each worker's garbage collector looks at its youngest objects every 20,000 new ones instead of
# Python's default 700: a submission makes tens of thousands of short-lived objects, nearly all
# freed by reference counting, and every collection walks those alive at that moment. Measured
# with callgrind (bench/instructions.py): -2.0 % of a proof-of-work submission's instructions.
# Cyclic garbage still goes within a request or two (tested); the older generations keep their
# default ratios.
YOUNG_GENERATION_THRESHOLD = 20_000


def post_fork(server, worker):
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, oldest)
