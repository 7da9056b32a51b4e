"""Security actions write an audit row in their own transaction (who, what, which day, never an
address); organizers read the trail; nothing in the app edits or deletes it."""

import datetime

from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from solidarity.organizers.admin import AuditEntryAdmin
from solidarity.organizers.models import AuditEntry
from solidarity.organizers.services import audit_log


def test_an_audit_row_names_actor_action_target_and_day_only(organizer, city):
    entry = audit_log(actor=organizer, action="verify", target=city, city_id=city.pk, detail="ok")

    assert entry.actor_name == "ana"
    assert entry.target_label == "Montreal"
    assert entry.day == timezone.localdate()
    assert {f.name for f in AuditEntry._meta.fields} == {
        "id",
        "actor",
        "actor_name",
        "action",
        "target_type",
        "target_id",
        "target_label",
        "city",
        "detail",
        "day",
    }


def test_unlock_and_a_failed_unlock_are_recorded(organizer_client, organizer):
    organizer_client.post(reverse("vault:unlock"), {"passphrase": "wrong"})
    organizer_client.post(reverse("vault:unlock"), {"passphrase": "ana's vault passphrase"})

    actions = list(AuditEntry.objects.filter(actor=organizer).values_list("action", flat=True))
    assert "vault_unlock_failed" in actions
    assert "vault_unlock" in actions


def test_the_trail_page_lists_entries_and_filters_by_action(organizer_client, organizer, city):
    audit_log(actor=organizer, action="verify", target=city)
    audit_log(actor=organizer, action="reject", target=city)

    page = organizer_client.get(reverse("organizers:audit"), {"action": "reject"}).content.decode()

    assert "reject" in page
    assert "<td>verify</td>" not in page


def test_the_trail_page_cannot_be_posted_to(organizer_client):
    assert organizer_client.post(reverse("organizers:audit")).status_code == 405


def test_a_city_organizer_sees_their_city_and_campaign_wide_entries(
    organizer_client, organizer, city
):
    from solidarity.cities.models import City

    other = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.6, longitude=-79.4)
    organizer.cities.set([city])
    audit_log(actor=None, action="mine", city_id=city.pk)
    audit_log(actor=None, action="theirs", city_id=other.pk)
    audit_log(actor=None, action="everyone")

    page = organizer_client.get(reverse("organizers:audit")).content.decode()

    assert "<td>mine</td>" in page
    assert "<td>everyone</td>" in page
    assert "<td>theirs</td>" not in page


def test_the_admin_cannot_add_change_or_delete_entries(organizer):
    request = RequestFactory().get("/")
    request.user = organizer
    model_admin = AuditEntryAdmin(AuditEntry, site)

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_days_not_times(organizer):
    entry = audit_log(actor=organizer, action="x")

    assert type(entry.day) is datetime.date
