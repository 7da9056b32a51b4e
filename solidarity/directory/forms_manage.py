"""Forms of the representatives' pages (their own listings) and the organizers' review."""

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from solidarity.directory import selectors
from solidarity.directory.hours import DAYS
from solidarity.directory.models import Location, Organization, Service, TaxonomyTerm

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
TEXT_FIELDS = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
)
DAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


def translated_fields() -> list[str]:
    return [f"{field}_{code}" for code, _name in settings.LANGUAGES for field in TEXT_FIELDS]


class ServiceForm(forms.ModelForm):
    url = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    categories: forms.ModelMultipleChoiceField[TaxonomyTerm] = forms.ModelMultipleChoiceField(
        label=_("Kinds of help"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of help.")},
    )
    features: forms.ModelMultipleChoiceField[TaxonomyTerm] = forms.ModelMultipleChoiceField(
        label=_("This service is"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    spoken = forms.CharField(
        label=_("Languages spoken"),
        max_length=200,
        required=False,
        help_text=_("Language codes separated by commas, for example: en, fr, es, ar, pt."),
    )
    locations: forms.ModelMultipleChoiceField[Location] = forms.ModelMultipleChoiceField(
        label=_("Where"),
        queryset=Location.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Service
        fields = [*translated_fields(), "url", "email", "minimum_age", "maximum_age"]

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = selectors.categories()  # type: ignore[attr-defined]
        self.fields["features"].queryset = selectors.service_attributes()  # type: ignore[attr-defined]
        self.fields["locations"].queryset = selectors.organization_locations(  # type: ignore[attr-defined]
            organization
        ).filter(is_retired=False)
        if self.instance.pk:
            self.initial_from_instance()

    def initial_from_instance(self) -> None:
        terms = list(self.instance.taxonomy_terms.select_related("taxonomy"))
        self.initial["categories"] = [t for t in terms if t.taxonomy.code == "categories"]
        self.initial["features"] = [t for t in terms if t.taxonomy.code != "categories"]
        self.initial["spoken"] = ", ".join(self.instance.languages.values_list("code", flat=True))
        self.initial["locations"] = list(
            self.instance.service_at_locations.values_list("location", flat=True)
        )

    def clean_spoken(self) -> list[str]:
        codes = [c.strip().lower() for c in self.cleaned_data["spoken"].split(",") if c.strip()]
        bad = [c for c in codes if not LANGUAGE_CODE.match(c)]
        if bad or len(codes) > 20:
            raise forms.ValidationError(
                _("Use language codes such as en, fr, es or ar, separated by commas.")
            )
        return list(dict.fromkeys(codes))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"name_{code}") for code, _name in settings.LANGUAGES):
            raise forms.ValidationError(_("Give the service a name in at least one language."))
        return data

    def save(self, commit: bool = True) -> Service:
        service: Service = super().save(commit=False)
        names = [self.cleaned_data.get(f"name_{code}") for code, _name in settings.LANGUAGES]
        service.name = next(n for n in names if n)
        return service


class ScheduleForm(forms.Form):
    days = forms.MultipleChoiceField(
        label=_("Days"), choices=DAY_CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    opens_at = forms.TimeField(
        label=_("Opens at"), required=False, help_text=_("For example 09:00")
    )
    closes_at = forms.TimeField(
        label=_("Closes at"),
        required=False,
        help_text=_("Earlier than the opening time means the next day."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [
            bool(data.get("days")),
            data.get("opens_at") is not None,
            data.get("closes_at") is not None,
        ]
        if any(filled) and not all(filled):
            raise forms.ValidationError(_("Give the days, the opening time and the closing time."))
        return data


ScheduleFormSet = forms.formset_factory(ScheduleForm, extra=2, max_num=7, validate_max=True)


def schedule_initial(service: Service) -> list[dict[str, Any]]:
    return [
        {"days": s.days, "opens_at": s.opens_at, "closes_at": s.closes_at}
        for s in service.schedules.all()
    ]


def schedules_from(formset: Any) -> list[dict[str, Any]]:
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if data.get("days"):
            days = [d for d in DAYS if d in data["days"]]
            rows.append(
                {
                    "byday": ",".join(days),
                    "opens_at": data["opens_at"],
                    "closes_at": data["closes_at"],
                }
            )
    return rows


class LocationForm(forms.ModelForm):
    address_1 = forms.CharField(label=_("Street address"), max_length=200)
    address_2 = forms.CharField(label=_("Unit, floor"), max_length=200, required=False)
    city_name = forms.CharField(label=_("City"), max_length=100)
    state_province = forms.CharField(label=_("Province"), max_length=50)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10)

    class Meta:
        model = Location
        fields = [
            "name",
            "neighbourhood",
            "transportation",
            "accessibility",
            "latitude",
            "longitude",
        ]

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = organization.city.neighbourhoods.all()  # type: ignore[attr-defined]
        self.fields["latitude"].validators.append(range_validator(-90, 90))
        self.fields["longitude"].validators.append(range_validator(-180, 180))
        address = self.instance.addresses.first() if self.instance.pk else None
        if address is not None:
            self.initial.update(
                address_1=address.address_1,
                address_2=address.address_2,
                city_name=address.city,
                state_province=address.state_province,
                postal_code=address.postal_code,
            )
        elif not self.instance.pk:
            self.initial.update(
                city_name=organization.city.name, state_province=organization.city.province
            )

    def address(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "address_1": data["address_1"],
            "address_2": data["address_2"],
            "city": data["city_name"],
            "state_province": data["state_province"],
            "postal_code": data["postal_code"].upper(),
        }


def range_validator(low: float, high: float) -> Any:
    from django.core.validators import MaxValueValidator, MinValueValidator

    def validate(value: float | None) -> None:
        if value is not None:
            MinValueValidator(low)(value)
            MaxValueValidator(high)(value)

    return validate


class ReviewPolicyForm(forms.Form):
    """Which of an organizer's cities make new listings wait for review."""

    reviewed: "forms.ModelMultipleChoiceField[Any]" = forms.ModelMultipleChoiceField(
        label=_("New listings wait for an organizer's review in"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Unchecked: a verified organization's new listings are public as soon as it saves them."
        ),
    )

    def __init__(self, *args: Any, cities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cities = cities
        self.fields["reviewed"].queryset = cities  # type: ignore[attr-defined]
