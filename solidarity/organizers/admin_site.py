from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django_otp.admin import OTPAdminSite


class OrganizerAdminSite(OTPAdminSite):
    """The admin requires a verified second factor; its login is the organizers' login page,
    with the same lockout."""

    def login(self, request: HttpRequest, extra_context: object = None) -> HttpResponse:
        return redirect_to_login(
            request.GET.get("next") or reverse("admin:index"), reverse("accounts:login")
        )
