"""Per-report keys (DESIGN.md §5): the report opens with the receipt or with the campaign key,
key rotation re-seals it, and deleting both wrapped copies of its private key shreds it."""

import json

import pytest
from django.test import Client
from nacl.exceptions import CryptoError

from solidarity.reports import receipts
from solidarity.reports.inbox_services import report_open_for_organizer
from solidarity.reports.models import Report
from solidarity.reports.services import report_open_by_receipt
from solidarity.reports.tests.conftest import CANARY, send_report
from solidarity.vault import crypto
from solidarity.vault.keys import unwrap_keyring
from solidarity.vault.rotation import vault_rotate
from solidarity.vault.services import VaultLocked

PASSPHRASE = "ana's vault passphrase"


@pytest.fixture
def sent(city, organizer):
    _response, receipt = send_report(
        Client(), city=city.pk, organization_name="Corner Pharmacy", narrative=CANARY
    )
    return Report.objects.get(), receipt


def test_each_report_has_its_own_key_pair(city, organizer):
    for n in range(2):
        send_report(Client(), city=city.pk, organization_name="X", submission=str(n))

    first, second = Report.objects.all()
    assert bytes(first.public_key) != bytes(second.public_key)


def test_the_receipt_and_the_campaign_key_each_open_the_report(sent, organizer):
    report, receipt = sent

    by_receipt = report_open_by_receipt(receipt_text=receipt)
    keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    by_organizer = report_open_for_organizer(report=report, keyring=keyring)

    assert by_receipt is not None
    assert by_receipt.content()["narrative"] == CANARY
    assert by_organizer.content()["narrative"] == CANARY
    assert by_receipt.private_key == by_organizer.private_key


def test_the_content_is_sealed_to_the_reports_own_public_key(sent):
    report, receipt = sent
    opened = report_open_by_receipt(receipt_text=receipt)

    assert CANARY.encode() not in bytes(report.content)
    content = json.loads(crypto.unseal(opened.private_key, bytes(report.content)))
    assert content["organization_name"] == "Corner Pharmacy"


def test_a_wrong_receipt_derives_a_key_that_unwraps_nothing(sent):
    report, _receipt = sent
    limits = {"ops_limit": report.receipt_ops_limit, "mem_limit": report.receipt_mem_limit}
    wrong = receipts.derive_keys("1" * 16, **limits)

    with pytest.raises(CryptoError):
        crypto.secretbox_decrypt(wrong.wrap_key, bytes(report.private_key_wrapped))


def test_campaign_key_rotation_reseals_the_reports_private_key(sent, organizer):
    report, receipt = sent
    keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)

    vault_rotate(actor=organizer, keyring=keyring, city_id=None)

    report.refresh_from_db()
    new_keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    with pytest.raises(VaultLocked):
        report_open_for_organizer(report=report, keyring=keyring)
    opened = report_open_for_organizer(report=report, keyring=new_keyring)
    assert opened.content()["narrative"] == CANARY
    assert report_open_by_receipt(receipt_text=receipt) is not None


def test_an_organizer_without_the_campaign_key_cannot_open_it(sent):
    report, _receipt = sent

    with pytest.raises(VaultLocked):
        report_open_for_organizer(report=report, keyring={})
