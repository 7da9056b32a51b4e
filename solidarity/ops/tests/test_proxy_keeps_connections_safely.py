"""The shipped reverse proxies close an idle connection to gunicorn before gunicorn does.

With threaded workers (GUNICORN_THREADS > 1) gunicorn keeps a connection open `keepalive`
seconds after a response. If the proxy kept it longer, it could send the next request just as
gunicorn closes it; nginx does not retry a POST, so a visitor would get a 502."""

import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def gunicorn_keepalive() -> float:
    return float(runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["keepalive"])


def seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s)?", value).groups()  # type: ignore[union-attr]
    return float(number) / (1000 if unit == "ms" else 1)


def test_nginx_drops_idle_upstream_connections_before_gunicorn():
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    upstream = re.search(r"upstream solidarity \{(.*?)\}", config, re.S).group(1)

    assert re.search(r"^\s*keepalive \d+;", upstream, re.M)
    timeout = re.search(r"^\s*keepalive_timeout (\S+);", upstream, re.M)
    assert timeout is not None
    assert seconds(timeout.group(1)) < gunicorn_keepalive()


def test_caddy_drops_idle_upstream_connections_before_gunicorn():
    config = (ROOT / "deploy" / "Caddyfile").read_text()
    transport = re.search(r"transport http \{(.*?)\}", config, re.S)
    assert transport is not None
    keepalive = re.search(r"keepalive (\S+)", transport.group(1))
    assert keepalive is not None
    assert seconds(keepalive.group(1)) < gunicorn_keepalive()


def test_gunicorn_threads_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    assert runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["threads"] == 4


def test_gunicorn_leaves_the_access_log_to_the_proxy_unless_asked(monkeypatch):
    conf = ROOT / "config" / "gunicorn.conf.py"
    assert runpy.run_path(str(conf))["accesslog"] is None
    monkeypatch.setenv("GUNICORN_ACCESS_LOG", "on")
    assert runpy.run_path(str(conf))["accesslog"] == "-"
