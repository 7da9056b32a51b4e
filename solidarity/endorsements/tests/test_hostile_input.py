"""Hostile input gets a 4xx with a clear message in the page, never a 500, and stores nothing."""

import pytest

from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db

CASES = {
    "script in the name": ("organization_name", "<script>alert(1)</script>", "remove HTML"),
    "web address in the name": (
        "organization_name",
        "Cheap pills www.spam.example",
        "not a web address",
    ),
    "link in the contact name": ("contact_name", "http://spam.example", "not a web address"),
    "100 KB name": ("organization_name", "A" * 100_000, "at most 200 characters"),
    "100 KB statement": ("statement", "word " * 20_000, "at most 1500 characters"),
    "NUL byte": ("contact_role", "Chair\x00", "Null characters are not allowed"),
    "unknown sector": ("sector", "citizenship", "Select a valid choice"),
    "unknown city": ("city", "atlantis", "Select a valid choice"),
    "yes or no is neither": ("provides_services", "banana", "Select a valid choice"),
    "unknown commitment": (
        "commitments",
        ["never_ask", "share_with_cbsa"],
        "Select a valid choice",
    ),
    "garbled month": ("decided_month", "March '26", "year-month"),
    "a future month": ("decided_month", "2999-01", "cannot be in the future"),
    "thirteenth month": ("decided_month", "2026-13", "year-month"),
    "not an e-mail": ("contact_email", "nobody", "valid email"),
    "letters in a phone": ("contact_phone", "call me maybe", "phone number"),
    "javascript website": ("website", "javascript:alert(1)", "valid URL"),
    "a list where text goes": ("organization_name", ["one", "two"], None),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_values_get_a_400_with_a_clear_message(client, vault, form_data, case):
    field, value, message = CASES[case]

    response = client.post("/en/endorse/", {**form_data, field: value})

    if message is None:  # a list for a single field: the last value is taken, and accepted
        assert response.status_code in (302, 400)
        return
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert Endorsement.objects.count() == 0


def test_the_form_keeps_what_people_typed_after_an_error(client, vault, form_data):
    response = client.post("/en/endorse/", {**form_data, "contact_email": "nobody"})

    html = response.content.decode()
    assert 'value="Clinique Solidaire du Plateau"' in html
    assert "Nobody is illegal." in html


def test_a_missing_acknowledgement_is_refused(client, vault, form_data):
    data = dict(form_data)
    del data["supports_status_for_all"]

    response = client.post("/en/endorse/", data)

    assert response.status_code == 400
    assert "Endorsing means supporting Status for All." in response.content.decode()


def test_bad_utf8_gets_a_4xx(client, vault):
    response = client.generic(
        "POST",
        "/en/endorse/",
        b"organization_name=\xff\xfe\xfa&contact_email=\xc3\x28",
        content_type="application/x-www-form-urlencoded",
    )

    assert 400 <= response.status_code < 500
    assert Endorsement.objects.count() == 0


def test_a_json_body_gets_a_4xx(client, vault, form_data):
    response = client.post("/en/endorse/", form_data, content_type="application/json")

    assert 400 <= response.status_code < 500


def test_a_garbage_confirmation_token_gets_a_400(client, db):
    response = client.get("/en/endorse/confirm/" + "x" * 5000 + "/")

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_hostile_filters_on_the_public_list_are_ignored(client, db):
    response = client.get(
        "/en/endorsers/", {"city": "x" * 10_000, "sector": "<b>", "q": "\x00" * 50}
    )

    assert response.status_code == 200
