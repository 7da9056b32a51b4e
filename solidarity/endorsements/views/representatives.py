"""An organization's representative edits its public profile or withdraws its endorsement."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from solidarity.accounts.decorators import representative_required
from solidarity.directory.models import Organization
from solidarity.endorsements import selectors, services
from solidarity.endorsements.forms import ProfileForm
from solidarity.endorsements.models import Endorsement


def _organization(request: HttpRequest) -> Organization:
    organization = getattr(request.user, "organization", None)
    if organization is None:
        raise Http404
    return organization


def _initial(endorsement: Endorsement) -> dict[str, object]:
    organization = endorsement.organization
    initial: dict[str, object] = {
        field: getattr(organization, field)
        for field in ("name", "alternate_name", "description", "website", "email", "phone")
    }
    initial.update(statement=endorsement.statement, visibility=endorsement.visibility)
    return initial


@never_cache
@require_http_methods(["GET", "POST"])
@representative_required
def profile(request: HttpRequest) -> HttpResponse:
    organization = _organization(request)
    endorsement = selectors.representative_endorsement(organization=organization)
    if endorsement is None:
        raise Http404
    form = ProfileForm(
        request.POST if request.method == "POST" else None, initial=_initial(endorsement)
    )
    if request.method == "POST" and form.is_valid():
        services.organization_update_profile(
            organization=organization,
            actor=request.user,
            data=form.cleaned_data,
            language=get_language() or "en",
        )
        messages.success(request, _("Your public profile was saved."))
        return HttpResponseRedirect(reverse("endorsements:profile"))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "endorsement": endorsement, "organization": organization}
    return render(request, "endorsements/profile.html", context, status=status)


@require_POST
@representative_required
def withdraw(request: HttpRequest) -> HttpResponse:
    endorsement = selectors.representative_endorsement(organization=_organization(request))
    if endorsement is None or request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that you want to withdraw."))
        return HttpResponseRedirect(reverse("endorsements:profile"))
    services.endorsement_withdraw(endorsement=endorsement, actor=request.user)
    messages.success(
        request, _("Your endorsement was withdrawn. It no longer appears on any public page.")
    )
    return HttpResponseRedirect(reverse("endorsements:endorsers"))
