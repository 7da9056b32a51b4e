"""Who may open the vault: invite an organizer, grant them the campaign key, revoke one."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from solidarity.accounts.forms import OrganizerInviteForm
from solidarity.accounts.models import User
from solidarity.accounts.services import organizer_invite
from solidarity.vault import services
from solidarity.vault.decorators import vault_unlocked_required
from solidarity.vault.models import OrganizerKey, WrappedKey
from solidarity.vault.session import keyring_for

INVITATION_SESSION_KEY = "vault_invitation_link"


def _organizers() -> list[User]:
    has_key = OrganizerKey.objects.filter(user=OuterRef("pk"))
    holds = WrappedKey.objects.filter(holder=OuterRef("pk"), campaign_key__is_active=True)
    return list(
        User.objects.filter(is_staff=True)
        .annotate(has_passphrase=Exists(has_key), holds_key=Exists(holds))
        .prefetch_related("cities")
        .order_by("username")
    )


@never_cache
@vault_unlocked_required
def access(request: HttpRequest) -> HttpResponse:
    form = OrganizerInviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _user, token = organizer_invite(
            inviter=request.user,  # type: ignore[arg-type]
            username=form.cleaned_data["username"],
            cities=form.cleaned_data["cities"],
        )
        link = request.build_absolute_uri(reverse("accounts:invitation", args=[token]))
        request.session[INVITATION_SESSION_KEY] = link
        return HttpResponseRedirect(reverse("vault:access"))
    context = {
        "form": form,
        "organizers": _organizers(),
        "invitation_link": request.session.pop(INVITATION_SESSION_KEY, ""),
    }
    return render(request, "vault/access.html", context, status=400 if form.errors else 200)


@require_POST
@vault_unlocked_required
def grant(request: HttpRequest, user_id: int) -> HttpResponse:
    organizer = get_object_or_404(User, pk=user_id, is_staff=True, is_active=True)
    try:
        services.vault_grant(
            granter=request.user, keyring=keyring_for(request), organizer=organizer
        )
    except services.NoOrganizerKey:
        messages.error(
            request,
            _("%(name)s has not chosen a vault passphrase yet.") % {"name": organizer.username},
        )
    else:
        messages.success(
            request, _("%(name)s can now open the vault.") % {"name": organizer.username}
        )
    return HttpResponseRedirect(reverse("vault:access"))


@require_POST
@vault_unlocked_required
def revoke(request: HttpRequest, user_id: int) -> HttpResponse:
    organizer = get_object_or_404(User, pk=user_id, is_staff=True)
    try:
        services.vault_revoke(revoker=request.user, organizer=organizer)
    except ValueError:
        messages.error(request, _("You cannot revoke yourself."))
    else:
        messages.success(
            request,
            _(
                "%(name)s is no longer an organizer. "
                "Rotate the campaign key soon: see the organizer guide."
            )
            % {"name": organizer.username},
        )
    return HttpResponseRedirect(reverse("vault:access"))
