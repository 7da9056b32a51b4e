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
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
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
