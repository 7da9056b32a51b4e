import functools
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request: HttpRequest) -> dict[str, Any]:
    """Language switcher links and text direction for base.html."""
    current = get_language() or settings.LANGUAGE_CODE
    query = request.META.get("QUERY_STRING", "")
    languages = []
    # Only paths without arguments are remembered: others may carry a token (a magic link).
    match = request.resolver_match
    fixed = match is not None and not match.args and not match.kwargs
    for code, _name in settings.LANGUAGES:
        url = translated_path(request.path, code) if fixed else translate_url(request.path, code)
        languages.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
                "current": code == current,
            }
        )
    return {
        "languages": languages,
        "text_direction": "rtl" if current in settings.RTL_LANGUAGES else "ltr",
        "site_url": settings.SITE_URL,
    }


@functools.lru_cache(maxsize=1024)
def translated_path(path: str, code: str) -> str:
    """`translate_url`, remembered per process for the site's fixed paths (the search page,
    the endorsers list...): it resolves the path and reverses it for each language."""
    return translate_url(path, code)
