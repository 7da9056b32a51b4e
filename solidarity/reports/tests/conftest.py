"""Fixtures for confidential reports: endorsers, a second city with its own unlocked
organizer, a representative of the reported organization, and a helper that sends the form."""

import datetime
import re
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

# Committed for real. `available_apps` (every app) makes the flush afterwards TRUNCATE ...
# CASCADE, which PostgreSQL needs for tables outside the ORM (the directory's search index).
COMMITTED = pytest.mark.django_db(transaction=True, available_apps=list(settings.INSTALLED_APPS))

CANARY = "Canary-narrative-7f3a9: the desk clerk photographed my papers"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def make_endorser(city: Any, name: str, *, visibility: str = "listed") -> Any:
    from solidarity.cities.models import Commitment
    from solidarity.directory.models import Organization
    from solidarity.endorsements.models import Endorsement
    from solidarity.vault.services import email_hash, seal_text

    organization = Organization.objects.create(
        city=city, name=name, slug=slugify(f"{name}-{city.slug}"), sector="healthcare"
    )
    Endorsement.objects.create(
        organization=organization,
        declaration=city.declarations.first(),
        provides_services=True,
        commitments=list(Commitment.values),
        decision_method="board",
        decided_month=datetime.date(2026, 1, 1),
        status=Endorsement.Status.VERIFIED,
        visibility=visibility,
        contact_sealed=seal_text("contact@example.org", city_id=city.pk),
        contact_email_hash=email_hash(f"{organization.slug}@example.org"),
    )
    return organization


@pytest.fixture
def endorser(city: Any, organizer: Any) -> Any:
    return make_endorser(city, "Clinique du Parc")


@pytest.fixture
def other_city(db: Any) -> Any:
    from solidarity.cities.demo import create_declaration
    from solidarity.cities.models import City

    toronto = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.6, longitude=-79.4)
    create_declaration(city=toronto, version=1, published_on=datetime.date(2026, 3, 21))
    return toronto


def otp_client(user: Any) -> Client:
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
    session.save()
    return client


@pytest.fixture
def other_city_client(organizer: Any, other_city: Any) -> Client:
    """An organizer of Toronto only, who holds the campaign key and has unlocked the vault."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from solidarity.accounts.models import User
    from solidarity.vault.keys import organizer_key_set, unwrap_keyring, vault_grant

    bo = User.objects.create_user(username="bo", password="another long password", is_staff=True)
    bo.cities.add(other_city)
    TOTPDevice.objects.create(user=bo, name="phone", confirmed=True)
    organizer_key_set(user=bo, passphrase="bo's own vault passphrase")
    keyring = unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")
    vault_grant(granter=organizer, keyring=keyring, organizer=bo)
    client = otp_client(bo)
    response = client.post(reverse("vault:unlock"), {"passphrase": "bo's own vault passphrase"})
    assert response.status_code == 302
    return client


@pytest.fixture
def representative_client(endorser: Any) -> Client:
    """A representative of the reported organization, logged in."""
    from solidarity.accounts.models import User

    rep = User.objects.create_user(username="rep", password="a representative password")
    rep.organization = endorser
    rep.save()
    client = Client()
    client.force_login(rep)
    return client


def report_data(**overrides: Any) -> dict[str, Any]:
    today = datetime.date.today()
    data = {
        "organization": "other",
        "organization_name": "",
        "city": "",
        "commitments": ["never_ask"],
        "month": today.strftime("%Y-%m"),
        "narrative": "They asked for my papers at the front desk.",
        "contact": "",
    }
    data.update(overrides)
    return data


def send_report(client: Client, **overrides: Any) -> tuple[Any, str]:
    """Posts the report form; returns the response and the receipt digits shown on it."""
    response = client.post(reverse("reports:report"), report_data(**overrides))
    match = re.search(r'class="receipt"[^>]*><strong>([\d ]+)</strong>', response.content.decode())
    return response, match.group(1) if match else ""


def solved_pow() -> str:
    from solidarity.lib import pow

    return pow.solve(pow.new_challenge())


def follow_up(client: Client, receipt: str, message: str | None = None, proven: bool = True) -> Any:
    data = {"receipt": receipt, "altcha": solved_pow() if proven else ""}
    if message is not None:
        data["message"] = message
    return client.post(reverse("reports:follow_up"), data)
