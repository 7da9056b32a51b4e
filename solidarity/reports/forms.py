import datetime
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import City
from solidarity.directory.models import Organization
from solidarity.lib.antiabuse import HoneypotFormMixin
from solidarity.lib.pow import ProofOfWorkFormMixin
from solidarity.reports.models import COMMITMENT_CHOICES
from solidarity.reports.selectors import public_endorsers

NOT_LISTED = "other"
MONTHS_BACK = 36
TEXT_LIMIT = 20_000


def recent_months(today: datetime.date) -> list[tuple[str, str]]:
    first = today.replace(day=1)
    months = []
    for _index in range(MONTHS_BACK):
        months.append((first.strftime("%Y-%m"), date_format(first, "YEAR_MONTH_FORMAT")))
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months


class Form(forms.Form):
    """No colon after labels: several labels are questions, and "?:" reads badly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ReportForm(HoneypotFormMixin, Form):
    organization_query = forms.CharField(
        label=_("Search for the organization by name"), required=False, max_length=200
    )
    organization = forms.CharField(label=_("Organization"), required=False, max_length=40)
    organization_name = forms.CharField(
        label=_("Name of the organization, if it is not in the list"),
        required=False,
        max_length=200,
    )
    city: forms.ModelChoiceField[City] = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.all(),
        required=False,
        empty_label="—",
        help_text=_("Only needed if the organization is not in the list."),
    )
    commitments = forms.MultipleChoiceField(
        label=_("Which commitments were broken?"),
        choices=COMMITMENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one commitment, or “Something else”.")},
    )
    month = forms.ChoiceField(label=_("About when did it happen?"))
    narrative = forms.CharField(
        label=_("What happened?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe what the organization did. Do not include your name or other details "
            "that could identify you unless you want to be contacted."
        ),
    )
    contact = forms.CharField(
        label=_("How can we reach you? (optional)"),
        required=False,
        max_length=500,
        help_text=_(
            "Leave this empty unless you want organizers to contact you. Anything you write "
            "here could identify you. You can always follow up anonymously with your receipt."
        ),
    )
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        month = self.fields["month"]
        assert isinstance(month, forms.ChoiceField)
        month.choices = recent_months(timezone.localdate())
        if not self.is_bound and not self.initial.get("submission"):
            self.initial["submission"] = uuid.uuid4().hex

    def clean_organization(self) -> Organization | None:
        value = self.cleaned_data["organization"].strip()
        if value in ("", NOT_LISTED):
            return None
        try:
            return public_endorsers().get(pk=uuid.UUID(value))
        except (ValueError, Organization.DoesNotExist):
            raise forms.ValidationError(
                _("Choose an organization from the list, or “Not in the list”.")
            ) from None

    def clean_month(self) -> datetime.date:
        return datetime.datetime.strptime(self.cleaned_data["month"], "%Y-%m").date()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors.get("organization"):
            return data
        if data.get("organization") is None:
            if not data.get("organization_name", "").strip():
                self.add_error(
                    "organization_name",
                    _("Choose the organization in the list, or write its name here."),
                )
            if data.get("city") is None:
                self.add_error("city", _("Choose the city where it happened."))
        return data


class ReceiptForm(ProofOfWorkFormMixin, Form):
    receipt = forms.CharField(
        label=_("Your receipt"),
        max_length=40,
        help_text=_("The 16 digits you received when you sent your report."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class ReporterMessageForm(ReceiptForm):
    message = forms.CharField(
        label=_("Add a message"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receipt"].widget = forms.HiddenInput()


class StatusForm(Form):
    status = forms.ChoiceField(label=_("New state"), choices=[])

    def __init__(self, *args: Any, allowed: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = allowed


class AssignForm(Form):
    assignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Assigned to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, organizers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = organizers  # type: ignore[attr-defined]


class NoteForm(Form):
    note = forms.CharField(
        label=_("Internal note (organizers only)"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(Form):
    reply = forms.CharField(
        label=_("Reply to the reporter"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The reporter reads this with their receipt."),
    )


class SuspendForm(Form):
    public_reason = forms.CharField(
        label=_("Public reason"),
        max_length=500,
        help_text=_(
            "Shown on the organization's public page. Never include anything about the reporter."
        ),
    )
