"""django-csp's middleware, with each header built once instead of on every response.

A response that carries no policy of its own (django-csp's decorators) and whose page used no
nonce gets the same Content-Security-Policy every time: the settings'. Building it from them
cost 4.7 % of an endorsement submission's instructions and 18 % of a bare page's (callgrind,
session 5), so it is built once per process and settings; anything else is left to django-csp.
"""

from dataclasses import asdict
from functools import cache
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, PolicyParts
from csp.middleware import CSPMiddleware as LibraryCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

# Set on a response by django-csp's decorators (csp_exempt, csp_update, csp_replace, csp_override).
PER_RESPONSE = (
    "_csp_exempt",
    "_csp_exempt_ro",
    "_csp_config",
    "_csp_config_ro",
    "_csp_update",
    "_csp_update_ro",
    "_csp_replace",
    "_csp_replace_ro",
)


class CSPMiddleware(LibraryCSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        header = settings_header()
        if (
            header is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(getattr(response, name, None) for name in PER_RESPONSE)
            or HEADER in response
            or HEADER_REPORT_ONLY in response
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        response[HEADER] = header
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response


@cache
def settings_header() -> str | None:
    """The header of a response without a policy of its own; None when the settings ask for
    a report-only header too or exclude some paths: django-csp then decides each time."""
    policy: dict[str, Any] = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    if getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
        return None
    if policy.get("EXCLUDE_URL_PREFIXES"):
        return None
    return build_policy(**asdict(PolicyParts())) or None


@receiver(setting_changed)
def forget_header(*, setting: str, **kwargs: Any) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        settings_header.cache_clear()
