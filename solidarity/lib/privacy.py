"""Privacy by construction: no client address, user agent or query string outlives a request.

`ForgetClientMiddleware` runs first. It turns the client address into a short-lived keyed hash
(for rate limits, kept only in cache) and deletes the address and user agent from the request, so
no later code, log line or error report can write them down.
"""

import hashlib
import hmac
import logging
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter

CLIENT_HEADERS = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
)


def client_address(meta: dict[str, Any]) -> str:
    """The visitor's address as the last trusted proxy saw it (NUM_PROXIES in settings)."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    forwarded = [a.strip() for a in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return str(meta.get("REMOTE_ADDR", ""))


def client_key(address: str) -> str:
    """A keyed hash of an address whose key changes every hour, so it cannot be linked later."""
    hour = timezone.now().strftime("%Y%m%d%H")
    key = hmac.new(settings.KEYED_HASH_SECRET.encode(), f"client:{hour}".encode(), hashlib.sha256)
    return hmac.new(key.digest(), address.encode(), hashlib.sha256).hexdigest()[:32]


class ForgetClientMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.client_key = client_key(client_address(request.META))  # type: ignore[attr-defined]
        for header in CLIENT_HEADERS:
            request.META.pop(header, None)
        # Django and some libraries expect REMOTE_ADDR to exist; give them nothing real.
        request.META["REMOTE_ADDR"] = "0.0.0.0"  # noqa: S104 - a placeholder, not a bind address
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response


_QUERY = re.compile(r"\?[^\s\"]*")


class PrivateLogFilter(logging.Filter):
    """Drops request objects from log records and query strings from request lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                _QUERY.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = _QUERY.sub("", record.msg)
        return True


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports never show POST bodies, local variables or client details."""

    def is_active(self, request: HttpRequest | None) -> bool:
        return True

    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, str]:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        return {k: v for k, v in meta.items() if k not in CLIENT_HEADERS}

    def get_traceback_frame_variables(self, request: HttpRequest | None, tb_frame: Any) -> Any:
        return [("(hidden)", self.cleansed_substitute)]
