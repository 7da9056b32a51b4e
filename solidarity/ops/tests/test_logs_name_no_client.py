"""The shipped server configurations log no client address, user agent, referrer or query."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_gunicorn_access_log_has_no_address_agent_referrer_or_query():
    settings: dict = {}
    exec((ROOT / "config" / "gunicorn.conf.py").read_text(), settings)  # noqa: S102 - our file

    log_format = settings["access_log_format"]
    for atom in ("%(h)s", "%(a)s", "%(f)s", "%(q)s", "%(r)s", "{x-forwarded-for}i"):
        assert atom not in log_format
    assert "%(U)s" in log_format  # the path alone


def test_nginx_log_format_has_no_address_agent_referrer_or_query():
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    log_format = re.search(r"log_format solidarity (.*?);", config, re.S).group(1)

    for variable in ("$remote_addr", "$http_user_agent", "$http_referer", "$request ", "$args",
                     "$request_uri", "$http_x_forwarded_for", "$query_string"):  # fmt: skip
        assert variable not in log_format
    assert "$uri" in log_format
    assert "access_log /var/log/nginx/solidarity.access.log solidarity;" in config


def test_caddy_log_deletes_address_headers_and_query():
    config = (ROOT / "deploy" / "Caddyfile").read_text()

    for field in ("request>remote_ip delete", "request>client_ip delete", "request>headers delete"):
        assert field in config
    assert 'request>uri regexp \\?.*$ ""' in config
