from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from solidarity.organizers.decorators import organizer_required
from solidarity.vault import services
from solidarity.vault.forms import ChoosePassphraseForm, UnlockForm
from solidarity.vault.models import OrganizerKey
from solidarity.vault.session import lock, store_keyring


def safe_next(request: HttpRequest, default: str = "organizers:dashboard") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else reverse(default)


@never_cache
@organizer_required
def unlock(request: HttpRequest) -> HttpResponse:
    if not OrganizerKey.objects.filter(user__pk=request.user.pk or 0).exists():
        return choose_passphrase(request)
    form = UnlockForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            keyring = services.vault_unlock(
                organizer=request.user, passphrase=form.cleaned_data["passphrase"]
            )
        except services.TooManyAttempts:
            form.add_error(None, _("Too many wrong passphrases. Wait 15 minutes, then try again."))
        except services.WrongPassphrase:
            form.add_error("passphrase", _("This passphrase does not open your vault."))
        else:
            if not keyring:
                messages.warning(
                    request,
                    _("You hold no campaign key yet: ask an organizer to grant you access."),
                )
            response = HttpResponseRedirect(safe_next(request))
            store_keyring(request, response, keyring)
            return response
    context = {"form": form, "next": safe_next(request)}
    return render(request, "vault/unlock.html", context, status=400 if form.errors else 200)


def choose_passphrase(request: HttpRequest) -> HttpResponse:
    form = ChoosePassphraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.vault_passphrase_choose(
            organizer=request.user, passphrase=form.cleaned_data["passphrase"]
        )
        messages.success(
            request,
            _(
                "Your vault passphrase is saved. An organizer who holds the campaign key "
                "can now grant you access."
            ),
        )
        return HttpResponseRedirect(reverse("vault:unlock"))
    status = 400 if form.errors else 200
    return render(request, "vault/choose_passphrase.html", {"form": form}, status=status)


@require_POST
@organizer_required
def lock_now(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(reverse("organizers:dashboard"))
    lock(request, response)
    messages.success(request, _("The vault is locked."))
    return response
