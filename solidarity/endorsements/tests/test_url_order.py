"""config/urls.py lists the endorsements' addresses first among the language-prefixed ones
(a submission then resolves without four failed prefixes). This proves the order changes
nothing: every address resolves to the same view, with the same arguments and name, as with
the previous order (endorsements after vault/), and every name reverses to the same address."""

import uuid

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

import config.urls

SAMPLES = {
    "int": "7",
    "uuid": str(uuid.UUID(int=5)),
    "slug": "some-slug",
    "str": "x1",
    "path": "a/b",
}
EXTRA = [
    "", "admin/", "admin/login/", "admin/auth/user/", "admin/nothing/here/", "endorse",
    "endorse/", "endorsers/montreal-x/", "endorsements/review/3/verify/", "accounts/x/",
    "organizers/", "organizers/reports/", "vault/", "services/", "endorsement/profile/",
    "nothing/", "en/", "endorse/confirm/a:b:c/",
]  # fmt: skip


class OldOrder:
    """The URLconf as it was: the endorsements' include after vault/."""

    def __init__(self) -> None:
        (locale,) = [p for p in config.urls.urlpatterns if _is_locale(p)]
        assert isinstance(locale, URLResolver)
        patterns = list(locale.url_patterns)
        endorsements = patterns.pop(0)
        assert isinstance(endorsements, URLResolver)
        assert "endorsements" in str(endorsements.urlconf_name)
        vault = next(i for i, p in enumerate(patterns) if str(p.pattern) == "vault/")
        patterns.insert(vault + 1, endorsements)
        rest = [p for p in config.urls.urlpatterns if p is not locale]
        self.urlpatterns = rest + i18n_patterns(*patterns, prefix_default_language=True)
        self.handler404 = config.urls.handler404


def _is_locale(pattern):
    return isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if _is_locale(pattern):
                yield from _routes(pattern.url_patterns, prefix)
            else:
                yield from _routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and not route.startswith("^"):
            yield prefix + route


def _filled(route):
    """The route with each converter replaced by a value it accepts."""
    while "<" in route:
        start, end = route.index("<"), route.index(">")
        kind = route[start + 1 : end].split(":")[0] if ":" in route[start:end] else "str"
        route = route[:start] + SAMPLES[kind] + route[end + 1 :]
    return route


def _paths():
    routes = set(_routes(get_resolver().url_patterns))
    filled = {_filled(route) for route in routes} | {route.split("<")[0] for route in routes}
    return sorted(filled | set(EXTRA))


def _answer(path, urlconf):
    try:
        match = resolve(path, urlconf=urlconf)
    except Resolver404:
        return None
    return (match.func, match.args, match.kwargs, match.url_name, match.namespaces, match.route)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_address_resolves_as_before(language):
    old = OldOrder()
    paths = _paths()
    assert len(paths) > 100
    with translation.override(language):
        for path in paths:
            for full in (f"/{language}/{path}", f"/{path}"):
                assert _answer(full, old) == _answer(full, "config.urls"), full


def test_every_name_reverses_as_before():
    old = OldOrder()
    with translation.override("en"):
        for path in _paths():
            match = _answer(f"/en/{path}", "config.urls")
            if match is None or match[3] is None:
                continue
            name = ":".join([*match[4], match[3]])
            try:
                expected = reverse(name, args=match[1], kwargs=match[2], urlconf=old)
            except NoReverseMatch:
                expected = None
            assert reverse(name, args=match[1], kwargs=match[2]) == expected, name
