"""Open data: CSV, JSON and Atom of public endorsement fields, and SVG badges (static images
from our origin: no script, no tracking)."""

import csv
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from solidarity.cities.models import City
from solidarity.endorsements import selectors
from solidarity.endorsements.models import Endorsement

MAX_ROWS = 20_000


def shareable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open data and badges may be embedded or fetched from any site (no credentials; the
    site-wide default is same-origin only)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _rows(request: HttpRequest) -> list[dict[str, Any]]:
    city = request.GET.get("city", "")[:50]
    rows = selectors.public_endorsements(city=get_object_or_404(City, slug=city) if city else None)
    return [selectors.public_record(endorsement) for endorsement in rows[:MAX_ROWS]]


@shareable
@require_safe
@cache_control(public=True, max_age=300)
def endorsers_json(request: HttpRequest) -> JsonResponse:
    rows = _rows(request)
    return JsonResponse({"count": len(rows), "fields": selectors.PUBLIC_FIELDS, "results": rows})


@shareable
@require_safe
@cache_control(public=True, max_age=300)
def endorsers_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="endorsers.csv"'
    writer = csv.DictWriter(response, fieldnames=selectors.PUBLIC_FIELDS)
    writer.writeheader()
    for row in _rows(request):
        row["commitments"] = " ".join(row["commitments"])
        writer.writerow({key: _csv_safe(value) for key, value in row.items()})
    return response


def _csv_safe(value: Any) -> Any:
    """Spreadsheet formula injection: a cell starting with = + - @ is read as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class EndorsersFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("New endorsers of the Solidarity City declaration")
    subtitle = gettext_lazy("Organizations whose endorsement was verified by the campaign.")

    def link(self) -> str:
        from django.urls import reverse

        return reverse("endorsements:endorsers")

    def items(self) -> Any:
        return selectors.public_endorsements().order_by("-verified_on", "-pk")[:50]

    def item_title(self, item: Endorsement) -> str:
        return item.organization.name

    def item_description(self, item: Endorsement) -> str:
        return item.statement or (item.organization.description or "")

    def item_link(self, item: Endorsement) -> str:
        return item.organization.get_absolute_url()

    def item_pubdate(self, item: Endorsement) -> Any:
        import datetime

        day = item.verified_on or item.created_on
        return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def _svg(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, content_type="image/svg+xml; charset=utf-8")


@shareable
@require_safe
@cache_control(public=True, max_age=86400)
def badge(request: HttpRequest) -> HttpResponse:
    return _svg(
        request, "endorsements/badge.svg", {"text": _("We endorse the Solidarity City declaration")}
    )


@shareable
@require_safe
@cache_control(public=True, max_age=300)
def count_badge(request: HttpRequest) -> HttpResponse:
    city = request.GET.get("city", "")[:50]
    counts = selectors.endorsement_counts(city=get_object_or_404(City, slug=city) if city else None)
    return _svg(request, "endorsements/count_badge.svg", {"counts": counts})
