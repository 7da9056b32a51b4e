"""Anti-abuse without third parties: rate limits keyed on a short-lived hash of the client's
address (kept only in the cache), and a honeypot field for forms."""

import functools
import hashlib
import socket
from typing import Any, NamedTuple

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import EXPIRATION_FUDGE, _get_window, _split_rate


def client_rate_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit key: the hourly keyed hash set by ForgetClientMiddleware, never an IP."""
    return str(getattr(request, "client_key", "unknown"))


def rate_limited(request: HttpRequest, *, group: str, rate: str, increment: bool = True) -> bool:
    """True when this client has gone over `rate` (e.g. "5/m", "20/h") for `group`.

    django-ratelimit's `is_ratelimited(request, group=group, key=client_rate_key, rate=rate,
    method=ALL, increment=increment)`, step by step: the same cache entry (key, window,
    expiry), the same settings (RATELIMIT_ENABLE, _USE_CACHE, _CACHE_PREFIX, _HASH_ALGORITHM,
    _FAIL_OPEN) and the same answer when the cache fails, with the rate parsed once per
    process instead of twice per call (an endorsement is rate limited on every submission;
    the tests compare the two)."""
    config = _config()
    if not config.enable:
        return False
    limit, period = _limit_and_period(rate)
    value = client_rate_key(group, request)
    window = _get_window(value, period)
    # group, rate as count/seconds, key, window end and methods ("" for all), as the library.
    text = f"{group}{limit}/{period}s{value}{window}"
    key = config.prefix + config.algorithm(text.encode()).hexdigest()
    cache = caches[config.cache]
    initial = 1 if increment else 0
    try:
        added = cache.add(key, initial, period + EXPIRATION_FUDGE)
    except socket.gaierror:  # Redis
        added = False
    count: Any
    if added:
        count = initial
    elif increment:
        try:
            count = cache.incr(key)
        except ValueError:
            count = None
    else:
        count = cache.get(key, initial)
    if count is None or count is False:  # the cache failed
        return not config.fail_open
    return bool(count > limit)


class _Config(NamedTuple):
    enable: bool
    prefix: str
    algorithm: Any
    cache: str
    fail_open: bool


@functools.cache
def _config() -> _Config:
    """django-ratelimit's settings with its defaults, read once (a setting left out costs two
    exceptions per read) and again after a change (`setting_changed`, as in tests)."""
    algorithm = getattr(settings, "RATELIMIT_HASH_ALGORITHM", hashlib.sha256)
    return _Config(
        enable=getattr(settings, "RATELIMIT_ENABLE", True),
        prefix=getattr(settings, "RATELIMIT_CACHE_PREFIX", "rl:"),
        algorithm=import_string(algorithm) if isinstance(algorithm, str) else algorithm,
        cache=getattr(settings, "RATELIMIT_USE_CACHE", "default"),
        fail_open=getattr(settings, "RATELIMIT_FAIL_OPEN", False),
    )


@receiver(setting_changed)
def _read_config_again(*, setting: str, **_kwargs: Any) -> None:
    if setting.startswith("RATELIMIT_"):
        _config.cache_clear()


@functools.lru_cache(maxsize=64)
def _limit_and_period(rate: str) -> tuple[int, int]:
    limit, period = _split_rate(rate)
    if period <= 0:
        raise ImproperlyConfigured("Ratelimit period must be greater than 0")
    return int(limit), int(period)


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
        name = self.add_prefix(self.honeypot_field_name)
        # `in` first: a QueryDict raises and catches two exceptions for a missing key.
        return name in self.data and bool(self.data.get(name, "").strip())
