"""`antiabuse.rate_limited` counts in the same cache entry as django-ratelimit's
`is_ratelimited` with the same arguments, and answers as it does (its steps without the
parsing; see its docstring)."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django_ratelimit import ALL
from django_ratelimit.core import get_usage, is_ratelimited

from solidarity.lib.antiabuse import client_rate_key, rate_limited


def visitor(key: str = "a1b2c3") -> object:
    request = RequestFactory().post("/en/endorse/")
    request.client_key = key  # type: ignore[attr-defined]  # ForgetClientMiddleware sets it
    return request


def library_count(request: object, group: str, rate: str) -> int:
    usage = get_usage(request, group=group, key=client_rate_key, rate=rate, method=ALL)
    return int(usage["count"])


@pytest.mark.parametrize("rate", ["3/m", "2/h", "10/5m", "4/d"])
def test_it_counts_where_django_ratelimit_counts_and_answers_alike(rate):
    request, limit = visitor(), int(rate.split("/")[0])

    for number in range(1, limit + 3):
        assert rate_limited(request, group="endorse", rate=rate) is (number > limit)
        assert library_count(request, "endorse", rate) == number

    # And the other way round: what the library counts, this sees.
    other = visitor("d4e5f6")
    for _ in range(limit):
        is_ratelimited(other, group="endorse", key=client_rate_key, rate=rate, increment=True)
    assert rate_limited(other, group="endorse", rate=rate, increment=False) is False
    assert rate_limited(other, group="endorse", rate=rate) is True


def test_groups_and_visitors_are_counted_apart():
    for _ in range(3):
        rate_limited(visitor(), group="endorse", rate="3/h")

    assert rate_limited(visitor(), group="endorse", rate="3/h") is True
    assert rate_limited(visitor(), group="resend", rate="3/h") is False
    assert rate_limited(visitor("another"), group="endorse", rate="3/h") is False


def test_nothing_is_limited_when_rate_limits_are_off(settings):
    settings.RATELIMIT_ENABLE = False
    for _ in range(5):
        assert rate_limited(visitor(), group="endorse", rate="1/h") is False


@pytest.mark.parametrize("fail_open", [False, True])
def test_a_failing_cache_limits_unless_told_to_fail_open(settings, fail_open):
    settings.RATELIMIT_FAIL_OPEN = fail_open
    request = visitor()
    with (
        mock.patch.object(cache, "add", return_value=False),
        mock.patch.object(cache, "incr", side_effect=ValueError),
    ):
        ours = rate_limited(request, group="endorse", rate="5/h")
        theirs = is_ratelimited(
            request, group="endorse", key=client_rate_key, rate="5/h", increment=True
        )
    assert ours is (not fail_open)
    assert bool(theirs) is ours


def test_a_changed_setting_is_read_again(settings):
    settings.RATELIMIT_CACHE_PREFIX = "other:"
    rate_limited(visitor(), group="endorse", rate="3/h")

    assert library_count(visitor(), "endorse", "3/h") == 1
    assert any(key.startswith(":1:other:") for key in cache._cache)
