"""Public pages: search, service page, "report outdated information". None of them sets a cookie
for anonymous visitors except the report form (its CSRF token), on a page of its own."""

import uuid

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from solidarity.cities.models import Commitment
from solidarity.directory import cards, selectors, services
from solidarity.directory.forms import OutdatedReportForm, SearchForm
from solidarity.directory.presenters import decorate
from solidarity.directory.selectors import SearchQuery
from solidarity.lib.antiabuse import rate_limited
from solidarity.lib.cache import cache_public

PER_PAGE = 20
RESULTS_CAP = 1000


class CappedPaginator(Paginator):
    """Pages through the first RESULTS_CAP + 1 results, read in one query (`first_hits`): past
    a thousand the exact number helps nobody, and counting every match of a broad search cost
    more than showing its first page."""

    cap = RESULTS_CAP

    @classmethod
    def of(cls, search: SearchQuery, per_page: int, page: str | None = None) -> "CappedPaginator":
        """`page`: the page asked for; the hits after it need not be in their exact order. A
        page number the paginator would replace by the last page puts every hit in order."""
        limit = cls.cap + 1
        if not page:
            shown = per_page
        elif page.isascii() and page.isdigit() and int(page) >= 1:
            shown = min(int(page) * per_page, limit)
        else:
            shown = limit
        return cls(selectors.search_hits(search, limit=limit, shown=shown), per_page)

    @property
    def capped(self) -> bool:
        return self.count > self.cap


def map_context() -> dict[str, object]:
    """The map is off unless settings turn it on: tile servers learn who looks at what."""
    return {
        "map_enabled": getattr(settings, "DIRECTORY_MAP_ENABLED", False),
        "map_tile_url": getattr(settings, "DIRECTORY_MAP_TILE_URL", ""),
        "map_attribution": getattr(settings, "DIRECTORY_MAP_ATTRIBUTION", ""),
    }


# What directory pages are made of: listings, and the endorsements that make them public.
DIRECTORY_SCOPES = ("directory", "endorsements")
# "Open now" is on these pages: a cached copy lives a minute at most.
OPEN_NOW_TIMEOUT = 60


@require_safe
@cache_public(scopes=DIRECTORY_SCOPES, timeout=OPEN_NOW_TIMEOUT, query_params=(), searches=True)
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "page": None, **map_context()}
        return render(request, "directory/search.html", context, status=400)
    query = form.to_query() if form.is_bound else SearchQuery()
    paginator = CappedPaginator.of(query, PER_PAGE, request.GET.get("page"))
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = cards.results(list(page.object_list))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query,
        # Past the cap, results are not ranked but shown most recently checked first
        # (selectors.search_hits): the page says so.
        "freshest_first": paginator.capped and not selectors.distance_order(query),
        "params": params.urlencode(),
        **map_context(),
    }
    return render(request, "directory/search.html", context)


def parse_id(service_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(service_id)
    except ValueError as error:
        raise Http404 from error


@require_safe
@cache_public(scopes=DIRECTORY_SCOPES, timeout=OPEN_NOW_TIMEOUT)
def service_detail(request: HttpRequest, service_id: str) -> HttpResponse:
    service = selectors.public_service(parse_id(service_id))
    if service is None:
        raise Http404
    decorate([service])
    context = {
        "service": service,
        "pledge": selectors.organization_pledge(service.organization),
        "reported": request.GET.get("reported") == "1",
        "commitments": [label for _key, label in Commitment.choices],
    }
    return render(request, "directory/service.html", {**context, **map_context()})


@require_http_methods(["GET", "HEAD", "POST"])
def report_outdated(request: HttpRequest, service_id: str) -> HttpResponse:
    service = selectors.public_service(parse_id(service_id))
    if service is None:
        raise Http404
    form = OutdatedReportForm(request.POST or None)
    if request.method == "POST":
        if rate_limited(request, group="directory-outdated", rate="10/h"):
            return render(request, "429.html", status=429)
        if form.is_valid():
            if not form.is_spam():
                services.outdated_report_create(
                    service=service, problems=form.cleaned_data["problems"]
                )
            # A query flag, not a message: a message would need a session cookie.
            return redirect(service.get_absolute_url() + "?reported=1")
    status = 400 if form.is_bound else 200
    return render(
        request, "directory/report_outdated.html", {"service": service, "form": form}, status=status
    )
