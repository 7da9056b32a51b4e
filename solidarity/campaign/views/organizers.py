"""Organizers: volunteers and contact messages, opened with the unlocked vault."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from solidarity.campaign import selectors, services
from solidarity.campaign.forms import VolunteerFilterForm
from solidarity.campaign.models import Volunteer
from solidarity.vault.decorators import vault_unlocked_required
from solidarity.vault.session import keyring_for


def filtered_volunteers(request: HttpRequest) -> tuple[VolunteerFilterForm, QuerySet[Volunteer]]:
    form = VolunteerFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.volunteers_for(user=request.user, **filters)


@vault_unlocked_required
@require_safe
def volunteers(request: HttpRequest) -> HttpResponse:
    form, found = filtered_volunteers(request)
    opened = selectors.opened(found, field="details_sealed", keyring=keyring_for(request))
    context = {
        "form": form,
        "volunteers": opened,
        "statuses": Volunteer.Status.choices,
        "cities": selectors.organizer_city_scope(request.user),
    }
    return render(request, "campaign/organizers/volunteers.html", context)


@vault_unlocked_required
@require_POST
def volunteer_status(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(selectors.volunteers_for(user=request.user), pk=pk)
    status = request.POST.get("status", "")
    if status not in Volunteer.Status.values:
        return HttpResponse(_("Unknown status."), status=400, content_type="text/plain")
    services.volunteer_set_status(volunteer=volunteer, status=status, actor=request.user)
    messages.success(request, _("Volunteer updated."))
    return redirect(safe_next(request) or "campaign:volunteers")


def safe_next(request: HttpRequest) -> str:
    """The list the organizer came from (keeping its filters), never another site."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if allowed and target.startswith("/") else ""


@vault_unlocked_required
@require_POST
def volunteers_export(request: HttpRequest) -> HttpResponse:
    """CSV of the filtered list. POST, because an export is an audited security event."""
    _form, found = filtered_volunteers(request)
    text = services.volunteers_export_csv(
        volunteers=found,
        keyring=keyring_for(request),
        actor=request.user,
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    filename = f"volunteers-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@vault_unlocked_required
@require_safe
def contact_messages(request: HttpRequest) -> HttpResponse:
    found = selectors.contact_messages_for(user=request.user)
    opened = selectors.opened(found, field="message_sealed", keyring=keyring_for(request))
    return render(request, "campaign/organizers/messages.html", {"contact_messages": opened})


@vault_unlocked_required
@require_POST
def contact_message_handled(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(selectors.contact_messages_for(user=request.user), pk=pk)
    services.contact_mark_handled(message=message, actor=request.user)
    return redirect("campaign:contact_messages")
