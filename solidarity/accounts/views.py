import secrets

import segno
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.core import is_ratelimited

from solidarity.accounts import services
from solidarity.accounts.decorators import representative_required
from solidarity.accounts.forms import InvitationAcceptForm, LinkRequestForm, OrganizerLoginForm
from solidarity.accounts.links import representative_links
from solidarity.accounts.models import LoginToken
from solidarity.lib.antiabuse import rate_limited
from solidarity.lib.views import rate_limited as too_many_requests
from solidarity.organizers.services import audit_log
from solidarity.vault.sealing import email_hash
from solidarity.vault.session import lock
from solidarity.vault.views import safe_next

BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
def login(request: HttpRequest) -> HttpResponse:
    """Organizers: username, password and a TOTP code."""
    if request.method == "POST" and rate_limited(request, group="organizer-login", rate="30/h"):
        return too_many_requests(request)
    form = OrganizerLoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        auth_login(request, form.user, backend=BACKEND)
        otp_login(request, form.device)
        audit_log(actor=form.user, action="login", target=form.user)
        return HttpResponseRedirect(safe_next(request))
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}
    return render(request, "accounts/login.html", context, status=400 if form.errors else 200)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(reverse("cities:home"))
    lock(request, response)
    auth_logout(request)  # flushes the session, and the sealed keyring with it
    return response


@never_cache
def link_request(request: HttpRequest) -> HttpResponse:
    """Representatives ask for a login link. The answer is the same for any address."""
    form = LinkRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and rate_limited(request, group="login-link", rate="5/h"):
        return too_many_requests(request)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # Also per address, so nobody can flood one representative's mailbox from many places.
        if not form.is_spam() and not too_many_for(request, email):
            services.login_link_request(email=email)
        return HttpResponseRedirect(reverse("accounts:link_sent"))
    status = 400 if form.errors else 200
    return render(request, "accounts/link_request.html", {"form": form}, status=status)


def too_many_for(request: HttpRequest, email: str) -> bool:
    key = email_hash(email)
    return bool(
        is_ratelimited(
            request, group="login-link-address", key=lambda _g, _r: key, rate="3/h", increment=True
        )
    )


def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/link_sent.html")


@never_cache
def link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button, so mail scanners that follow links do not use them up."""
    if request.method == "POST":
        user = services.login_token_use(token=token, purpose=LoginToken.Purpose.LOGIN)
        if user is not None:
            auth_login(request, user, backend=BACKEND)
            return HttpResponseRedirect(reverse("accounts:home"))
    elif services.login_token_find(token=token, purpose=LoginToken.Purpose.LOGIN):
        return render(request, "accounts/link_confirm.html")
    return render(request, "accounts/link_invalid.html", status=410)


@representative_required
def home(request: HttpRequest) -> HttpResponse:
    context = {"organization": request.user.organization, "links": representative_links()}  # type: ignore[union-attr]
    return render(request, "accounts/home.html", context)


@never_cache
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """A new organizer sets a password and a second factor, then chooses a vault passphrase."""
    found = services.login_token_find(token=token, purpose=LoginToken.Purpose.ORGANIZER_INVITATION)
    if found is None:
        return render(request, "accounts/link_invalid.html", status=410)
    totp_key = request.session.setdefault("invitation_totp_key", secrets.token_hex(20))
    form = InvitationAcceptForm(request.POST if request.method == "POST" else None, user=found.user)
    if request.method == "POST" and form.is_valid():
        if not services.totp_matches(totp_key, form.cleaned_data["code"]):
            form.add_error("code", _("This code does not match. Check the time on your phone."))
        else:
            return _accept_invitation(request, token, form.cleaned_data["password"], totp_key)
    device = TOTPDevice(user=found.user, name="default", key=totp_key)
    context = {
        "form": form,
        "invited": found.user,
        "secret": device.config_url.split("secret=")[1].split("&")[0],
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
    }
    return render(request, "accounts/invitation.html", context, status=400 if form.errors else 200)


def _accept_invitation(
    request: HttpRequest, token: str, password: str, totp_key: str
) -> HttpResponse:
    user = services.organizer_invitation_accept(token=token, password=password, totp_key=totp_key)
    if user is None:
        return render(request, "accounts/link_invalid.html", status=410)
    request.session.pop("invitation_totp_key", None)
    auth_login(request, user, backend=BACKEND)
    otp_login(request, TOTPDevice.objects.get(user=user))
    messages.success(request, _("Welcome. Now choose your vault passphrase."))
    return HttpResponseRedirect(reverse("vault:unlock"))
