"""The endorse form as the surge path validates it (`SubmittedEndorseForm`: shared fields, no
bound fields) accepts and refuses exactly what the full form does."""

import pytest
from django import forms

from solidarity.endorsements.forms import EndorseForm, SubmittedEndorseForm

pytestmark = pytest.mark.django_db


def both_forms(data):
    """The full form and the submitted one on the same data, after checking that they give the
    same verdict and the same errors."""
    full, submitted = EndorseForm(data), SubmittedEndorseForm(data)
    assert submitted.is_valid() == full.is_valid()
    assert submitted.errors == full.errors
    return full, submitted


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"organization_name": "<b>Clinic</b>"},
        {"organization_name": "www.spam.example.com"},
        {"contact_email": "not an address"},
        {"decided_month": "2099-01"},
        {"city": "atlantis"},
        {"sector": "weapons"},
        {"supports_status_for_all": ""},
        {"provides_services": "no"},
        {"submission_id": "not-a-uuid"},
        {"contact_phone": "call me maybe"},
    ],
)
def test_it_decides_as_the_full_form_does(form_data, change):
    full, submitted = both_forms({**form_data, **change})

    assert submitted.cleaned_data == full.cleaned_data


def test_its_shortcut_holds_for_every_field():
    form = SubmittedEndorseForm()

    for name, field in form.fields.items():
        assert not field.disabled
        assert not isinstance(field, forms.FileField)
        assert not hasattr(form, f"clean_{name}")


@pytest.mark.parametrize(
    "change",
    [
        {"sector": "Healthcare"},
        {"sector": ""},
        {"commitments": ["never_ask", "weapons"]},
        {"commitments": ["never_ask", "never_ask"]},
        {"decision_method": "board "},
        {"visibility": "hidden"},
        {"provides_services": "maybe"},
    ],
)
def test_its_choices_are_checked_as_the_full_form_checks_them(form_data, change):
    both_forms({**form_data, **change})  # same verdict, same errors


def test_it_decides_as_the_full_form_does_when_optional_fields_are_left_out(form_data):
    data = {
        k: v for k, v in form_data.items() if k not in {"website", "statement", "contact_phone"}
    }
    full, submitted = EndorseForm(data), SubmittedEndorseForm(data)

    assert submitted.is_valid()
    assert full.is_valid()
    assert submitted.cleaned_data == full.cleaned_data


@pytest.mark.parametrize(
    "address",
    [
        "ana@example.org",
        "Ana.Pérez@exemple.québec",
        '"quoted name"@example.org',
        "user@[192.0.2.1]",
        "user@localhost",
        "no-at-sign.example.org",
        "two@@example.org",
        "user@-bad-.example",
        "user@example",
        "a" * 310 + "@example.org",
        "user@exa mple.org",
    ],
)
def test_the_contact_address_is_checked_as_django_checks_addresses(address):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from solidarity.endorsements.forms import CompiledEmailValidator

    def verdict(validator):
        try:
            validator(address)
        except ValidationError as error:
            return error.messages
        return None

    assert verdict(CompiledEmailValidator()) == verdict(validate_email)
