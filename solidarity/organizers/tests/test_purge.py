"""`solidarity-city purge` deletes what is due in every app, and nothing else; it is audited."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from solidarity.accounts.models import LoginToken, User
from solidarity.accounts.services import login_token_create, organizer_invite
from solidarity.organizers.models import AuditEntry
from solidarity.organizers.purge import purge_all, retention_modules

TODAY = datetime.date(2026, 12, 1)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_every_apps_retention_module_is_called(db):
    labels = set(retention_modules())

    assert "accounts" in labels
    assert set(purge_all(today=TODAY)) == labels


def test_expired_login_links_go_and_valid_ones_stay(organizer):
    rep = User.objects.create_user(username="rep")
    login_token_create(user=rep, purpose="login", lifetime=datetime.timedelta(minutes=30))
    LoginToken.objects.update(expires_at=at(TODAY - datetime.timedelta(days=1)))
    login_token_create(user=rep, purpose="login", lifetime=datetime.timedelta(days=3650))

    results = purge_all(today=TODAY)

    assert results["accounts"]["expired login links"] == 1
    assert LoginToken.objects.count() == 1
    assert User.objects.filter(username="rep").exists()


def test_unused_organizer_invitations_go_once_expired(organizer):
    stale, _token = organizer_invite(inviter=organizer, username="stale")
    fresh, _token = organizer_invite(inviter=organizer, username="fresh")
    LoginToken.objects.filter(user=stale).update(expires_at=at(TODAY - datetime.timedelta(days=1)))
    LoginToken.objects.filter(user=fresh).update(expires_at=at(TODAY + datetime.timedelta(days=3)))

    results = purge_all(today=TODAY)

    assert results["accounts"]["unused organizer invitations"] == 1
    assert not User.objects.filter(username="stale").exists()
    assert User.objects.filter(username="fresh").exists()
    assert User.objects.filter(username="ana").exists()


def test_a_purge_is_audited_with_what_it_deleted(organizer):
    call_command("purge", "--today", TODAY.isoformat(), stdout=io.StringIO())

    entry = AuditEntry.objects.get(action="purge")
    assert entry.actor_name == "system"
    assert "expired login links 0" in entry.detail


def test_the_command_reports_counts(organizer):
    out = io.StringIO()

    call_command("purge", stdout=out)

    assert "accounts: 0 expired login links deleted" in out.getvalue()
    assert "Purge done." in out.getvalue()


def test_the_purge_task_runs_the_same_purge(organizer):
    from solidarity.organizers.tasks import purge

    result = purge.enqueue()

    assert "accounts" in result.return_value
    assert AuditEntry.objects.filter(action="purge").count() == 1
