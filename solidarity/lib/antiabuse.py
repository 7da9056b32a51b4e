"""Anti-abuse without third parties: rate limits keyed on a short-lived hash of the client's
address (kept only in the cache), and a honeypot field for forms."""

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited


def client_rate_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit key: the hourly keyed hash set by ForgetClientMiddleware, never an IP."""
    return str(getattr(request, "client_key", "unknown"))


def rate_limited(request: HttpRequest, *, group: str, rate: str, increment: bool = True) -> bool:
    """True when this client has gone over `rate` (e.g. "5/m", "20/h") for `group`."""
    return bool(
        is_ratelimited(
            request, group=group, key=client_rate_key, rate=rate, method=ALL, increment=increment
        )
    )


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden by CSS, skipped by screen readers) that bots fill.

    Views check `form.is_spam()`; a spam submission is answered as if it succeeded and is
    not stored, so a bot learns nothing.
    """

    honeypot_field_name = "nickname"

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if self.honeypot_field_name in self.fields:  # declared already (a form sharing fields)
            return
        self.fields[self.honeypot_field_name] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix(self.honeypot_field_name), "").strip())
