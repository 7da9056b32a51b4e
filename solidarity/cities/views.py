from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from solidarity.cities.models import City
from solidarity.cities.selectors import city_list, current_declaration
from solidarity.lib.cache import cache_public

# Cities and declarations change through the admin, which bumps this scope (see admin.py).
CITY_PAGES = ("cities",)


@require_safe
@cache_public(scopes=CITY_PAGES)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "cities/home.html", {"cities": city_list()})


@require_safe
@cache_public(scopes=CITY_PAGES)
def city_home(request: HttpRequest, slug: str) -> HttpResponse:
    city = get_object_or_404(City, slug=slug)
    context = {"city": city, "declaration": current_declaration(city=city), "cities": city_list()}
    return render(request, "cities/city.html", context)


@require_safe
@cache_public(scopes=CITY_PAGES)
def declaration(request: HttpRequest, slug: str) -> HttpResponse:
    city = get_object_or_404(City, slug=slug)
    context = {"city": city, "declaration": current_declaration(city=city)}
    return render(request, "cities/declaration.html", context)


@require_safe
@cache_public(scopes=CITY_PAGES)
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "cities/privacy.html")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
