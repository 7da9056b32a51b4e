"""Unconfirmed endorsements older than 7 days are deleted, with their organization when
nothing else refers to it."""

import datetime

import pytest
from django.utils import timezone

from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.retention import purge

pytestmark = pytest.mark.django_db


def test_stale_unconfirmed_endorsements_and_their_organizations_are_deleted(make_endorsement):
    stale = make_endorsement(name="Stale", status="unconfirmed")
    fresh = make_endorsement(name="Fresh", status="unconfirmed")
    verified = make_endorsement(name="Verified")
    today = timezone.localdate()
    Endorsement.objects.filter(pk__in=[stale.pk, verified.pk]).update(
        created_on=today - datetime.timedelta(days=8)
    )

    result = purge(today=today)

    assert result == {"unconfirmed endorsements": 1, "organizations": 1}
    assert set(Endorsement.objects.values_list("organization__name", flat=True)) == {
        "Fresh",
        "Verified",
    }
    assert not Organization.objects.filter(name="Stale").exists()
    assert fresh.organization in Organization.objects.all()


def test_an_organization_with_another_endorsement_is_kept(make_endorsement):
    stale = make_endorsement(name="Twice", status="unconfirmed")
    Endorsement.objects.filter(pk=stale.pk).update(
        created_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    other = make_endorsement(name="Other")
    Endorsement.objects.filter(pk=other.pk).update(organization=stale.organization)

    result = purge(today=timezone.localdate())

    assert result == {"unconfirmed endorsements": 1, "organizations": 0}
    assert Organization.objects.filter(pk=stale.organization.pk).exists()


def test_the_purge_command_runs_the_endorsement_retention(make_endorsement):
    import io

    from django.core.management import call_command

    stale = make_endorsement(name="Forgotten", status="unconfirmed")
    out = io.StringIO()

    call_command("purge", today=timezone.localdate() + datetime.timedelta(days=8), stdout=out)

    assert not Endorsement.objects.filter(pk=stale.pk).exists()
    assert "1 unconfirmed endorsements deleted" in out.getvalue()
