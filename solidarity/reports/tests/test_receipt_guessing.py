"""Guessing receipts is throttled: wrong receipts are counted per visitor (a keyed hash of the
address, in the cache only), and attempts without proof-of-work get a far smaller budget."""

from django.test import Client
from django.urls import reverse

from solidarity.lib import pow
from solidarity.reports.tests.conftest import follow_up, send_report

WRONG = "0000 0000 0000 0000"


def test_a_visitor_who_keeps_guessing_is_refused_with_429(city, organizer):
    guesser = Client()
    statuses = [follow_up(guesser, WRONG).status_code for _ in range(13)]

    assert statuses[:10] == [400] * 10
    assert statuses[-1] == 429
    assert "Too many attempts" in follow_up(guesser, WRONG).content.decode()


def test_once_refused_even_the_right_receipt_must_wait(city, organizer):
    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")
    for _ in range(12):
        follow_up(reporter, WRONG)

    assert follow_up(reporter, receipt).status_code == 429


def test_guesses_without_proof_of_work_get_a_far_smaller_budget(city, organizer):
    guesser = Client()
    statuses = [follow_up(guesser, WRONG, proven=False).status_code for _ in range(6)]

    assert statuses[:3] == [400] * 3
    assert statuses[-1] == 429


def test_a_replayed_proof_of_work_counts_as_no_proof(city, organizer):
    guesser = Client()
    payload = pow.solve(pow.new_challenge())
    url = reverse("reports:follow_up")
    statuses = [
        guesser.post(url, {"receipt": WRONG, "altcha": payload}).status_code for _ in range(6)
    ]

    assert statuses[-1] == 429


def test_a_person_without_javascript_can_still_open_their_report(city, organizer):
    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")

    response = follow_up(reporter, receipt, proven=False)

    assert response.status_code == 200
    assert "They asked for my papers at the front desk." in response.content.decode()
