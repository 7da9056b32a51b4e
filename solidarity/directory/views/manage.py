"""Representatives keep their organization's listings: every object is looked up within
`request.user.organization`, so another organization's listing is a 404, never a form."""

import uuid

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from solidarity.accounts.decorators import representative_required
from solidarity.directory import selectors, services
from solidarity.directory.forms_manage import (
    LocationForm,
    ScheduleFormSet,
    ServiceForm,
    schedule_initial,
    schedules_from,
)
from solidarity.directory.models import Location, Organization, Service


def organization_of(request: HttpRequest) -> Organization:
    organization = getattr(request.user, "organization", None)
    assert organization is not None  # representative_required ran first
    return organization


def own_service(request: HttpRequest, service_id: uuid.UUID) -> Service:
    return get_object_or_404(Service, pk=service_id, organization=organization_of(request))


def own_location(request: HttpRequest, location_id: uuid.UUID) -> Location:
    return get_object_or_404(Location, pk=location_id, organization=organization_of(request))


@require_safe
@representative_required
def dashboard(request: HttpRequest) -> HttpResponse:
    organization = organization_of(request)
    listings = list(selectors.organization_services(organization))
    reported = selectors.reported_problems([service.pk for service in listings])
    context = {
        "organization": organization,
        "services": [(service, reported.get(service.pk)) for service in listings],
        "locations": selectors.organization_locations(organization),
        "outdated_after_days": selectors.OUTDATED_AFTER.days,
    }
    return render(request, "directory/manage/dashboard.html", context)


@representative_required
def service_edit(request: HttpRequest, service_id: uuid.UUID | None = None) -> HttpResponse:
    organization = organization_of(request)
    service = own_service(request, service_id) if service_id else Service(organization=organization)
    data = request.POST if request.method == "POST" else None
    form = ServiceForm(data, instance=service, organization=organization)
    hours = ScheduleFormSet(
        data, initial=schedule_initial(service) if service.pk else None, prefix="hours"
    )
    if request.method == "POST" and form.is_valid() and hours.is_valid():
        saved = services.service_save(
            service=form.save(),
            actor=request.user,
            terms=[*form.cleaned_data["categories"], *form.cleaned_data["features"]],
            languages=form.cleaned_data["spoken"],
            locations=list(form.cleaned_data["locations"]),
            schedules=schedules_from(hours),
        )
        if saved.review_status == Service.Review.PENDING:
            messages.success(
                request, _("Saved. The listing will appear once an organizer has reviewed it.")
            )
        else:
            messages.success(request, _("Saved. The listing is up to date."))
        return redirect("directory:manage")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "hours": hours, "service": service}
    return render(request, "directory/manage/service_form.html", context, status=status)


@require_POST
@representative_required
def service_retire(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    services.service_retire(service=own_service(request, service_id), actor=request.user)
    messages.success(request, _("The listing is retired and no longer public."))
    return redirect("directory:manage")


@require_POST
@representative_required
def service_accurate(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    services.service_mark_accurate(service=own_service(request, service_id), actor=request.user)
    messages.success(request, _("Thank you: the listing is marked as verified today."))
    return redirect("directory:manage")


@representative_required
def location_edit(request: HttpRequest, location_id: uuid.UUID | None = None) -> HttpResponse:
    organization = organization_of(request)
    location = (
        own_location(request, location_id) if location_id else Location(organization=organization)
    )
    form = LocationForm(request.POST or None, instance=location, organization=organization)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.location_save(location=form.save(commit=False), address=form.address())
        messages.success(request, _("The location is saved."))
        return redirect("directory:manage")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "location": location}
    return render(request, "directory/manage/location_form.html", context, status=status)


@require_POST
@representative_required
def location_retire(request: HttpRequest, location_id: uuid.UUID) -> HttpResponse:
    services.location_retire(location=own_location(request, location_id))
    messages.success(request, _("The location is retired."))
    return redirect("directory:manage")
