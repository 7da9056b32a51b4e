"""API responses cached like public pages (lib/cache.py): per language and address, dropped as
soon as what they are made of changes. Only pagination and shape parameters are cached; any
filter or search is answered afresh, so the cache never holds what someone looked for."""

from collections.abc import Callable, Collection
from typing import Any

from ninja.decorators import decorate_view

from solidarity.lib.cache import cache_public

DIRECTORY = ("directory", "endorsements")
TAXONOMY = ("directory",)
ENDORSEMENTS = ("endorsements", "cities")
PAGING = ("page", "per_page")


def cached(*, scopes: Collection[str], params: Collection[str] = PAGING) -> Callable[[Any], Any]:
    return decorate_view(cache_public(scopes=scopes, query_params=params))
