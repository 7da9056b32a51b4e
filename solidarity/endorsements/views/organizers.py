"""The verification queue: organizers of a city check, verify, reject or suspend endorsements.
Opening the sealed contact (and verifying, which e-mails it) needs an unlocked vault."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from solidarity.endorsements import selectors, services
from solidarity.endorsements.forms import ReasonForm
from solidarity.endorsements.models import Endorsement
from solidarity.organizers.decorators import organizer_required
from solidarity.vault.decorators import vault_unlocked_required
from solidarity.vault.session import keyring_for

Status = Endorsement.Status
TABS = {
    "review": [Status.AWAITING_REVIEW, Status.UNCONFIRMED],
    "verified": [Status.VERIFIED],
    "suspended": [Status.SUSPENDED],
    "closed": [Status.REJECTED, Status.WITHDRAWN],
}


def _endorsement(request: HttpRequest, pk: int) -> Endorsement:
    """An endorsement in one of the organizer's cities; 404 for any other."""
    found = selectors.review_queue(user=request.user, statuses=Status.values).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@never_cache
@require_safe
@organizer_required
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "review")
    tab = tab if tab in TABS else "review"
    context = {
        "tab": tab,
        "tabs": list(TABS),
        "endorsements": selectors.review_queue(user=request.user, statuses=TABS[tab])[:300],
        "counts": selectors.queue_counts(user=request.user),
    }
    return render(request, "endorsements/review/queue.html", context)


@never_cache
@require_safe
@organizer_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    endorsement = _endorsement(request, pk)
    context = {
        "endorsement": endorsement,
        "organization": endorsement.organization,
        "same_name": selectors.same_name_organizations(endorsement),
        "reason_form": ReasonForm(),
    }
    return render(request, "endorsements/review/detail.html", context)


@never_cache
@require_safe
@vault_unlocked_required
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    endorsement = _endorsement(request, pk)
    person = services.endorsement_contact(endorsement=endorsement, keyring=keyring_for(request))
    context: dict[str, Any] = {"endorsement": endorsement, "contact": person}
    context["organization"] = endorsement.organization
    return render(request, "endorsements/review/contact.html", context)


def _back(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("endorsements:review_detail", args=[pk]))


@require_POST
@vault_unlocked_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    endorsement = _endorsement(request, pk)
    try:
        services.endorsement_verify(
            endorsement=endorsement, actor=request.user, keyring=keyring_for(request)
        )
    except services.InvalidTransition:
        messages.error(request, _("This endorsement cannot be verified in its current state."))
        return _back(pk)
    messages.success(request, _("Verified. The contact was sent a link to manage the profile."))
    return _back(pk)


def _with_reason(
    request: HttpRequest, pk: int, action: Callable[..., Endorsement], done: str
) -> HttpResponse:
    endorsement = _endorsement(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        context: dict[str, Any] = {"endorsement": endorsement, "reason_form": form}
        context["organization"] = endorsement.organization
        context["same_name"] = selectors.same_name_organizations(endorsement)
        return render(request, "endorsements/review/detail.html", context, status=400)
    try:
        action(endorsement=endorsement, actor=request.user, reason=form.cleaned_data["reason"])
    except services.InvalidTransition:
        messages.error(
            request, _("This action is not possible in the endorsement's current state.")
        )
        return _back(pk)
    messages.success(request, done)
    return _back(pk)


@require_POST
@organizer_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _with_reason(request, pk, services.endorsement_reject, _("Rejected."))


@require_POST
@organizer_required
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    return _with_reason(request, pk, services.endorsement_suspend, _("Suspended."))
