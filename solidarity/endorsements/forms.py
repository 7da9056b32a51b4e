"""The endorse form and the organizers' / representatives' small forms. Validation only."""

import datetime
import re
import uuid
from typing import Any

from django import forms
from django.core.validators import EmailValidator, RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import City, Commitment
from solidarity.directory.models import Sector
from solidarity.endorsements.memo import Memo
from solidarity.endorsements.models import Endorsement
from solidarity.lib.antiabuse import HoneypotFormMixin
from solidarity.lib.pow import ProofOfWorkFormMixin

URL_LIKE = re.compile(
    r"(https?:|www\.|//|\b[\w-]+\.(com|org|net|ca|info|io|ru|xyz|biz|top|click)\b)", re.I
)
YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
HTML_LIKE = re.compile(r"<\s*/?\s*[a-z!?]|&#?\w+;|javascript:", re.I)
PHONE = RegexValidator(
    r"^\+?[0-9 ().\-]{7,25}(\s*(x|ext\.?)\s*[0-9]{1,6})?$",
    _("Enter a phone number with digits, spaces and + ( ) - only."),
)
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class CompiledEmailValidator(EmailValidator):
    """Django's e-mail check with its own patterns, compiled when this module loads: Django
    compiles them lazily and reads each through a lazy object, which raises and catches an
    AttributeError at every use (two per submission)."""

    user_regex = re.compile(EmailValidator.user_regex.pattern, EmailValidator.user_regex.flags)
    domain_regex = re.compile(
        EmailValidator.domain_regex.pattern, EmailValidator.domain_regex.flags
    )
    literal_regex = re.compile(
        EmailValidator.literal_regex.pattern, EmailValidator.literal_regex.flags
    )


class ContactEmailField(forms.EmailField):
    default_validators = [CompiledEmailValidator()]


def reject_urls(value: str) -> None:
    if URL_LIKE.search(value):
        raise forms.ValidationError(_("Please write a name here, not a web address."))


def reject_html(value: str) -> None:
    if HTML_LIKE.search(value):
        raise forms.ValidationError(_("Please remove HTML or code from this text."))


class MonthField(forms.Field):
    """A month as YYYY-MM (what <input type="month"> sends), stored as its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-03"})
    default_error_messages = {"invalid": _("Enter a month as year-month, for example 2026-03.")}

    def to_python(self, value: object) -> datetime.date | None:
        text = str(value or "").strip()
        if not text:
            return None
        match = YEAR_MONTH.fullmatch(text[:20])
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1900:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        month = datetime.date(int(match[1]), int(match[2]), 1)
        # Today where the site is is at most a day from today in UTC: a month that began
        # before yesterday in UTC has begun there too, without asking the time zone.
        if month >= _utc_yesterday() and month > timezone.localdate():
            raise forms.ValidationError(_("The decision month cannot be in the future."))
        return month

    def prepare_value(self, value: object) -> object:
        return value.strftime("%Y-%m") if isinstance(value, datetime.date) else value


CITIES: Memo[dict[str, City]] = Memo("endorsements.cities", 60, City)


def _utc_yesterday() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date() - datetime.timedelta(days=1)


class CityField(forms.ModelChoiceField):
    """A city by slug, looked up in a table kept by the process (`memo`): the surge path
    skips one query."""

    def to_python(self, value: object) -> City | None:
        if value in self.empty_values:
            return None
        cities = CITIES.get(None, lambda: {city.slug: city for city in City.objects.all()})
        city = cities.get(str(value)[:60])
        if city is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return city


def text(
    label: Any,
    max_length: int,
    *,
    required: bool = True,
    validators: list[Any] | None = None,
    widget: Any = None,
    help_text: Any = "",
) -> forms.CharField:
    """A free-text field that refuses HTML and code, whatever else it validates."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[reject_html, *(validators or [])],
        widget=widget,
        help_text=help_text,
    )


class EndorseForm(HoneypotFormMixin, ProofOfWorkFormMixin, forms.Form):
    organization_name = text(_("Name of the organization"), 200, validators=[reject_urls])
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    city = CityField(
        label=_("City"), queryset=City.objects.all(), to_field_name="slug", empty_label=None
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    description = text(
        _("Short public description"),
        600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What your organization does, in a sentence or two (600 characters at most)."),
    )
    provides_services = forms.ChoiceField(
        label=_("Does your organization provide services to the public?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    commitments = forms.MultipleChoiceField(
        label=_("Commitments"),
        choices=Commitment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Service providers are listed in the directory only after making all five "
            "commitments; otherwise the organization endorses as a supporter."
        ),
    )
    supports_status_for_all = forms.BooleanField(
        label=_(
            "We understand that endorsing means publicly supporting Status for All: no "
            "deportations, no detentions, regularization for all."
        ),
        error_messages={"required": _("Endorsing means supporting Status for All.")},
    )
    decision_method = forms.ChoiceField(
        label=_("How was the decision taken?"),
        choices=Endorsement.DecisionMethod.choices,
        widget=forms.RadioSelect,
    )
    decided_month = MonthField(label=_("Month of the decision"))
    statement = text(
        _("Public statement (optional)"),
        1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("How should we show your endorsement?"),
        choices=Endorsement.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Endorsement.Visibility.LISTED,
    )
    contact_name = text(
        _("Contact person's name"),
        120,
        validators=[reject_urls],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = text(_("Role in the organization"), 120, validators=[reject_urls])
    contact_email = ContactEmailField(
        label=_("Contact e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = text(
        _("Contact phone (optional)"),
        40,
        required=False,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    # A new one each time the form is shown (a callable initial value).
    submission_id = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("provides_services") != "yes":
            data["commitments"] = []
        return data


class _SharedFields(dict[str, forms.Field]):
    """Deep-copied as a shallow copy: every form of the class uses the same Field objects."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class _ValidValue:
    """`ChoiceField.valid_value` as a set look-up: a value is valid when its text is the text
    of a choice's key (optgroups included), which is what that method tests key by key
    (calling `str()` on each `TextChoices` member it passes)."""

    def __init__(self, choices: Any) -> None:
        keys: set[str] = set()
        for key, label in choices:
            if isinstance(label, list | tuple):
                keys.update(str(inner) for inner, _label in label)
            else:
                keys.add(str(key))
        self.keys = frozenset(keys)

    def __call__(self, value: object) -> bool:
        return str(value) in self.keys


# Widgets that read their value as `data.get(name)` (text inputs, single choices).
_DATA_GET = {forms.Widget.value_from_datadict, forms.widgets.ChoiceWidget.value_from_datadict}


class SubmittedEndorseForm(EndorseForm):
    """The endorse form as received, for validation only: Django copies every field, widget
    and list of choices for each form it builds (a quarter of a submission's time, measured),
    so this one shares its class's fields, which validating never changes. A form with errors
    is shown again as a full `EndorseForm` (see the view)."""

    _read_with_get: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if not isinstance(cls.base_fields, _SharedFields):
            # Once per process: every field, the honeypot and proof-of-work ones included.
            fields = EndorseForm().fields
            for field in fields.values():
                if isinstance(field, forms.ChoiceField) and not isinstance(
                    field, forms.ModelChoiceField
                ):
                    field.valid_value = _ValidValue(field.choices)  # type: ignore[method-assign]
            cls.base_fields = _SharedFields(fields)
            cls._read_with_get = frozenset(
                name
                for name, field in fields.items()
                if type(field.widget).value_from_datadict in _DATA_GET
                and not getattr(field.widget, "allow_multiple_selected", False)
            )
        # Never rendered: no need to translate the labels' ":" (Form.__init__ would).
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def _clean_fields(self) -> None:
        """`Form._clean_fields` without a BoundField per field (each one translates its label
        and help text: a seventh of a submission's validation, measured). The same values go
        through the same `Field.clean`; no field here is disabled or a file, and no
        `clean_<name>` method exists (checked in the tests)."""
        data, read_with_get = self.data, self._read_with_get
        for name, field in self.fields.items():
            key = self.add_prefix(name) if self.prefix else name  # as add_prefix answers
            if key not in data and name in read_with_get:
                # What `data.get(key)` answers, without the two exceptions a QueryDict
                # raises and catches for a missing key (seven fields a submission leaves out).
                value = None
            else:
                value = field.widget.value_from_datadict(data, self.files, key)
            try:
                self.cleaned_data[name] = field.clean(value)
            except forms.ValidationError as error:
                self.add_error(name, error)


class ResendForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(label=_("Contact e-mail"), max_length=254)


class ReasonForm(forms.Form):
    reason = text(
        _("Reason"),
        500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit trail. Be factual; no personal details."),
    )


class ProfileForm(forms.Form):
    """What a representative may change on the public profile."""

    name = text(_("Name of the organization"), 200, validators=[reject_urls])
    alternate_name = text(_("Other name"), 200, required=False, validators=[reject_urls])
    description = text(_("Short public description"), 600, required=False, widget=forms.Textarea)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    email = forms.EmailField(label=_("Public e-mail"), required=False, max_length=254)
    phone = text(_("Public phone number"), 40, required=False, validators=[PHONE])
    statement = text(_("Public statement"), 1500, required=False, widget=forms.Textarea)
    visibility = forms.ChoiceField(
        label=_("How should we show your endorsement?"),
        choices=Endorsement.Visibility.choices,
        widget=forms.RadioSelect,
    )


class EndorserFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    city: forms.ModelChoiceField[City] = forms.ModelChoiceField(
        label=_("City"),
        queryset=City.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All cities"),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False
    )
    services = forms.ChoiceField(
        label=_("Provides services"),
        choices=[("", _("All endorsers")), ("yes", _("Service providers only"))],
        required=False,
    )
