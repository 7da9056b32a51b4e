"""Self-hosted proof-of-work: a solved challenge counts once; without it the endorsement still
arrives, gets no e-mail and waits for an organizer."""

import base64
import json

import pytest
from django.core import mail

from solidarity.endorsements.models import Endorsement
from solidarity.lib import pow

pytestmark = pytest.mark.django_db


def test_a_solved_challenge_is_accepted_once(solved):
    payload = solved()

    assert pow.verify(payload) is True
    assert pow.verify(payload) is False


def test_a_tampered_solution_is_refused(db):
    challenge = pow.new_challenge()
    data = json.loads(base64.b64decode(pow.solve(challenge)))
    data["number"] += 1

    assert pow.verify(base64.b64encode(json.dumps(data).encode()).decode()) is False


def test_a_challenge_signed_with_another_key_is_refused(settings):
    challenge = pow.new_challenge()
    settings.KEYED_HASH_SECRET = "another secret entirely, 0123456789abcdef"

    assert pow.verify(pow.solve(challenge)) is False


def test_an_expired_challenge_is_refused(settings):
    settings.POW_TTL_SECONDS = -10

    assert pow.verify(pow.solve(pow.new_challenge())) is False


WRONG_TYPES = "eyJhbGdvcml0aG0iOiAiU0hBLTI1NiIsICJjaGFsbGVuZ2UiOiBbXSwgIm51bWJlciI6IHt9LCAic2FsdCI6IDUsICJzaWduYXR1cmUiOiBudWxsfQ=="


@pytest.mark.parametrize(
    "garbage",
    ["", "not base64!", "e30=", "W10=", "x" * 5000, "bnVsbA==", "MQ==", "e30", WRONG_TYPES],
)
def test_garbage_payloads_are_refused(db, garbage):
    assert pow.verify(garbage) is False


def test_the_form_page_carries_a_challenge_and_the_script_from_our_origin(client, city):
    html = client.get("/en/endorse/").content.decode()

    assert 'data-pow-challenge="' in html
    assert '<script src="/static/lib/pow.js" defer></script>' in html
    assert "https://" not in html.split("<script")[1].split(">")[0]


def test_with_proof_of_work_the_contact_is_asked_to_confirm(client, vault, form_data, solved):
    response = client.post("/en/endorse/", {**form_data, "altcha": solved()})

    assert response["Location"] == "/en/endorse/thanks/"
    assert Endorsement.objects.get().status == Endorsement.Status.UNCONFIRMED
    assert len(mail.outbox) == 1


def test_without_javascript_the_endorsement_waits_for_an_organizer(client, vault, form_data):
    response = client.post("/en/endorse/", form_data)

    assert response["Location"] == "/en/endorse/received/"
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.AWAITING_REVIEW
    assert endorsement.proof_of_work is False
    assert mail.outbox == []
    assert (
        "An organizer of the campaign will check it"
        in client.get(response["Location"]).content.decode()
    )


def test_a_replayed_solution_counts_as_no_proof(client, vault, form_data, solved):
    payload = solved()
    client.post("/en/endorse/", {**form_data, "altcha": payload})

    response = client.post(
        "/en/endorse/", {**form_data, "contact_email": "second@example.org", "altcha": payload}
    )

    assert response["Location"] == "/en/endorse/received/"


def _solution(**changes):
    """A solved challenge of ours as the decoded payload, with `changes` applied."""
    return {**json.loads(base64.b64decode(pow.solve(pow.new_challenge()))), **changes}


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"number": 10**6},
        {"number": "7"},
        {"number": True},
        {"challenge": "0" * 64},
        {"signature": "0" * 64},
        {"signature": None},
        {"algorithm": "SHA-1"},
        {"salt": "abc?expires=99999999999&"},
        {"salt": "abc?expires=1&"},
        {"salt": "abc?expires=%39%39%39%39%39%39%39%39%39%39%39&"},
        {"salt": "abc?expires=1&expires=99999999999&"},
        {"salt": "abc"},
    ],
    ids=repr,
)
def test_our_check_gives_the_librarys_verdict(db, change):
    """The shortened check of our own challenges (`_ours_verified`) answers what
    `altcha.verify_solution_v1` answers, or hands the solution to it (None)."""
    import altcha

    solution = _solution(**change)
    library, _error = altcha.verify_solution_v1(solution, pow._hmac_key(), check_expires=True)
    ours = pow._ours_verified(solution)

    assert ours is None or ours == library
    if not change:
        assert ours is True  # the surge path: our own challenges never reach the library
    if "challenge" in change or "signature" in change or "number" in change:
        assert library is False


def test_a_solution_missing_a_field_is_refused(db):
    solution = _solution()
    del solution["signature"]
    payload = base64.b64encode(json.dumps(solution).encode()).decode()

    assert pow._ours_verified(solution) is None
    assert pow.verify(payload) is False
