"""API responses cached like public pages (lib/cache.py): per language and address, dropped as
soon as what they are made of changes. Only pagination and shape parameters reach the shared
cache. A filter or search is answered afresh, except by an operation marked `searches`
(`/services`): its answers, unfiltered ones too, are kept for a minute in memory the web
server's workers share, as the search page's are (lib/cache.py, lib/shared_searches.py)."""

from collections.abc import Callable, Collection
from typing import Any

from ninja.decorators import decorate_view

from solidarity.lib.cache import cache_public

DIRECTORY = ("directory", "endorsements")
TAXONOMY = ("directory",)
ENDORSEMENTS = ("endorsements", "cities")
PAGING = ("page", "per_page")


def cached(
    *, scopes: Collection[str], params: Collection[str] = PAGING, searches: bool = False
) -> Callable[[Any], Any]:
    return decorate_view(cache_public(scopes=scopes, query_params=params, searches=searches))
