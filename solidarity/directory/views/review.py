"""Organizers review new listings of the cities they organize, and follow up what visitors
reported as outdated."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from solidarity.directory import selectors, services
from solidarity.directory.forms_manage import ReviewPolicyForm
from solidarity.directory.models import Service
from solidarity.organizers.decorators import organizer_required
from solidarity.organizers.selectors import organizer_cities


def policy_form(request: HttpRequest, data: Any = None) -> ReviewPolicyForm:
    cities = organizer_cities(request.user).order_by("position", "pk")
    reviewed = [city for city in cities if selectors.reviews_new_listings(city)]
    return ReviewPolicyForm(data, cities=cities, initial={"reviewed": reviewed})


@require_safe
@organizer_required
def queue(request: HttpRequest) -> HttpResponse:
    pending = selectors.services_awaiting_review(organizer=request.user)
    context = {"services": pending, "policy": policy_form(request)}
    return render(request, "directory/review.html", context)


@require_POST
@organizer_required
def policy(request: HttpRequest) -> HttpResponse:
    form = policy_form(request, request.POST)
    if not form.is_valid():
        pending = selectors.services_awaiting_review(organizer=request.user)
        context = {"services": pending, "policy": form}
        return render(request, "directory/review.html", context, status=400)
    reviewed = set(form.cleaned_data["reviewed"])
    for city in form.cities:
        services.review_policy_set(city=city, review=city in reviewed, actor=request.user)
    messages.success(request, _("The review policy is saved."))
    return redirect("directory:review")


@require_POST
@organizer_required
def decide(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = get_object_or_404(
        selectors.services_awaiting_review(organizer=request.user), pk=service_id
    )
    approve = request.POST.get("decision") == "approve"
    services.service_review(service=service, actor=request.user, approve=approve)
    messages.success(request, _("Listing approved.") if approve else _("Listing rejected."))
    return redirect("directory:review")


@require_safe
@organizer_required
def outdated(request: HttpRequest) -> HttpResponse:
    reported = selectors.services_reported_outdated(organizer=request.user)
    return render(request, "directory/outdated.html", {"reported": reported})


@require_POST
@organizer_required
def outdated_handled(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    cities = organizer_cities(request.user)
    service = get_object_or_404(Service, pk=service_id, organization__city__in=cities)
    services.outdated_reports_resolve(service=service, actor=request.user)
    messages.success(
        request, _("The reports about “%(name)s” are marked as handled.") % {"name": service.name}
    )
    return redirect("directory:outdated")
