from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from solidarity.accounts import lockout
from solidarity.accounts.forms_base import AccessibleFormMixin
from solidarity.accounts.models import User
from solidarity.cities.models import City
from solidarity.lib.antiabuse import HoneypotFormMixin

CODE = RegexValidator(r"^\d{6}$", _("Enter the 6 digits your authenticator app shows."))


def code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        min_length=6,
        validators=[CODE],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": r"\d{6}"}
        ),
    )


class OrganizerLoginForm(AccessibleFormMixin, forms.Form):
    """Username, password and the second factor on one page; locked after repeated failures."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = code_field()

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: Any = None
        self.device: Any = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        username = cleaned.get("username", "")
        if self.errors or not username:
            return cleaned
        if lockout.is_locked_out(scope="login", name=username):
            raise forms.ValidationError(
                _("Too many failed attempts for this account. Wait 15 minutes, then try again."),
                code="locked",
            )
        user = authenticate(self.request, username=username, password=cleaned["password"])
        device = match_token(user, cleaned["code"]) if user and user.is_staff else None
        if device is None:
            lockout.record_failure(scope="login", name=username)
            raise forms.ValidationError(
                _("This username, password and code do not match."), code="invalid"
            )
        lockout.clear_failures(scope="login", name=username)
        self.user, self.device = user, device
        return cleaned


class LinkRequestForm(AccessibleFormMixin, HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The address your organization gave the campaign."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class OrganizerInviteForm(AccessibleFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Username of the new organizer"),
        max_length=150,
        validators=[User.username_validator],
        help_text=_("Letters, digits and @ . + - _ only. No real name needed."),
    )
    cities: forms.ModelMultipleChoiceField[City] = forms.ModelMultipleChoiceField(
        label=_("Cities they organize"),
        queryset=City.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None checked: every city."),
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username


class InvitationAcceptForm(AccessibleFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Choose a password"),
        max_length=1024,
        strip=False,
        help_text=_("At least 12 characters."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("The same password again"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    code = code_field()

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password, self.user)
        return password

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("password") and cleaned.get("password") != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords are different."))
        return cleaned
