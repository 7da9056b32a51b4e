"""The endorse form, e-mail confirmation and the public list of endorsers."""

import functools
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.http.response import ResponseHeaders
from django.shortcuts import render
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from solidarity.cities.models import City
from solidarity.endorsements import selectors, services
from solidarity.endorsements.charts import growth_chart
from solidarity.endorsements.forms import (
    EndorseForm,
    EndorserFilterForm,
    ResendForm,
    SubmittedEndorseForm,
)
from solidarity.lib.antiabuse import rate_limited
from solidarity.lib.cache import cache_public
from solidarity.lib.views import rate_limited as too_many

SUBMIT_RATE = "10/h"
RESEND_RATE = "5/h"


@require_http_methods(["GET", "POST"])
def endorse(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = EndorseForm(initial={"city": request.GET.get("city", "")[:50]})
        return render(request, "endorsements/endorse.html", {"form": form})
    if rate_limited(request, group="endorse", rate=SUBMIT_RATE):
        return too_many(request)
    form = SubmittedEndorseForm(request.POST)
    if not form.is_valid():
        return _shown_again(request)
    proven = form.proof_of_work_passed()
    language = get_language()
    if not form.is_spam():
        try:
            services.endorsement_submit(
                submission=services.submission_from_form(form.cleaned_data),
                proof_of_work=proven,
                language=language or "en",
            )
        except services.NoDeclaration:
            return _shown_again(request, city=_("This city has not published its declaration yet."))
    # The same answer whether stored, duplicate or spam: nothing to learn from it.
    done = "endorsements:thanks" if proven else "endorsements:received"
    # The Content-Type Django would set, given: it then needs no failed header look-up.
    html = {"Content-Type": f"text/html; charset={settings.DEFAULT_CHARSET}"}
    response = HttpResponseRedirect(_url(done, language, get_script_prefix()), headers=html)
    response.headers.__class__ = _Headers
    return response


class _Headers(ResponseHeaders):
    """The response's headers, the same mapping, with `in` and `get` answering a missing
    header without raising: `Mapping.__contains__` and `Mapping.get` look it up and catch
    the KeyError, and the middleware asks about ten absent headers per response (each
    `has_header` and `setdefault`). Same answers: `key.lower()` in the same store."""

    def __contains__(self, key: object) -> bool:
        return key.lower() in self._store  # type: ignore[attr-defined]

    def get(self, key: str, default: Any = None) -> Any:
        found = self._store.get(key.lower())
        return default if found is None else found[1]


@functools.cache
def _url(name: str, language: str | None, script_prefix: str) -> str:
    """`reverse(name)` in the current language, once per process (measured: 5 % of a
    submission's time went into reversing the same two addresses)."""
    return reverse(name)


def _shown_again(request: HttpRequest, *, city: str = "") -> HttpResponse:
    """The form with its errors, as a form of its own (a submitted one shares its fields)."""
    form = EndorseForm(request.POST)
    form.is_valid()
    if city:
        form.add_error("city", city)
    return render(request, "endorsements/endorse.html", {"form": form}, status=400)


@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "endorsements/thanks.html", {"proven": True})


@require_safe
def received(request: HttpRequest) -> HttpResponse:
    return render(request, "endorsements/thanks.html", {"proven": False})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    endorsement = services.endorsement_from_token(token[:300])
    if endorsement is None:
        return render(request, "endorsements/confirm_invalid.html", status=400)
    if request.method == "POST":
        services.endorsement_confirm(endorsement=endorsement)
        return HttpResponseRedirect(reverse("endorsements:confirm", args=[token]))
    return render(request, "endorsements/confirm.html", {"endorsement": endorsement})


@require_http_methods(["GET", "POST"])
def resend(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "endorsements/resend.html", {"form": ResendForm()})
    if rate_limited(request, group="endorse-resend", rate=RESEND_RATE):
        return too_many(request)
    form = ResendForm(request.POST)
    if not form.is_valid():
        return render(request, "endorsements/resend.html", {"form": form}, status=400)
    if not form.is_spam():
        services.endorsement_resend_confirmation(
            email=form.cleaned_data["email"], language=get_language() or "en"
        )
    messages.success(
        request,
        _("If an unconfirmed endorsement uses this address, a new link is on its way."),
    )
    return HttpResponseRedirect(reverse("endorsements:resend"))


# What the public endorsement pages are made of; a name search (`q`) is never cached.
PUBLIC_SCOPES = ("endorsements", "cities")


def _filters(query: QueryDict) -> dict[str, Any]:
    form = EndorserFilterForm(query)
    data = form.cleaned_data if form.is_valid() else {}
    return {
        "form": form,
        "city": data.get("city"),
        "sector": data.get("sector") or "",
        "services": data.get("services") == "yes",
        "q": (data.get("q") or "").strip(),
    }


@require_safe
@cache_public(scopes=PUBLIC_SCOPES, query_params=("city", "sector", "services"))
def endorsers(request: HttpRequest) -> HttpResponse:
    filters = _filters(request.GET)
    city = filters["city"]
    rows = selectors.public_endorsements(
        city=city, sector=filters["sector"], services=filters["services"], q=filters["q"]
    )
    context = {
        "form": filters["form"],
        "city": city,
        "endorsements": rows[:500],
        "counts": selectors.endorsement_counts(city=city),
        "chart": growth_chart(selectors.growth(city=city)),
        "cities": City.objects.all(),
        "query": request.GET.urlencode(),
    }
    return render(request, "endorsements/endorsers.html", context)


@require_safe
@cache_public(scopes=PUBLIC_SCOPES)
def endorser(request: HttpRequest, slug: str) -> HttpResponse:
    endorsement = selectors.public_endorser(slug=slug)
    if endorsement is None:
        return render(request, "404.html", status=404)
    declaration = endorsement.declaration
    pledges = declaration.commitments.filter(key__in=endorsement.commitments)
    context: dict[str, Any] = {"endorsement": endorsement}
    context["organization"] = endorsement.organization
    context["pledges"] = pledges.order_by("position")
    return render(request, "endorsements/endorser.html", context)
